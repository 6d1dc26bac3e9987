// Data the user keeps only in this browser: the Your data page says how much
// storage it takes and whether the browser will keep it, remembers when a
// backup was downloaded, and reminds the user once changes not in a backup
// are older than they chose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, waitForApp, goToArea, download, downloadText, load, londonInstant, PINNED_MOMENT } from './support.mjs';

const app = useApp();

// Counted back from the moment the browser's clock is pinned at, not the real date.
const daysAgo = (n) => new Date(londonInstant(PINNED_MOMENT) - n * 86_400_000).toISOString();

/** A workbook whose one goal was last changed `days` ago, never backed up. */
function workbookChanged(days) {
  const at = daysAgo(days);
  return {
    format: 'commissioning-workbook',
    schema_version: 4,
    created_at: daysAgo(days + 1),
    updated_at: at,
    revision: 1,
    plans: [{
      id: 'plan-1', name: 'My development plan', created_at: at, updated_at: at,
      goals: [{ id: 'goal-1', title: 'Chair the respiratory programme board', created_at: at, updated_at: at }],
    }],
  };
}

async function openWith(workbook, path = '/') {
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await load(page, path);
  await waitForApp(page);
  return { context, page };
}

const reminder = (page) => page.getByRole('note', { name: 'Backup reminder' });

test('changes older than 14 days and in no backup bring a reminder on every page, until a backup is downloaded', async () => {
  const { context, page } = await openWith(workbookChanged(20));
  await reminder(page).getByText(/You have changes since \d+ \w+ \d{4} at \d\d:\d\d that are not in a backup/).waitFor();
  await goToArea(page, 'Development plan');
  await reminder(page).waitFor();

  const file = await download(page, reminder(page).getByRole('button', { name: 'Download a backup now' }));
  const saved = JSON.parse(await downloadText(file));
  assert.equal(saved.plans[0].goals[0].title, 'Chair the respiratory programme board');
  assert.ok(saved.last_backup_at, 'the backup says when it was taken');
  await reminder(page).waitFor({ state: 'detached' });

  await page.reload();
  await waitForApp(page);
  assert.equal(await reminder(page).count(), 0, 'still gone after a reload: the backup was remembered');
  await goToArea(page, 'Your data');
  await page.getByText(/You last downloaded a backup on \d+ \w+ \d{4} at \d\d:\d\d\./).waitFor();
  await context.close();
});

test('a page left open shows the reminder once it falls due, without a reload or an edit', async () => {
  // Changed 14 days less two minutes ago: not due yet.
  const { context, page } = await openWith(workbookChanged(14 - 2 / (24 * 60)), '/#/development-plan');
  await page.getByRole('heading', { name: 'Chair the respiratory programme board' }).waitFor();
  assert.equal(await reminder(page).count(), 0, 'not due yet');
  await context.clock.runFor('03:00');
  await reminder(page).waitFor();
  await context.close();
});

test('recent changes bring no reminder yet, and the reminder can be set to never or put off', async () => {
  const recent = await openWith(workbookChanged(3));
  assert.equal(await reminder(recent.page).count(), 0);
  await recent.context.close();

  const { context, page } = await openWith(workbookChanged(20), '/#/your-data');
  await reminder(page).waitFor();
  await page.getByText('You have not downloaded a backup of this workbook yet.').waitFor();
  await page.getByLabel('Remind me to download a backup when my changes are not in one').selectOption({ label: 'After 30 days' });
  await reminder(page).waitFor({ state: 'detached' });
  await page.getByLabel('Remind me to download a backup when my changes are not in one').selectOption({ label: 'After 7 days' });
  await reminder(page).waitFor();
  await reminder(page).getByRole('button', { name: 'Not now' }).click();
  await reminder(page).waitFor({ state: 'detached' });
  await page.getByLabel('Remind me to download a backup when my changes are not in one').selectOption({ label: 'Never remind me' });
  await page.reload();
  await waitForApp(page);
  assert.equal(await reminder(page).count(), 0, 'never means never, after a reload too');
  assert.equal(
    await page.getByLabel('Remind me to download a backup when my changes are not in one').inputValue(),
    '0',
  );
  await context.close();
});

