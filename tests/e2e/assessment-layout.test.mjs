// Layout fixes from the self-assessment usability walkthrough, as a person
// meets them: area pages short enough to work through (the rating scale once,
// each statement's background folded away), results that read on a phone
// (nothing scrolls the page sideways, chart text big enough), and results that
// lead somewhere (change answers, export, compare, notes, provisional scores),
// with the home page offering to carry on an unfinished assessment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp, download, downloadText, load, newAppContext } from './support.mjs';

const app = useApp();

const AREAS = { power: 5, aims: 5, leadership: 6, support: 6, resources: 5, trust: 5, structures: 5, delivery: 6 };
const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const AIMS_1 = "Clinicians and managers understand each other's ambitions, and our commissioning aims are aligned.";
const TITLE = 'East Kent: Respiratory (Clinician), 1 November 2026';
const PARTNER_TITLE = 'East Kent: Respiratory (Manager), 5 November 2026';
const LEVELS = ['0 Not in place', '1 Starting', '2 Developing', '3 Established', '4 Embedded'];
const DESCRIPTORS = [
  'This does not happen yet, or we have not started on it.',
  'We have made a start, but it is informal, patchy or rests on one or two people.',
  'It happens in some areas or some of the time, and we are building on it.',
  'It happens reliably across the partnership and people expect it.',
  'It is simply how we work: we review it, and it would survive a change of people.',
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

function assessment(id, { role = 'clinician', date = '2026-11-01', answers = {}, importance = {}, updated = '09:00' } = {}) {
  return {
    id,
    framework_version: 1,
    partnership: 'East Kent',
    clinical_area: 'Respiratory',
    role,
    date,
    answers,
    importance,
    created_at: `${date}T09:00:00Z`,
    updated_at: `${date}T${updated}:00Z`,
  };
}

const answer = (level, evidence = '', flagged = false) => ({
  rating: level === 'na' ? 'not_applicable' : { level },
  evidence,
  flagged,
});

/** Every statement of every area at `level`. */
function allAnswered(level) {
  const answers = {};
  for (const [area, count] of Object.entries(AREAS)) {
    for (let n = 1; n <= count; n += 1) answers[`${area}-${n}`] = answer(level);
  }
  return answers;
}

// Partly answered: power 0% (weak, flagged, with a note), aims 100% (with a
// note), trust 75%; 4 of 43 answered, overall (0 + 100 + 75) / 3 = 58%.
const partial = assessment('assessment-partial', {
  answers: {
    'power-1': answer(0, 'Two business cases stalled this year.\nRaised at the March board.', true),
    'power-2': answer('na'),
    'aims-1': answer(4, 'Joint aims agreed in the annual plan.'),
    'trust-1': answer(3),
  },
  importance: { power: 3 },
});
const partner = assessment('partner-1', { role: 'manager', date: '2026-11-05', answers: { 'power-1': answer(2), 'aims-1': answer(1) } });

function workbook(assessments, partners = []) {
  return {
    format: 'commissioning-workbook',
    schema_version: 1,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-05T09:00:00Z',
    id_counter: 10,
    assessments,
    partner_assessments: partners,
  };
}

/** Opens the app at `viewport` in a fresh context holding `wb`, then goes to `path`. */
async function openWith(viewport, wb, path) {
  const context = await newAppContext(app.browser, { viewport, baseURL: app.server.url, acceptDownloads: true });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  await load(page, '/#/');
  await waitForApp(page);
  if (wb) await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, path);
  await waitForApp(page);
  return { context, page };
}

const pageSize = (page) =>
  page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));

async function goToArea(page, area) {
  await load(page, `/#/self-assessment/assessment-partial/domain/${area}`);
  await waitForApp(page);
  await page.getByRole('region').first().waitFor();
}

