// Changing and deleting what was entered (issue 7): goals and assessment
// details can be edited; deleting asks first and can be undone straight
// after; a partner export shows what it holds and leaves notes out unless
// chosen; partner files are not mixed up; everything can be deleted from a
// shared computer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, download, downloadText, load, savedWorkbook, fillDate } from './support.mjs';

const app = useApp();

const goals = (page) => page.getByRole('list', { name: 'Your goals' });
const goalTitles = (page) => goals(page).getByRole('heading').allTextContents();
const stored = (page) => savedWorkbook(page);

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await goals(page).getByRole('heading', { name: title }).waitFor();
}

async function startAssessment(page, partnership, role = 'Clinician (GP, nurse, consultant or other clinician)') {
  await load(page, '/#/self-assessment/new');
  await waitForApp(page);
  await page.getByLabel('Partnership name').fill(partnership);
  await page.getByLabel(role).check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
}

test('a goal can be changed, including giving it a target date, with the same checks as adding one', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Chair the board');
  await page.getByRole('link', { name: 'Change goal: Chair the board' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a goal' }).waitFor();
  assert.equal(await page.getByLabel('What do you want to achieve?').inputValue(), 'Chair the board');

  await page.getByLabel('What do you want to achieve?').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter what you want to achieve' }).waitFor();

  await page.getByLabel('What do you want to achieve?').fill('Chair the respiratory programme board');
  await fillDate(page, 'Target date (optional)', '2099-06-30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // Saving goes to the goal's own page.
  await page.getByRole('heading', { level: 1, name: 'Chair the respiratory programme board' }).waitFor();
  await goToArea(page, 'Development plan');
  assert.deepEqual(await goalTitles(page), ['Chair the respiratory programme board']);
  await page.reload();
  await waitForApp(page);
  assert.match(await goals(page).textContent(), /Target date: 30 June 2099/);
  await context.close();
});

test('deleting a goal asks first, and can be undone straight after', async () => {
  const { context, page } = await app.open('/#/development-plan');
  for (const title of ['First', 'Second', 'Third']) await addGoal(page, title);
  await page.getByRole('button', { name: 'Delete goal: Second' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await goalTitles(page), ['First', 'Second', 'Third'], 'cancel keeps it');

  await page.getByRole('button', { name: 'Delete goal: Second' }).click();
  await page.getByRole('button', { name: 'Yes, delete goal: Second' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted the goal "Second".' });
  await notice.waitFor();
  assert.deepEqual(await goalTitles(page), ['First', 'Third']);
  assert.equal((await stored(page)).deleted.length, 1, 'a tombstone is saved');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await goals(page).getByRole('heading', { name: 'Second' }).waitFor();
  assert.deepEqual(await goalTitles(page), ['First', 'Second', 'Third'], 'back in its place');
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await goalTitles(page), ['First', 'Second', 'Third']);
  assert.equal((await stored(page)).deleted.length, 0);
  await context.close();
});

test('an assessment can be renamed, re-dated and re-roled, and deleted with an undo', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Old name');
  await page.getByRole('radio', { name: '3 Established' }).first().check();
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: /^Change details: Old name/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Change assessment details' }).waitFor();
  await page.getByLabel('Partnership name').fill('New name');
  await page.getByLabel('Manager (commissioning organisation)').check();
  await fillDate(page, 'Date of the assessment', '2026-01-15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('cell', { name: 'New name (Manager), 15 January 2026', exact: true }).waitFor();
  assert.equal(Object.keys((await stored(page)).assessments[0].answers).length, 1, 'answers are kept');

  await page.getByRole('link', { name: /^Change details: New name/ }).click();
  await page.getByRole('button', { name: /^Delete assessment: New name/ }).click();
  await page.getByRole('button', { name: /^Yes, delete assessment: New name/ }).click();
  await page.getByText('You have not started an assessment yet.').waitFor();
  await page.getByRole('status').filter({ hasText: 'Deleted the assessment New name' }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('cell', { name: 'New name (Manager), 15 January 2026', exact: true }).waitFor();
  await context.close();
});

test('export for a partner shows what the file holds and leaves evidence notes out unless chosen', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Export partnership', 'Manager (commissioning organisation)');
  await page.getByRole('radio', { name: '2 Developing' }).first().check();
  const notes = page.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first();
  await notes.fill('Private: Dr X is not engaged');
  // The note is saved (typing is saved once it pauses) before the export reads it.
  assert.equal((await stored(page)).assessments[0].answers['power-1'].evidence, 'Private: Dr X is not engaged');
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: /^Export for your partner: Export partnership/ }).click();
  const contents = page.getByRole('list', { name: 'What the file will contain' });
  await contents.waitFor();
  assert.match(await contents.textContent(), /Your rating of 1 statement/);
  assert.match(await contents.textContent(), /Not your evidence notes: the notes on 1 statement stay in this browser/);
  await page.getByRole('heading', { name: 'How to share it safely' }).waitFor();

  const without = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.match(without.suggestedFilename(), /^partnership-assessment-manager-export-partnership-/);
  const withoutText = await downloadText(without);
  assert.doesNotMatch(withoutText, /Dr X/);
  assert.equal(JSON.parse(withoutText).assessment.answers['power-1'].rating.level, 2);

  await page.getByLabel('Include my evidence notes').check();
  assert.match(await contents.textContent(), /Your evidence notes on 1 statement/);
  const withNotes = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.match(await downloadText(withNotes), /Dr X/);
  await context.close();
});

test('your own export is refused as a partner file, the same file twice is recognised, and a newer copy replaces the old', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Mix-up partnership');
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: /^Export for your partner: Mix-up/ }).click();
  const own = await downloadText(await download(page, page.getByRole('button', { name: 'Download the file' })));
  await goToArea(page, 'Self-assessment');
  const choose = (text, name = 'file.json') =>
    page.getByLabel("Choose your partner's assessment file").setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await choose(own);
  await page.getByRole('alert').filter({ hasText: 'one of your own assessments' }).waitFor();

  // A partner's file: the same assessment as if exported from another workbook.
  const theirs = JSON.parse(own);
  theirs.assessment.id = 'assessment-from-partner';
  theirs.assessment.role = 'manager';
  await choose(JSON.stringify(theirs));
  await page.getByRole('status').filter({ hasText: 'Imported Mix-up partnership (Manager)' }).waitFor();
  await choose(JSON.stringify(theirs));
  await page.getByRole('alert').filter({ hasText: 'already imported this assessment' }).waitFor();
  theirs.assessment.updated_at = '2099-01-01T00:00:00Z';
  theirs.assessment.answers = { 'power-1': { rating: { level: 4 }, evidence: '', flagged: false } };
  await choose(JSON.stringify(theirs));
  await page.getByRole('status').filter({ hasText: 'this newer copy replaces the one you imported before' }).waitFor();
  const partners = (await stored(page)).partner_assessments;
  assert.equal(partners.length, 1);
  assert.equal(partners[0].answers['power-1'].rating.level, 4);
  await context.close();
});

test('everything can be deleted from a shared computer, after offering a backup, and other tabs follow', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Something private');
  const other = await context.newPage();
  await load(other, '/#/development-plan');
  await waitForApp(other);
  await goals(other).getByRole('heading', { name: 'Something private' }).waitFor();

  await goToArea(page, 'Your data');
  await page.getByRole('button', { name: 'Download a backup first' }).waitFor();
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  const confirm = page.getByRole('group', { name: 'Are you sure you want to delete everything?' });
  assert.match(await confirm.textContent(), /1 development plan goal/);
  await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('status').filter({ hasText: 'Everything has been deleted from this browser' }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('commissioning-workbook')));
  assert.deepEqual(keys, []);
  await other.getByText('You have no goals yet.').waitFor({ timeout: 1000 });
  await page.reload();
  await waitForApp(page);
  await goToArea(page, 'Development plan');
  await page.getByText('You have no goals yet.').waitFor();
  await context.close();
});
