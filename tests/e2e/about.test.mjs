// The About page sets out where the content comes from: the articles, the
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

// Each article by title, with where and when it appeared.
const ARTICLES = [
  ["We're engaged – now what?", /Pulse/, /c\. 2009/],
  ['Managers must encourage doctors to lead commissioning', /news report/, /February 2009/],
  ['How to make clinical commissioning work', /NHS Eastern and Coastal Kent/, /c\. 2009/],
  ["It's time to step up and take the lead", /Pulse/, /c\. 2009/],
  ['We must move beyond PBC', /not named/, /2010/],
];

test('the About page cites the articles by author, title, publication and date, explains 2009 terms, and lists the PAT principles and the scales', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'About');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();

  await page.getByRole('heading', { name: 'The articles the content comes from' }).waitFor();
  const articles = await page.getByRole('main').textContent();
  const table = page.getByRole('table', { name: 'The articles' });
  for (const [title, where, when] of ARTICLES) {
    const row = table.getByRole('row').filter({ hasText: title });
    assert.equal(await row.count(), 1, `cites ${title}`);
    assert.match(await row.textContent(), where);
    assert.match(await row.textContent(), when);
  }
  assert.doesNotMatch(articles, /\.txt|\bseed/i, 'no internal file names, no "seed"');

  await page.getByRole('heading', { name: 'Words from 2009 and what they are called today' }).waitFor();
  assert.match(articles, /PCT \(primary care trust\)[\s\S]*integrated care boards \(ICBs\)/);
  assert.match(articles, /PBC \(practice-based commissioning\)[\s\S]*primary care networks \(PCNs/);

  await page.getByRole('heading', { name: 'Leadership capabilities in the development plan' }).waitFor();
  const improving = page.getByRole('table', { name: 'Improving services' });
  assert.match(await improving.getByRole('row').filter({ hasText: 'Critically evaluating' }).textContent(), /Auditing, monitoring and constantly improving services/);
  assert.match(articles, /Medical Leadership Competency Framework, 3rd edition/);
  assert.match(articles, /Protected time away from clinical work: from Dr Johnny Marshall/);

  await page.getByRole('heading', { name: 'The readiness framework' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Power and influence' }).waitFor();

  const pat = page.getByRole('table', { name: 'Areas serving each Partnership Assessment Tool principle' });
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
