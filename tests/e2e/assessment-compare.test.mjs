// Comparing assessments: importing a partner's shared assessment (refusing a bad
// file without changing anything), the partner comparison that highlights
// statements to talk about, and the change over time between two assessments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp, load, savedWorkbook } from './support.mjs';

const app = useApp();

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const POWER_2 = 'Clinicians and managers work as a partnership of equals.';
const AREA_IDS = ['power', 'aims', 'leadership', 'support', 'resources', 'trust', 'structures', 'delivery'];

function assessment(id, { partnership, clinicalArea, role, date, ratings }) {
  const answers = {};
  for (const [statement, level] of Object.entries(ratings)) {
    answers[statement] = { rating: level === 'na' ? 'not_applicable' : { level }, evidence: '', flagged: false };
  }
  return {
    id,
    framework_version: 1,
    partnership,
    clinical_area: clinicalArea,
    role,
    date,
    answers,
    importance: {},
    created_at: `${date}T09:00:00Z`,
    updated_at: `${date}T09:00:00Z`,
  };
}

// Power and influence: 25% in January, 75% in June; no other domain is rated.
const january = assessment('assessment-jan', {
  partnership: 'East Kent',
  clinicalArea: 'Respiratory',
  role: 'clinician',
  date: '2026-01-15',
  ratings: { 'power-1': 1, 'power-2': 1 },
});
const june = assessment('assessment-jun', {
  partnership: 'East Kent',
  clinicalArea: 'Respiratory',
  role: 'clinician',
  date: '2026-06-15',
  ratings: { 'power-1': 3, 'power-2': 3 },
});
// Against June: power-1 differs by 2 levels (talk about it), power-2 by 1 (not).
const partner = assessment('partner-seeded-1', {
  partnership: 'East Kent',
  clinicalArea: 'Respiratory',
  role: 'manager',
  date: '2026-06-20',
  ratings: { 'power-1': 1, 'power-2': 2 },
});

function workbook({ partners = [] } = {}) {
  return {
    format: 'commissioning-workbook',
    schema_version: 1,
    created_at: '2026-01-15T09:00:00Z',
    updated_at: '2026-06-20T09:00:00Z',
    id_counter: 10,
    assessments: [january, june],
    partner_assessments: partners,
  };
}

async function openWithWorkbook(path, wb) {
  const { context, page } = await app.open();
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, path);
  await waitForApp(page);
  return { context, page };
}

async function storedPartners(page) {
  return (await savedWorkbook(page)).partner_assessments ?? [];
}

