// The results of a self-assessment: scores by domain (table and chart),
// strongest and weakest statements, priorities, and turning a weak statement
// into a development-plan goal that survives a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, load, savedWorkbook } from './support.mjs';

const app = useApp();

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const TRUST_1 = "Clinicians and managers respect each other's abilities.";
const AIMS_1 = "Clinicians and managers understand each other's ambitions, and our commissioning aims are aligned.";
// The goal suggested for POWER_1 (src/model/assessment/suggested_goals.rs).
const POWER_1_GOAL = "Make sure our clinicians' views visibly change commissioning decisions";
const ASSESSMENT_ID = 'assessment-test-1';
const TITLE = 'East Kent: Respiratory (Clinician), 1 November 2026';

function seededWorkbook() {
  const at = '2026-11-01T09:00:00Z';
  return {
    format: 'commissioning-workbook',
    schema_version: 1,
    created_at: at,
    updated_at: at,
    id_counter: 1,
    assessments: [
      {
        id: ASSESSMENT_ID,
        framework_version: 1,
        partnership: 'East Kent',
        clinical_area: 'Respiratory',
        role: 'clinician',
        date: '2026-11-01',
        answers: {
          // power: only power-1 is rated (level 0) -> 0%.
          'power-1': { rating: { level: 0 }, evidence: '', flagged: false },
          'power-2': { rating: 'not_applicable', evidence: '', flagged: false },
          // aims: 4 -> 100%.
          'aims-1': { rating: { level: 4 }, evidence: '', flagged: false },
          // trust: 3 -> 75%, and flagged.
          'trust-1': { rating: { level: 3 }, evidence: '', flagged: true },
        },
        importance: { power: 3, aims: 1 },
        created_at: at,
        updated_at: at,
      },
    ],
    partner_assessments: [],
    development_plan: { goals: [] },
    placements: [],
  };
}

async function openResults() {
  const { context, page } = await app.open();
  await page.evaluate((wb) => localStorage.setItem('commissioning-workbook', JSON.stringify(wb)), seededWorkbook());
  await load(page, `/#/self-assessment/${ASSESSMENT_ID}/results`);
  await waitForApp(page);
  return { context, page };
}

/** The text of each cell in the table row whose first cell is exactly `first`. */
async function rowCells(table, first) {
  const rows = table.getByRole('row');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const cells = await rows.nth(i).getByRole('cell').allTextContents();
    if (cells[0]?.trim() === first) return cells.map((c) => c.trim());
  }
  throw new Error(`no row for ${first}`);
}

