// Group view benchmark: a lead loads a round of members' files in the release
// build (headless Chromium on loopback, each run in a fresh browser context).
// The files are generated (tests/e2e/group-files.mjs: every statement
// answered, notes the round must not keep) and handed to the page's file
// input as the browser hands a person's choice: the files on the input,
// then its change event.
//
// The figures, medians of BENCH_RUNS (default 3) runs for each size:
// - "to the result": from the change event of the chosen files to the sentence
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
    window.benchFrom = Infinity;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.startTime >= window.benchFrom) window.benchLongest = Math.max(window.benchLongest, entry.duration);
      }
    }).observe({ type: 'longtask' });
    window.benchProgressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('progress')) window.benchProgressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  // The files are put on the page's file input before timing starts, as
  // the browser holds them once a person has picked them; timing starts at
  // the change event the browser then fires. (Playwright's own setFiles
  // builds the 2,000 files inside the page in one 1.3-second task, which
  // no person's choice costs, and which the long-task timing would count.)
  await page.evaluate((texts) => {
    const transfer = new DataTransfer();
    for (const { name, text } of texts) transfer.items.add(new File([text], name, { type: 'application/json' }));
    document.getElementById('members-files-input').files = transfer.files;
  }, files);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  const started = await page.evaluate(() => {
    const t0 = performance.now();
    window.benchFrom = t0;
    document.getElementById('members-files-input').dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  });
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
