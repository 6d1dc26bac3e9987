// Deploying to any static host, and working offline: dist/ served under a
// sub-path by a plain static server (files only, no fallback rules: an unknown
// path is a 404), walked through and reloaded at deep links; then the service
// worker keeps the app working with the network off, and a new version is
// picked up on the next visit with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, waitForApp, contentTypes, newAppContext } from './support.mjs';

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const SUB_PATH = '/tools/workbook/';

/**
 * The plainest static host: a file under the sub-path is served as it is; a
 * folder is served its index.html; anything else is a 404. `nextVersion`
 * makes sw.js name another version, as a new build deployed would.
 */
async function startStaticHost() {
  const host = { requests: [], notFound: [], nextVersion: false };
  host.server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    host.requests.push(path);
    let file = path.startsWith(SUB_PATH) ? normalize(join(distDir, path.slice(SUB_PATH.length))) : null;
    if (file && path.endsWith('/')) file = join(file, 'index.html');
    try {
      if (!file || !file.startsWith(distDir)) throw new Error('outside the site');
      let body = await readFile(file);
      if (host.nextVersion && path.endsWith('/sw.js')) {
        body = Buffer.from(body.toString('utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
      }
      res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      host.notFound.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise((resolve) => host.server.listen(0, '127.0.0.1', resolve));
  host.url = `http://127.0.0.1:${host.server.address().port}${SUB_PATH}`;
  return host;
}

let host;
let browser;
before(async () => {
  host = await startStaticHost();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  host?.server.closeAllConnections();
  await new Promise((resolve) => host?.server.close(resolve));
});

async function openAt(context, address) {
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.pageErrors.push(message.text());
  });
  await page.goto(address);
  await waitForApp(page);
  return page;
}

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

/** Waits until a service worker controls the page and has the app cached. */
async function untilServedByWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('under a sub-path on a plain static server, every page works and deep links reload', async () => {
  const context = await newAppContext(browser);
  const page = await openAt(context, host.url);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Commissioning Workbook');

  const areas = page.getByRole('navigation', { name: 'Workbook areas' });
  for (const [link, heading] of [['Self-assessment', 'Self-assessment'], ['Placement log', 'Placement log'], ['About', 'About this workbook'], ['Development plan', 'Development plan']]) {
    await areas.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.ok(page.url().startsWith(`${host.url}#/`), `${link}: ${page.url()} stays under ${SUB_PATH}`);
  }

  await addGoal(page, 'Chair the locality meeting');
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Chair the locality meeting' }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Chair the locality meeting' }).waitFor();
  const deepLink = page.url();
  assert.match(deepLink, new RegExp(`^${host.url.replace(/[.]/g, '\\.')}#/development-plan/goals/[^/]+$`));

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Chair the locality meeting' }).waitFor();

  // A bookmark opened in a new tab: the same deep link from scratch.
  const bookmark = await openAt(context, deepLink);
  assert.equal(await bookmark.getByRole('heading', { level: 1 }).textContent(), 'Chair the locality meeting');

  // Back returns to the plan, as in any website.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Development plan' }).waitFor();

  const unknown = await openAt(context, `${host.url}#/no-such-page`);
  assert.equal(await unknown.getByRole('heading', { level: 1 }).textContent(), 'Page not found');

  // Every file the app asked for was found under the sub-path.
  assert.deepEqual(host.notFound, [], 'no request missed');
  assert.ok(host.requests.every((path) => path.startsWith(SUB_PATH)), 'nothing asked for outside the sub-path');
  assert.deepEqual([...page.pageErrors, ...bookmark.pageErrors, ...unknown.pageErrors], []);
  await context.close();
});

test('in-page links (skip link, error summary) move focus and keep the page address', async () => {
  const context = await newAppContext(browser);
  const page = await openAt(context, `${host.url}#/development-plan`);
  await page.getByRole('button', { name: 'Add goal' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.labels?.[0]?.textContent), 'What do you want to achieve?');
  assert.equal(new URL(page.url()).hash, '#/development-plan', 'the address is still the plan');

  await page.getByRole('link', { name: 'Skip to main content' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'maincontent');
  assert.equal(new URL(page.url()).hash, '#/development-plan');
  await context.close();
});

test('the stylesheet the build trimmed is applied: the browser accepts it and the NHS.UK styles show', async () => {
  // The build drops unused rules from the stylesheet and renames it
  // (scripts/trim-css.mjs); its link must still pass the integrity check.
  const context = await newAppContext(browser);
  const refused = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') refused.push(m.text()); });
  await page.goto(`${host.url}#/development-plan`);
  await waitForApp(page);
  const styles = await page.evaluate(() => {
    const header = getComputedStyle(document.querySelector('header.nhsuk-header'));
    const button = getComputedStyle(document.querySelector('main .nhsuk-button'));
    return { header: header.backgroundColor, button: button.backgroundColor, sheets: document.styleSheets.length };
  });
  assert.deepEqual(refused, []);
  assert.equal(styles.header, 'rgb(0, 94, 184)', 'the header is NHS blue');
  assert.equal(styles.button, 'rgb(0, 127, 59)', 'a primary button is NHS green');
  await context.close();
});

test('after one visit the app loads and works with the network off, deep links included', async () => {
  const context = await newAppContext(browser);
  const page = await openAt(context, host.url);
  await untilServedByWorker(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.name, 'Commissioning Workbook');
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable'), 'a maskable icon');

  await context.setOffline(true);
  const before = host.requests.length;
  // Opened from scratch offline, at a deep link.
  await page.goto('about:blank');
  await page.goto(`${host.url}#/development-plan`);
  await page.getByRole('heading', { level: 1, name: 'Development plan' }).waitFor();
  await addGoal(page, 'Write up the audit offline');
  await page.reload();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Write up the audit offline' }).waitFor();
  assert.equal(host.requests.length, before, 'nothing reached the server while offline');
  assert.deepEqual(page.pageErrors, []);
  await context.setOffline(false);
  await context.close();
});

test('a new version is picked up on the next visit and the user is told', async () => {
  const context = await newAppContext(browser);
  const page = await openAt(context, `${host.url}#/development-plan`);
  await untilServedByWorker(page);
  await addGoal(page, 'Kept across versions');
  const notice = page.getByRole('status').filter({ hasText: 'A new version of the workbook is ready' });
  assert.equal(await notice.count(), 0, 'no notice for the first install');

  host.nextVersion = true;
  try {
    // The next visit: the old version opens from the cache at once, finds the
    // new one, which takes over and the page says so.
    await page.goto('about:blank');
    await page.goto(`${host.url}#/development-plan`);
    await waitForApp(page);
    await notice.waitFor();
    await page.getByRole('button', { name: 'Reload to use the new version' }).click();
    await waitForApp(page);
    await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Kept across versions' }).waitFor();
    assert.equal(await notice.count(), 0, 'the notice is gone after the reload');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `one version cached: ${caches}`);
    assert.match(caches[0], /-next$/, 'the cached version is the new one');
  } finally {
    host.nextVersion = false;
  }
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