test('results show scores by area, the chart, weakest statements and priorities', async () => {
  const { context, page } = await openResults();
  const main = page.getByRole('main');
  const h1 = main.getByRole('heading', { level: 1 });
  assert.equal(await h1.count(), 1, 'exactly one h1');
  assert.equal((await h1.textContent()).trim(), `Results: ${TITLE}`);
  assert.match(await page.title(), /^Results: East Kent/);

  assert.match(await main.textContent(), /You have answered 4 of \d+ statements/);
  // The first unanswered statement is power-3, in the power domain.
  assert.equal(
    await main.getByRole('link', { name: 'Continue the assessment' }).getAttribute('href'),
    `#/self-assessment/${ASSESSMENT_ID}/domain/power`,
  );

  const scores = page.getByRole('table', { name: 'Scores by area' });
  // Only 4 of 43 statements are answered, so every score is provisional.
  assert.deepEqual(await rowCells(scores, 'Power and influence'), ['Power and influence', '0% (provisional)', '1', '1', '3']);
  assert.equal((await rowCells(scores, 'Shared aims and priorities'))[1], '100% (provisional)');
  assert.equal((await rowCells(scores, 'Trust and joint working'))[1], '75% (provisional)');
  assert.equal((await rowCells(scores, 'Leadership capability'))[1], 'No score');
  // Overall: (0 + 100 + 75) / 3 = 58.33 -> 58%.
  assert.equal((await rowCells(scores, 'Overall'))[1], '58% (provisional)');

  const chart = page.getByRole('img', { name: 'Chart: score for each area, from 0% to 100%' });
  assert.equal(await chart.count(), 1);
  assert.equal(await chart.evaluate((el) => el.namespaceURI), 'http://www.w3.org/2000/svg');
  const barWidths = await chart.evaluate((svg) =>
    [...svg.querySelectorAll('.app-chart__bar')].map((r) => Number(r.getAttribute('width'))),
  );
  assert.equal(barWidths.length, 8, 'one bar per domain');
  assert.equal(barWidths[0], 0, 'power at 0%');
  assert.ok(barWidths[1] > barWidths[0] && barWidths[1] > 0, 'aims bar longer than power');

  const weakest = page.getByRole('table', { name: 'Weakest statements' });
  assert.deepEqual(await rowCells(weakest, POWER_1), [POWER_1, 'Power and influence', '0 Not in place']);
  const strongest = page.getByRole('table', { name: 'Strongest statements' });
  assert.deepEqual(await rowCells(strongest, AIMS_1), [AIMS_1, 'Shared aims and priorities', '4 Embedded']);

  const flagged = page.getByRole('list', { name: 'Flagged statements', exact: true });
  assert.match(await flagged.textContent(), /respect each other's abilities/);
  assert.equal(await flagged.getByRole('listitem').count(), 1);

  const priorities = page.getByRole('table', { name: 'Importance and score by area' });
  const power = await rowCells(priorities, 'Power and influence');
  assert.deepEqual(power.slice(0, 4), ['Power and influence', 'High', '0% (provisional)', 'Priority for action']);
  const aims = await rowCells(priorities, 'Shared aims and priorities');
  assert.deepEqual(aims.slice(0, 4), ['Shared aims and priorities', 'Low', '100% (provisional)', '']);
  assert.equal((await rowCells(priorities, 'Trust and joint working'))[1], 'Not rated');
  assert.equal(
    (await page.locator('#results-top-priorities').textContent()).trim(),
    // One rule for the summary and the table (issue 23): every area the table
    // marks is named, so the summary no longer speaks of "top" priorities.
    'Your priority for action: Power and influence.',
  );
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a weak statement becomes a development-plan goal once, and it persists', async () => {
  const { context, page } = await openResults();
  const actions = page.getByRole('list', { name: 'Weak or flagged statements' });
  // power-1 is weak (level 0) and trust-1 is flagged; aims-1 (level 4) is neither.
  await actions.getByRole('button', { name: `Add to my development plan: ${TRUST_1}`, exact: true }).waitFor();
  assert.equal(await actions.getByRole('button', { name: `Add to my development plan: ${AIMS_1}` }).count(), 0);

  // The goal is offered worded as a goal, to edit before it is added (issue 23).
  await actions.getByRole('button', { name: `Add to my development plan: ${POWER_1}`, exact: true }).click();
  assert.equal(await page.getByLabel('Your goal', { exact: true }).inputValue(), POWER_1_GOAL);
  await page.getByRole('button', { name: 'Add this goal', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: 'to your development plan' });
  await status.waitFor();
  assert.match(await status.textContent(), new RegExp(`Added the goal "${POWER_1_GOAL}" to your development plan\\.`));
  const powerCard = actions.getByRole('listitem').filter({ hasText: POWER_1 });
  await powerCard.getByText('In your development plan').waitFor();
  assert.equal(await powerCard.getByRole('button').count(), 0, 'no second add button');
  assert.equal(await powerCard.getByRole('link', { name: 'Go to your development plan' }).getAttribute('href'), '#/development-plan');

  await goToArea(page, 'Development plan');
  const goals = page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: POWER_1_GOAL }).waitFor();
  assert.match(await goals.textContent(), /East Kent/);
  assert.match(await goals.textContent(), /Power and influence/);

  await page.reload();
  await waitForApp(page);
  await goals.getByRole('heading', { name: POWER_1_GOAL }).waitFor();
  assert.equal(await goals.getByRole('listitem').count(), 1);

  const stored = await savedWorkbook(page);
  assert.equal(stored.plans.flatMap((p) => p.goals).length, 1);
  assert.deepEqual(stored.plans.flatMap((p) => p.goals)[0].origin, { assessment_id: ASSESSMENT_ID, statement_id: 'power-1' });
  assert.equal(stored.plans.flatMap((p) => p.goals)[0].target_date, null);

  await load(page, `/#/self-assessment/${ASSESSMENT_ID}/results`);
  await waitForApp(page);
  const card = page.getByRole('list', { name: 'Weak or flagged statements' }).getByRole('listitem').filter({ hasText: POWER_1 });
  await card.getByText('In your development plan').waitFor();
  assert.equal(await page.getByRole('button', { name: `Add to my development plan: ${POWER_1}` }).count(), 0);
  await page.getByRole('button', { name: `Add to my development plan: ${TRUST_1}`, exact: true }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an unknown assessment id shows a not-found page', async () => {
  const { context, page } = await app.open('/#/self-assessment/no-such-id/results');
  await page.getByRole('heading', { level: 1, name: 'Assessment not found' }).waitFor();
  await context.close();
});
