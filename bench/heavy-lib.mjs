// Shared parts of bench/heavy.mjs and bench/heavy-profile.mjs: the pages
// measured, how a page load is timed inside the page, the static floor, and
// the in-page interaction timers.
import { readFileSync } from 'node:fs';
import { heavyWorkbook, landmarks } from './heavy-workbook.mjs';
import { packStored, packStoredApart } from '../tests/e2e/support.mjs';

export const KEY = 'commissioning-workbook';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const ms = (x) => (x == null ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));
export const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

// ---------------------------------------------------------------------------
// What "the page is there" means, page by page: a predicate on the document,
// written as source text because it is put into the page before it loads
// (the app's Content-Security-Policy forbids building functions from strings).
// Every predicate first requires that index.html's stand-in shell (if the
// build has one) is gone, so a heading in the shell never counts. The copy of
// the page last shown, which index.html may draw in the shell's place before
// the app starts (src/ui/page_copy.rs), does count: it is that page, drawn.
// The probe notes separately when the app has taken the page over ("live").

const appStarted = `!document.getElementById('app-shell')`;

/** The app's first h1 in main. */
export const FIRST_H1 = `(document) => ${appStarted} &&
  [...document.querySelectorAll('main h1')].some((h) => !h.closest('#app-shell'))`;

/** The workbook and the pages measured on it, each with what shows it is rendered. */
export function heavyPages(seed = 1) {
  const workbook = heavyWorkbook({ seed });
  const { plan, goal, placement, assessment } = landmarks(workbook);
  const entries = workbook.placements.reduce((n, p) => n + p.entries.length, 0);
  const lastGoal = plan.goals.at(-1).title;
  return {
    workbook,
    text: JSON.stringify(workbook),
    // As a returning user's browser holds it: the app keeps the packed form
    // (src/model/files/stored_form.rs), each section under a key of its
    // own, from its first save on.
    stored: packStoredApart(workbook),
    // As the version before kept it: the whole workbook packed in one key
    // (the first start after the update reads it so).
    storedWhole: packStored(JSON.stringify(workbook), workbook.revision),
    plan,
    goal,
    placement,
    assessment,
    pages: [
      {
        name: 'home',
        path: '/#/',
        shows: 'the count of log entries in "Your workbook holds"',
        ready: `(document) => ${appStarted} && [...document.querySelectorAll('ul[aria-label="Workbook contents"] li')]
          .some((li) => li.textContent === ${JSON.stringify(`${entries} placement log entries`)})`,
      },
      {
        name: 'self-assessment',
        path: '/#/self-assessment',
        shows: `all ${workbook.assessments.length} rows of the assessments table`,
        ready: `(document) => ${appStarted} &&
          document.querySelectorAll('main table tbody tr').length === ${workbook.assessments.length}`,
      },
      {
        name: `plan (${plan.goals.length} goals)`,
        path: `/#/development-plan/plans/${plan.id}`,
        shows: 'the last goal\'s heading',
        ready: `(document) => ${appStarted} && (() => {
          const cards = document.querySelectorAll('ul[aria-label="Your goals"] > li');
          return cards.length === ${plan.goals.length} &&
            cards[cards.length - 1].querySelector('h3')?.textContent === ${JSON.stringify(lastGoal)};
        })()`,
      },
      {
        name: `placement log (${placement.entries.length} entries)`,
        path: `/#/placement-log/placements/${placement.id}/log`,
        shows: 'the last (oldest) entry card, down to its "Written" line',
        ready: `(document) => ${appStarted} && (() => {
          const cards = document.querySelectorAll('ul[aria-label="Log entries"] > li');
          return cards.length === ${placement.entries.length} && !!cards[cards.length - 1].querySelector('.app-written');
        })()`,
      },
      {
        name: 'placement dashboard',
        path: `/#/placement-log/placements/${placement.id}`,
        shows: `"in ${placement.entries.length} entries" and "Where your time went"`,
        ready: `(document) => ${appStarted} &&
          [...document.querySelectorAll('main dd')].some((d) => d.textContent.endsWith(' in ${placement.entries.length} entries')) &&
          [...document.querySelectorAll('main h2')].some((h) => h.textContent === 'Where your time went')`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Timing a load inside the page. The probe is added before the page's own
// scripts run; a MutationObserver (and the end of parsing) notes, in
// performance.now() (ms since the navigation started), when the predicate
// first holds ("dom"), then the end of the next frame after it:
// requestAnimationFrame, then a task after that frame's style, layout and
// paint ("frame", the figure reported).

function probe(ready) {
  const state = { dom: null, frame: null, liveDom: null, liveFrame: null, adopted: false };
  window.__probe = state;
  const afterNextFrame = (key) => requestAnimationFrame(() => setTimeout(() => { state[key] = performance.now(); }, 0));
  // While the HTML is still being parsed nothing is checked: the app cannot
  // render before (its module script runs after parsing), and a static page
  // is complete when parsing ends, so checking every parsed chunk would only
  // slow the static page down. (A copy of the page that index.html drew is
  // in the document by then too.)
  const check = () => {
    if (document.readyState === 'loading' || !ready(document)) return;
    const adopted = !!document.getElementById('app-adopted');
    if (state.dom === null) {
      state.dom = performance.now();
      state.adopted = adopted;
      afterNextFrame('frame');
    }
    if (!adopted && state.liveDom === null) {
      state.liveDom = performance.now();
      observer.disconnect();
      afterNextFrame('liveFrame');
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('readystatechange', check);
}

/**
 * A fresh browser context (its own storage and cache, like a first visit),
 * with `workbook` (text) stored for the app's origin, or nothing stored.
 * The origin is opened at robots.txt, which is not the app, to write storage.
 */
export async function freshPage(browser, baseURL, workbook = null) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.pageErrors.push(m.text()); });
  await page.goto('/robots.txt');
  // The workbook's text, or every key a returning visit left (the workbook and the copy of its page).
  const stored = typeof workbook === 'string' ? { [KEY]: workbook } : (workbook ?? {});
  await page.evaluate((entries) => { for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text); }, stored);
  return { context, page };
}

/**
 * Loads `path` in `page` and returns, in ms since navigation start, { dom,
 * frame } when the page's content is first drawn (by the app, or from the
 * copy index.html drew: then `adopted`), and { liveDom, liveFrame } when the
 * app has it (the same moments when nothing was adopted).
 */
export async function timeLoad(page, path, ready) {
  await page.addInitScript({ content: `(${probe})(${ready});` });
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__probe?.frame != null && window.__probe?.liveFrame != null, null, { polling: 50, timeout: 120_000 });
  return page.evaluate(() => ({ ...window.__probe }));
}

/**
 * What a returning visit to `path` finds stored: the workbook and the copy of
 * that page the app took after drawing it (src/ui/page_copy.rs), or null when
 * it took none (a page too large to copy).
 */
export async function storageAfterVisit(browser, baseURL, workbook, path, ready) {
  const { context, page } = await freshPage(browser, baseURL, workbook);
  await timeLoad(page, path, ready);
  const hash = new URL(path, baseURL).hash;
  const copied = await page.waitForFunction((at) => {
    const lines = (localStorage.getItem('commissioning-workbook.page-copy') ?? '').split('\n', 5);
    return lines[4] === at;
  }, hash, { timeout: 15_000 }).then(() => true, () => false);
  const entries = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  await context.close();
  return copied ? entries : null;
}

/**
 * The static floor of a rendered page: its HTML as the app left it, without
 * scripts, (module)preload links and the Content-Security-Policy, so loading
 * it costs only fetching, parsing, styling and painting the same DOM with the
 * same CSS. No app can show that page faster.
 */
export function staticCopy(page) {
  return page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv="Content-Security-Policy" i]')
      .forEach((e) => e.remove());
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  });
}

