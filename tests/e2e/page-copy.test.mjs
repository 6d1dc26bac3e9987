// Adopting the page (issue 28): the app keeps a copy of the page last shown
// (src/ui/page_copy.rs) and index.html draws it in place of the shell on the
// next visit, inert, before the app has started; the app then takes the page
// over. A copy that no longer holds (another revision stored, another day,
// another build, another address) is never drawn, and a page holding unsaved
// typing is not copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, waitForApp, savedWorkbook, storedWorkbook, packStoredApart } from './support.mjs';

const app = useApp();
const COPY_KEY = 'commissioning-workbook.page-copy';
const GOAL = 'Lead the diabetes pathway redesign';

/** Notes, as the page is parsed, what index.html drew in place of the shell. */
function noteTheAdoptedCopy(context) {
  return context.addInitScript(() => {
    new MutationObserver(() => {
      const adopted = document.getElementById('app-adopted');
      if (!adopted || window.adoptedCopy) return;
      window.adoptedCopy = {
        inert: adopted.inert,
        shellGone: !document.getElementById('app-shell'),
        heading: adopted.querySelector('main h1')?.textContent ?? null,
        text: adopted.textContent,
        ticked: [...adopted.querySelectorAll('input:checked')].map((input) => input.id),
        undo: !!adopted.querySelector('.app-undo'),
      };
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The stored copy's lines: format, build, revision, day, address; then the HTML. */
async function storedCopy(page) {
  const copy = await page.evaluate((key) => localStorage.getItem(key), COPY_KEY);
  if (copy === null) return null;
  const lines = copy.split('\n');
  return { format: lines[0], build: lines[1], revision: lines[2], day: lines[3], address: lines[4], html: lines.slice(5).join('\n') };
}

/** Waits until the copy is of `address` at the stored revision (it is taken in idle time after a save). */
async function copyTaken(page, address) {
  await savedWorkbook(page);
  const { revision } = await storedWorkbook(page);
  await page.waitForFunction(([key, at, rev]) => {
    const lines = (localStorage.getItem(key) ?? '').split('\n');
    return lines[4] === at && lines[2] === String(rev);
  }, [COPY_KEY, address, revision]);
  return storedCopy(page);
}

/** Reloads at `path` and returns what was drawn before the app started (null: the shell). */
async function reloadAndNote(page, path) {
  await load(page, path);
  return page.evaluate(() => window.adoptedCopy ?? null);
}

async function addGoalWithAction(page) {
  await load(page, '/#/development-plan');
  await page.getByLabel('What do you want to achieve?').fill(GOAL);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: GOAL, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: GOAL }).waitFor();
  for (const action of ['Meet the finance lead', 'Draft the case']) {
    await page.getByLabel('What will you do?').fill(action);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('list', { name: 'Actions' }).getByLabel(action, { exact: true }).waitFor();
  }
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Draft the case', { exact: true }).check();
  return page.evaluate(() => location.hash);
}

/** A fresh browser where a goal with actions was added and its page copied. */
async function openWithGoalPageCopied() {
  const { context, page } = await app.open('/#/');
  await noteTheAdoptedCopy(context);
  const goalPage = await addGoalWithAction(page);
  await copyTaken(page, goalPage);
  return { context, page, goalPage };
}

test('the page last shown is drawn from its copy before the app starts, inert, with its ticks, then taken over and works', async () => {
  const { context, page } = await app.open('/#/');
  await noteTheAdoptedCopy(context);
  const goalPage = await addGoalWithAction(page);
  const copy = await copyTaken(page, goalPage);
  assert.equal(copy.format, 'commissioning-workbook.page-copy:1');
  assert.equal(copy.day, '2026-12-03', 'the local day of the pinned clock');
  assert.match(copy.build, /^\.\/app-[0-9a-f]+\/commissioning-workbook\.js$/);
  assert.doesNotMatch(copy.html, /<script/i);

  const drawn = await reloadAndNote(page, `/${goalPage}`);
  assert.ok(drawn, 'the copy was drawn in place of the shell');
  assert.equal(drawn.inert, true, 'nothing in the copy can be clicked or typed into before the app has it');
  assert.equal(drawn.shellGone, true);
  assert.equal(drawn.heading, GOAL);
  assert.match(drawn.text, /Meet the finance lead/);
  const draftTick = await page.getByRole('list', { name: 'Actions' }).getByLabel('Draft the case', { exact: true }).getAttribute('id');
  assert.deepEqual(drawn.ticked.filter((id) => id.startsWith('done-')), [draftTick], 'the saved tick, written into the copy');

  // Taken over: the copy is gone, and the page is the app's, working.
  assert.equal(await page.locator('#app-adopted').count(), 0);
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Meet the finance lead', { exact: true }).check();
  const saved = await savedWorkbook(page);
  assert.ok(saved.plans[0].goals[0].actions.every((a) => a.done_on), 'both actions done');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a copy that no longer holds is never drawn: another revision stored, another day, another build, another address', async () => {
  const { context, page, goalPage } = await openWithGoalPageCopied();
  const copyText = await page.evaluate((key) => localStorage.getItem(key), COPY_KEY);

  // The stored workbook changed where no copy was taken (a tab closed at
  // once, another version of the app): the app's own page shows the change.
  const json = await storedWorkbook(page);
  json.plans[0].goals[0].title = 'Renamed where no copy was taken';
  json.revision += 1;
  await page.evaluate((keys) => { for (const [key, text] of Object.entries(keys)) localStorage.setItem(key, text); }, packStoredApart(json));
  assert.equal(await reloadAndNote(page, `/${goalPage}`), null, 'another revision: the shell, not the copy');
  await page.getByRole('heading', { level: 1, name: 'Renamed where no copy was taken' }).waitFor();
  // Once the app has taken its own copy of this page (in idle time), and is
  // closed (so it takes none after), the one from before the change is put
  // back in its place.
  await copyTaken(page, goalPage);
  await page.goto('/robots.txt');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [COPY_KEY, copyText]);
  assert.equal(await reloadAndNote(page, `/${goalPage}`), null, 'the copy kept from before the change is not drawn');

  // The copy as the app takes it again, then changed one line at a time.
  const fresh = await copyTaken(page, goalPage);
  for (const [line, value, why] of [
    [2, String(Number(fresh.revision) + 1), 'another revision'],
    [3, '2026-12-02', 'another day'],
    [1, './app-0123456789ab/commissioning-workbook.js', 'another build'],
    [4, '#/development-plan', 'another address'],
    [0, 'commissioning-workbook.page-copy:0', 'another layout'],
  ]) {
    const lines = (await page.evaluate((key) => localStorage.getItem(key), COPY_KEY)).split('\n');
    lines[line] = value;
    const changed = lines.join('\n');
    await page.goto('/robots.txt');
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [COPY_KEY, changed]);
    assert.equal(await reloadAndNote(page, `/${goalPage}`), null, `${why}: not drawn`);
    // The app takes its own copy again once started.
    await page.waitForFunction(([key, text]) => localStorage.getItem(key) !== text, [COPY_KEY, changed]);
    await copyTaken(page, goalPage);
  }
  assert.ok(await reloadAndNote(page, `/${goalPage}`), 'the copy as taken is drawn');
  await context.close();
});

test('two tabs: a change made in the other tab is in the copy drawn next, never the older page', async () => {
  const { context, page, goalPage } = await openWithGoalPageCopied();

  const other = await context.newPage();
  await other.goto(`/${goalPage}`);
  await waitForApp(other);
  await other.getByLabel('What will you do?').fill('Written in the other tab');
  await other.getByRole('button', { name: 'Add action' }).click();
  await other.getByRole('list', { name: 'Actions' }).getByLabel('Written in the other tab', { exact: true }).waitFor();
  await copyTaken(other, goalPage);
  // This tab takes the other's save in and copies its page again.
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Written in the other tab', { exact: true }).waitFor();
  await copyTaken(page, goalPage);
  await other.close();

  const drawn = await reloadAndNote(page, `/${goalPage}`);
  assert.ok(drawn);
  assert.match(drawn.text, /Written in the other tab/);
  await context.close();
});

test('a page holding unsaved typing is not copied, nor the Undo banner; deleting everything deletes the copy', async () => {
  const { context, page, goalPage } = await openWithGoalPageCopied();

  // Deleted with undo offered: the copy taken after it leaves the banner out.
  await page.getByRole('button', { name: 'Delete action: Meet the finance lead' }).click();
  await page.getByRole('button', { name: 'Yes, delete action: Meet the finance lead' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted the action "Meet the finance lead".' }).getByRole('button', { name: 'Undo' }).waitFor();
  const afterDelete = await copyTaken(page, goalPage);
  assert.doesNotMatch(afterDelete.html, /app-undo|Deleted the action/);
  const drawn = await reloadAndNote(page, `/${goalPage}`);
  assert.equal(drawn.undo, false);
  assert.doesNotMatch(drawn.text, /Meet the finance lead/);

  // Typing not yet added: no copy of this page is taken while it is there.
  await page.getByLabel('What will you do?').pressSequentially('Half-typed action');
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Draft the case', { exact: true }).uncheck();
  await savedWorkbook(page);
  await page.waitForTimeout(2500);
  const kept = await storedCopy(page);
  const { revision } = await storedWorkbook(page);
  // The earlier copy is forgotten rather than kept (it no longer holds).
  assert.equal(kept?.revision === String(revision), false, 'no copy of the page with typing in it');
  assert.doesNotMatch(kept?.html ?? '', /Half-typed action/);
  assert.equal(await reloadAndNote(page, `/${goalPage}`), null, 'the older copy is not drawn');

  // Delete everything takes the copy with it, and no copy is taken after.
  await load(page, '/#/your-data');
  await copyTaken(page, '#/your-data');
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  await page.getByRole('group', { name: 'Are you sure you want to delete everything?' })
    .getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('status').filter({ hasText: 'Everything has been deleted from this browser' }).waitFor();
  await page.waitForTimeout(2500);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), COPY_KEY), null);
  assert.equal(await reloadAndNote(page, '/#/your-data'), null);
  await context.close();
});

