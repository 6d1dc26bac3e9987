// Data entered survives a reload; bad input gets a clear message and loses nothing;
// unreadable or unsavable storage never costs the user their data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, goToArea, waitForApp, downloadText, load, storedWorkbook, savedWorkbook, packStored, fillDate } from './support.mjs';

const app = useApp();

async function addGoal(page, title, targetDate = '') {
  await page.getByLabel('What do you want to achieve?').fill(title);
  if (targetDate) await fillDate(page, 'Target date (optional)', targetDate);
  await page.getByRole('button', { name: 'Add goal' }).click();
}

test('a goal entered in the development plan is still there after a reload', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'Development plan');
  await addGoal(page, 'Chair the respiratory programme board', '2099-03-31');
  const goals = page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: 'Chair the respiratory programme board' }).waitFor();

  await page.reload();
  await waitForApp(page);
  await goals.getByRole('heading', { name: 'Chair the respiratory programme board' }).waitFor();
  assert.match(await goals.textContent(), /Target date: 31 March 2099/);

  await load(page, '/#/');
  await waitForApp(page);
  assert.match(await page.getByRole('list', { name: 'Workbook contents' }).textContent(), /1 development plan goal/);
  await context.close();
});

test('a workbook kept in the packed storage form opens as its plain JSON does', async () => {
  // packStored is the tests' own LZ4 encoder, so this also checks that the app
  // reads any valid LZ4 block, not only the ones its own encoder writes.
  const fixture = await readFile(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8');
  const contents = async (text) => {
    const { context, page } = await app.open('/#/about');
    await page.evaluate((t) => localStorage.setItem('commissioning-workbook', t), text);
    await load(page, '/#/');
    await waitForApp(page);
    const shown = await page.getByRole('list', { name: 'Workbook contents' }).textContent();
    await context.close();
    return shown;
  };
  const plain = await contents(fixture);
  assert.match(plain, /development plan goal/);
  assert.equal(await contents(packStored(fixture, 3)), plain);
});

test('an empty goal or a past date is refused with an error summary, and nothing is added', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  await summary.getByRole('link', { name: 'Enter what you want to achieve' }).waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary takes focus');

  await addGoal(page, 'Learn to read activity data', '2001-01-01');
  await summary.getByRole('link', { name: 'Target date must be today or in the future' }).waitFor();
  // What the user typed is kept so they only fix the date.
  assert.equal(await page.getByLabel('What do you want to achieve?').inputValue(), 'Learn to read activity data');
  await page.getByText('You have no goals yet.').waitFor();

  await fillDate(page, 'Target date (optional)', '');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Learn to read activity data' }).waitFor();
  assert.equal(await summary.count(), 0, 'the error summary goes once the form is right');
  await context.close();
});

test('a goal can be removed, and stays removed after a reload', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Goal to keep');
  await addGoal(page, 'Goal to remove');
  await page.getByRole('button', { name: 'Delete goal: Goal to remove' }).click();
  await page.getByRole('button', { name: 'Yes, delete goal: Goal to remove' }).click();
  await page.reload();
  await waitForApp(page);
  const goals = page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: 'Goal to keep' }).waitFor();
  assert.equal(await goals.getByRole('heading', { name: 'Goal to remove' }).count(), 0);
  await context.close();
});

test('unreadable stored data is kept aside, the app starts and warns, and it can be downloaded', async () => {
  const { context, page } = await app.open();
  await page.evaluate(() => localStorage.setItem('commissioning-workbook', '{"format":"commissioning-workbook", broken'));
  await page.reload();
  await waitForApp(page);
  const warning = page.getByRole('alert').filter({ hasText: 'Your saved workbook could not be read' });
  await warning.waitFor();
  // What could not be read is the data this browser holds, not a file.
  assert.match(await warning.textContent(), /The workbook data saved in this browser is not valid JSON/);
  assert.doesNotMatch(await warning.textContent(), /\bfile\b|backup/);
  assert.match(await warning.textContent(), /Nothing has been deleted/);

  const keptAside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('commissioning-workbook.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(keptAside, ['{"format":"commissioning-workbook", broken']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const text = await downloadText(download);
  assert.equal(text, '{"format":"commissioning-workbook", broken');

  // The app works on: a new goal saves, and the kept-aside copy is untouched.
  await goToArea(page, 'Development plan');
  await addGoal(page, 'Start again');
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { name: 'Start again' }).waitFor();
  const stillKept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('commissioning-workbook.unreadable.')).length,
  );
  assert.equal(stillKept, 1);

  // Your data lists the kept copy and lets the user delete it when done.
  await goToArea(page, 'Your data');
  await page.getByRole('heading', { name: 'Data that could not be read' }).waitFor();
  await page.getByRole('button', { name: /^Delete commissioning-workbook\.unreadable\./ }).click();
  await page.getByRole('heading', { name: 'Data that could not be read' }).waitFor({ state: 'detached' });
  await context.close();
});

