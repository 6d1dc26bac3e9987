// The WebAssembly comes in parts (src/ui/pages/areas.rs, scripts/build-wasm.sh):
// the home page needs only the main part; an area's part is fetched the first
// time one of its pages opens, and if it cannot be fetched the page says so
// and offers to try again, with nothing entered lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useApp, waitForApp, goToArea, storedWorkbook, savedWorkbook, newAppContext, download, downloadText, londonInstant, PINNED_MOMENT,
} from './support.mjs';

const app = useApp();

/** A context without the service worker (so every fetch is the page's own, and visible). */
async function openWithoutServiceWorker() {
  const context = await newAppContext(app.browser, { baseURL: app.server.url, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.wasm = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) page.wasm.push(name);
  });
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  return { context, page };
}

/** Opens the development plan (fetching its part) and adds a goal there. */
async function addGoal(page, title) {
  await goToArea(page, 'Development plan');
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

test('the home page loads only the main part; each area fetches its own part once, when first opened', async () => {
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/');
  await waitForApp(page);
  assert.deepEqual(page.wasm, ['commissioning-workbook_bg.wasm'], 'home: the main part only');

  await goToArea(page, 'About');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();
  assert.ok(page.wasm.some((name) => /^split_about_area\.wasm$/.test(name)), `About's part was fetched: ${page.wasm}`);
  assert.ok(!page.wasm.some((name) => /assessment|plan|placement/.test(name)), `no other area's part: ${page.wasm}`);

  await goToArea(page, 'Development plan');
  await page.getByRole('heading', { level: 1, name: 'Leadership development plan' }).waitFor();
  assert.ok(page.wasm.includes('split_plan_area.wasm'), `the plan's part was fetched: ${page.wasm}`);

  // Back to an area already opened: nothing more is fetched.
  const fetched = page.wasm.length;
  await goToArea(page, 'About');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();
  assert.equal(page.wasm.length, fetched);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an area whose part cannot be fetched says so, keeps what was entered, and opens on "Try again"', async () => {
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/');
  await waitForApp(page);
  // A goal entered first, so there is something to lose.
  await addGoal(page, 'Chair the frailty programme board');

  // The server (or the network) fails for the placement log's part.
  await page.route(/split_placement_area\.wasm$/, (route) => route.abort('internetdisconnected'));
  await goToArea(page, 'Placement log');
  await page.getByRole('heading', { level: 1, name: 'This page could not be opened' }).waitFor();
  assert.match(await page.getByRole('main').textContent(), /Everything you have entered is safe in this browser/);
  await page.getByRole('link', { name: 'Development plan', exact: true }).waitFor();

  // The connection is back.
  await page.unroute(/split_placement_area\.wasm$/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'Placement log' }).waitFor();
  const saved = await storedWorkbook(page);
  assert.deepEqual(saved.plans.flatMap((p) => p.goals).map((g) => g.title), ['Chair the frailty programme board']);
  await context.close();
});

