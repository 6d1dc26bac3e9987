// Every page: one h1, navigation and main landmarks, its own title, reachable
// by keyboard, and nothing requested from another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, load } from './support.mjs';

const app = useApp();

const pages = [
  { link: 'Self-assessment', path: '/self-assessment', title: 'Self-assessment – Commissioning Workbook' },
  { link: 'Development plan', path: '/development-plan', title: 'Development plan – Commissioning Workbook' },
  { link: 'Placement log', path: '/placement-log', title: 'Placement log – Commissioning Workbook' },
  { link: 'Support agreement', path: '/support-agreement', title: 'Support agreements – Commissioning Workbook' },
  { link: 'Your data', path: '/your-data', title: 'Your data – Commissioning Workbook' },
  { link: 'About', path: '/about', title: 'About – Commissioning Workbook' },
];

async function assertPageShape(page, expectedTitle) {
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1');
  assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
  assert.equal(await page.getByRole('navigation', { name: 'Workbook areas' }).count(), 1, 'a navigation landmark');
  assert.equal(await page.title(), expectedTitle);
}

test('the home page explains the workbook and links to every area', async () => {
  const { context, page } = await app.open();
  await assertPageShape(page, 'Home – Commissioning Workbook');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Commissioning Workbook');
  const contents = page.getByRole('list', { name: 'Workbook contents' });
  assert.match(await contents.textContent(), /0 self-assessments/);
  assert.deepEqual(page.offOriginRequests, []);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('every area is reached from the navigation and has its own title', async () => {
  const { context, page } = await app.open();
  for (const { link, path, title } of pages) {
    await goToArea(page, link);
    assert.equal(new URL(page.url()).hash.slice(1), path);
    await assertPageShape(page, title);
    const current = page.getByRole('navigation', { name: 'Workbook areas' }).getByRole('link', { name: link, exact: true });
    assert.equal(await current.getAttribute('aria-current'), 'page', `${link} is marked as the current area`);
  }
  assert.deepEqual(page.offOriginRequests, [], 'no request leaves the origin');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the placement log starts by offering to set up a placement', async () => {
  const { context, page } = await app.open('/#/placement-log');
  await page.getByRole('link', { name: 'Set up your placement' }).click();
  await page.getByRole('heading', { level: 1, name: 'Set up your placement' }).waitFor();
  await context.close();
});

test('each page loads directly from its address, and unknown addresses say not found', async () => {
  const { context, page } = await app.open('/#/about');
  assert.equal(await page.title(), 'About – Commissioning Workbook');
  await load(page, '/#/no-such-page');
  await waitForApp(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Page not found');
  await context.close();
});

test('the keyboard alone reaches the skip link and the navigation', async () => {
  const { context, page } = await app.open();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'first Tab focuses the skip link');
  // Tab on until the "Your data" link has focus, then follow it with Enter.
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (name === 'Your data') break;
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await context.close();
});
