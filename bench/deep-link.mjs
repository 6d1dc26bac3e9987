// What opening the app costs on the wire, gzipped as a static host sends it:
// the home page, and a deep link into each area (its first page, addressed
// directly, as a bookmark or a shared link opens it), with nothing stored and
// the service worker blocked (so nothing comes from its cache and it fetches
// nothing ahead). Bytes are Chromium's own count of each response as
// received (CDP `encodedDataLength`: headers and gzipped body), summed until
// the app has started and 1.5 s more have passed (the parts it fetches in
// idle time count too). Issue 28's budget for a deep link into the placement
// log is 300 KiB.
//
//   DIST_DIR=/path/to/dist  the build to serve (default: dist/)
import { launchBrowser, waitForApp } from '../tests/e2e/support.mjs';
import { startBenchServer, distDir } from './serve.mjs';

const PATHS = ['/#/', '/#/placement-log', '/#/self-assessment', '/#/development-plan', '/#/business-case'];

const server = await startBenchServer({ gzip: true });
const browser = await launchBrowser();
try {
  console.log(`Build ${distDir}, Chromium ${browser.version()}, gzip, service worker blocked.\n`);
  console.log('| opened at | on the wire | responses |');
  console.log('| --- | ---: | ---: |');
  for (const path of PATHS) {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let responses = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; responses += 1; });
    await page.goto(path);
    await waitForApp(page);
    await page.waitForTimeout(1500);
    console.log(`| \`${path}\` | ${(bytes / 1024).toFixed(1)} KiB | ${responses} |`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
