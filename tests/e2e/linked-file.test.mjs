// The linked backup file (issue 25): a file chosen once on Your data is
// written a moment after each change; a file written from elsewhere is merged
// in (a conflict listed) before it is written again; on a later visit without
// the browser's permission a banner asks, and nothing is lost meanwhile.
// The browser's save dialog is stood in for by a handle from the
// origin-private file system, which the same API reads and writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, goToArea, savedWorkbook, axeViolations } from './support.mjs';
import { nodeDecrypt } from './envelope.mjs';

const app = useApp();
const FILE = 'commissioning-workbook-backup.json';

/** Chromium's save dialog answers with a file in the origin-private file
 * system; with `permission` set in session storage, the browser asks again
 * (queryPermission says "prompt") until the user allows it. */
function standInForTheDialog(context) {
  return context.addInitScript((file) => {
    window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle(file, { create: true });
    if (sessionStorage.getItem('permission') === 'prompt') {
      const handle = globalThis.FileSystemHandle.prototype;
      handle.queryPermission = async () => 'prompt';
      handle.requestPermission = async () => {
        sessionStorage.removeItem('permission');
        return 'granted';
      };
    }
  }, FILE);
}

/** The linked file's text. A read that meets the app mid-write fails with
 * NotReadableError (the file changed after it was opened) or NotFoundError
 * (the written copy taking the file's place), so it is read again. */
const fileText = (page) => page.evaluate(async (file) => {
  const handle = await (await navigator.storage.getDirectory()).getFileHandle(file, { create: true });
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (await handle.getFile()).text();
    } catch (error) {
      if (!['NotReadableError', 'NotFoundError'].includes(error.name) || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}, FILE);

/** Waits until the linked file holds `words` (it is written a moment after a change). */
async function fileHolds(page, words) {
  let text = '';
  for (let look = 0; look < 150; look += 1) {
    text = await fileText(page);
    if (text.includes(words)) return JSON.parse(text);
    await page.waitForTimeout(200);
  }
  assert.fail(`the linked file never held "${words}": ${text.slice(0, 200)}`);
}

/** The handle kept for the next visit, as IndexedDB holds it (null: none). */
const keptHandle = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('commissioning-workbook-files', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('linked-file');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('linked-file').objectStore('linked-file').get('backup-file');
    get.onsuccess = () => { resolve(get.result ? get.result.handle.name : null); open.result.close(); };
    get.onerror = () => reject(get.error);
  };
}));

async function addGoal(page, title) {
  await goToArea(page, 'Development plan');
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

async function link(page) {
  await goToArea(page, 'Your data');
  await page.getByRole('button', { name: 'Choose a file to keep up to date' }).click();
  await page.getByRole('status', { name: 'Backup file' }).getByText(`Your workbook is kept up to date in ${FILE}. It was last written on`).waitFor();
}

test('a linked file is written when chosen and again a moment after each change', async () => {
  const { context, page } = await app.open('/#/');
  await standInForTheDialog(context);
  await load(page, '/#/your-data');
  assert.deepEqual(await axeViolations(page), []);
  await link(page);
  const first = JSON.parse(await fileText(page));
  assert.equal(first.format, 'commissioning-workbook');
  assert.equal(first.plans.length, 0);
  assert.deepEqual(await axeViolations(page), []);

  await addGoal(page, 'Lead the diabetes pathway redesign');
  const written = await fileHolds(page, 'Lead the diabetes pathway redesign');
  assert.equal(written.plans[0].goals[0].title, 'Lead the diabetes pathway redesign');

  // Kept for the next visit: the handle in IndexedDB, its name noted.
  assert.equal(await keptHandle(page), FILE);
  assert.equal(await page.evaluate(() => localStorage.getItem('commissioning-workbook.linked-file')), FILE);

  // Stopping leaves the file as it is and forgets it.
  await goToArea(page, 'Your data');
  await page.getByRole('button', { name: 'Stop keeping the file up to date' }).click();
  await page.getByRole('status', { name: 'Backup file' }).getByText('No file is linked in this browser.').waitFor();
  assert.equal(await keptHandle(page), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('commissioning-workbook.linked-file')), null);
  assert.match(await fileText(page), /Lead the diabetes pathway redesign/);
  await context.close();
});

