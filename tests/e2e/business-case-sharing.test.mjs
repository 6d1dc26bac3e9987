// A business case shared and printed (issue 27): the case downloaded as a
// file (its JSON checked) and added in a second browser through the list,
// with the same figures; added again, offered as a copy under new ids; wrong,
// damaged, newer and impossible files each refused with their reason and
// nothing changed, a hostile title shown as text; the figures downloaded as
// CSV with the worked example line by line; and the one-page summary
// for the committee and the full case printed to real PDFs by headless
// Chromium, read back with pdftotext and kept in test-results/print/ (with a
// small PNG of each page) to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  useApp, load, newAppContext, waitForApp, savedWorkbook, axeViolations, downloadText,
} from './support.mjs';

const app = useApp();
const outDir = new URL('../../test-results/print/', import.meta.url);
const AT = '2026-11-20T09:00:00Z';
const CASE_ID = 'business-case-sharing-1';

const pence = (pounds) => pounds * 100;

/** One year's figures, in pounds. */
function year(y, { setUp = 0, running = 0, cash = 0, nonCash = 0 } = {}) {
  return {
    year: y,
    set_up_costs: pence(setUp),
    running_costs: pence(running),
    cash_releasing_savings: pence(cash),
    non_cash_releasing_savings: pence(nonCash),
  };
}

function risk(id, description, likelihood, impact, owner, mitigation) {
  return { id, description, likelihood, impact, owner, mitigation, created_at: AT, updated_at: AT };
}

function option(id, name, extra) {
  return {
    id, name, description: '', do_nothing: false, benefits: '', years: [], risks: [],
    created_at: AT, updated_at: AT, ...extra,
  };
}

/**
 * A complete case of three options and five risks: doing nothing, the
 * issue's worked example (£100,000 set-up in year 0, £30,000 cash-releasing
 * savings in each of years 1 to 5), and a hospital outreach clinic.
 */
function aCase(overrides = {}) {
  return {
    id: CASE_ID,
    title: 'Community diabetes clinic',
    linked: { kind: 'project', id: 'project-gone', title: 'Diabetes pathway' },
    prepared_by: 'Dr Asha Patel, GP trainee',
    problem: 'People with type 2 diabetes wait 14 weeks for a hospital clinic.',
    population: 'About 2,000 adults with type 2 diabetes in the locality.',
    strategic_fit: 'Care closer to home, as the commissioning plan asks.',
    procurement: 'A nurse-led clinic in two practices, bought as a local enhanced service.',
    funding: 'The invest-to-save fund for the set-up; the practice-based commissioning budget after year 1.',
    benefits_measurement: 'Hospital outpatient attendances and HbA1c checks each quarter.',
    recommendation: 'Fund the clinic in two practices from the invest-to-save fund.',
    preferred_option_id: 'option-clinic',
    discount_rate_basis_points: 350,
    optimism_bias_percent: 10,
    options: [
      option('option-nothing', 'Do nothing', { description: 'Carry on as now.', do_nothing: true,
        risks: [risk('risk-waits', 'Waits grow longer', 4, 3, 'Locality lead', 'Watch the waiting list monthly')] }),
      option('option-clinic', 'Clinic in two practices', {
        description: 'Two nurse-led sessions a week.',
        benefits: 'Shorter waits; care closer to home.',
        years: [year(0, { setUp: 100000 }), ...[1, 2, 3, 4, 5].map((y) => year(y, { cash: 30000 }))],
        risks: [
          risk('risk-referrals', 'GPs do not refer', 3, 4, 'Clinical lead', 'Talk to each practice before it starts'),
          risk('risk-nurse', 'No diabetes nurse can be recruited', 2, 4, 'Practice manager', 'Second a nurse from the trust'),
        ],
      }),
      option('option-outreach', 'Outreach from the hospital', {
        description: 'Hospital consultants visit the practices monthly.',
        years: [year(0, { setUp: 20000 }), ...[1, 2, 3].map((y) => year(y, { running: 15000, nonCash: 18000 }))],
        risks: [
          risk('risk-consultants', 'Consultants cannot be released', 4, 4, 'Trust medical director', 'Agree a job plan first'),
          risk('risk-rooms', 'No rooms free in the practices', 2, 2, 'Practice manager', 'Book rooms a term ahead'),
        ],
      }),
    ],
    milestones: [
      { id: 'case-milestone-panel', what: 'Invest-to-save panel decides', due: '2027-01-15', created_at: AT, updated_at: AT },
      { id: 'case-milestone-first', what: 'First clinic', due: '2027-04-05', created_at: AT, updated_at: AT },
    ],
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}

function workbook(cases) {
  return {
    format: 'commissioning-workbook',
    schema_version: 7,
    created_at: AT,
    updated_at: AT,
    revision: 1,
    assessments: [],
    partner_assessments: [],
    plans: [],
    placements: [],
    support_agreements: { agreements: [] },
    business_cases: { cases },
    deleted: [],
  };
}

/** A person's browser with `wb` saved in it (none: a fresh one), open at `path`. */
async function personWith(wb, path) {
  const context = await newAppContext(app.browser, { baseURL: app.server.url });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  await page.goto('/#/about');
  await waitForApp(page);
  if (wb) await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, path);
  return { context, page };
}