/** Waits until the page is idle: the service worker installed (it fetches the build) and a quiet moment. */
export async function settle(page, quietMs = 500) {
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker?.ready ?? Promise.resolve(),
    new Promise((r) => setTimeout(r, 5000)),
  ]));
  await page.waitForTimeout(quietMs);
}

// ---------------------------------------------------------------------------
// Interactions, timed inside the page: performance.now() before the event;
// "handler" when the synchronous event handling returns (the app applies the
// change and re-renders what it changes); "frame" at the start of the next
// frame (its requestAnimationFrame callbacks, after which the browser draws
// it); "after" at the first task after that frame, which includes the save
// the app runs just after the frame that shows the change. A pause between events lets each finish, and lets a typing
// save (400 ms after typing stops) happen outside the measured keystroke.

/**
 * In the page: how long after `t0` the change was saved (the app marks its
 * status "saved"; checked every millisecond or so), and the longest task
 * meanwhile (an input arriving during it waits for it; null: none took 50 ms,
 * the least the browser reports).
 */
const UNTIL_SAVED = `window.untilSaved = async (t0) => {
  const long = [];
  const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  while (!document.querySelector('[data-save-state="saved"]')) await new Promise((r) => setTimeout(r, 1));
  const saved = performance.now() - t0;
  observer.takeRecords().forEach((e) => long.push(e));
  observer.disconnect();
  const during = long.filter((e) => e.startTime >= t0).map((e) => e.duration);
  return { saved, longest: during.length ? Math.max(...during) : null };
};`;

/** Installs the in-page helper the click timers use (again after each page load). */
export const installTimers = (page) => page.evaluate(UNTIL_SAVED);