/** A file exactly as `assessment_to_json` writes it. */
function exportFile(a) {
  const text = JSON.stringify(
    { format: 'commissioning-workbook-assessment', schema_version: 1, framework_version: 1, assessment: a },
    null,
    2,
  );
  return { name: 'partnership-assessment-north-kent-2026-06-20.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

test("a malformed partner file is refused with an alert and nothing is added", async () => {
  const { context, page } = await openWithWorkbook('/#/self-assessment', workbook());
  await page.getByRole('heading', { name: "Import your partner's assessment" }).waitFor();
  await page.getByLabel("Choose your partner's assessment file").setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": "commissioning-workbook-assessment", broken'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be imported' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /not valid JSON/);
  assert.match(await alert.textContent(), /Nothing has been changed\./);
  assert.equal(await page.getByRole('list', { name: 'Partner assessments' }).count(), 0);
  await page.reload();
  await waitForApp(page);
  assert.equal((await storedPartners(page)).length, 0);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("a partner's file imports with a fresh id, can be compared with and removed", async () => {
  const { context, page } = await openWithWorkbook('/#/self-assessment', workbook());
  // The partner's own id is the same as one of ours: the import must not clash.
  const shared = assessment('assessment-jun', {
    partnership: 'North Kent',
    clinicalArea: 'Diabetes',
    role: 'manager',
    date: '2026-06-20',
    ratings: { 'power-1': 1, 'power-2': 2 },
  });
  await page.getByLabel("Choose your partner's assessment file").setInputFiles(exportFile(shared));
  const title = 'North Kent: Diabetes (Manager), 20 June 2026';
  const status = page.getByRole('status').filter({ hasText: `Imported ${title}` });
  await status.waitFor();

  const stored = await storedPartners(page);
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0].id, 'assessment-jun', 'the imported assessment gets a fresh id');
  assert.match(stored[0].id, /^partner-/);

  const list = page.getByRole('list', { name: 'Partner assessments' });
  await list.getByRole('heading', { name: title }).waitFor();
  await list.getByLabel(`Compare ${title} with`).selectOption('assessment-jun');
  await list.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();
  assert.equal(new URL(page.url()).hash.slice(1), `/self-assessment/assessment-jun/partner/${stored[0].id}`);

  await load(page, '/#/self-assessment');
  await waitForApp(page);
  await page.getByRole('button', { name: `Delete partner assessment: ${title}` }).click();
  await page.getByRole('button', { name: `Yes, delete partner assessment: ${title}` }).click();
  await page.getByText("You have not imported a partner's assessment yet.").waitFor();
  await page.reload();
  await waitForApp(page);
  assert.equal((await storedPartners(page)).length, 0);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the partner comparison highlights a difference of two levels but not of one', async () => {
  const { context, page } = await openWithWorkbook(
    '/#/self-assessment/assessment-jun/partner/partner-seeded-1',
    workbook({ partners: [partner] }),
  );
  await page.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();
  assert.match(await page.getByRole('main').textContent(), /differ by 2 levels or more/);

  const talkAbout = page.getByRole('list', { name: 'Things to talk about' });
  assert.match(await talkAbout.textContent(), new RegExp(POWER_1.replace(/[.?]/g, '\\$&')));
  assert.doesNotMatch(await talkAbout.textContent(), /partnership of equals/);

  const domains = page.getByRole('table', { name: 'Scores by area: you and your partner' });
  const powerScores = domains.getByRole('row').filter({ hasText: 'Power and influence' });
  // You: (3 + 3) / 2 = 75%; partner: (1 + 2) / 2 = 1.5 = 38% (37.5 rounded).
  assert.match(await powerScores.textContent(), /75%.*38%.*Your partner 38 points lower/);

  const power = page.getByRole('table', { name: 'Power and influence' });
  const row1 = power.getByRole('row').filter({ hasText: POWER_1 });
  const row2 = power.getByRole('row').filter({ hasText: POWER_2 });
  assert.match(await row1.textContent(), /3 Established.*1 Starting.*Talk about this/);
  assert.match(await row1.getAttribute('class'), /highlighted/);
  assert.match(await row2.textContent(), /3 Established.*2 Developing/);
  assert.doesNotMatch(await row2.textContent(), /Talk about this/);
  assert.doesNotMatch(await row2.getAttribute('class'), /highlighted/);
  assert.equal(await page.getByText('Talk about this', { exact: true }).count(), 1);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a comparison with an unknown partner assessment says it is not found', async () => {
  const { context, page } = await openWithWorkbook('/#/self-assessment/assessment-jun/partner/nope', workbook());
  await page.getByRole('heading', { level: 1, name: 'Assessment not found' }).waitFor();
  await context.close();
});

test('the change over time page shows the change in each area and overall', async () => {
  const { context, page } = await openWithWorkbook(
    '/#/self-assessment/over-time/assessment-jan/assessment-jun',
    workbook(),
  );
  await page.getByRole('heading', { level: 1, name: 'Change over time' }).waitFor();
  const table = page.getByRole('table', { name: 'Change in score by area' });
  const headers = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(headers, ['Area', '15 January 2026', '15 June 2026', 'Change']);
  // Power and influence: levels 1 and 1 (25%) then 3 and 3 (75%).
  const power = table.getByRole('row').filter({ hasText: 'Power and influence' });
  assert.match(await power.textContent(), /25%.*75%.*up 50 points/);
  const trust = table.getByRole('row').filter({ hasText: 'Trust and joint working' });
  assert.match(await trust.textContent(), /No score.*No score.*cannot compare/);
  const overall = table.getByRole('row').filter({ hasText: 'Overall' });
  assert.match(await overall.textContent(), /25%.*75%.*up 50 points/);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('change over time follows the assessments\' dates, not the order they were entered, and says when one is partial', async () => {
  // June was typed in before January.
  const wb = { ...workbook(), assessments: [june, january] };
  const { context, page } = await openWithWorkbook('/#/self-assessment', wb);
  await page.getByRole('heading', { name: 'Change over time' }).waitFor();
  const earlierChoice = page.getByLabel('Earlier assessment');
  const laterChoice = page.getByLabel('Later assessment');
  assert.equal(await earlierChoice.inputValue(), 'assessment-jan');
  assert.equal(await laterChoice.inputValue(), 'assessment-jun');
  assert.match(await earlierChoice.locator('option').first().textContent(), /15 January 2026 \(2 of 43 answered\)/);

  // Chosen the wrong way round, the page still shows the earlier one first.
  await earlierChoice.selectOption('assessment-jun');
  await laterChoice.selectOption('assessment-jan');
  await page.getByRole('button', { name: 'Compare over time' }).click();
  const table = page.getByRole('table', { name: 'Change in score by area' });
  await table.waitFor();
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Area', '15 January 2026', '15 June 2026', 'Change']);
  assert.match(await table.getByRole('row').filter({ hasText: 'Overall' }).textContent(), /up 50 points/);
  const partial = page.getByText(/has 2 of 43 statements answered, so its scores are provisional/);
  assert.equal(await partial.count(), 2);

  // The same assessment twice is not a comparison.
  await page.goBack();
  await waitForApp(page);
  await page.getByLabel('Earlier assessment').selectOption('assessment-jun');
  await page.getByLabel('Later assessment').selectOption('assessment-jun');
  await page.getByRole('button', { name: 'Compare over time' }).click();
  await page.getByText('Choose two different assessments').waitFor();
  await context.close();
});

test('a partner\'s assessment is offered for comparison with the latest complete assessment, not a newer partial one', async () => {
  const complete = assessment('assessment-complete', {
    partnership: 'East Kent', clinicalArea: 'Respiratory', role: 'clinician', date: '2026-03-01', ratings: {},
  });
  // Every statement: each area's ids run from 1 to at most 6; unknown ids are ignored.
  const ids = AREA_IDS;
  for (const domain of ids) for (let n = 1; n <= 6; n += 1) complete.answers[`${domain}-${n}`] = { rating: { level: 2 }, evidence: '', flagged: false };
  const wb = { ...workbook({ partners: [partner] }), assessments: [complete, june] };
  const { context, page } = await openWithWorkbook('/#/self-assessment', wb);
  const choice = page.getByLabel(/^Compare .* with$/);
  await choice.waitFor();
  assert.equal(await choice.inputValue(), 'assessment-complete');
  // Role and date first, so a phone's narrow drop-down still shows them (issue 23).
  assert.match(await choice.locator('option').first().textContent(), /^Clinician, 15 June 2026: East Kent: Respiratory \(2 of 43 answered\)$/, 'newest first, partial marked');
  await context.close();
});