/** The published schema of the shared case's file, as a validator (as file-format.test.mjs reads the others). */
async function caseFileValidator() {
  const schema = JSON.parse(await readFile(new URL('../../schemas/business-case.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // Rust's integer widths: the schema also states their bounds.
  for (const width of ['uint8', 'uint32', 'int64']) ajv.addFormat(width, { type: 'number', validate: Number.isInteger });
  return ajv.compile(schema);
}

async function noAxeViolations(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${state}`);
}

/** Clicks `control` and returns the file it downloads: its name and text. */
async function downloadFrom(page, control) {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

const casePage = (id = CASE_ID) => `/#/business-case/cases/${id}`;
const fileInput = (page) => page.getByLabel('Choose the business case file');

async function choose(page, name, text) {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The options table's row for `name` on the case's page, as its cells' text. */
async function optionRow(page, name) {
  const row = page.getByRole('table', { name: 'Options' }).getByRole('row').filter({ hasText: name });
  return row.locator('th, td').allInnerTexts();
}

test('a case is downloaded to share, added in another browser with the same figures, and again as a copy', async () => {
  const { context, page } = await personWith(workbook([aCase()]), casePage());
  await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Share the case' }).waitFor();
  const figuresHere = await optionRow(page, 'Clinic in two practices');
  assert.equal(figuresHere[1], '£35,452', 'the worked example\'s NPV to the pound');
  await noAxeViolations(page, 'the case page with its share buttons');

  const shared = await downloadFrom(page, page.getByRole('button', { name: 'Download the case to share' }));
  assert.equal(shared.name, 'business-case-community-diabetes-clinic-2026-12-03.json');
  await page.getByRole('status').filter({ hasText: `The case is downloading as ${shared.name}` }).waitFor();
  const file = JSON.parse(shared.text);
  assert.equal(file.format, 'commissioning-workbook-business-case');
  assert.equal(file.schema_version, 1);
  assert.equal(file.case.id, CASE_ID);
  assert.equal(file.case.title, 'Community diabetes clinic');
  assert.equal(file.case.preferred_option_id, 'option-clinic');
  assert.equal(file.case.discount_rate_basis_points, 350);
  assert.equal(file.case.optimism_bias_percent, 10);
  assert.deepEqual(file.case.linked, { kind: 'project', id: 'project-gone', title: 'Diabetes pathway' });
  assert.deepEqual(file.case.options.map((o) => [o.name, o.years.length, o.risks.length]),
    [['Do nothing', 0, 1], ['Clinic in two practices', 6, 2], ['Outreach from the hospital', 4, 2]]);
  assert.deepEqual(file.case.options[1].years[0], year(0, { setUp: 100000 }));
  assert.deepEqual(file.case.milestones.map((m) => [m.what, m.due]),
    [['Invest-to-save panel decides', '2027-01-15'], ['First clinic', '2027-04-05']]);
  const valid = await caseFileValidator();
  assert.equal(valid(file), true, JSON.stringify(valid.errors, null, 2));
  assert.equal(valid({ ...file, format: 'commissioning-workbook' }), false, 'the format name is pinned');

  // A colleague's browser, with no business case yet, adds it from the list.
  const there = await personWith(null, '/#/business-case');
  await choose(there.page, shared.name, shared.text);
  const card = there.page.locator('.nhsuk-card').filter({ has: there.page.getByRole('heading', { name: 'Community diabetes clinic' }) });
  await card.getByText('3 options. Recommends: Clinic in two practices.').waitFor();
  await noAxeViolations(there.page, 'the list with a shared case ready to add');
  await card.getByRole('button', { name: 'Add this business case' }).click();
  await there.page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  assert.ok(there.page.url().endsWith(casePage()), 'on the new case\'s page, under its own id');
  for (const name of ['Do nothing', 'Clinic in two practices', 'Outreach from the hospital']) {
    assert.deepEqual(await optionRow(there.page, name), await optionRow(page, name), `${name}: the same figures`);
  }
  let saved = await savedWorkbook(there.page);
  assert.equal(saved.business_cases.cases.length, 1);
  assert.equal(saved.business_cases.cases[0].options[1].risks[0].owner, 'Clinical lead');

  // The same file again: this workbook has that case, so it is offered as a copy.
  await load(there.page, '/#/business-case');
  await choose(there.page, shared.name, shared.text);
  await there.page.getByText('You already have this business case ("Community diabetes clinic")').waitFor();
  assert.equal(await there.page.getByRole('button', { name: 'Add this business case' }).count(), 0);
  await noAxeViolations(there.page, 'the list offering a copy');
  await there.page.getByRole('button', { name: 'Add it as a copy' }).click();
  await there.page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  const copyId = there.page.url().split('/business-case/cases/')[1];
  assert.ok(copyId && copyId !== CASE_ID, `the copy has its own id (${copyId})`);
  assert.deepEqual(await optionRow(there.page, 'Clinic in two practices'), figuresHere);
  saved = await savedWorkbook(there.page);
  assert.equal(saved.business_cases.cases.length, 2);
  const copy = saved.business_cases.cases.find((c) => c.id === copyId);
  const ids = (c) => [c.id, ...c.options.flatMap((o) => [o.id, ...o.risks.map((r) => r.id)]), ...c.milestones.map((m) => m.id)];
  assert.equal(ids(copy).filter((id) => ids(aCase()).includes(id)).length, 0, 'no id of the original is reused');
  assert.equal(copy.options.find((o) => o.id === copy.preferred_option_id).name, 'Clinic in two practices',
    'the copy still recommends its own clinic option');
  assert.deepEqual([...page.pageErrors, ...there.page.pageErrors], []);
  await there.context.close();
  await context.close();
});

test('a wrong, damaged, newer or impossible file is refused with its reason and changes nothing; a hostile title is only text', async () => {
  const { context, page } = await personWith(workbook([aCase()]), '/#/business-case');
  await page.getByRole('heading', { level: 2, name: 'Add a business case someone shared' }).waitFor();
  const good = { format: 'commissioning-workbook-business-case', schema_version: 1, shared_at: AT, case: aCase({ id: 'case-from-elsewhere' }) };
  const withCase = (change) => {
    const copy = structuredClone(good);
    change(copy.case);
    return JSON.stringify(copy);
  };
  const cannot = 'The file looks like a business case but part of it cannot be read: ';
  for (const [name, text, message] of [
    ['notes.txt', 'Minutes of the meeting', 'notes.txt: The file is not valid JSON, so it cannot be a business case: its text is broken near line 1. Nothing has been changed.'],
    ['agreement.json', '{"format": "commissioning-workbook-agreement", "schema_version": 1}',
      'agreement.json: The file is not a business case shared from Commissioning Workbook. Choose the file you were sent (its name starts "business-case"). Nothing has been changed.'],
    ['newer.json', JSON.stringify({ ...good, schema_version: 2 }),
      'newer.json: The file was made by a newer version of this app (business case file version 2; this app reads up to 1). Reload the app to update it, then try again. Nothing has been changed.'],
    ['year.json', withCase((c) => { c.options[1].years[5].year = 31; }),
      `year.json: ${cannot}the option "Clinic in two practices" has figures for year 31, and years run from 0 to 30. Nothing has been changed.`],
    ['likelihood.json', withCase((c) => { c.options[2].risks[0].likelihood = 9; }),
      `likelihood.json: ${cannot}a risk to the option "Outreach from the hospital" has a likelihood of 9, and scores run from 1 to 5. Nothing has been changed.`],
    ['twice.json', withCase((c) => { c.milestones[1].id = c.milestones[0].id; }),
      `twice.json: ${cannot}two of its records have the same id, "case-milestone-panel". Nothing has been changed.`],
  ]) {
    await choose(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: 'The file could not be added' });
    await alert.getByText(message, { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Add / }).count(), 0, `${name}: nothing offered to add`);
  }
  await noAxeViolations(page, 'the list with a refused file');

  // A title of HTML is a title like any other: shown as its characters, never run.
  const hostile = '<script>window.ran = true</script><img src=x onerror="window.ran = true">';
  await choose(page, 'hostile.json', withCase((c) => { c.title = hostile; }));
  await page.getByRole('heading', { level: 3, name: hostile }).waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'The file could not be added' }).count(), 0, 'a good file clears the refusal');
  assert.equal(await page.evaluate(() => window.ran), undefined, 'nothing in the title ran');
  assert.equal(await page.locator('main img, main script').count(), 0);

  const saved = await savedWorkbook(page);
  assert.deepEqual(saved.business_cases.cases.map((c) => c.id), [CASE_ID], 'nothing was added or changed');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('patient details are pointed out before sharing; the figures download as CSV with the worked example line by line', async () => {
  const population = 'About 2,000 adults, among them Mrs Okafor, NHS 943 476 5919.';
  const { context, page } = await personWith(workbook([aCase({ population })]), casePage());
  const check = page.getByRole('region', { name: 'Check for patient details before you share' });
  await check.getByText('943 476 5919').waitFor();
  assert.match(await check.innerText(), /You can still download the case without changing anything/);
  await noAxeViolations(page, 'the case page with patient details pointed out');
  const shared = await downloadFrom(page, page.getByRole('button', { name: 'Download the case to share' }));
  assert.equal(JSON.parse(shared.text).case.population, population, 'the person chose to share it as it is');

  const csv = await downloadFrom(page, page.getByRole('button', { name: 'Download the figures (CSV)' }));
  assert.equal(csv.name, 'business-case-figures-community-diabetes-clinic-2026-12-03.csv');
  await page.getByRole('status').filter({ hasText: `The figures are downloading as ${csv.name}.` }).waitFor();
  assert.ok(csv.text.startsWith('\ufeffOption,Year,'), 'a byte-order mark, then the header row');
  const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
  assert.equal(lines[0], 'Option,Year,Set-up costs,Running costs,Cash-releasing savings,Non-cash-releasing savings,Total costs,Total savings,Net,Discount factor,Present value of costs,Present value of savings,Net present value to date');
  // Worked by hand: factors 1/1.035^n to 4 places; £30,000 × factor to the penny; the running total.
  const clinic = lines.filter((l) => l.startsWith('Clinic in two practices,') && l.split(',').length === 13);
  assert.deepEqual(clinic, [
    'Clinic in two practices,0,100000.00,0.00,0.00,0.00,100000.00,0.00,-100000.00,1.0000,100000.00,0.00,-100000.00',
    'Clinic in two practices,1,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9662,0.00,28985.51,-71014.49',
    'Clinic in two practices,2,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9335,0.00,28005.32,-43009.17',
    'Clinic in two practices,3,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9019,0.00,27058.28,-15950.89',
    'Clinic in two practices,4,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.8714,0.00,26143.27,10192.38',
    'Clinic in two practices,5,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.8420,0.00,25259.20,35451.58',
  ]);
  assert.equal(lines[1], 'Do nothing,0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1.0000,0.00,0.00,0.00');
  const summaryAt = lines.indexOf('') + 1;
  assert.ok(lines[summaryAt].startsWith('Option,Net present value,Net present cost,Benefit-cost ratio,Simple payback (years),Discounted payback year,Break-even yearly saving'));
  const summary = lines.find((l) => l.startsWith('Clinic in two practices,35451'));
  assert.equal(summary, 'Clinic in two practices,35451.58,-35451.58,1.35,3.3,4,22148.14,8361.26,15451.58,25451.58,Yes');
  assert.equal(Math.round(Number(summary.split(',')[1])), 35452, 'NPV £35,452 to the pound');
  assert.ok(lines.some((l) => l.startsWith('Discount rate,3.5 % a year,"Source: HM Treasury, The Green Book')), 'the rate with its source');
  await context.close();
});

/** Prints the page as it is to an A4 PDF; returns its text and page count, and keeps a PNG of each page. */
async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['header', 'nav', 'footer', 'button', '.nhsuk-skip-link', 'main a']) {
    const shown = await page.locator(hidden).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    assert.equal(shown, 0, `${name}: no ${hidden} is printed`);
  }
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(outDir, { recursive: true });
  const file = new URL(`${name}.pdf`, outDir).pathname;
  const pictures = () => readdirSync(outDir).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f));
  for (const old of pictures()) rmSync(new URL(old, outDir));
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, file.replace(/\.pdf$/, '')]);
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  // Read in reading order as one line, so a heading or cell wrapped on paper
  // still reads whole; and laid out as on the page, so a table's row reads
  // along its line.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const words of ['Skip to main content', 'Workbook areas', 'Print this business case', 'Back to the business case']) {
    assert.ok(!text.includes(words), `${name}: "${words}" is not on paper`);
  }
  assert.equal(pictures().length, pages, `${name}: a picture of each page to look at`);
  return { text, layout, pages };
}

