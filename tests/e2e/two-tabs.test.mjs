// Two tabs of the app open at once in one browser: what is saved in one
// appears in the other, entries made in both are all kept, and a half-typed
// field is not disturbed when the other tab saves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp, load, unpackStored, savedWorkbook, storedWorkbook } from './support.mjs';

const app = useApp();

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

/** A second tab in the same browser context, so it shares local storage. */
async function secondTab(context, path) {
  const page = await context.newPage();
  await load(page, path);
  await waitForApp(page);
  return page;
}

const goalTitles = (page) =>
  page.getByRole('list', { name: 'Your goals' }).getByRole('heading').allTextContents();

// The stored JSON, unpacked from local storage's compressed form.
const stored = async (page) => unpackStored(await page.evaluate(() => localStorage.getItem('commissioning-workbook')));

test('a goal saved in one tab appears in the other within a second, and both tabs keep entries made in either', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  const second = await secondTab(context, '/#/development-plan');

  await addGoal(first, 'Entered in the first tab');
  await second
    .getByRole('list', { name: 'Your goals' })
    .getByRole('heading', { name: 'Entered in the first tab' })
    .waitFor({ timeout: 1000 });

  // Half-typed in the second tab while the first saves again: the text stays.
  await second.getByLabel('What do you want to achieve?').fill('Half typed in the second');
  await addGoal(first, 'Another from the first tab');
  await second.getByRole('heading', { name: 'Another from the first tab' }).waitFor({ timeout: 1000 });
  assert.equal(await second.getByLabel('What do you want to achieve?').inputValue(), 'Half typed in the second');

  await second.getByRole('button', { name: 'Add goal' }).click();
  await first.getByRole('heading', { name: 'Half typed in the second' }).waitFor({ timeout: 1000 });

  const expected = ['Entered in the first tab', 'Another from the first tab', 'Half typed in the second'];
  assert.deepEqual(await goalTitles(first), expected);
  assert.deepEqual(await goalTitles(second), expected);

  const saved = await storedWorkbook(first);
  assert.equal(saved.revision, 3, 'one revision per save');
  assert.deepEqual(saved.plans.flatMap((p) => p.goals).map((g) => g.title), expected);
  assert.ok(!(await stored(first)).includes('\n'), 'local storage holds compact JSON');
  const packed = await first.evaluate(() => localStorage.getItem('commissioning-workbook'));
  assert.match(packed, /^commissioning-workbook:lz4:2:3:/, 'packed, with the revision in its header');
  for (const goal of saved.plans.flatMap((p) => p.goals)) {
    assert.match(goal.id, /^goal-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'random v4 ids');
    assert.ok(goal.created_at && goal.updated_at);
  }

  await first.reload();
  await waitForApp(first);
  assert.deepEqual(await goalTitles(first), expected);
  await context.close();
});

