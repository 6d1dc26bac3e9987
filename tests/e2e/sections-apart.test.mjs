// The workbook's sections kept under keys of their own (issue 28: read only
// what the page shows). The development plans, the placement log, the
// group's rounds, support agreements and business cases each have a key in
// local storage; the
// workbook's own key names them, with their counts for the home page. The
// start reads none of them; a save writes only the sections that changed.
// Backups, two tabs, a workbook stored the old way (one key) and a
// section's key gone missing are checked here as a person meets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, load, waitForApp, goToArea, fillDate, savedWorkbook, storedWorkbook, sectionsKeptApart,
  unpackStored, packStored, download, downloadText,
} from './support.mjs';

const app = useApp();
const WORKBOOK = 'commissioning-workbook';
const PLACEMENTS = 'commissioning-workbook.section.placements';
const PLANS = 'commissioning-workbook.section.plans';

const keysStored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

async function setUpPlacement(page, host) {
  await goToArea(page, 'Placement log');
  await page.getByRole('link', { name: 'Set up your placement' }).click();
  await page.getByLabel('Host organisation').fill(host);
  await fillDate(page, 'Start date', '2026-11-02');
  await page.getByRole('button', { name: 'Save placement' }).click();
  await page.getByRole('heading', { level: 2, name: `Your placement at ${host}` }).waitFor();
}

async function logActivity(page, what) {
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByLabel('Time spent').fill('1');
  await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
  await page.getByLabel('What did you do?').fill(what);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('list', { name: 'Log entries' }).getByText(what).waitFor();
}