/** Whether a line of the printed page holds `cells` in order, with only space between. */
function printedRow(layout, cells) {
  const escaped = cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${escaped.join('\\s+')}(\\s|$)`, 'm').test(layout);
}

test('the one-page summary for the committee and the full case print as documents', async () => {
  const { context, page } = await personWith(workbook([aCase()]), `${casePage()}/summary`);
  await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  await page.getByRole('button', { name: 'Print', exact: true }).waitFor();
  await noAxeViolations(page, 'the summary');
  const summary = await printed(page, 'business-case-summary');
  assert.equal(summary.pages, 1, 'the summary fits one A4 page');
  for (const words of [
    'Business case summary for the commissioning executive committee',
    'Community diabetes clinic',
    'Prepared by Dr Asha Patel, GP trainee',
    'the placement project "Diabetes pathway"',
    'Recommended option Clinic in two practices',
    'Fund the clinic in two practices from the invest-to-save fund.',
    'Clinic in two practices (recommended)',
    'discounted at 3.5 % a year',
    'Source: HM Treasury, The Green Book',
    'Key risks',
    'Consultants cannot be released Outreach from the hospital Extreme (16) Trust medical director Agree a job plan first',
    'GPs do not refer Clinic in two practices High (12) Clinical lead Talk to each practice before it starts',
    'Waits grow longer Do nothing High (12) Locality lead Watch the waiting list monthly',
  ]) {
    assert.ok(summary.text.includes(words), `summary: "${words}" in ${summary.text}`);
  }
  for (const cells of [
    ['Clinic in two practices', '£35,452', '£100,000', '1.35', '3.3 years', 'In year 4'],
    ['Do nothing', '£0', '£0', 'Not applicable', 'Does not pay'],
    ['Outreach from the hospital', '−£11,595', '£62,025', '0.81', 'Does not pay'],
  ]) {
    assert.ok(printedRow(summary.layout, cells), `summary: a row of ${cells.join(' | ')} in\n${summary.layout}`);
  }
  assert.ok(!summary.text.includes('No rooms free'), 'only the three highest risks');
  assert.ok(!summary.text.includes('Not ready'), 'a complete case is ready');

  await load(page, `${casePage()}/print`);
  await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  await noAxeViolations(page, 'the full case');
  const full = await printed(page, 'business-case-full');
  assert.ok(full.pages >= 2, `the full case runs to ${full.pages} pages`);
  const order = [
    'Recommendation', 'Strategic case', 'The problem', 'People with type 2 diabetes wait 14 weeks',
    'Who it affects', 'About 2,000 adults', 'Fit with the commissioner\'s priorities', 'Care closer to home',
    'Economic case', 'Options compared', 'discounted at 3.5 % a year', 'Source: HM Treasury',
    'Do nothing', 'Carry on as now.', 'No costs or savings have been entered for this option, so its figures are all £0.',
    'Clinic in two practices (recommended)', 'Two nurse-led sessions a week.', 'Shorter waits; care closer to home.',
    'Net present value £35,452', 'Benefit–cost ratio 1.35', 'Pays back 3.3 years', 'Discounted, pays back In year 4',
    'Break-even saving a year £22,148',
    'Net present value with savings 20 % lower £8,361', 'Net present value with costs 20 % higher £15,452',
    'Net present value with the optimism-bias uplift £25,452 (costs raised by 10 %)',
    'Outreach from the hospital',
    'Commercial case', 'A nurse-led clinic in two practices',
    'Financial case', 'The invest-to-save fund',
    'Management case', 'Milestones', '15 January 2027 Invest-to-save panel decides', '5 April 2027 First clinic',
    'How the benefits will be measured', 'Hospital outpatient attendances',
    'Risks', 'Consultants cannot be released', 'No rooms free in the practices', 'Risk grades: National Patient Safety Agency',
  ];
  for (const cells of [
    ['0', '£100,000', '£0', '£0', '£0', '1.0000', '£100,000', '£0'],
    ['1', '£0', '£0', '£30,000', '£0', '0.9662', '£0', '£28,986'],
    ['2', '£0', '£0', '£30,000', '£0', '0.9335', '£0', '£28,005'],
    ['3', '£0', '£0', '£30,000', '£0', '0.9019', '£0', '£27,058'],
    ['4', '£0', '£0', '£30,000', '£0', '0.8714', '£0', '£26,143'],
    ['5', '£0', '£0', '£30,000', '£0', '0.8420', '£0', '£25,259'],
  ]) {
    assert.ok(printedRow(full.layout, cells), `full case: a year row of ${cells.join(' | ')} in\n${full.layout}`);
  }
  let at = 0;
  for (const words of order) {
    const found = full.text.indexOf(words, at);
    assert.ok(found >= 0, `full case: "${words}" after what came before, in ${full.text.slice(at, at + 400)}`);
    at = found + words.length;
  }
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an unfinished case says on its summary what is still to do', async () => {
  const unfinished = aCase({ milestones: [], funding: '', preferred_option_id: null });
  const { context, page } = await personWith(workbook([unfinished]), `${casePage()}/summary`);
  await page.getByText('Not ready: choose the option you recommend; say who pays; add a milestone.').waitFor();
  await page.getByText('Not chosen yet').waitFor();
  await noAxeViolations(page, 'an unfinished case\'s summary');
  await load(page, `${casePage('no-such-case')}/print`);
  await page.getByRole('heading', { level: 1, name: 'Business case not found' }).waitFor();
  await context.close();
});