test('a tab that missed the other tab\'s save builds on it instead of overwriting it', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  // This tab never hears of other tabs' saves, as if the event came late. It
  // counts the events it swallows, so the test knows when one has come.
  const deaf = await context.newPage();
  await deaf.addInitScript(() => {
    window.swallowedStorageEvents = 0;
    window.addEventListener('storage', (event) => {
      event.stopImmediatePropagation();
      window.swallowedStorageEvents += 1;
    }, true);
  });
  await load(deaf, '/#/development-plan');
  await waitForApp(deaf);

  await addGoal(first, 'Saved first, in the tab that hears');
  await savedWorkbook(first);
  // The moment has passed once the deaf tab can read the first tab's save
  // and the browser has delivered (and the tab swallowed) its storage event.
  await deaf.waitForFunction(
    () => window.swallowedStorageEvents > 0 && localStorage.getItem('commissioning-workbook')?.startsWith('commissioning-workbook:lz4:2:1:'),
  );
  assert.deepEqual(await goalTitles(deaf).catch(() => []), [], 'the deaf tab did not hear');

  await addGoal(deaf, 'Saved second, in the deaf tab');
  const both = ['Saved first, in the tab that hears', 'Saved second, in the deaf tab'];
  // Saving (just after the frame that shows the goal), the deaf tab found the
  // newer revision and replayed its goal on it.
  const savedByDeaf = await savedWorkbook(deaf);
  assert.deepEqual(savedByDeaf.plans.flatMap((p) => p.goals).map((g) => g.title), both);
  await deaf.getByRole('heading', { name: 'Saved first, in the tab that hears' }).waitFor();
  assert.deepEqual(await goalTitles(deaf), both);
  await first.getByRole('heading', { name: 'Saved second, in the deaf tab' }).waitFor({ timeout: 1000 });
  assert.deepEqual(await goalTitles(first), both);

  // A removal in one tab reaches the other and leaves a tombstone.
  await first.getByRole('button', { name: 'Delete goal: Saved first, in the tab that hears' }).click();
  await first.getByRole('button', { name: 'Yes, delete goal: Saved first, in the tab that hears' }).click();
  const saved = await savedWorkbook(first);
  assert.deepEqual(saved.plans.flatMap((p) => p.goals).map((g) => g.title), ['Saved second, in the deaf tab']);
  assert.equal(saved.deleted.length, 1);
  assert.equal(saved.deleted[0].kind, 'goal');
  await context.close();
});

test('evidence typed in one tab survives answers saved in the other, and is saved without leaving the box', async () => {
  const { context, page: first } = await app.open('/#/self-assessment/new');
  await first.getByLabel('Partnership name').fill('Two-tab partnership');
  await first.getByLabel('Manager (commissioning organisation)').check();
  await first.getByRole('button', { name: 'Start assessment' }).click();
  await first.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
  const second = await secondTab(context, first.url().replace(/^https?:\/\/[^/]+/, ''));

  const evidence = second.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first();
  await evidence.click();
  await evidence.pressSequentially('Minutes of the March board');
  // The first tab answers a statement while the second is mid-typing.
  await first.getByRole('radio', { name: '3 Established' }).first().check();
  await second.getByRole('radio', { name: '3 Established' }).first().waitFor();
  await second.waitForFunction(() => document.querySelector('input[type=radio][id$="-3"]:checked') !== null, null, { timeout: 1000 });
  assert.equal(await evidence.inputValue(), 'Minutes of the March board');

  // Saved while the box still has focus (no change event has fired).
  const saved = await savedWorkbook(second);
  assert.equal(await second.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'the box still has focus');
  const answers = Object.values(saved.assessments[0].answers);
  assert.ok(answers.some((a) => a.evidence === 'Minutes of the March board'), 'typing was saved');
  assert.ok(answers.some((a) => a.rating), 'the first tab\'s rating was kept');
  await context.close();
});

test('evidence another tab changes while this tab is still in the box is shown once the user leaves it', async () => {
  const { context, page: first } = await app.open('/#/self-assessment/new');
  await first.getByLabel('Partnership name').fill('Two-tab notes');
  await first.getByLabel('Manager (commissioning organisation)').check();
  await first.getByRole('button', { name: 'Start assessment' }).click();
  await first.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
  const second = await secondTab(context, first.url().replace(/^https?:\/\/[^/]+/, ''));
  const inSecond = second.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first();
  const inFirst = first.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first();

  // The second tab types, and stays in the box.
  await inSecond.click();
  await inSecond.pressSequentially('Board minutes');
  await savedWorkbook(second);
  await first.waitForFunction(() => document.querySelector('textarea')?.value === 'Board minutes');

  // The first tab adds to the same note and saves it.
  await inFirst.click();
  await inFirst.press('End');
  await inFirst.pressSequentially(', March');
  const saved = await savedWorkbook(first);
  assert.ok(Object.values(saved.assessments[0].answers).some((a) => a.evidence === 'Board minutes, March'));

  // Leaving the box in the second tab shows the note as it now is.
  await inSecond.press('Tab');
  await second.waitForFunction(() => document.querySelector('textarea')?.value === 'Board minutes, March', null, { timeout: 5000 });
  await context.close();
});