test('a stored workbook from a newer version is kept aside, not overwritten', async () => {
  const { context, page } = await app.open();
  const newer = JSON.stringify({ format: 'commissioning-workbook', schema_version: 99, future: true });
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), newer);
  await page.reload();
  await waitForApp(page);
  const warning = page.getByRole('alert').filter({ hasText: 'Your saved workbook could not be read' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /schema version 99, which is newer/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('commissioning-workbook.unreadable.')).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [newer]);
  await context.close();
});

test('when saving fails (storage full) the user is told and the data on the page stays', async () => {
  const { context, page } = await app.open('/#/development-plan');
  // Make every later save fail as a full quota does.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'commissioning-workbook') throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await addGoal(page, 'Goal that cannot be saved');
  const alert = page.getByRole('alert').filter({ hasText: 'Your latest change was not saved' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /storage for this site is full/);
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Goal that cannot be saved' }).waitFor();

  // The data is still in memory: a backup downloaded now holds it.
  await goToArea(page, 'Your data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const backup = JSON.parse(await downloadText(download));
  assert.deepEqual(backup.plans.flatMap((p) => p.goals).map((g) => g.title), ['Goal that cannot be saved']);
  await context.close();
});

test('when saving is switched off, a banner that cannot be dismissed says so on every page, and nothing stored is overwritten', async () => {
  const broken = '{"format":"commissioning-workbook", damaged';
  const { context, page } = await app.open();
  // Before the app starts: damaged stored data that cannot be copied aside.
  await context.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('commissioning-workbook', text);
      sessionStorage.setItem('seeded', 'yes');
    }
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('commissioning-workbook.unreadable.')) throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  }, broken);
  await page.reload();
  await waitForApp(page);
  const banner = page.getByRole('alert').filter({ hasText: 'Nothing you enter is being saved' });
  await banner.waitFor();
  assert.equal(await banner.getByRole('button', { name: /hide/i }).count(), 0, 'it cannot be dismissed');

  await goToArea(page, 'Development plan');
  await banner.waitFor();
  await addGoal(page, 'Goal typed while saving is off');
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Goal typed while saving is off' }).waitFor();
  await goToArea(page, 'About');
  await banner.waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('commissioning-workbook')), broken, 'the damaged data is untouched');

  // A restore in this state says plainly that it is not saved.
  await goToArea(page, 'Your data');
  const backup = JSON.stringify({
    format: 'commissioning-workbook', schema_version: 2, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    development_plan: { goals: [{ id: 'goal-r1', title: 'Restored goal', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }] },
  });
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await page.getByRole('alert').filter({ hasText: 'Restored on this page only: not saved' }).waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Workbook restored' }).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('commissioning-workbook')), broken);

  // Once the user has the damaged data, they can let saving replace it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  assert.equal(await downloadText(download), broken);
  await banner.getByRole('button', { name: 'Start saving again, replacing the unreadable data' }).click();
  await banner.waitFor({ state: 'detached' });
  const saved = await storedWorkbook(page);
  assert.deepEqual(saved.plans.flatMap((p) => p.goals).map((g) => g.title), ['Restored goal']);
  await context.close();
});

test('a workbook saved by the previous version is migrated and saved as the current version', async () => {
  const { context, page } = await app.open();
  const fixture = await readFile(new URL('../fixtures/workbook-schema-1.json', import.meta.url), 'utf8');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), fixture);
  await page.reload();
  await waitForApp(page);
  await goToArea(page, 'Development plan');
  await page.getByRole('heading', { name: 'Chair the respiratory programme board' }).waitFor();
  assert.match(await page.getByRole('list', { name: 'Your goals' }).textContent(), /Added 22 November 2026/);
  await addGoal(page, 'Added after the upgrade');
  await page.getByRole('heading', { name: 'Added after the upgrade' }).waitFor();
  const saved = await savedWorkbook(page);
  assert.equal(saved.schema_version, 7);
  assert.equal(saved.id_counter, undefined);
  assert.equal(saved.plans.flatMap((p) => p.goals).length, 3);
  assert.equal(saved.assessments[0].answers['power-1'].evidence, 'Board minutes, March');
  await context.close();
});
