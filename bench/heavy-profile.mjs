// Where the time goes in the slow steps of bench/heavy.mjs: a sampling CPU
// profile (Chrome DevTools Protocol `Profiler`, 100 µs) and the renderer's
// own counters (`Performance.getMetrics`: script, style, layout) for
//   - the start of the heaviest pages on the heavy workbook,
//   - 15 rating clicks on an assessment area page,
//   - the delayed save after typing in an evidence note,
// plus the time spent inside localStorage.getItem / setItem during the clicks
// (measured by wrapping them; the app reaches them through wasm-bindgen's glue).
//
// The release build's WebAssembly has no function names. PROFILE_APP_DIR may
// name a copy of the same build's WebAssembly parts with their name sections
// kept: scripts/build-wasm.sh leaves one, before wasm-opt, in
// target/app-with-names/ (the JavaScript is the same). Its files are served
// in place of the release build's app-<hash>/ files, so the profile shows
// Rust function names. Without it, wasm functions show as wasm-function[N].
//
// Usage: DIST_DIR=… PROFILE_APP_DIR=target/app-with-names node bench/heavy-profile.mjs
// (PROFILE_PAGES=<regular expression> picks other pages to start, e.g. 'home|dashboard')
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support.mjs';
import { startBenchServer, distDir } from './serve.mjs';
import { heavyPages, freshPage, timeLoad, settle, clickRatings, typeCharacters, statementsOf, median, ms } from './heavy-lib.mjs';

const heavy = heavyPages();
const swap = new Map();
if (process.env.PROFILE_APP_DIR) {
  const folder = (await readdir(distDir)).find((f) => /^app-[0-9a-f]+$/.test(f));
  for (const file of await readdir(process.env.PROFILE_APP_DIR)) {
    if (file.endsWith('.wasm')) swap.set(`/${folder}/${file}`, join(process.env.PROFILE_APP_DIR, file));
  }
}
const server = await startBenchServer({ swap });
const browser = await launchBrowser();
const log = (...a) => console.error(...a);

try {
  console.log(`wasm: ${process.env.PROFILE_APP_DIR ? `${process.env.PROFILE_APP_DIR} (names kept)` : 'release build (no names)'}`);
  const pages = new RegExp(process.env.PROFILE_PAGES ?? 'self-assessment|plan|log \\(');
  for (const p of heavy.pages.filter((x) => pages.test(x.name))) {
    const { context, page } = await freshPage(browser, server.url, heavy.stored);
    const cdp = await context.newCDPSession(page);
    const profile = await profiled(cdp, () => timeLoad(page, p.path, p.ready));
    report(`Start on the heavy workbook: ${p.name} (drawn at ${ms(profile.result.frame)} ms, in DOM at ${ms(profile.result.dom)} ms)`, profile);
    await context.close();
  }

  const { context, page } = await freshPage(browser, server.url, heavy.stored);
  const cdp = await context.newCDPSession(page);
  await timeLoad(page, `/#/self-assessment/${heavy.assessment.id}/domain/delivery`, `(document) => !!document.getElementById('delivery-6-evidence')`);
  await settle(page);
  await wrapStorage(page);
  const clicks = await profiled(cdp, () => clickRatings(page, [...statementsOf('delivery', 6), ...statementsOf('delivery', 6), ...statementsOf('delivery', 3)], 100));
  const storage = await page.evaluate(() => window.__storage.splice(0));
  report(`15 rating clicks (median handler ${ms(median(clicks.result.map((x) => x.handler)))} ms, next frame ${ms(median(clicks.result.map((x) => x.frame)))} ms)`, clicks);
  printStorage(storage, 15);

  const typing = await profiled(cdp, () => typeCharacters(page, statementsOf('delivery', 5).map((s) => `${s}-evidence`), 800));
  const typingStorage = await page.evaluate(() => window.__storage.splice(0));
  report(`5 keystrokes, each followed by its delayed save (longest task after a key: median ${ms(median(typing.result.map((x) => x.save ?? 0)))} ms)`, typing);
  printStorage(typingStorage, 5);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

/** Runs `step` under the sampling profiler and the renderer's counters. */
async function profiled(cdp, step) {
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const before = await metrics(cdp);
  await cdp.send('Profiler.start');
  const result = await step();
  const { profile } = await cdp.send('Profiler.stop');
  const after = await metrics(cdp);
  const delta = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
  return { result, profile, delta };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Short names: Rust symbols without their hash, files without their path. */
function nameOf(frame) {
  let name = frame.functionName || '(anonymous)';
  name = name.replace(/::h[0-9a-f]{16}$/, '');
  const file = frame.url.split('/').pop();
  const kind = file.endsWith('.wasm') ? 'wasm' : file.endsWith('.js') ? 'js' : file ? 'js' : '';
  return kind ? `${name} [${kind}]` : name;
}

/** Self and inclusive time per function name, from the sampled profile. */
function summarise(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  const kinds = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = nodes.get(id);
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + dt);
    const kind = name.endsWith('[wasm]') ? 'WebAssembly' : name.endsWith('[js]') ? 'JavaScript (glue, page)' : name;
    kinds.set(kind, (kinds.get(kind) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = nameOf(nodes.get(at).callFrame);
      if (!seen.has(n)) { seen.add(n); inclusive.set(n, (inclusive.get(n) ?? 0) + dt); }
    }
  });
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { self: top(self, 15), inclusive: top(inclusive, 400), kinds: top(kinds, 8) };
}

