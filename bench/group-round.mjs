// Group view benchmark: a lead loads a round of members' files in the release
// build (headless Chromium on loopback, each run in a fresh browser context).
// The files are generated (tests/e2e/group-files.mjs: every statement
// answered, notes the round must not keep) and chosen through the page's
// file chooser, as a person chooses them.
//
// The figures, medians of BENCH_RUNS (default 3) runs for each size:
// - "to the result": from the click that chooses the files to the sentence
//   saying how many were loaded (every file read, checked, taken in with one
//   change, saved, and the round's figures drawn);
// - "longest task": the longest main-thread task in that time, from the
//   browser's long-task timing (tasks of 50 ms and more): what the page
//   cannot answer a click during. The files are read a slice at a time, so
//   this stays short however many files there are;
// - "progress shown": whether the progress bar appeared (it shows for more
//   than one slice of files).
//
// Usage: node bench/group-round.mjs   (BENCH_SIZES=200,2000 by default)
import { launchBrowser, newAppContext } from '../tests/e2e/support.mjs';
import { memberFiles } from '../tests/e2e/group-files.mjs';
import { startBenchServer } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '200,2000').split(',').map(Number);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const emptyRound = {
  format: 'commissioning-workbook', schema_version: 5, revision: 1,
  created_at: '2026-12-01T09:00:00Z', updated_at: '2026-12-01T09:00:00Z',
  assessments: [], partner_assessments: [], plans: [], placements: [],
  group: { rounds: [{ id: 'round-bench', name: 'Benchmark round', held_on: '2026-12-01', anonymised: true, members: [], agreements: [], created_at: '2026-12-01T09:00:00Z', updated_at: '2026-12-01T09:00:00Z' }] },
  deleted: [], last_backup_at: '2026-12-02T09:00:00Z', backup_reminder_days: 14,
};

async function once(browser, url, files) {
  const context = await newAppContext(browser, { baseURL: url });
  const page = await context.newPage();
  await page.goto('/#/group');
  await page.evaluate((wb) => localStorage.setItem('commissioning-workbook', JSON.stringify(wb)), emptyRound);
  await page.goto('about:blank');
  await page.goto('/#/group/rounds/round-bench');
  await page.getByRole('heading', { level: 1, name: 'Benchmark round' }).waitFor();
  await page.evaluate(() => {
    window.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, entry.duration);
    }).observe({ type: 'longtask' });
    window.benchProgressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('progress')) window.benchProgressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const payload = files.map(({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) }));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /Members' self-assessment files/ }).click(),
  ]);
  const started = await page.evaluate(() => performance.now());
  await chooser.setFiles(payload);
  const loaded = `Loaded ${files.length.toLocaleString('en-GB')} members' files.`;
  await page.getByRole('region', { name: 'Files loaded' }).getByText(loaded).waitFor({ timeout: 120_000 });
  await page.getByRole('heading', { name: 'Where the group stands' }).waitFor();
  const result = await page.evaluate((t0) => ({
    took: performance.now() - t0,
    longest: window.benchLongest,
    progress: window.benchProgressSeen,
  }), started);
  await context.close();
  return result;
}

const server = await startBenchServer();
const browser = await launchBrowser();
console.log('| files | to the result (median, min–max) | longest task (median) | progress shown |');
console.log('| ---: | ---: | ---: | --- |');
for (const size of SIZES) {
  const files = memberFiles(size);
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, server.url, files));
  const took = runs.map((r) => r.took);
  console.log(`| ${size.toLocaleString('en-GB')} | ${Math.round(median(took))} ms (${Math.round(Math.min(...took))}–${Math.round(Math.max(...took))}) | ${Math.round(median(runs.map((r) => r.longest)))} ms | ${runs.every((r) => r.progress) ? 'yes' : runs.some((r) => r.progress) ? 'some runs' : 'no'} |`);
}
await browser.close();
await server.close();