async function addGoal(page, title) {
  await goToArea(page, 'Development plan');
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

/** A fresh browser where a placement was set up at `host` and `entry` logged, and saved. */
async function openWithOneEntry(host, entry) {
  const { context, page } = await app.open('/#/');
  await setUpPlacement(page, host);
  await logActivity(page, entry);
  await savedWorkbook(page);
  return { context, page };
}

const entriesIn = (workbook) => workbook.placements.flatMap((p) => p.entries.map((e) => e.what_done));

test('the placement log is kept under its own key, counted in the workbook\'s, and a save of anything else leaves it as it was', async () => {
  const { context, page } = await openWithOneEntry('Keys ICB', 'Met the finance lead');
  const stored = await keysStored(page);
  const named = sectionsKeptApart(stored[WORKBOOK]);
  assert.deepEqual(named.map(({ name, counts }) => [name, counts]), [['placements', [1, 1]]], 'one placement, one entry');
  assert.doesNotMatch(unpackStored(stored[WORKBOOK]), /"placements"/, 'the workbook\'s own text leaves the log out');
  assert.match(stored[PLACEMENTS], new RegExp(`^commissioning-workbook:lz4:1:${named[0].revision}:`), 'its key holds the save the workbook names');
  assert.deepEqual(entriesIn(JSON.parse(unpackStored(stored[PLACEMENTS]))), ['Met the finance lead']);

  // A goal saved: the workbook's key changes, the log's does not.
  await addGoal(page, 'A goal saved apart from the log');
  await savedWorkbook(page);
  const after = await keysStored(page);
  assert.notEqual(after[WORKBOOK], stored[WORKBOOK]);
  assert.equal(after[PLACEMENTS], stored[PLACEMENTS], 'the log, unchanged, is not written again');
  const logNamed = (text) => sectionsKeptApart(text).find(({ name }) => name === 'placements');
  assert.equal(logNamed(after[WORKBOOK]).revision, named[0].revision);

  // Reopened at home, the counts come from the workbook's key alone.
  await load(page, '/#/');
  const contents = await page.getByRole('list', { name: 'Workbook contents' }).innerText();
  assert.match(contents, /1 placement\n/);
  assert.match(contents, /1 placement log entry/);
  // A backup holds every section.
  await goToArea(page, 'Your data');
  const backup = JSON.parse(await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' }))));
  assert.deepEqual(entriesIn(backup), ['Met the finance lead']);
  assert.deepEqual(backup.plans.flatMap((p) => p.goals).map((g) => g.title), ['A goal saved apart from the log']);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a workbook stored the old way, in one key, opens, and its next save keeps the log under its own key', async () => {
  const { context, page } = await openWithOneEntry('Old Form ICB', 'Entry from the single key');
  const whole = await storedWorkbook(page);
  // As the version before left it: everything packed in the workbook's key.
  await page.evaluate(([key, text]) => { localStorage.clear(); localStorage.setItem(key, text); }, [WORKBOOK, packStored(JSON.stringify(whole), whole.revision)]);
  await load(page, '/#/placement-log');
  await page.getByRole('link', { name: 'See and search your log' }).first().click();
  await page.getByRole('list', { name: 'Log entries' }).getByText('Entry from the single key').waitFor();
  assert.equal(Object.keys(await keysStored(page)).includes(PLACEMENTS), false, 'nothing written yet');
  await logActivity(page, 'Entry after the update');
  const saved = await savedWorkbook(page);
  assert.deepEqual(entriesIn(saved).sort(), ['Entry after the update', 'Entry from the single key']);
  assert.ok(Object.keys(await keysStored(page)).includes(PLACEMENTS));
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('two tabs: one that has not opened the log keeps the other tab\'s entries, and each adds its own', async () => {
  const { context, page: first } = await openWithOneEntry('Two Tab ICB', 'First tab, before the second opened');
  const second = await context.newPage();
  second.pageErrors = [];
  second.on('pageerror', (e) => second.pageErrors.push(String(e)));
  await load(second, '/#/');
  await waitForApp(second);

  // The second tab has read only the workbook's key; the first adds to the log.
  await logActivity(first, 'First tab, after');
  await savedWorkbook(first);
  // The second tab saves something else, then opens the log and adds to it.
  await addGoal(second, 'Goal from the second tab');
  await savedWorkbook(second);
  await goToArea(second, 'Placement log');
  await second.getByRole('link', { name: 'See and search your log' }).first().click();
  await second.getByRole('list', { name: 'Log entries' }).getByText('First tab, after').waitFor();
  await logActivity(second, 'Second tab');
  await savedWorkbook(second);
  await first.getByRole('list', { name: 'Log entries' }).getByText('Second tab').waitFor();

  const saved = await savedWorkbook(first);
  assert.deepEqual(entriesIn(saved).sort(), ['First tab, after', 'First tab, before the second opened', 'Second tab']);
  assert.deepEqual(saved.plans.flatMap((p) => p.goals).map((g) => g.title), ['Goal from the second tab']);
  assert.deepEqual([...first.pageErrors, ...second.pageErrors], []);
  await context.close();
});

test('a log whose key has gone is said to be unreadable, and is never written over by a later save', async () => {
  const { context, page } = await openWithOneEntry('Missing Key ICB', 'Entry whose key goes');
  const kept = await page.evaluate((key) => { const text = localStorage.getItem(key); localStorage.removeItem(key); return text; }, PLACEMENTS);
  await load(page, '/#/placement-log');
  await page.getByText('Your placements could not be read').waitFor();
  // Another change saved: the workbook still names the log as it was.
  await addGoal(page, 'Saved while the log is missing');
  // (savedWorkbook would put the log back in, and finds its key missing.)
  await page.locator('[data-save-state="saved"]').waitFor({ state: 'attached' });
  const stored = await keysStored(page);
  assert.deepEqual(sectionsKeptApart(stored[WORKBOOK]).map(({ name, counts }) => [name, counts]), [['plans', [1, 1]], ['placements', [1, 1]]]);
  assert.equal(stored[PLACEMENTS], undefined, 'nothing written in its place');
  // Put back (say, by the other tab that wrote it), it is read again.
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLACEMENTS, kept]);
  await load(page, '/#/placement-log');
  await page.getByRole('link', { name: 'See and search your log' }).first().click();
  await page.getByRole('list', { name: 'Log entries' }).getByText('Entry whose key goes').waitFor();
  const whole = await storedWorkbook(page);
  assert.deepEqual(entriesIn(whole), ['Entry whose key goes']);
  await context.close();
});

test('delete everything removes the sections\' keys too, and its Undo puts back a log this page never opened', async () => {
  const { context, page } = await openWithOneEntry('Undo ICB', 'Entry put back by Undo');
  // A fresh start on Your data: the log is not read.
  await load(page, '/#/your-data');
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  const deleted = page.getByRole('status').filter({ hasText: 'Everything has been deleted from this browser' });
  await deleted.waitFor();
  assert.deepEqual(Object.keys(await keysStored(page)), [], 'no key left, the sections\' neither');
  await deleted.getByRole('button', { name: 'Undo: put my workbook back' }).click();
  await deleted.waitFor({ state: 'detached' });
  const back = await savedWorkbook(page);
  assert.deepEqual(entriesIn(back), ['Entry put back by Undo']);
  assert.ok(Object.keys(await keysStored(page)).includes(PLACEMENTS));
  await context.close();
});

test('a workbook\'s own key that cannot be read is kept aside with its sections\' keys, so no later save removes them', async () => {
  const { context, page } = await openWithOneEntry('Damaged ICB', 'Entry beside a damaged workbook');
  const placements = (await keysStored(page))[PLACEMENTS];
  await page.evaluate((key) => localStorage.setItem(key, '{"format": "commissioning-workbook", broken'), WORKBOOK);
  await load(page, '/#/development-plan');
  await waitForApp(page);
  await addGoal(page, 'After the damage');
  await page.locator('[data-save-state="saved"]').waitFor({ state: 'attached' });
  const stored = await keysStored(page);
  const aside = Object.keys(stored).filter((k) => k.startsWith('commissioning-workbook.unreadable.'));
  assert.equal(aside.length, 2, aside.join(', '));
  const sectionAside = aside.find((k) => k.endsWith('.section.placements'));
  assert.ok(sectionAside, 'the log\'s key kept aside beside the workbook\'s');
  assert.equal(stored[sectionAside], placements, 'exactly as it was');
  assert.equal(stored[PLACEMENTS], undefined);
  await goToArea(page, 'Your data');
  await page.getByRole('button', { name: `Download ${sectionAside}` }).waitFor();
  await context.close();
});

test('the development plans are kept under their own key, counted on the home page, and the backup reminder sees them before any plan page opens', async () => {
  const { context, page } = await app.open('/#/');
  await addGoal(page, 'A goal kept apart');
  await savedWorkbook(page);
  const stored = await keysStored(page);
  const [plans] = sectionsKeptApart(stored[WORKBOOK]);
  assert.equal(plans.name, 'plans');
  assert.deepEqual(plans.counts, [1, 1], 'one plan, one goal');
  assert.ok(plans.unbacked > 0, 'its oldest change not in a backup is named');
  assert.doesNotMatch(unpackStored(stored[WORKBOOK]), /"plans"/, 'the workbook\'s own text leaves the plans out');
  assert.deepEqual(JSON.parse(unpackStored(stored[PLANS])).plans[0].goals.map((g) => g.title), ['A goal kept apart']);

  // Three weeks on, never backed up: the home page reminds, from the header alone.
  // From the page's pinned clock, never the machine's: the same moment whatever day the suite runs.
  const pinnedNow = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(pinnedNow + 21 * 86_400_000);
  page.wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) page.wasm.push(request.url()); });
  await load(page, '/#/');
  await page.getByRole('note', { name: 'Backup reminder' }).waitFor();
  const contents = page.getByRole('list', { name: 'Workbook contents' });
  await contents.getByText('1 development plan', { exact: true }).waitFor();
  await contents.getByText('1 development plan goal', { exact: true }).waitFor();
  assert.ok(!page.wasm.some((url) => url.includes('plan_area')), `no plan page's part: ${page.wasm}`);
  await context.close();
});