function report(title, { profile, delta }) {
  const { self, inclusive, kinds } = summarise(profile);
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n### ${title}\n`);
  console.log(`Renderer counters over the step (ms): script ${ms(delta.ScriptDuration * 1000)}, style ${ms(delta.RecalcStyleDuration * 1000)}, layout ${ms(delta.LayoutDuration * 1000)}, all tasks ${ms(delta.TaskDuration * 1000)}; profile spans ${ms(total)} ms.\n`);
  console.log('| where (samples) | ms |\n| --- | ---: |');
  for (const [k, v] of kinds) console.log(`| ${k} | ${ms(v)} |`);
  console.log('\n| top functions by self time | ms |\n| --- | ---: |');
  for (const [k, v] of self) console.log(`| \`${k.slice(0, 110)}\` | ${ms(v)} |`);
  // Inclusive times, leaving out the runtime's own frames and the idle/program buckets.
  const skip = /^\((root|program|idle|garbage collector)\)|^\(anonymous\) \[js\]$/;
  console.log('\n| functions by inclusive time (including what they call) | ms |\n| --- | ---: |');
  for (const [k, v] of inclusive.filter(([k]) => !skip.test(k)).slice(0, 25)) console.log(`| \`${k.slice(0, 110)}\` | ${ms(v)} |`);
  // The framework's frames fill the list above; the app's own functions (with
  // names kept, PROFILE_APP_DIR) say which of its steps the time is under.
  const own = inclusive.filter(([k]) => k.startsWith('commissioning_workbook::')).slice(0, 20);
  if (own.length) {
    console.log('\n| the app\'s own functions by inclusive time | ms |\n| --- | ---: |');
    for (const [k, v] of own) console.log(`| \`${k.slice(0, 110)}\` | ${ms(v)} |`);
  }
}

/** Wraps localStorage's getItem and setItem to time them (page side). */
function wrapStorage(page) {
  return page.evaluate(() => {
    window.__storage = [];
    for (const method of ['getItem', 'setItem']) {
      const original = Storage.prototype[method];
      Storage.prototype[method] = function wrapped(...args) {
        const t0 = performance.now();
        const value = original.apply(this, args);
        window.__storage.push({ method, ms: performance.now() - t0, chars: (method === 'getItem' ? value : args[1])?.length ?? 0 });
        return value;
      };
    }
  });
}

function printStorage(calls, events) {
  console.log('\n| localStorage calls | count | per event | total ms | median ms | chars each |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const method of ['getItem', 'setItem']) {
    const xs = calls.filter((c) => c.method === method);
    if (!xs.length) continue;
    const total = xs.reduce((n, c) => n + c.ms, 0);
    console.log(`| ${method} | ${xs.length} | ${(xs.length / events).toFixed(1)} | ${ms(total)} | ${ms(median(xs.map((c) => c.ms)))} | ${median(xs.map((c) => c.chars)).toLocaleString('en-GB')} |`);
  }
}
