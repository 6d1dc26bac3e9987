// Privacy by construction: the page carries a Content-Security-Policy that
// lets it load and connect only to its own origin, the app works within it,
// and a request to any other origin is refused by the browser before it leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea } from './support.mjs';

const app = useApp();

// Another origin on loopback: nothing listens there, and nothing must try.
const ELSEWHERE = 'http://127.0.0.2:9';

test('the page allows only its own origin, and the app runs within that policy', async () => {
  const { context, page } = await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const rule of ["default-src 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "style-src 'self'", "object-src 'none'"]) {
    assert.ok(policy.includes(rule), `policy has ${rule}: ${policy}`);
  }
  assert.doesNotMatch(policy, /unsafe-inline|https?:|\*/, 'no inline code, other hosts or wildcards allowed');

  for (const area of ['Self-assessment', 'Development plan', 'Placement log', 'Your data', 'About']) {
    await goToArea(page, area);
  }
  assert.deepEqual(page.pageErrors, [], 'no policy breaches or errors while using the app');
  assert.deepEqual(page.offOriginRequests, []);
  await context.close();
});

test('a request to another origin is refused before it leaves the page', async () => {
  const { context, page } = await app.open();
  const failures = new Map();
  page.on('requestfailed', (request) => failures.set(request.url(), request.failure()?.errorText));
  const fetched = await page.evaluate(async (elsewhere) => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const fetched = await fetch(`${elsewhere}/track`).then(() => 'sent', () => 'refused');
    const image = new Image();
    image.src = `${elsewhere}/pixel.png`;
    await new Promise((resolve) => { image.onerror = resolve; image.onload = resolve; });
    return fetched;
  }, ELSEWHERE);
  // The browser reports a violation in a task of its own, after the refusal:
  // wait until one has come for each attempt (or the wait gives up), then check them.
  await page
    .waitForFunction(() => ['connect-src', 'img-src'].every((d) => window.violations.some((v) => v.startsWith(d))), null, { timeout: 5000 })
    .catch(() => {});
  const outcome = { fetched, violations: await page.evaluate(() => window.violations) };
  assert.equal(outcome.fetched, 'refused');
  assert.ok(outcome.violations.some((v) => v.startsWith('connect-src') && v.includes('127.0.0.2')), outcome.violations.join('; '));
  assert.ok(outcome.violations.some((v) => v.startsWith('img-src') && v.includes('127.0.0.2')), outcome.violations.join('; '));
  // Chromium reports the attempts, each stopped by the policy, not by the network.
  for (const url of page.offOriginRequests) {
    assert.match(failures.get(url) ?? '', /csp/i, url);
  }
  await context.close();
});
