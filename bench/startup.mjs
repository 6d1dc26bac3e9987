// Speed benchmark: how long the release build takes, in headless Chromium on
// loopback, from navigation to the first heading (app started), and to a
// reload of a workbook holding many goals. Prints the median of several runs.
// Measures dist/, or the build in $DIST_DIR.
import { launchBrowser, waitForApp } from '../tests/e2e/support.mjs';
import { startBenchServer as startServer } from './serve.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launchBrowser();
try {
  const cold = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto('/#/');
    await waitForApp(page);
    cold.push(performance.now() - start);
    await context.close();
  }

  // A large workbook: 500 goals, loaded and shown on the development plan page.
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/#/');
  await waitForApp(page);
  await page.evaluate(() => {
    const goals = Array.from({ length: 500 }, (_, i) => ({
      id: `goal-bench-${i}`,
      title: `Benchmark goal ${i}`,
      detail: 'A goal made by the benchmark to give the workbook some weight.',
      target_date: '2099-01-01',
      created_on: '2026-01-01',
      origin: null,
    }));
    const now = new Date().toISOString();
    localStorage.setItem('commissioning-workbook', JSON.stringify({
      format: 'commissioning-workbook', schema_version: 1, created_at: now, updated_at: now,
      id_counter: 500, development_plan: { goals },
    }));
  });
  const large = [];
  for (let i = 0; i < runs; i += 1) {
    // With hash routes a goto that changes only the part after '#' stays in
    // the running app (which read storage before the goals were written), so
    // leave the app first: each run is a real load, as a reload would be.
    await page.goto('about:blank');
    const start = performance.now();
    await page.goto('/#/development-plan');
    await page.getByRole('heading', { name: 'Benchmark goal 499' }).waitFor();
    large.push(performance.now() - start);
  }
  await context.close();

  console.log(`| measure (median of ${runs}) | ms |\n| --- | ---: |`);
  console.log(`| start, empty workbook, to first heading | ${median(cold).toFixed(0)} |`);
  console.log(`| start with 500 goals, to last goal shown | ${median(large).toFixed(0)} |`);
} finally {
  await browser.close();
  await server.close();
}