test('an area shows the rating scale once and folds each statement\'s reason away, so it is far shorter on desktop and phone', async () => {
  const { context, page } = await openWith(DESKTOP, workbook([partial]), '/#/self-assessment/assessment-partial/domain/power');
  const main = page.getByRole('main');

  // The scale, with what each rating means, once near the top.
  await main.getByRole('heading', { level: 2, name: 'The rating scale' }).waitFor();
  for (const [i, descriptor] of DESCRIPTORS.entries()) {
    assert.equal(await main.getByText(descriptor, { exact: true }).count(), 1, `"${LEVELS[i]}" is described once`);
  }
  const scaleBox = await main.getByRole('heading', { name: 'The rating scale' }).boundingBox();
  const firstStatementBox = await page.getByRole('region', { name: POWER_1 }).boundingBox();
  assert.ok(scaleBox.y < firstStatementBox.y, 'the scale comes before the statements');

  // Each statement: a region named by its text, radios named as before, no per-radio descriptions.
  const regions = page.getByRole('region');
  assert.equal(await regions.count(), AREAS.power, 'one region per statement and no other');
  const statement = page.getByRole('region', { name: POWER_1 });
  for (const name of [...LEVELS, "Not applicable or don't know"]) {
    assert.equal(await statement.getByRole('radio', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await statement.getByRole('radio').count(), 6);
  for (const radio of await statement.getByRole('radio').all()) {
    assert.equal(await radio.getAttribute('aria-describedby'), null, 'no descriptor hint under each radio');
  }
  assert.equal(await statement.getByText(DESCRIPTORS[1]).count(), 0);
  await statement.getByLabel('Evidence or notes (optional)').waitFor();
  await statement.getByLabel('Flag as a priority to act on').waitFor();
  await page.getByRole('group', { name: /How important is power and influence/ }).getByLabel('High').waitFor();

  // Why it matters and the source: in a closed NHS.UK details element until
  // asked for. (Issue 23 put it beside the note and flag, each folded on a
  // phone, so a statement has two, and shortened its summary to fit the line.)
  const details = statement.locator('details.nhsuk-details').filter({ hasText: 'Why it matters' });
  assert.equal(await details.count(), 1);
  const summary = details.getByText('Why it matters', { exact: true });
  assert.equal(await summary.isVisible(), true);
  const why = details.getByText(/^Why it matters: /);
  const source = details.getByText(/^Source: /);
  assert.equal(await why.isVisible(), false, 'folded away at first');
  await summary.click();
  assert.equal(await why.isVisible(), true);
  assert.equal(await source.isVisible(), true);
  assert.match(await source.textContent(), /Marshall|Dixon|Kent|Alsop|PBC/);
  await summary.click();
  assert.equal(await why.isVisible(), false);

  // Answering still works in the new layout.
  await statement.getByLabel('1 Starting').check();
  await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '4 of 43 statements answered' }).waitFor();
  assert.equal(await statement.getByLabel('1 Starting').isChecked(), true);

  // Desktop: about 5,700 px before for five statements, 6,600 px for six.
  const desktopFive = (await pageSize(page)).height;
  assert.ok(desktopFive < 4000, `a five-statement area on desktop is ${desktopFive} px`);
  await goToArea(page, 'leadership');
  const desktopSix = (await pageSize(page)).height;
  assert.ok(desktopSix < 4300, `a six-statement area on desktop is ${desktopSix} px`);

  // Phone: about 7,300 px before for five statements, 8,600 px for six.
  await page.setViewportSize(PHONE);
  await goToArea(page, 'power');
  const phoneFive = await pageSize(page);
  assert.ok(phoneFive.height < 5000, `a five-statement area on a phone is ${phoneFive.height} px`);
  assert.ok(phoneFive.width <= PHONE.width, 'nothing scrolls sideways');
  await goToArea(page, 'leadership');
  const phoneSix = (await pageSize(page)).height;
  assert.ok(phoneSix < 6000, `a six-statement area on a phone is ${phoneSix} px`);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('on a phone the results, partner comparison and change over time never scroll sideways, and the chart text is readable', async () => {
  const later = assessment('assessment-later', { date: '2026-11-20', answers: allAnswered(3) });
  const wb = workbook([partial, later], [partner]);
  const { context, page } = await openWith(PHONE, wb, '/#/self-assessment/assessment-partial/results');

  // Results: the wide area table scrolls inside its own box, not the page.
  await page.getByRole('table', { name: 'Scores by area' }).waitFor();
  assert.ok((await pageSize(page)).width <= PHONE.width, 'the results page fits a 375 px screen');
  const box = page.getByRole('region', { name: 'Scores by area', exact: true });
  assert.equal(await box.getAttribute('tabindex'), '0', 'the scrolling box can be reached by keyboard');
  assert.equal(await box.evaluate((el) => getComputedStyle(el).overflowX), 'auto');
  assert.equal(await box.getByRole('table', { name: 'Scores by area' }).count(), 1);
  assert.ok(await box.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the screen, so its box scrolls');
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.scrollLeft > 0);

  // Every table on the page sits in such a box, named like the table.
  for (const table of await page.getByRole('main').getByRole('table').all()) {
    const wrapper = await table.evaluate((t) => {
      const region = t.closest('[role="region"]');
      return region && { tabindex: region.getAttribute('tabindex'), label: region.getAttribute('aria-label'), caption: t.caption?.textContent };
    });
    assert.ok(wrapper, 'the table is in a region');
    assert.equal(wrapper.tabindex, '0');
    assert.equal(wrapper.label, wrapper.caption);
  }

  // Chart text at least 14 px as drawn, whatever the SVG's scale.
  const chart = page.getByRole('img', { name: 'Chart: score for each area, from 0% to 100%' });
  const sizes = await chart.evaluate((svg) =>
    [...svg.querySelectorAll('text')].map((t) => ({
      text: t.textContent,
      drawn: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
      height: t.getBoundingClientRect().height,
      right: t.getBoundingClientRect().right,
    })),
  );
  assert.equal(sizes.length, 16, 'a label and a value for each of the eight areas');
  for (const s of sizes) {
    assert.ok(s.drawn >= 14, `"${s.text}" is drawn at ${s.drawn} px`);
    assert.ok(s.height >= 14, `"${s.text}" is ${s.height} px high`);
    assert.ok(s.right <= PHONE.width, `"${s.text}" fits on the screen`);
  }

  // Partner comparison and change over time fit too.
  await load(page, '/#/self-assessment/assessment-partial/partner/partner-1');
  await page.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();
  await page.getByRole('table', { name: 'Scores by area: you and your partner' }).waitFor();
  assert.ok((await pageSize(page)).width <= PHONE.width, 'the partner comparison fits a 375 px screen');
  await page.getByRole('region', { name: 'Power and influence', exact: true }).getByRole('table').waitFor();

  await load(page, '/#/self-assessment/over-time/assessment-partial/assessment-later');
  await page.getByRole('table', { name: 'Change in score by area' }).waitFor();
  assert.ok((await pageSize(page)).width <= PHONE.width, 'change over time fits a 375 px screen');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('results put the scores first, mark a partial assessment\'s scores as provisional, and show the notes on screen and in print', async () => {
  const { context, page } = await openWith(DESKTOP, workbook([partial]), '/#/self-assessment/assessment-partial/results');
  const main = page.getByRole('main');
  const scores = main.getByRole('heading', { level: 2, name: 'Scores by area' });
  const method = main.getByRole('heading', { level: 2, name: 'How scores are worked out' });
  assert.ok((await scores.boundingBox()).y < (await method.boundingBox()).y, 'scores come before the method');
  assert.ok((await page.getByRole('table', { name: 'Scores by area' }).boundingBox()).y < (await method.boundingBox()).y);

  await main.getByText('Overall score: 58% (provisional: 4 of 43 answered)', { exact: true }).waitFor();
  await main.getByText(/These results are provisional: 39 of 43 statements are not answered yet/).waitFor();
  const table = page.getByRole('table', { name: 'Scores by area' });
  assert.match(await table.getByRole('row').filter({ hasText: 'Trust and joint working' }).textContent(), /75% \(provisional\)/);

  // Notes: in their own list, and on the weak statement's card.
  const notes = page.getByRole('list', { name: 'Your evidence and notes' });
  const powerNote = notes.getByRole('listitem').filter({ hasText: POWER_1 });
  assert.match(await powerNote.textContent(), /Two business cases stalled this year\.\s*Raised at the March board\./);
  assert.match(await powerNote.textContent(), /Power and influence\. Your rating: 0 Not in place\./);
  assert.match(await notes.getByRole('listitem').filter({ hasText: AIMS_1 }).textContent(), /Joint aims agreed in the annual plan\./);
  assert.equal(await notes.getByRole('listitem').count(), 2);
  const card = page.getByRole('list', { name: 'Weak or flagged statements' }).getByRole('listitem').filter({ hasText: POWER_1 });
  assert.match(await card.textContent(), /Your notes: Two business cases stalled this year\./);

  // Printed, the notes and scores stay and the navigation goes.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await notes.isVisible(), true);
  assert.equal(await powerNote.getByText(/Raised at the March board/).isVisible(), true);
  assert.equal(await main.getByText('Overall score: 58% (provisional: 4 of 43 answered)').isVisible(), true);
  assert.equal(await main.getByRole('link', { name: 'Change your answers' }).isVisible(), false);
  assert.equal(await main.getByRole('link', { name: 'Export for your partner' }).isVisible(), false);
  await page.emulateMedia({ media: 'screen' });

  // A finished assessment's scores are not provisional.
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook([assessment('assessment-done', { answers: allAnswered(2) })])));
  await load(page, '/#/self-assessment/assessment-done/results');
  await waitForApp(page);
  await main.getByText('Overall score: 50%', { exact: true }).waitFor();
  assert.doesNotMatch(await main.textContent(), /provisional/i);
  await main.getByText('You have not written evidence or notes for any statement.').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('results lead on: change your answers, export for your partner, compare with your partner', async () => {
  const { context, page } = await openWith(DESKTOP, workbook([partial]), '/#/self-assessment/assessment-partial/results');
  const main = page.getByRole('main');

  const change = main.getByRole('link', { name: 'Change your answers', exact: true });
  assert.equal(await change.getAttribute('href'), '#/self-assessment/assessment-partial/domain/power');
  await change.click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: `Results: ${TITLE}` }).waitFor();

  // The same export the self-assessment page offers: notes stay out unless chosen.
  await main.getByRole('link', { name: 'Export for your partner', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Export for your partner' }).waitFor();
  const file = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.match(file.suggestedFilename(), /^partnership-assessment-clinician-east-kent-respiratory-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await downloadText(file));
  assert.equal(exported.format, 'commissioning-workbook-assessment');
  assert.equal(exported.assessment.partnership, 'East Kent');
  assert.deepEqual(exported.assessment.answers['aims-1'].rating, { level: 4 });
  assert.equal(exported.assessment.answers['power-1'].evidence, '', 'notes are left out by default');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: `Results: ${TITLE}` }).waitFor();

  // No partner assessment yet: the link goes where one is imported.
  const compare = main.getByRole('link', { name: 'Compare with your partner', exact: true });
  assert.equal(await compare.getAttribute('href'), '#/self-assessment');
  await compare.click();
  await page.getByRole('heading', { name: "Import your partner's assessment" }).waitFor();

  // With one, it goes straight to the comparison.
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook([partial], [partner])));
  await load(page, '/#/self-assessment/assessment-partial/results');
  await waitForApp(page);
  const direct = main.getByRole('link', { name: `Compare with your partner: ${PARTNER_TITLE}`, exact: true });
  assert.equal(await direct.getAttribute('href'), '#/self-assessment/assessment-partial/partner/partner-1');
  await direct.click();
  await page.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the home page offers to continue an unfinished assessment where it was left', async () => {
  // Power is finished, so it resumes at the second area; the finished one is not offered.
  const answers = {};
  for (let n = 1; n <= AREAS.power; n += 1) answers[`power-${n}`] = answer(2);
  const started = assessment('assessment-started', { date: '2026-11-10', answers });
  const done = assessment('assessment-done', { date: '2026-10-01', answers: allAnswered(3) });
  const { context, page } = await openWith(DESKTOP, workbook([done, started]), '/');
  const main = page.getByRole('main');
  const offers = main.getByRole('link', { name: /^Continue your assessment: / });
  assert.equal(await offers.count(), 1);
  const link = main.getByRole('link', { name: 'Continue your assessment: East Kent: Respiratory (Clinician), 10 November 2026', exact: true });
  assert.equal(await link.getAttribute('href'), '#/self-assessment/assessment-started/domain/aims');
  assert.match(await main.getByRole('list', { name: 'Unfinished assessments' }).textContent(), /5 of 43 statements answered/);
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Shared aims and priorities' }).waitFor();
  await context.close();

  // Nothing to continue: nothing offered.
  const fresh = await openWith(DESKTOP, null, '/');
  assert.equal(await fresh.page.getByRole('link', { name: /Continue your assessment/ }).count(), 0);
  await fresh.context.close();
});