test('Your data says how much of the browser storage the workbook takes and whether the browser will keep it', async () => {
  const { context, page } = await openWith(workbookChanged(1), '/#/your-data');
  const use = page.locator('.app-storage-use');
  await use.getByText(/Your workbook takes \d+ KB of this browser's storage for this site\. Browsers allow about 5 MB, so it is using less than 1% of that\./).waitFor();
  const before = Number((await use.textContent()).match(/takes (\d+) KB/)[1]);
  // A long entry makes it grow. Storage holds the workbook compressed, so the
  // entry is 12,000 letters with no repeats to squeeze out (a fixed sequence).
  let seed = 7;
  const letters = Array.from({ length: 12000 }, () => {
    seed = (seed * 48271) % 2147483647;
    return 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
  }).join('');
  await goToArea(page, 'Development plan');
  await page.getByLabel('What do you want to achieve?').fill(letters);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await goToArea(page, 'Your data');
  const after = Number((await use.textContent()).match(/takes (\d+) KB/)[1]);
  // LZ4 keeps letters with no repeats as they are: 12,000 bytes, packed 15
  // bits to a character, are 6,400 more characters, each one unit of the
  // browser's 5 MB.
  assert.ok(after >= before + 6, `grew from ${before} KB to ${after} KB`);
  // Headless Chromium answers navigator.storage.persist() itself; either answer is said plainly.
  await page.getByText(/This browser (has agreed to keep your workbook|may delete your workbook)/).waitFor();
  await context.close();
});

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

async function retitleGoal(page, from, to) {
  await page.getByRole('link', { name: `Change goal: ${from}` }).click();
  await page.getByLabel('What do you want to achieve?').fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: to }).waitFor();
  await goToArea(page, 'Development plan');
}

async function backupOf(page) {
  await goToArea(page, 'Your data');
  return downloadText(await download(page, page.getByRole('button', { name: 'Download backup' })));
}

/** Chooses a file with this name and text; a big one goes through a temporary file (playwright's limit). */
async function chooseBackup(page, name, text) {
  const input = page.getByLabel('Choose a backup file');
  if (text.length < 10 * 1024 * 1024) {
    return input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }
  const dir = await mkdtemp(join(tmpdir(), 'workbook-'));
  await writeFile(join(dir, name), text);
  await input.setInputFiles(join(dir, name));
  await rm(dir, { recursive: true });
}

const goalTitles = (page) => page.getByRole('list', { name: 'Your goals' }).getByRole('heading').allTextContents();

test('merging a backup from another browser keeps both sides, lists a record changed on both, and lets the user choose', async () => {
  // One browser starts the plan and backs it up; a second browser carries on from that backup.
  const here = await app.open('/#/development-plan');
  await addGoal(here.page, 'Chair the programme board');
  const start = await backupOf(here.page);
  // Each browser has its own clock; the second one's runs an hour ahead, so
  // its changes are the later ones whatever order the test makes them in.
  const there = await app.open('/#/your-data', { at: '2026-12-03T11:15:00' });
  await chooseBackup(there.page, 'start.json', start);
  await there.page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await there.page.getByRole('status').filter({ hasText: 'Workbook restored' }).waitFor();

  // Both change the same goal (the second browser later) and each adds its own.
  await goToArea(here.page, 'Development plan');
  await retitleGoal(here.page, 'Chair the programme board', 'Chair the board from April');
  await addGoal(here.page, 'Only in the first browser');
  await goToArea(there.page, 'Development plan');
  await retitleGoal(there.page, 'Chair the programme board', 'Chair the board from June');
  await addGoal(there.page, 'Only in the second browser');
  const theirs = await backupOf(there.page);

  await goToArea(here.page, 'Your data');
  await chooseBackup(here.page, 'theirs.json', theirs);
  const preview = here.page.getByRole('list', { name: 'What merging would do' });
  assert.match(await preview.textContent(), /1 goal added/);
  assert.match(await preview.textContent(), /changed on both sides/);
  await here.page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  await here.page.getByRole('status').filter({ hasText: 'Backup merged' }).waitFor();

  const conflict = here.page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  assert.equal(await conflict.count(), 1);
  assert.match(await conflict.textContent(), /In your workbook: .*Chair the board from June/s);
  assert.match(await conflict.textContent(), /The other version: .*Chair the board from April/s);

  await goToArea(here.page, 'Development plan');
  assert.deepEqual(
    (await goalTitles(here.page)).sort(),
    ['Chair the board from June', 'Only in the first browser', 'Only in the second browser'],
    'nothing from either side is dropped; the newer title wins',
  );

  await goToArea(here.page, 'Your data');
  await conflict.getByRole('button', { name: /^Use the other version/ }).click();
  await here.page.getByRole('list', { name: 'Conflicts' }).waitFor({ state: 'detached' });
  await here.page.reload();
  await waitForApp(here.page);
  await goToArea(here.page, 'Development plan');
  assert.deepEqual(
    (await goalTitles(here.page)).sort(),
    ['Chair the board from April', 'Only in the first browser', 'Only in the second browser'],
  );
  await here.context.close();
  await there.context.close();
});

