// Printing: the assessment results, a development plan and the end-of-placement
// summary print as documents, with no navigation, buttons or on-screen prompts,
// the app's own links as plain text, cards and rows kept whole. Each is printed
// to a real PDF by headless Chromium, read back with pdftotext, and kept in
// test-results/print/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { useApp, load, fillDate, londonInstant, PINNED_MOMENT } from './support.mjs';

const app = useApp();

const fixture = JSON.parse(readFileSync(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8'));
// Changed a month ago and never backed up, so the on-screen backup reminder shows.
fixture.assessments[0].updated_at = new Date(londonInstant(PINNED_MOMENT) - 30 * 86_400_000).toISOString();
const ASSESSMENT = fixture.assessments[0].id;
const PLAN = fixture.plans[0].id;
const PLACEMENT = fixture.placements[0].id;
const outDir = new URL('../../test-results/print/', import.meta.url);

/** Screen-only text that must never reach paper. */
const SCREEN_ONLY = ['Skip to main content', 'Workbook areas', 'Back up or restore your data', 'Download a backup', 'Print'];

async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  // On paper: no header, navigation, footer, buttons or backup reminder.
  for (const hidden of ['header', 'nav', 'footer', 'button', '.nhsuk-skip-link', '.app-backup-reminder']) {
    const shown = await page.locator(hidden).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    assert.equal(shown, 0, `${name}: no ${hidden} is printed`);
  }
  // The app's own links print as text, without "(Link: #/…)" after them.
  const linkSuffixes = await page.locator('main a[href^="#"]').evaluateAll((links) =>
    links.map((a) => getComputedStyle(a, '::after').content).filter((c) => c !== 'none' && c !== 'normal'));
  assert.deepEqual(linkSuffixes, [], `${name}: the app's own links print without their address`);
  // A link to another site still shows where it goes.
  const external = await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'https://www.nhs.uk/', textContent: 'NHS website' });
    document.querySelector('main').append(a);
    const content = getComputedStyle(a, '::after').content;
    a.remove();
    return content;
  });
  assert.match(external, /https:\/\/www\.nhs\.uk\//, `${name}: a link to another site prints its address`);
  // Cards and summary rows are never split between pages.
  const splittable = await page.locator('main .nhsuk-card, main .nhsuk-summary-list__row').evaluateAll((els) =>
    els.filter((el) => getComputedStyle(el).breakInside !== 'avoid').length);
  assert.equal(splittable, 0, `${name}: cards and rows avoid page breaks inside`);

  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(outDir, { recursive: true });
  const file = new URL(`${name}.pdf`, outDir);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file.pathname, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim()).length;
  for (const words of SCREEN_ONLY) {
    assert.ok(!new RegExp(`\\b${words}\\b`).test(text), `${name}: "${words}" is not on paper`);
  }
  return { text, pages };
}

test('results, a plan and the placement summary print as clean documents', async () => {
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(fixture));

  // One log entry chosen for the summary, with a reflection.
  await load(page, `/#/placement-log/placements/${PLACEMENT}/log/new`);
  await fillDate(page, 'Date of the activity', '2026-11-25');
  await page.getByLabel('Time spent').fill('2');
  await page.getByLabel('Type of activity').selectOption({ label: 'Workshop' });
  await page.getByLabel('What did you do?').fill('Ran the sleep apnoea pathway workshop with the acute trust');
  await page.getByLabel('What did you learn about yourself? (optional)').fill('I can chair a room of consultants');
  await page.getByLabel('Include this entry in my end-of-placement summary').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();

  await load(page, `/#/self-assessment/${ASSESSMENT}/results`);
  await page.getByRole('note', { name: 'Backup reminder' }).waitFor();
  const results = await printed(page, 'assessment-results');
  assert.match(results.text, /Results/);
  assert.match(results.text, /Power and influence/i, 'the scores by area are printed');
  assert.ok(results.pages >= 1 && results.pages <= 12, `results: ${results.pages} pages`);

  await load(page, `/#/development-plan/plans/${PLAN}`);
  const planHeading = await page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
  const plan = await printed(page, 'development-plan');
  assert.ok(plan.text.includes(planHeading.trim()), 'the plan is printed under its name');
  assert.match(plan.text, new RegExp(fixture.plans[0].goals[0].title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'its goals are printed');
  assert.ok(plan.pages >= 1 && plan.pages <= 12, `plan: ${plan.pages} pages`);

  await load(page, `/#/placement-log/placements/${PLACEMENT}/summary`);
  const summary = await printed(page, 'placement-summary');
  assert.match(summary.text, /sleep apnoea pathway workshop/);
  assert.match(summary.text, /I can chair a room of consultants/);
  assert.ok(summary.pages >= 1 && summary.pages <= 12, `summary: ${summary.pages} pages`);

  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
