// Issue 26, the support agreement, as a commissioning group's lead starts
// one: drafted from a self-assessment whose support statements are weak,
// each proposed commitment shown with why and where it comes from; one left
// out; the rest numbered on the agreement's page; one added from the clause
// library, one reworded key by key, one deleted and brought back with undo;
// all of it kept through a reload, a second tab and a backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, waitForApp, fillDate, savedWorkbook, download, downloadText, axeViolations } from './support.mjs';

const app = useApp();

const ASSESSMENT = 'assessment-support-1';

/** A workbook with one self-assessment rating the budget, escalation and protected-time statements weak. */
function workbookWithWeakSupport() {
  const at = '2026-11-20T09:00:00Z';
  const answer = (level) => ({ rating: { level }, evidence: '', flagged: false });
  return {
    format: 'commissioning-workbook',
    schema_version: 5,
    created_at: at,
    updated_at: at,
    revision: 1,
    assessments: [
      {
        id: ASSESSMENT,
        framework_version: 1,
        partnership: 'Nene Valley',
        clinical_area: '',
        role: 'clinician',
        date: '2026-11-20',
        answers: {
          'support-2': answer(0),
          'support-6': answer(1),
          'resources-1': answer(1),
          'support-4': answer(3),
        },
        importance: {},
        created_at: at,
        updated_at: at,
      },
    ],
    partner_assessments: [],
    plans: [],
    placements: [],
    deleted: [],
  };
}

async function openWithAssessment(path) {
  const { context, page } = await app.open();
  await page.evaluate((wb) => localStorage.setItem('commissioning-workbook', JSON.stringify(wb)), workbookWithWeakSupport());
  await load(page, path);
  return { context, page };
}

/** Fills in the agreement's parties, leads and period, key by key. */
async function fillDetails(page) {
  await page.getByLabel('The commissioning group (a PCN or place partnership)').check();
  await page.getByLabel('The commissioning group', { exact: true }).pressSequentially('Nene Valley PCN');
  await page.getByLabel("The group's lead").pressSequentially('Dr Asha Patel');
  await page.getByLabel('The commissioning organisation', { exact: true }).pressSequentially('Northamptonshire ICB');
  await page.getByLabel("The organisation's lead").pressSequentially('Jo Smith');
  await fillDate(page, 'Starts', '2027-04-01');
  await fillDate(page, 'Ends', '2028-03-31');
  await fillDate(page, 'First review meeting (optional)', '2027-07-01');
}