test('a file written from elsewhere is merged in, with a conflict listed, before it is written again', async () => {
  const { context, page } = await app.open('/#/');
  await standInForTheDialog(context);
  await load(page, '/#/development-plan');
  await addGoal(page, 'Lead the diabetes pathway redesign');
  await link(page);
  const here = await fileHolds(page, 'Lead the diabetes pathway redesign');

  // Another computer, through OneDrive: the same goal renamed later there,
  // and a goal added.
  const there = structuredClone(here);
  const plan = there.plans[0];
  plan.goals[0].title = 'Lead the diabetes pathway redesign with the acute trust';
  plan.goals[0].updated_at = '2026-12-03T11:30:00Z';
  plan.goals.push({ ...structuredClone(plan.goals[0]), id: 'goal-from-the-laptop', title: 'Written on the laptop', updated_at: '2026-12-03T11:30:00Z' });
  there.revision += 5;
  there.updated_at = '2026-12-03T11:30:00Z';
  await page.evaluate(async ({ file, text }) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(file);
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
  }, { file: FILE, text: JSON.stringify(there, null, 2) });

  // The same goal renamed here too: before this change is written, the
  // file's changes are merged in.
  await goToArea(page, 'Development plan');
  await page.getByRole('link', { name: 'Change goal: Lead the diabetes pathway redesign', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a goal' }).waitFor();
  await page.getByLabel('What do you want to achieve?').fill('Lead the diabetes pathway redesign in Northamptonshire');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const merged = page.getByRole('status').filter({ hasText: 'Changes made elsewhere were merged in from your backup file' });
  await merged.waitFor();
  await goToArea(page, 'Development plan');
  const goals = page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: 'Written on the laptop' }).waitFor();
  // The later version (the laptop's) wins ...
  await goals.getByRole('heading', { name: 'Lead the diabetes pathway redesign with the acute trust' }).waitFor();

  // ... and the one written here is listed on Your data, nothing dropped.
  await merged.getByRole('link', { name: 'See Your data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await page.getByRole('heading', { name: 'Changed on both sides' }).waitFor();
  assert.match(await page.getByRole('list', { name: 'Conflicts' }).textContent(), /Lead the diabetes pathway redesign in Northamptonshire/);
  // The pointer leaves the link it clicked (a hovered link loses its underline).
  await page.mouse.move(0, 0);
  assert.deepEqual(await axeViolations(page), []);

  // And the file, written again after the merge, holds both sides.
  const after = await fileHolds(page, 'in Northamptonshire');
  const titles = after.plans[0].goals.map((g) => g.title).sort();
  assert.deepEqual(titles, ['Lead the diabetes pathway redesign with the acute trust', 'Written on the laptop']);
  await context.close();
});

test('on a later visit without permission a banner asks; changes meanwhile are kept and written once allowed', async () => {
  const { context, page } = await app.open('/#/');
  await standInForTheDialog(context);
  await load(page, '/#/your-data');
  await link(page);

  await page.evaluate(() => sessionStorage.setItem('permission', 'prompt'));
  await load(page, '/#/development-plan');
  const banner = page.getByRole('region', { name: 'Your backup file is not being kept up to date' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /nothing is lost/);
  assert.deepEqual(await axeViolations(page), []);

  await addGoal(page, 'Kept while the file waits');
  const saved = await savedWorkbook(page);
  assert.equal(saved.plans[0].goals[0].title, 'Kept while the file waits');
  assert.doesNotMatch(await fileText(page), /Kept while the file waits/);

  await banner.getByRole('button', { name: `Allow writing to ${FILE}` }).click();
  await banner.waitFor({ state: 'detached' });
  await fileHolds(page, 'Kept while the file waits');
  await context.close();
});

test('a linked file protected with a passphrase is written protected, and asks for the passphrase on the next visit', async () => {
  const PASSPHRASE = 'copper lantern meadow';
  const { context, page } = await app.open('/#/');
  await standInForTheDialog(context);
  await load(page, '/#/development-plan');
  await addGoal(page, 'Lead the diabetes pathway redesign');
  await link(page);
  await page.getByLabel('Protect the file with a passphrase').check();
  await page.getByLabel('Passphrase for the file', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm the passphrase for the file').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Protect the file' }).click();
  await page.getByText('The file is protected with a passphrase').waitFor();
  await fileHolds(page, 'commissioning-workbook-encrypted');
  const sealed = await fileText(page);
  assert.doesNotMatch(sealed, /diabetes/, 'nothing readable in the file');
  assert.match(await nodeDecrypt(sealed, PASSPHRASE), /Lead the diabetes pathway redesign/);
  assert.deepEqual(await axeViolations(page), []);

  // The next visit: the passphrase is asked for, never kept.
  await load(page, '/#/development-plan');
  const banner = page.getByRole('region', { name: 'Your backup file is not being kept up to date' });
  await banner.getByText('is protected with a passphrase').waitFor();
  await addGoal(page, 'Written while the file waits');
  assert.equal(await nodeDecrypt(await fileText(page), PASSPHRASE).then((t) => t.includes('Written while the file waits')), false);
  await banner.getByRole('link', { name: 'Enter the passphrase on Your data' }).click();
  const field = page.getByLabel(`Passphrase for ${FILE}`);
  await field.waitFor();
  await field.fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Open the file' }).click();
  await page.getByRole('alert').getByText('The file was not opened').first().waitFor();
  await page.mouse.move(0, 0);
  assert.deepEqual(await axeViolations(page), []);
  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open the file' }).click();
  await page.getByRole('status', { name: 'Backup file' }).getByText(`Your workbook is kept up to date in ${FILE}. It was last written on`).waitFor();
  const after = await nodeDecrypt(await fileText(page), PASSPHRASE);
  assert.match(after, /Written while the file waits/);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  assert.doesNotMatch(stored, /copper lantern/, 'the passphrase is kept nowhere');
  await context.close();
});

test('a browser that cannot write to a chosen file says so, and Safari in a tab hears of its 7-day rule', async () => {
  const { context, page } = await app.open('/#/', {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  });
  await context.addInitScript(() => { delete window.showSaveFilePicker; });
  await load(page, '/#/your-data');
  await page.getByText('This browser cannot keep a backup file up to date').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Choose a file to keep up to date' }).count(), 0);
  await page.getByText('Safari may delete your workbook after 7 days').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();

  // Chromium is told nothing of Safari's rule.
  const chromium = await app.open('/#/your-data');
  await chromium.page.getByRole('heading', { name: 'Keep a backup file up to date' }).waitFor();
  assert.equal(await chromium.page.getByText('Safari may delete your workbook after 7 days').count(), 0);
  await chromium.context.close();
});
