// The About page sets out where the content comes from: the seed articles, the
// framework, its mapping to the Partnership Assessment Tool, and the scales.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea } from './support.mjs';

const app = useApp();

const PRINCIPLES = [
  'Recognise and accept the need for partnership',
  'Develop clarity and realism of purpose',
  'Ensure commitment and ownership',
  'Develop and maintain trust',
  'Create clear and robust partnership arrangements',
  'Monitor, measure and learn',
];

const SEED_FILES = [
  '000_6895a999c6988347.txt',
  '001_723346a00db87f9a.txt',
  '002_988aba35d981483a.txt',
  '003_813f15a70e4b4425.txt',
  '004_37cc2a8a6aea45a6.txt',
];

test('the About page lists the seed articles, the PAT principles and the scales', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'About');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();

  await page.getByRole('heading', { name: 'The articles the content comes from' }).waitFor();
  const articles = await page.getByRole('main').textContent();
  for (const file of SEED_FILES) assert.ok(articles.includes(file), `lists ${file}`);

  await page.getByRole('heading', { name: 'The readiness framework' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Power and influence' }).waitFor();

  const pat = page.getByRole('table', { name: 'Domains serving each Partnership Assessment Tool principle' });
  const rows = pat.locator('tbody').getByRole('row');
  assert.equal(await rows.count(), 6);
  for (const [i, title] of PRINCIPLES.entries()) {
    const row = rows.nth(i);
    assert.match(await row.textContent(), new RegExp(`${i + 1}\\. ${title}`));
  }
  // Power and influence serves principles 1 and 3.
  assert.match(await rows.nth(0).textContent(), /Power and influence/);
  assert.match(await rows.nth(2).textContent(), /Power and influence/);
  assert.match(articles, /Hardy B, Hudson B and Waddington E \(2003\)/);

  await page.getByRole('heading', { name: 'The scales' }).waitFor();
  assert.match(articles, /4 Embedded/);
  assert.match(articles, /is\s+this workbook's own/);
  assert.match(articles, /Healthcare Leadership Model/);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