test('an agreement is drafted from a self-assessment, each clause sourced, and its commitments changed with undo', async () => {
  const { context, page } = await openWithAssessment('/#/support-agreement');
  await page.getByRole('heading', { level: 1, name: 'Support agreements' }).waitFor();
  const main = page.getByRole('main');
  assert.match(await main.innerText(), /integrated care board \(ICB\)/, 'today\'s names for the parties');
  assert.match(await main.innerText(), /primary care trust \(PCT\)/, 'and the articles\' names');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('link', { name: 'Start an agreement' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a support agreement' }).waitFor();
  // Nothing filled in: each required field is named in the summary; nothing is kept.
  await page.getByRole('button', { name: 'Start the agreement' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  for (const message of ['Enter the name of the commissioning group', "Enter the name of the group's lead", 'Enter the start date', 'Enter the end date']) {
    assert.match(await summary.innerText(), new RegExp(message));
  }
  await fillDetails(page);

  // Proposed from the weak statements, each with why and where from.
  const proposed = page.getByRole('checkbox');
  assert.deepEqual(await proposed.evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent)), [
    'Indicative budget',
    'Protected, backfilled time for clinicians',
    'Escalation, and support from elsewhere',
  ]);
  const budget = page.getByRole('checkbox', { name: 'Indicative budget' });
  assert.ok(await budget.isChecked());
  const why = await page.locator('#propose-indicative-budget-hint').innerText();
  assert.match(why, /Proposed because you rated .*rated 0/);
  assert.match(why, /Department of Health \(2009\)\. Clinical commissioning: our vision for practice-based commissioning/);
  assert.match(why, /by 1 May each year/);
  assert.deepEqual(await axeViolations(page), []);
  // Leave out protected time.
  await page.getByRole('checkbox', { name: 'Protected, backfilled time for clinicians' }).uncheck();
  await page.getByRole('button', { name: 'Start the agreement' }).click();

  await page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  const commitments = page.getByRole('list', { name: 'Commitments' });
  assert.deepEqual(await commitments.getByRole('heading').allTextContents(), [
    '1. Indicative budget',
    '2. Escalation, and support from elsewhere',
  ]);
  assert.match(await main.innerText(), /Drafted from\s+Nene Valley \(Clinician\), 20 November 2026/);
  assert.match(await main.innerText(), /Next review meeting: 1 July 2027/);
  assert.deepEqual(await axeViolations(page), []);

  // Add one from the library: choosing it fills in its wording to change.
  await page.getByRole('link', { name: 'Add a commitment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a commitment' }).waitFor();
  await page.getByLabel('Start from a clause in the library').selectOption({ label: 'Review meetings' });
  assert.equal(await page.getByLabel('By when or how often').inputValue(), 'Every quarter');
  assert.match(await main.innerText(), /Sources?:\s.*formal agreement about the support a PCT provides/s);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('By when or how often').fill('');
  await page.getByLabel('By when or how often').pressSequentially('Every two months');
  await page.getByRole('button', { name: 'Add the commitment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  assert.equal(await commitments.getByRole('heading').count(), 3);
  assert.match(await commitments.innerText(), /Every two months/);

  // Reword one key by key; an empty required field is refused and loses nothing.
  await commitments.getByRole('link', { name: '1. Indicative budget' }).click();
  await page.getByRole('heading', { level: 1, name: '1. Indicative budget' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const provider = page.getByLabel('Who provides it');
  await provider.fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter who provides it' }).waitFor();
  assert.equal(await page.getByLabel('What is provided').inputValue(),
    "The commissioning organisation sets the group's indicative budget for the year and tells the group what it is.");
  await provider.pressSequentially('Chief finance officer');
  await fillDate(page, 'Due by (optional)', '2027-05-01');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  assert.match(await commitments.innerText(), /Chief finance officer/);
  assert.match(await commitments.innerText(), /Due by\s+1 May 2027/);

  // Delete one and bring it back.
  await commitments.getByRole('link', { name: '2. Escalation, and support from elsewhere' }).click();
  await page.getByRole('button', { name: 'Delete commitment: Escalation, and support from elsewhere' }).click();
  await page.getByRole('button', { name: 'Yes, delete commitment: Escalation, and support from elsewhere' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  assert.equal(await commitments.getByRole('heading').count(), 2);
  await page.getByRole('status').filter({ hasText: 'Deleted the commitment' }).getByRole('button', { name: 'Undo' }).click();
  await commitments.getByRole('link', { name: '2. Escalation, and support from elsewhere' }).waitFor();

  // Kept through a reload, and in the backup.
  const saved = await savedWorkbook(page);
  assert.equal(saved.schema_version, 7);
  const agreement = saved.support_agreements.agreements[0];
  assert.equal(agreement.drafted_from_id, ASSESSMENT);
  assert.deepEqual(agreement.commitments.map((c) => c.clause_id), ['indicative-budget', 'escalation', 'review-meetings']);
  await load(page, page.url().replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(await commitments.getByRole('heading').count(), 3);
  await load(page, '/#/your-data');
  const backup = JSON.parse(await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' }))));
  assert.equal(backup.support_agreements.agreements[0].commitments[0].provider, 'Chief finance officer');
  await context.close();
});

test('a commitment added in one tab and another changed in a second tab are both kept', async () => {
  const { context, page: first } = await openWithAssessment('/#/support-agreement/new');
  await fillDetails(first);
  await first.getByRole('button', { name: 'Start the agreement' }).click();
  await first.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  const agreementPath = first.url().replace(/^https?:\/\/[^/]+/, '');
  const second = await context.newPage();
  await load(second, agreementPath);
  await waitForApp(second);

  // The first tab rewords commitment 1 while the second adds a new one.
  await first.getByRole('link', { name: '1. Indicative budget' }).click();
  await first.getByLabel('Who provides it').fill('');
  await first.getByLabel('Who provides it').pressSequentially('Finance team');
  await second.getByRole('link', { name: 'Add a commitment' }).click();
  await second.getByLabel('Start from a clause in the library').selectOption({ label: 'Project management' });
  await second.getByRole('button', { name: 'Add the commitment' }).click();
  await first.getByRole('button', { name: 'Save changes' }).click();
  await first.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  const list = first.getByRole('list', { name: 'Commitments' });
  await list.getByRole('link', { name: /\. Project management$/ }).waitFor();
  assert.match(await list.innerText(), /Finance team/);
  const saved = await savedWorkbook(second);
  const commitments = saved.support_agreements.agreements[0].commitments;
  assert.equal(commitments.find((c) => c.clause_id === 'indicative-budget').provider, 'Finance team');
  assert.ok(commitments.some((c) => c.clause_id === 'project-management'));
  await context.close();
});

test('an agreement with no assessment starts blank; a wrong file for "the other party sent" gets a clear message', async () => {
  const { context, page } = await app.open('/#/support-agreement/new');
  assert.match(await page.getByRole('main').innerText(), /first complete a\s+self-assessment/);
  await fillDetails(page);
  await fillDate(page, 'Ends', '2027-03-01');
  await page.getByRole('button', { name: 'Start the agreement' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'The end date must be after the start date' }).waitFor();
  await fillDate(page, 'Ends', '2028-03-31');
  await page.getByRole('button', { name: 'Start the agreement' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  assert.match(await page.getByRole('main').innerText(), /There are no commitments yet/);

  await load(page, '/#/support-agreement');
  for (const [name, text, message] of [
    ['backup.json', '{"format": "commissioning-workbook", "schema_version": 6}', /not a support agreement sent from Commissioning Workbook/],
    ['broken.json', '{"format": ', /not valid JSON, so it cannot be a support agreement/],
    ['newer.json', '{"format": "commissioning-workbook-agreement", "schema_version": 9}', /newer version of this app/],
  ]) {
    await page.getByLabel('Choose the agreement file they sent').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
  }
  assert.deepEqual(await axeViolations(page), []);
  const saved = await savedWorkbook(page);
  assert.equal(saved.support_agreements.agreements.length, 1, 'nothing added');
  await context.close();
});

test('an agreement changed in two browsers is merged from a backup, the newer wording kept and the other listed', async () => {
  const here = await openWithAssessment('/#/support-agreement/new');
  await fillDetails(here.page);
  await here.page.getByRole('button', { name: 'Start the agreement' }).click();
  await here.page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' }).waitFor();
  await load(here.page, '/#/your-data');
  const start = await downloadText(await download(here.page, here.page.getByRole('button', { name: 'Download backup' })));

  // A second browser, its clock an hour ahead, starts from that backup.
  const there = await app.open('/#/your-data', { at: '2026-12-03T11:15:00' });
  await there.page.getByLabel('Choose a backup file').setInputFiles({ name: 'start.json', mimeType: 'application/json', buffer: Buffer.from(start) });
  await there.page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await there.page.getByRole('status').filter({ hasText: 'Workbook restored' }).waitFor();

  const reword = async (page, provider) => {
    await load(page, '/#/support-agreement');
    await page.getByRole('link', { name: 'Nene Valley PCN and Northamptonshire ICB' }).click();
    await page.getByRole('link', { name: '1. Indicative budget' }).click();
    await page.getByLabel('Who provides it').fill('');
    await page.getByLabel('Who provides it').pressSequentially(provider);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('list', { name: 'Commitments' }).getByText(provider).waitFor();
  };
  await reword(here.page, 'Finance director');
  await reword(there.page, 'Chief finance officer');
  await there.page.getByRole('link', { name: 'Add a commitment' }).click();
  await there.page.getByLabel('Start from a clause in the library').selectOption({ label: 'Project management' });
  await there.page.getByRole('button', { name: 'Add the commitment' }).click();
  await there.page.getByRole('list', { name: 'Commitments' }).getByRole('link', { name: /\. Project management$/ }).waitFor();
  await load(there.page, '/#/your-data');
  const theirs = await downloadText(await download(there.page, there.page.getByRole('button', { name: 'Download backup' })));

  await load(here.page, '/#/your-data');
  await here.page.getByLabel('Choose a backup file').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(theirs) });
  const preview = here.page.getByRole('list', { name: 'What merging would do' });
  assert.match(await preview.textContent(), /1 commitment added/);
  await here.page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  await here.page.getByRole('status').filter({ hasText: 'Backup merged' }).waitFor();
  const conflict = here.page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  assert.equal(await conflict.count(), 1);
  assert.match(await conflict.textContent(), /the commitment "Indicative budget"/i);
  assert.match(await conflict.textContent(), /Finance director/);

  await load(here.page, '/#/support-agreement');
  await here.page.getByRole('link', { name: 'Nene Valley PCN and Northamptonshire ICB' }).click();
  const list = here.page.getByRole('list', { name: 'Commitments' });
  assert.match(await list.innerText(), /Chief finance officer/, 'the newer wording wins');
  await list.getByRole('link', { name: /\. Project management$/ }).waitFor();
  await here.context.close();
  await there.context.close();
});