/** Clicks a different rating radio of each statement in turn. */
export function clickRatings(page, statementIds, pauseMs = 250) {
  return page.evaluate(async ([sids, pause]) => {
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => { const frame = performance.now(); setTimeout(() => r(frame), 0); }));
    const out = [];
    for (const sid of sids) {
      const radios = [...document.querySelectorAll(`input[type="radio"][name="${sid}"]`)];
      if (radios.length !== 6) throw new Error(`no rating radios for ${sid}`);
      const now = radios.findIndex((r) => r.checked);
      const target = radios[now >= 0 && now < 4 ? now + 1 : now === 4 ? 3 : 2];
      const t0 = performance.now();
      target.click();
      const t1 = performance.now();
      const tf = await nextFrame();
      const t2 = performance.now();
      if (!target.checked) throw new Error(`${target.id} did not stay checked`);
      out.push({ handler: t1 - t0, frame: tf - t0, after: t2 - t0, ...(await window.untilSaved(t0)) });
      await new Promise((r) => setTimeout(r, pause));
    }
    return out;
  }, [statementIds, pauseMs]);
}

/** Ticks (or unticks) each of these checkboxes once. */
export function clickCheckboxes(page, inputIds, pauseMs = 250) {
  return page.evaluate(async ([ids, pause]) => {
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => { const frame = performance.now(); setTimeout(() => r(frame), 0); }));
    const out = [];
    for (const id of ids) {
      const box = document.getElementById(id);
      if (!box) throw new Error(`no checkbox ${id}`);
      const was = box.checked;
      const t0 = performance.now();
      box.click();
      const t1 = performance.now();
      const tf = await nextFrame();
      const t2 = performance.now();
      if (document.getElementById(id)?.checked === was) throw new Error(`${id} did not change`);
      out.push({ handler: t1 - t0, frame: tf - t0, after: t2 - t0, ...(await window.untilSaved(t0)) });
      await new Promise((r) => setTimeout(r, pause));
    }
    return out;
  }, [inputIds, pauseMs]);
}

/**
 * Types one character at the end of each text field as a keystroke arrives
 * (the value changes, then `input`), and notes the longest task in the pause
 * after it, where the delayed save runs ("save": null when none took 50 ms).
 */
export function typeCharacters(page, fieldIds, pauseMs = 800) {
  return page.evaluate(async ([ids, pause]) => {
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => { const frame = performance.now(); setTimeout(() => r(frame), 0); }));
    const long = [];
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const out = [];
    for (const [k, id] of ids.entries()) {
      const field = document.getElementById(id);
      if (!field) throw new Error(`no field ${id}`);
      field.focus();
      const ch = 'abcdefghijklmnopqrstuvwxyz'[k % 26];
      const before = field.value;
      const t0 = performance.now();
      field.setRangeText(ch, before.length, before.length, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ch }));
      const t1 = performance.now();
      const tf = await nextFrame();
      const t2 = performance.now();
      await new Promise((r) => setTimeout(r, pause));
      observer.takeRecords().forEach((e) => long.push(e));
      const inPause = long.filter((e) => e.startTime >= t2).map((e) => e.duration);
      long.length = 0;
      if (document.getElementById(id)?.value !== before + ch) throw new Error(`${id} lost the typed character`);
      out.push({ handler: t1 - t0, frame: tf - t0, after: t2 - t0, save: inPause.length ? Math.max(...inPause) : null });
    }
    observer.disconnect();
    return out;
  }, [fieldIds, pauseMs]);
}

/** Statement ids of an area (framework version 1). */
export const statementsOf = (area, n) => Array.from({ length: n }, (_, i) => `${area}-${i + 1}`);

// ---------------------------------------------------------------------------
// Other work on the machine (a build, a test run) slows every figure down and
// spreads them out. Before each measurement the machine is sampled for half a
// second (Linux /proc/stat); while other processes keep more than a quarter
// of its CPU time busy, it waits, up to BENCH_QUIET_WAIT_S seconds (default
// 15; 0 never waits). The benchmark says how many measurements were taken
// while the machine was still busy.

function cpuTimes() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
}

export const quiet = { busyRuns: 0, runs: 0, waitedMs: 0 };

export async function waitForQuiet(maxWaitS = Number(process.env.BENCH_QUIET_WAIT_S ?? 15)) {
  quiet.runs += 1;
  let available = true;
  try { cpuTimes(); } catch { available = false; }
  if (!available || maxWaitS <= 0) return;
  const start = Date.now();
  for (;;) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, 500));
    const b = cpuTimes();
    const busy = 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
    if (busy < 0.25) break;
    if (Date.now() - start > maxWaitS * 1000) { quiet.busyRuns += 1; break; }
  }
  quiet.waitedMs += Date.now() - start;
}

/** The renderer's main-thread CPU time so far, in ms (Performance domain in thread ticks). */
export async function mainThreadCpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
}
