// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) finds no violations of any impact
// on every page, empty and filled in, and in the key states: forms showing
// errors, an assessment half done, results with their chart, a plan with
// goals, the placement dashboard, log, entry form and summary, Your data with
// a reminder. The first test shows the check would catch a real violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, waitForApp, axeViolations, load, fillDate, londonInstant, PINNED_MOMENT } from './support.mjs';

const app = useApp();

const fixture = JSON.parse(await readFile(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8'));
// Changed a month ago and never backed up, so the backup reminder shows too.
fixture.assessments[0].updated_at = new Date(londonInstant(PINNED_MOMENT) - 30 * 86_400_000).toISOString();
const ASSESSMENT = fixture.assessments[0].id;
const GOAL = fixture.plans[0].goals[0].id;
const PLACEMENT = fixture.placements[0].id;

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

test('the check has teeth: an image without a text alternative is reported', async () => {
  const { context, page } = await app.open('/#/about');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('main').append(img);
  });
  const violations = await axeViolations(page);
  assert.ok(violations.some((v) => v.startsWith('image-alt')), violations.join('\n'));
  await context.close();
});

test('every page of an empty workbook, and forms showing their errors', async () => {
  const { context, page } = await app.open();
  for (const path of ['/', '/#/self-assessment', '/#/development-plan', '/#/placement-log', '/#/your-data', '/#/about', '/#/no-such-page']) {
    await load(page, path);
    await waitForApp(page);
    await expectNoViolations(page, path);
  }
  for (const [path, button] of [
    ['/#/self-assessment/new', 'Start assessment'],
    ['/#/development-plan/plans/new', 'Start plan'],
    ['/#/placement-log/new', 'Save placement'],
  ]) {
    await load(page, path);
    await waitForApp(page);
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectNoViolations(page, `${path} with errors`);
  }
  await context.close();
});

test('a filled-in workbook: assessment half done and its results, plans, placement log, summary, Your data', async () => {
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(fixture));
  // A project with a milestone and two log entries, one outside the placement.
  await load(page, `/#/placement-log/placements/${PLACEMENT}`);
  await waitForApp(page);
  await page.getByText('Add a project').click();
  await page.getByLabel('Project title').fill('Redesign the tuberculosis pathway');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByRole('list', { name: 'Your projects' }).getByRole('link').first().click();
  await page.getByLabel('Milestone', { exact: true }).fill('Map the current pathway');
  await fillDate(page, 'Planned date', '2026-11-20');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('list', { name: 'Milestones' }).waitFor();
  await expectNoViolations(page, 'project page');
  for (const date of ['2026-11-25', '2026-07-01']) {
    await load(page, `/#/placement-log/placements/${PLACEMENT}/log/new`);
    await waitForApp(page);
    await fillDate(page, 'Date of the activity', date);
    await page.getByLabel('Time spent').fill('1:30');
    await page.getByLabel('Type of activity').selectOption({ label: 'Workshop' });
    await page.getByLabel('What did you do?').fill('Ran the sleep apnoea workshop');
    await page.getByLabel('Working within teams').check();
    await page.getByLabel('Include this entry in my end-of-placement summary').check();
    if (date === '2026-07-01') await expectNoViolations(page, 'entry form with the outside-dates warning');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  }
  await expectNoViolations(page, 'activity log');
  await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
  await page.getByText('No entries match these filters.').waitFor();
  await expectNoViolations(page, 'activity log filtered to nothing');

  for (const [path, state] of [
    [`/#/self-assessment/${ASSESSMENT}/domain/power`, 'an area of an assessment half done'],
    [`/#/self-assessment/${ASSESSMENT}/results`, 'provisional results with the chart'],
    [`/#/self-assessment/${ASSESSMENT}/export`, 'export for a partner'],
    ['/#/self-assessment', 'self-assessment with an assessment'],
    ['/#/development-plan', 'a plan with goals'],
    [`/#/development-plan/goals/${GOAL}`, 'a goal'],
    [`/#/development-plan/goals/${GOAL}/edit`, 'changing a goal'],
    [`/#/placement-log/placements/${PLACEMENT}`, 'the placement dashboard'],
    [`/#/placement-log/placements/${PLACEMENT}/details`, 'changing the placement'],
    [`/#/placement-log/placements/${PLACEMENT}/summary`, 'the end-of-placement summary'],
    ['/#/your-data', 'Your data with a backup reminder'],
    ['/', 'home with an unfinished assessment'],
  ]) {
    await load(page, path);
    await waitForApp(page);
    await page.getByRole('note', { name: 'Backup reminder' }).waitFor();
    const heading = await page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
    assert.doesNotMatch(heading, /not found/i, `${path} shows what it should`);
    await expectNoViolations(page, state);
  }
  await context.close();
});

test('saves and errors are announced to screen readers: a polite status for each save, an alert for errors', async () => {
  const { context, page } = await app.open('/#/development-plan');
  const announcer = page.locator('p[role="status"][data-save-state]');
  assert.equal(await announcer.textContent(), '', 'nothing announced before anything is saved');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const summary = page.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)), true, 'the error summary takes focus');
  assert.equal(await announcer.textContent(), '', 'a refused change is not announced as saved');

  await page.getByLabel('What do you want to achieve?').fill('Lead the diabetes pathway review');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved in this browser at \d{2}:\d{2}:\d{2}\.$/ }).waitFor({ state: 'attached' });
  assert.equal(await announcer.getAttribute('data-save-state'), 'saved');
  await context.close();
});