test('hostile backup files are refused with a plain message and the workbook is untouched', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Kept through every bad file');
  await goToArea(page, 'Your data');
  const good = JSON.parse(await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' }))));
  const refusal = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });

  const duplicated = structuredClone(good);
  duplicated.plans[0].goals.push({ ...duplicated.plans[0].goals[0], title: 'A twin' });
  const impossibleDate = structuredClone(good);
  impossibleDate.plans[0].goals[0].target_date = '2026-02-30';
  const wrongType = structuredClone(good);
  wrongType.plans = { not: 'a list' };
  const files = [
    { name: 'huge.json', text: `{"format": "commissioning-workbook", "schema_version": 4, "padding": "${'x'.repeat(50 * 1024 * 1024)}"}`, message: /too large to open: it is 50 MB/ },
    { name: 'nested.json', text: '['.repeat(10_000) + ']'.repeat(10_000), message: /nested more than 128 levels deep/ },
    { name: 'twins.json', text: JSON.stringify(duplicated), message: /two records have the same id/ },
    { name: 'feb30.json', text: JSON.stringify(impossibleDate), message: /"2026-02-30" does not exist/ },
    { name: 'types.json', text: JSON.stringify(wrongType), message: /cannot be read/ },
  ];
  for (const file of files) {
    await chooseBackup(page, file.name, file.text);
    await refusal.filter({ hasText: file.name }).waitFor();
    assert.match(await refusal.textContent(), file.message, file.name);
    assert.doesNotMatch(await refusal.textContent(), /serde|EOF|recursion|invalid type/, `${file.name}: no parser jargon`);
  }
  await goToArea(page, 'Development plan');
  assert.deepEqual(await goalTitles(page), ['Kept through every bad file']);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('text full of HTML and control characters is shown as text and never run', async () => {
  const hostile = workbookChanged(1);
  hostile.plans[0].goals[0].title = '<img src=x onerror="window.pwned=1">Lead\u0007 the <b>board</b>';
  const { context, page } = await openWith(hostile, '/#/development-plan');
  const heading = page.getByRole('list', { name: 'Your goals' }).getByRole('heading');
  assert.equal(await heading.textContent(), '<img src=x onerror="window.pwned=1">Lead the <b>board</b>', 'shown as typed, the bell character removed');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  await context.close();
});

test('when the browser storage is really full, the user is told at once, nothing on the page is lost, and a backup still downloads', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Saved before the storage filled up');
  // Fill this site's storage to the brim with other data.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1024 * 1024; size >= 1; ) {
      try { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } catch { size = Math.floor(size / 2); }
    }
    return n;
  });
  assert.ok(filled > 1);
  await addGoal(page, 'Typed while the storage is full');
  const banner = page.getByRole('alert').filter({ hasText: 'Your latest change was not saved' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /storage for this site is full/);
  assert.deepEqual(await goalTitles(page), ['Saved before the storage filled up', 'Typed while the storage is full'], 'nothing in memory is lost');

  await banner.getByRole('link', { name: 'Your data' }).click();
  await waitForApp(page);
  const backup = JSON.parse(await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' }))));
  assert.deepEqual(backup.plans[0].goals.map((g) => g.title), ['Saved before the storage filled up', 'Typed while the storage is full']);

  // Space is freed (as a user clearing other data would): the next change saves everything.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await goToArea(page, 'Development plan');
  await addGoal(page, 'After space was freed');
  await banner.waitFor({ state: 'detached' });
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await goalTitles(page), ['Saved before the storage filled up', 'Typed while the storage is full', 'After space was freed']);
  await context.close();
});

test('every deletion on Your data can be undone straight after: unreadable data kept aside, and everything', async () => {
  const { context, page } = await app.open('/#/about');
  // Something unreadable at start is kept aside; then the user enters a goal.
  await page.evaluate(() => localStorage.setItem('commissioning-workbook', '{"format": "commissioning-workbook", broken'));
  await load(page, '/#/development-plan');
  await waitForApp(page);
  await addGoal(page, 'Entered after the damage');
  await goToArea(page, 'Your data');
  const keptKey = await page.locator('code').filter({ hasText: 'commissioning-workbook.unreadable.' }).first().textContent();
  await page.getByRole('button', { name: `Delete ${keptKey}` }).click();
  await page.getByRole('status').filter({ hasText: `Deleted the unreadable data kept under ${keptKey}` }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: `Download ${keptKey}` }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keptKey), '{"format": "commissioning-workbook", broken');

  // Another tab follows the deletion, and the undo.
  const other = await context.newPage();
  await load(other, '/#/development-plan');
  await waitForApp(other);
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  const deleted = page.getByRole('status').filter({ hasText: 'Everything has been deleted from this browser' });
  await deleted.waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await other.getByText('You have no goals yet.').waitFor();
  await deleted.getByRole('button', { name: 'Undo: put my workbook back' }).click();
  await deleted.waitFor({ state: 'detached' });
  await other.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Entered after the damage' }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('button', { name: `Download ${keptKey}` }).waitFor();
  await goToArea(page, 'Development plan');
  assert.deepEqual(await goalTitles(page), ['Entered after the damage']);
  await context.close();
});
