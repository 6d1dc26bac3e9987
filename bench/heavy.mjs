// Heavy-workbook benchmark: how the release build copes with years of use
// (bench/heavy-workbook.mjs: 50 answered self-assessments, 3 plans with 200
// goals and 1,000 actions, 2 placements with 2,000 log entries). Headless
// Chromium on loopback; every page load in a fresh browser context (empty
// cache and storage, like a first visit), timed inside the page from the
// start of navigation. Medians of BENCH_RUNS (default 7) loads, 15 events.
//
// The figures:
// - Start, empty workbook: navigation to the app's first h1 in main, drawn.
// - Start with the heavy workbook, per page: navigation to that page's own
//   content (named in the table) being in the document and the next frame
//   drawn. The workbook is stored in the packed form the app keeps from its
//   first save on (what a returning user has); one more row times the home
//   page from plain JSON, as versions before the packed form left it.
// - Returning visits: the same heavy pages when the app left a copy of the
//   page last shown (src/ui/page_copy.rs): the workbook and the copy the app
//   took after drawing that page are stored in a fresh context (cache empty,
//   as before). "drawn" is then the copy on screen (index.html draws it before
//   the app starts) and "app live" when the app has taken the page over; on
//   a first visit (no copy) the two are the same. A page whose copy would be
//   larger than the copy's limit has no returning row.
// - The static floor beside each: the same rendered page saved as plain HTML
//   (scripts, preloads and the CSP removed) and served with the same CSS,
//   timed to the same element. It is what fetching, parsing, styling and
//   painting that DOM costs by itself, so "app ÷ floor" is the app's own
//   overhead (download and compile the WebAssembly, read the workbook, build
//   the page) on this machine, whatever the machine's speed.
// - Main-thread CPU: the renderer main thread's CPU time over each load or
//   event (DevTools Performance.getMetrics in thread ticks). Work on other
//   threads (networking, WebAssembly compilation, raster) is not in it, but
//   it barely moves when other processes compete for the CPU, unlike the
//   wall-clock times, whose min–max the table shows.
// - One event on a loaded heavy page, timed in the page: "handler" is the
//   synchronous event handling (the app applies the change and re-renders
//   what it touches); "next frame" is the start of the frame that draws it
//   (its requestAnimationFrame callbacks); "next input free" is the first
//   task after that frame, when a following click or key would be handled
//   (anything queued straight after the click counts); "saved by" is when
//   the app has saved the whole workbook (in the browser's idle time after
//   the frame), with the longest task from the click to then. Beside each, the same
//   event on a light workbook holding only the records on that page (the one
//   assessment, the one plan with the one goal), so the difference is what
//   the workbook's size costs. Typing saves 400 ms after the last key: the
//   longest task in that pause is reported as the delayed save.
// - Stored size: what the app wrote to localStorage after a change, in KiB of
//   text, against the usual 5 MiB per-site allowance counted a byte a
//   character and two bytes a character (UTF-16, as the app's "Your data"
//   page estimates it), and against the limit this Chromium really applies
//   (found by trial in a fresh context).
//
// Before each load and batch of events it waits, up to BENCH_QUIET_WAIT_S
// (default 15) seconds, for other processes to leave the CPU, and says how
// many measurements still started on a busy machine (heavy-lib.mjs).
//
// Usage: node bench/heavy.mjs            (DIST_DIR=… to measure another build)
//        node bench/heavy.mjs --verify   (only check that the workbook loads)
import { cpus, loadavg } from 'node:os';
import { launchBrowser, unpackStored, packStored, wholeWorkbook } from '../tests/e2e/support.mjs';
import { startBenchServer, distDir } from './serve.mjs';
import {
  KEY, FIRST_H1, heavyPages, freshPage, timeLoad, staticCopy, settle, storageAfterVisit, installTimers,
  clickRatings, clickCheckboxes, typeCharacters, statementsOf, median, ms, ratio,
  waitForQuiet, quiet, mainThreadCpu,
} from './heavy-lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const verifyOnly = process.argv.includes('--verify');
const heavy = heavyPages();
const log = (...a) => console.error(...a);