test('the main part is compiled while the page still loads, once; sent with the wrong type, the app still starts', async () => {
  // index.html starts compiling the main part before the stylesheet and the
  // scripts have arrived, and the start-up script hands the app that module.
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/');
  await waitForApp(page);
  assert.equal(await page.evaluate(async () => (await window.appCompiling) instanceof WebAssembly.Module), true);
  assert.deepEqual(page.wasm, ['commissioning-workbook_bg.wasm'], 'fetched once, by the early compile');
  await context.close();

  // A static host that does not know .wasm: compiling from the stream is
  // refused, so the app fetches and compiles the part the slower way.
  const plain = await openWithoutServiceWorker();
  await plain.page.route(/commissioning-workbook_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await plain.page.goto('/');
  await waitForApp(plain.page);
  assert.equal(await plain.page.evaluate(async () => (await window.appCompiling) === undefined), true);
  await goToArea(plain.page, 'About');
  await plain.page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();
  assert.deepEqual(plain.page.pageErrors, []);
  await plain.context.close();
});

test("a deep link asks for its area's parts alongside the main part, each once", async () => {
  const { context, page } = await openWithoutServiceWorker();
  const events = [];
  // A slow line: the main part arrives only once About's part has been asked
  // for. Should that never happen, it arrives after five seconds, and the
  // order checked below says what went wrong.
  let aboutAsked;
  const aboutAskedOrGiveUp = Promise.race([
    new Promise((resolve) => { aboutAsked = resolve; }),
    new Promise((resolve) => setTimeout(resolve, 5000).unref()),
  ]);
  page.on('request', (r) => {
    if (!r.url().endsWith('.wasm')) return;
    events.push(`asked ${r.url().split('/').pop()}`);
    if (r.url().endsWith('/split_about_area.wasm')) aboutAsked();
  });
  page.on('requestfinished', (r) => r.url().endsWith('.wasm') && events.push(`got ${r.url().split('/').pop()}`));
  await page.route(/commissioning-workbook_bg\.wasm$/, async (route) => {
    await aboutAskedOrGiveUp;
    await route.continue();
  });
  await page.goto('/#/about');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();
  const asked = events.filter((e) => e.startsWith('asked '));
  assert.equal(new Set(asked).size, asked.length, `no part is fetched twice (a preload the loader did not use): ${asked}`);
  assert.ok(
    events.indexOf('asked split_about_area.wasm') < events.indexOf('got commissioning-workbook_bg.wasm'),
    `About's part is asked for before the main part has arrived: ${events.join(', ')}`,
  );
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a workbook saved by an older version is read by a part fetched for it; if that fails, nothing is overwritten', async () => {
  const fixture = await readFile(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8');
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/robots.txt');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), fixture);

  // The part that migrates older versions cannot be fetched.
  await page.route(/split_unusual_storage\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await waitForApp(page);
  await page.getByRole('heading', { name: 'Nothing you enter is being saved' }).waitFor();
  assert.match(await page.getByRole('alert').filter({ hasText: 'could not be read' }).textContent(), /has not been read/);
  await goToArea(page, 'Development plan');
  await page.getByLabel('What do you want to achieve?').fill('Typed while saving was off');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { name: 'Typed while saving was off' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('commissioning-workbook')), fixture, 'the stored workbook is untouched');

  // Connected again: opening the app again reads and migrates it.
  await page.unroute(/split_unusual_storage\.wasm$/);
  await page.goto('/');
  await waitForApp(page);
  assert.ok(page.wasm.includes('split_unusual_storage.wasm'));
  assert.match(await page.getByRole('list', { name: 'Workbook contents' }).textContent(), /development plan goal/);
  await context.close();
});

test("another tab, of an older version, saving last: this tab's next save reads that save with a part fetched for it, and keeps both tabs' changes", async () => {
  const text = await readFile(new URL('../fixtures/workbook-schema-6.json', import.meta.url), 'utf8');
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/robots.txt');
  await page.evaluate((stored) => localStorage.setItem('commissioning-workbook', stored), text);
  await page.goto('/');
  await waitForApp(page);
  await goToArea(page, 'Development plan');
  assert.ok(!page.wasm.includes('split_other_form.wasm'), 'no other form seen yet');

  // The older version, open in another tab, saves its plain JSON at the next revision.
  const older = JSON.parse(text);
  older.revision += 1;
  older.plans[0].goals[0].title = 'Renamed in the older version';
  older.plans[0].goals[0].updated_at = '2027-09-20T09:00:00Z';
  older.updated_at = '2027-09-20T09:00:00Z';
  const olderTab = await context.newPage();
  await olderTab.goto('/robots.txt');
  await olderTab.evaluate((stored) => localStorage.setItem('commissioning-workbook', stored), JSON.stringify(older));

  await page.getByLabel('What do you want to achieve?').fill('Added in this version');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { name: 'Added in this version' }).waitFor();
  const saved = await savedWorkbook(page);
  assert.ok(page.wasm.includes('split_other_form.wasm'), `fetched: ${page.wasm}`);
  assert.equal(saved.revision, older.revision + 1, 'built on the older version\'s save');
  assert.deepEqual(
    saved.plans.flatMap((p) => p.goals).map((g) => g.title).sort(),
    ['Added in this version', 'Renamed in the older version'],
  );
  // The page shows the other tab's change too, now that it is kept.
  await page.getByRole('heading', { name: 'Renamed in the older version' }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a workbook this version saved opens without fetching the reader for older versions', async () => {
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/');
  await waitForApp(page);
  await addGoal(page, 'Saved by this version');
  page.wasm.length = 0;
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { name: 'Saved by this version' }).waitFor();
  assert.ok(!page.wasm.includes('split_unusual_storage.wasm'), `fetched: ${page.wasm}`);
  await context.close();
});

test("a banner on the home page that writes fetches the saver's own small part, not an area's: the backup reminder's download", async () => {
  const { context, page } = await openWithoutServiceWorker();
  await page.goto('/');
  await waitForApp(page);
  // Last changed 20 days before the pinned clock, never backed up: the reminder is due.
  const at = new Date(londonInstant(PINNED_MOMENT) - 20 * 86_400_000).toISOString();
  const workbook = {
    format: 'commissioning-workbook', schema_version: 4, created_at: at, updated_at: at, revision: 1,
    plans: [{
      id: 'plan-1', name: 'My development plan', created_at: at, updated_at: at,
      goals: [{ id: 'goal-1', title: 'Backed up from the home page', created_at: at, updated_at: at }],
    }],
  };
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await page.reload();
  await waitForApp(page);
  page.wasm.length = 0;

  const reminder = page.getByRole('note', { name: 'Backup reminder' });
  const file = await download(page, reminder.getByRole('button', { name: 'Download a backup now' }));
  const backup = JSON.parse(await downloadText(file));
  assert.equal(backup.plans[0].goals[0].title, 'Backed up from the home page');
  assert.ok(backup.last_backup_at, 'the backup says when it was taken');
  await reminder.waitFor({ state: 'detached' });
  assert.ok((await savedWorkbook(page)).last_backup_at, 'the backup is remembered in the saved workbook');
  assert.ok(page.wasm.includes('split_saver.wasm'), `the saver's part was fetched: ${page.wasm}`);
  assert.ok(!page.wasm.some((name) => /_area\.wasm$/.test(name)), `no area's part: ${page.wasm}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Commissioning Workbook', 'still on the home page');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