test('a first visit: the shell is the empty workbook\'s home page, reads and lies as the app draws it, and its links work before the app starts', async () => {
  // No service worker, so the WebAssembly can be held back below.
  const { context, page } = await app.open('/#/', { serviceWorkers: 'block' });
  // Where each visible piece of text of the page lies, and its words.
  const layout = () => page.evaluate(() => [...document.querySelectorAll('body h1, body h2, body p, body li, body a')]
    .filter((e) => e.offsetParent !== null && e.innerText.trim())
    .map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().top)} ${Math.round(e.getBoundingClientRect().left)} ${e.innerText.trim().slice(0, 40)}`));
  const drawnByTheApp = await layout();
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const adopted = document.getElementById('app-adopted');
      window.shellAdopted = adopted ? { inert: adopted.inert, text: adopted.innerText } : null;
    });
  });
  // Before the app starts: the WebAssembly held back until the shell is read.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('about:blank');
  await page.goto('/#/');
  await page.waitForFunction(() => window.shellAdopted !== undefined);
  const shell = await page.evaluate(() => window.shellAdopted);
  assert.ok(shell, 'the shell was adopted as the page');
  assert.equal(shell.inert, false, 'its links work before the app starts');
  const drawnByTheShell = await layout();
  assert.equal(await page.locator('#app-adopted').count(), 1, 'still the shell: the app has not started');
  assert.deepEqual(drawnByTheShell, drawnByTheApp, 'the shell reads and lies as the app\'s empty home page');
  release();
  await waitForApp(page);
  assert.deepEqual(await layout(), drawnByTheApp);

  // Not with a workbook stored (the shell shows only the opening), nor at a deep link.
  await page.unroute(/_bg\.wasm$/);
  await page.goto('about:blank');
  await page.goto('/#/about');
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.shellAdopted), null, 'a deep link keeps the shell');
  await context.close();
});

test('a copy of an area\'s page is drawn with that area\'s stylesheets: it lies as the app then draws it, so nothing moves as the app takes over', async () => {
  const { context, page } = await app.open('/#/', { serviceWorkers: 'block' });
  const goalPage = await addGoalWithAction(page);
  await copyTaken(page, goalPage);
  const layout = () => page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main p, main li, main label, main a, main .nhsuk-tag')]
    .filter((e) => e.offsetParent !== null && e.innerText.trim())
    .map((e) => { const r = e.getBoundingClientRect(); return `${e.tagName} ${Math.round(r.top)} ${Math.round(r.left)} ${Math.round(r.width)}x${Math.round(r.height)} ${e.innerText.trim().slice(0, 30)}`; }));
  // The copy, with the WebAssembly held back so the app cannot start.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('about:blank');
  await page.goto(`/${goalPage}`);
  await page.locator('#app-adopted main h1').waitFor();
  const areaStyles = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"][data-area-styles]')]
    .map((l) => [l.getAttribute('data-area-styles'), !!l.sheet]));
  assert.deepEqual(areaStyles, [['plan', true], ['plan', true]], 'both of the plan area\'s stylesheets, loaded');
  const drawnByTheCopy = await layout();
  assert.ok(drawnByTheCopy.length > 10, drawnByTheCopy.join('\n'));
  release();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: GOAL }).waitFor();
  assert.deepEqual(await layout(), drawnByTheCopy, 'the app\'s page lies as its copy did');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