/** The light counterpart: only what the interaction pages show. */
const light = packStored(JSON.stringify({
  ...heavy.workbook,
  assessments: [heavy.assessment],
  plans: [{ ...heavy.plan, goals: [heavy.goal] }],
  placements: [],
  deleted: [],
}), heavy.workbook.revision);

const server = await startBenchServer();
const browser = await launchBrowser();
try {
  log(`Build: ${distDir} · Chromium ${browser.version()} · heavy workbook ${(heavy.text.length / 1024).toFixed(0)} KiB of JSON`);
  await verifyLoads();
  if (!verifyOnly) {
    const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
    const loadBefore = load();
    const loads = await measureLoads();
    const events = await measureEvents();
    const limit = await storageLimit();
    console.log(`Chromium ${browser.version()}, ${cpus().length} CPUs, load average ${loadBefore} before and ${load()} after; build ${distDir}.`);
    console.log(`${quiet.busyRuns} of ${quiet.runs} measurements (loads and batches of events) started while other processes kept the machine busy, after waiting up to ${process.env.BENCH_QUIET_WAIT_S ?? 15} s for quiet (${(quiet.waitedMs / 1000).toFixed(0)} s waited in all).`);
    printLoads(loads);
    printEvents(events, limit);
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * The heavy workbook loads: on the area pages and every page measured there
 * is no "could not be read" warning, no page error, and the counts show.
 */
async function verifyLoads() {
  const { plan, placement } = heavy;
  const current = heavy.workbook.plans.reduce((a, b) => (b.created_at > a.created_at ? b : a));
  // [address, what must show, a test of the document (source text: it runs in the page)]
  const checks = [
    ['/#/development-plan', `${current.goals.length} goal cards`,
      `document.querySelectorAll('ul[aria-label="Your goals"] > li').length === ${current.goals.length}`],
    ['/#/placement-log', `"in ${placement.entries.length} entries"`,
      `[...document.querySelectorAll('main dd')].some((x) => x.textContent.endsWith(' in ${placement.entries.length} entries'))`],
    ['/#/self-assessment', `${heavy.workbook.assessments.length} assessment rows, each "43 of 43 answered"`,
      `[...document.querySelectorAll('main table tbody tr')].filter((r) => r.textContent.includes('43 of 43 answered')).length === ${heavy.workbook.assessments.length}`],
    ...heavy.pages.map((p) => [p.path, p.shows, `(${p.ready})(document)`]),
  ];
  for (const [path, what, test] of checks) {
    const { context, page } = await freshPage(browser, server.url, heavy.stored);
    await timeLoad(page, path, FIRST_H1);
    const counts = await page.waitForFunction(test, null, { timeout: 60_000 }).then(() => true, () => false);
    const body = await page.evaluate(() => document.body.innerText);
    const problems = [
      ...(/could not be read/i.test(body) ? ['the "could not be read" warning shows'] : []),
      ...(counts ? [] : [`${what} not shown`]),
      ...page.pageErrors,
    ];
    // Nothing was kept aside as unreadable, and the workbook is still stored.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    if (keys.some((k) => k.includes('unreadable')) || !keys.includes('commissioning-workbook')) problems.push(`storage keys: ${keys}`);
    await context.close();
    if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
    log(`loads: ${path} shows ${what}`);
  }
  log(`verified: the heavy workbook loads with no warning or page error (plan ${plan.name}, placement ${placement.organisation})`);
}

/** Every start-up case: the app, then its static floor, interleaved run by run. */
async function measureLoads() {
  const cases = [
    { name: 'start, empty workbook: home', shows: 'first h1 in main', path: '/#/', ready: FIRST_H1, workbook: null },
    ...heavy.pages.map((p) => ({ ...p, name: `heavy workbook: ${p.name}`, workbook: heavy.stored })),
    // Stored as plain JSON, as versions before the packed form left it: the
    // first start after updating (the first save packs it).
    { ...heavy.pages[0], name: 'heavy workbook stored as plain JSON (first start after an update): home', workbook: heavy.text },
    // Packed whole in one key, as the version before kept it: the first
    // start after this update (the first save keeps its sections apart).
    { ...heavy.pages[0], name: 'heavy workbook packed in one key (first start after the update that keeps sections apart): home', workbook: heavy.storedWhole },
  ];
  // The floors: each page as the app rendered it, saved once.
  for (const [i, c] of cases.entries()) {
    const { context, page } = await freshPage(browser, server.url, c.workbook);
    await timeLoad(page, c.path, c.ready);
    await page.waitForTimeout(300);
    const html = await staticCopy(page);
    await context.close();
    c.floorPath = `/floor-${i}.html`;
    server.pages.set(c.floorPath, html);
    c.floorKiB = Buffer.byteLength(html) / 1024;
  }
  // A returning visit to each heavy page: the page was the last one shown,
  // so the app left a copy of it, which index.html draws before the app
  // starts. Timed against the same static floor as the page.
  for (const p of heavy.pages) {
    const base = cases.find((c) => c.path === p.path && c.workbook === heavy.stored);
    const stored = await storageAfterVisit(browser, server.url, heavy.stored, p.path, p.ready);
    if (!stored) {
      log(`no copy of ${p.name} was taken (larger than the copy's limit): no returning-visit row`);
      continue;
    }
    cases.push({ ...base, name: `${base.name}, returning (the page's copy drawn first)`, workbook: stored, returning: true });
  }
  const once = async (c, path) => {
    const { context, page } = await freshPage(browser, server.url, path === c.path ? c.workbook : null);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await waitForQuiet();
    const cpu = await mainThreadCpu(cdp);
    const t = await timeLoad(page, path, c.ready);
    t.cpu = (await mainThreadCpu(cdp)) - cpu;
    await context.close();
    return t;
  };
  // One untimed round warms the browser up.
  for (const c of cases) { await once(c, c.path); await once(c, c.floorPath); }
  Object.assign(quiet, { busyRuns: 0, runs: 0, waitedMs: 0 });
  for (const c of cases) { c.app = []; c.floor = []; }
  for (let run = 0; run < runs; run += 1) {
    log(`load run ${run + 1} of ${runs}`);
    for (const c of cases) {
      c.app.push(await once(c, c.path));
      c.floor.push(await once(c, c.floorPath));
    }
  }
  return cases;
}

/** Events on loaded pages, on the heavy workbook and on the light one. */
async function measureEvents() {
  const result = {};
  for (const [label, text] of [['heavy', heavy.stored], ['light', light]]) {
    const { context, page } = await freshPage(browser, server.url, text);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // Main-thread CPU time of a batch of events, per event.
    const cpuOf = async (batch) => {
      await waitForQuiet();
      const before = await mainThreadCpu(cdp);
      const times = await batch();
      const each = ((await mainThreadCpu(cdp)) - before) / times.length;
      return times.map((t) => ({ ...t, cpu: each }));
    };
    const area = (a) => `/#/self-assessment/${heavy.assessment.id}/domain/${a}`;
    const ratings = [];
    for (const [i, a] of ['leadership', 'support', 'delivery'].entries()) {
      const ready = `(document) => !!document.getElementById('${a}-6-evidence')`;
      if (i === 0) {
        await timeLoad(page, area(a), ready);
        await installTimers(page);
      }
      else {
        await page.evaluate((h) => { location.hash = h; }, area(a).slice(1));
        await page.waitForFunction(`(${ready})(document)`);
      }
      await settle(page);
      ratings.push(...(await cpuOf(() => clickRatings(page, statementsOf(a, 5)))));
    }
    // Typing: one character into each of the delivery area's evidence notes, three rounds.
    const notes = [1, 2, 3].flatMap(() => statementsOf('delivery', 5).map((s) => `${s}-evidence`));
    const typing = await cpuOf(() => typeCharacters(page, notes));
    // Actions: ticked on the goal's page (the plan page lists goals, not their actions).
    await page.evaluate((h) => { location.hash = h; }, `#/development-plan/goals/${heavy.goal.id}`);
    await page.waitForFunction((n) => document.querySelectorAll('input[id^="done-"]').length === n, heavy.goal.actions.length);
    await settle(page);
    const ticks = await cpuOf(() => clickCheckboxes(page, heavy.goal.actions.slice(0, 15).map((a) => `done-${a.id}`)));
    await page.waitForTimeout(600);
    // The workbook's key and its sections' keys.
    const keys = await page.evaluate((k) => Object.fromEntries(Object.keys(localStorage)
      .filter((key) => key === k || key.startsWith(`${k}.section.`)).map((key) => [key, localStorage.getItem(key)])), KEY);
    const saved = wholeWorkbook(keys);
    const errors = page.pageErrors;
    await context.close();
    if (errors.length) throw new Error(`page errors during the events: ${errors.join('; ')}`);
    // The changes really were saved.
    const a = saved.assessments.find((x) => x.id === heavy.assessment.id);
    const typed = a.answers['delivery-5'].evidence;
    if (!typed.endsWith('ejo')) throw new Error(`the typed characters were not saved: …${typed.slice(-10)}`);
    const texts = Object.entries(keys);
    result[label] = {
      ratings, typing, ticks,
      storedChars: texts.reduce((n, [key, text]) => n + key.length + text.length, 0),
      jsonChars: texts.reduce((n, [, text]) => n + unpackStored(text).length, 0),
      keys: texts.length,
      revision: saved.revision,
    };
    log(`events on the ${label} workbook done (revision ${saved.revision})`);
  }
  return result;
}

/**
 * How many characters (key and value) this Chromium lets one site keep in
 * localStorage: of plain ASCII, and of characters like those of the app's
 * packed form (U+00A0 to U+809F), in case the browser counts them differently.
 */
async function storageLimit() {
  const { context, page } = await freshPage(browser, server.url);
  const limit = await page.evaluate(() => {
    const largest = (char) => {
      let [lo, hi] = [0, 64 * 1024 * 1024];
      while (hi - lo > 64) {
        const mid = Math.floor((lo + hi) / 2);
        try { localStorage.setItem('k', char.repeat(mid - 1)); lo = mid; } catch { hi = mid; }
        localStorage.clear();
      }
      return lo;
    };
    return { ascii: largest('x'), packed: largest('\u4e00') };
  });
  await context.close();
  return limit;
}

function printLoads(cases) {
  console.log(`\n### Start-up (median of ${runs}, fresh context each; ms from navigation start)\n`);
  console.log('"drawn" is the page\'s content on screen, by the app or, before the app starts, by index.html: the copy of the page last shown (a returning visit) or, on a first visit to the home page, the shell, which is then the empty workbook\'s page; "app live" is when the app has the page (the copy taken over). Without a copy the two are the same.\n');
  console.log('| page | content waited for | drawn by | drawn (min–max) | app live (min–max) | static floor (min–max) | floor HTML | drawn ÷ floor | live ÷ floor | main-thread CPU: app / floor |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const spread = (xs) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
  for (const c of cases) {
    const drawn = c.app.map((t) => t.frame);
    const live = c.app.map((t) => t.liveFrame);
    const floor = c.floor.map((t) => t.frame);
    // Drawn first by: the copy (a returning visit), the shell (a first
    // visit's home page, which is the empty workbook's page) or the app.
    const adopted = c.app.filter((t) => t.adopted).length;
    const by = adopted === 0 ? 'app' : `${c.returning ? 'copy' : 'shell'}${adopted < c.app.length ? ` in ${adopted} of ${c.app.length}` : ''}`;
    const cpu = (xs) => ms(median(xs.map((t) => t.cpu)));
    console.log(`| ${c.name} | ${c.shows} | ${by} | ${spread(drawn)} | ${spread(live)} | ${spread(floor)} | ${c.floorKiB.toFixed(0)} KiB | ${ratio(median(drawn), median(floor))} | ${ratio(median(live), median(floor))} | ${cpu(c.app)} / ${cpu(c.floor)} |`);
  }
}

function printEvents({ heavy: h, light: l }, limit) {
  const m = (xs, k) => median(xs.map((x) => x[k]));
  console.log(`\n### One event on a loaded page (median of 15; ms)\n`);
  console.log('"next frame": the start of the frame that draws the change. "next input free": the first task after that frame, when a following click or key would be handled (work queued straight after the click counts). "saved by": when the app has saved it (in idle time after the frame), and "longest task": the longest task between the click and the save (what an input arriving then would wait for; "–": none reached 50 ms, the least the browser reports).\n');
  console.log('| event | heavy: handler | heavy: next frame | heavy: next input free (max) | heavy: saved by | heavy: longest task | heavy: CPU per event | light: handler | light: next frame | light: next input free (max) | light: saved by | light: CPU per event |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const max = (xs, k) => ms(Math.max(...xs.map((x) => x[k])));
  const longest = (xs) => {
    const found = xs.map((x) => x.longest).filter((x) => x != null);
    return found.length ? `${ms(median(found))} (in ${found.length} of ${xs.length})` : '–';
  };
  const row = (name, key) => {
    const saved = (xs) => (xs[0]?.saved == null ? '(typing: below)' : ms(m(xs, 'saved')));
    console.log(`| ${name} | ${ms(m(h[key], 'handler'))} | ${ms(m(h[key], 'frame'))} | ${ms(m(h[key], 'after'))} (${max(h[key], 'after')}) | ${saved(h[key])} | ${h[key][0]?.saved == null ? '' : longest(h[key])} | ${ms(m(h[key], 'cpu'))} | ${ms(m(l[key], 'handler'))} | ${ms(m(l[key], 'frame'))} | ${ms(m(l[key], 'after'))} (${max(l[key], 'after')}) | ${saved(l[key])} | ${ms(m(l[key], 'cpu'))} |`);
  };
  row('rating click, assessment area page (15 statements in 3 areas)', 'ratings');
  row(`tick an action, goal page (a goal with ${heavy.goal.actions.length} actions; the plan page has no action checkboxes)`, 'ticks');
  row('type one character in an evidence note', 'typing');
  const save = (xs) => {
    const found = xs.map((x) => x.save).filter((x) => x != null);
    return found.length >= xs.length / 2 ? ms(median(xs.map((x) => x.save ?? 0))) : '< 50';
  };
  console.log(`| delayed save after typing (longest task in the 800 ms after a key; CPU above includes it) | ${save(h.typing)} | | | | | | ${save(l.typing)} | | | | |`);
  const quota = 5 * 1024 * 1024;
  const chars = (x) => x.storedChars;
  console.log(`\n### Stored size (after the changes above were saved; local storage holds the packed form, the workbook's key and a key per section with records)\n`);
  console.log('| workbook | keys | characters stored (keys and texts) | of them, the JSON inside | % of the 5 MiB allowance (in characters) | % of what this Chromium accepts |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, x] of [['heavy', h], ['light', l]]) {
    console.log(`| ${name} | ${x.keys} | ${x.storedChars.toLocaleString('en-GB')} | ${x.jsonChars.toLocaleString('en-GB')} | ${((100 * chars(x)) / quota).toFixed(1)} % | ${((100 * chars(x)) / limit.packed).toFixed(1)} % |`);
  }
  console.log(`\nThis Chromium refused more than ${limit.ascii.toLocaleString('en-GB')} ASCII characters, or ${limit.packed.toLocaleString('en-GB')} of the packed form's characters (key and value), for one site.`);
}
