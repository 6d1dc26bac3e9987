// A form opened on a record that then changes in another tab (issue 21): a
// goal set to Achieved in one tab was put back to In progress when an edit
// form already open in a second tab was saved, without a word. Now saving
// says what changed, saves nothing, and the user chooses: save their version
// or use the latest one. A change the form does not hold (an action added
// under the goal) does not stop the save; a record deleted meanwhile is said
// to be, and what was typed stays in the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp, load, savedWorkbook, fillDate, isoDay, dateShown, axeViolations } from './support.mjs';

const app = useApp();

/** A second tab in the same browser context, so it shares local storage. */
async function secondTab(context, path) {
  const page = await context.newPage();
  await load(page, path);
  await waitForApp(page);
  return page;
}

async function addGoal(page, title) {
  await load(page, '/#/development-plan');
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

async function openGoal(page, title) {
  await load(page, '/#/development-plan');
  await page.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function setStatus(page, title, status) {
  await openGoal(page, title);
  await page.getByRole('group', { name: 'Status' }).getByLabel(status, { exact: true }).check();
  await savedWorkbook(page);
}

async function openChangeGoal(page, title) {
  await load(page, '/#/development-plan');
  await page.getByRole('link', { name: `Change goal: ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a goal' }).waitFor();
}

const goalsIn = (workbook) => workbook.plans.flatMap((p) => p.goals);

/** The notice a stale form shows, found by its heading. */
const notice = (page, text) =>
  page.locator('.nhsuk-warning-callout').filter({ has: page.getByRole('heading', { name: text }) });

/** The rows of the table of what changed: [field, when opened, now, in your form]. */
async function changes(page, what) {
  const table = page.getByRole('table', { name: `What changed in this ${what}` });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
  );
}

/** Waits until the notice has keyboard focus (it takes it as it appears). */
async function noticeHasFocus(page) {
  await page.waitForFunction(() => document.activeElement?.querySelector?.('#stale-notice-title') != null);
}

test('a goal changed in another tab after its form opened: nothing is saved until the user chooses, and each choice does what it says', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  await addGoal(first, 'Chair the programme board');
  await setStatus(first, 'Chair the programme board', 'In progress');

  const second = await secondTab(context, '/#/development-plan');
  await openChangeGoal(second, 'Chair the programme board');

  // The first tab marks the goal achieved; the form in the second still
  // holds the goal as it opened.
  await setStatus(first, 'Chair the programme board', 'Achieved');
  await second.getByLabel('What do you want to achieve?').fill('Chair the respiratory programme board');
  await second.getByRole('button', { name: 'Save changes' }).click();

  const changed = notice(second, 'This goal was changed in another tab or window after you opened this form');
  await changed.waitFor();
  await noticeHasFocus(second);
  assert.deepEqual(await changes(second, 'goal'), [['Status', 'In progress', 'Achieved', 'In progress']]);
  assert.deepEqual(await axeViolations(second), [], 'the notice meets WCAG 2.2 AA');
  await second.getByRole('heading', { level: 1, name: 'Change a goal' }).waitFor();
  let goals = goalsIn(await savedWorkbook(second));
  assert.deepEqual(goals.map((g) => [g.title, g.status]), [['Chair the programme board', 'achieved']], 'nothing was saved');

  // Use the latest version: the form shows the goal as it is now, the typed
  // title is discarded, and nothing is saved by choosing.
  await changed.getByRole('button', { name: 'Use the latest version' }).click();
  await changed.waitFor({ state: 'detached' });
  assert.equal(await second.getByLabel('What do you want to achieve?').inputValue(), 'Chair the programme board');
  assert.ok(await second.getByRole('group', { name: 'Status' }).getByLabel('Achieved', { exact: true }).isChecked());
  goals = goalsIn(await savedWorkbook(second));
  assert.deepEqual(goals.map((g) => [g.title, g.status]), [['Chair the programme board', 'achieved']]);
  // Saved from there, the change builds on the latest version.
  await second.getByLabel('What do you want to achieve?').fill('Chair the respiratory programme board');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await second.getByRole('heading', { level: 1, name: 'Chair the respiratory programme board' }).waitFor();
  goals = goalsIn(await savedWorkbook(second));
  assert.deepEqual(goals.map((g) => [g.title, g.status]), [['Chair the respiratory programme board', 'achieved']]);

  // Again, and this time the user keeps their version.
  await openChangeGoal(second, 'Chair the respiratory programme board');
  await setStatus(first, 'Chair the respiratory programme board', 'Deferred');
  await second.getByLabel('Review and outcome (optional)').fill('Chaired three meetings');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await changed.waitFor();
  await noticeHasFocus(second);
  assert.deepEqual(await changes(second, 'goal'), [['Status', 'Achieved', 'Deferred', 'Achieved']]);
  assert.equal(goalsIn(await savedWorkbook(second))[0].status, 'deferred', 'nothing was saved');
  await changed.getByRole('button', { name: 'Save my version' }).click();
  await second.getByRole('heading', { level: 1, name: 'Chair the respiratory programme board' }).waitFor();
  goals = goalsIn(await savedWorkbook(second));
  assert.deepEqual(
    goals.map((g) => [g.title, g.status, g.outcome]),
    [['Chair the respiratory programme board', 'achieved', 'Chaired three meetings']],
    'the form as it was, over the other tab\'s change',
  );
  // The first tab, still on the goal's page, shows it too.
  await first.waitForFunction(() => document.querySelector('#status-achieved')?.checked === true);
  await context.close();
});

test('a change the form does not hold, such as an action added under the goal, does not stop the save', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  await addGoal(first, 'Lead a pathway redesign');
  const second = await secondTab(context, '/#/development-plan');
  await openChangeGoal(second, 'Lead a pathway redesign');

  await openGoal(first, 'Lead a pathway redesign');
  await first.getByLabel('What will you do?').fill('Meet the lead commissioner');
  await first.getByRole('button', { name: 'Add action' }).click();
  await first.getByRole('list', { name: 'Actions' }).getByText('Meet the lead commissioner').waitFor();
  await savedWorkbook(first);

  await second.getByLabel('What do you want to achieve?').fill('Lead the respiratory pathway redesign');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await second.getByRole('heading', { level: 1, name: 'Lead the respiratory pathway redesign' }).waitFor();
  const [goal] = goalsIn(await savedWorkbook(second));
  assert.equal(goal.title, 'Lead the respiratory pathway redesign');
  assert.deepEqual(goal.actions.map((a) => a.text), ['Meet the lead commissioner'], 'the other tab\'s action is kept');
  await context.close();
});

test('a log entry changed, then deleted, in another tab: the changes are listed with project names, and a deleted entry saves nothing', async () => {
  const { context, page: first } = await app.open('/#/placement-log');
  await first.getByRole('link', { name: 'Set up your placement' }).click();
  await first.getByLabel('Host organisation').fill('NHS Eastern and Coastal Kent');
  await fillDate(first, 'Start date', await isoDay(first, -20));
  await first.getByRole('button', { name: 'Save placement' }).click();
  await first.getByRole('heading', { level: 2, name: 'Your placement at NHS Eastern and Coastal Kent' }).waitFor();
  await first.getByText('Add a project').click();
  await first.getByLabel('Project title').fill('Redesign the tuberculosis pathway');
  await first.getByRole('button', { name: 'Add project' }).click();
  await first.getByRole('list', { name: 'Your projects' }).getByRole('link', { name: 'Redesign the tuberculosis pathway' }).waitFor();
  const date = await isoDay(first, -1);
  await first.getByRole('link', { name: 'Log an activity' }).first().click();
  await fillDate(first, 'Date of the activity', date);
  await first.getByLabel('Time spent').fill('1:00');
  await first.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
  await first.getByLabel('Project (optional)').selectOption({ label: 'Redesign the tuberculosis pathway' });
  await first.getByLabel('What did you do?').fill('Met the programme board');
  await first.getByRole('button', { name: 'Save entry' }).click();
  await first.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  const log = first.url();

  const second = await secondTab(context, log.slice(log.indexOf('/#')));
  await second.getByRole('list', { name: 'Log entries' }).getByRole('link', { name: /^Change log entry of/ }).click();
  await second.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();

  // The first tab changes the time and unlinks the project.
  await first.getByRole('list', { name: 'Log entries' }).getByRole('link', { name: /^Change log entry of/ }).click();
  await first.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  await first.getByLabel('Time spent').fill('1:30');
  await first.getByLabel('Project (optional)').selectOption({ label: 'Not linked to a project' });
  await first.getByRole('button', { name: 'Save changes' }).click();
  await first.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  await savedWorkbook(first);

  await second.getByLabel('What did you do?').fill('Met the programme board and agreed the audit');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const changed = notice(second, 'This log entry was changed in another tab or window after you opened this form');
  await changed.waitFor();
  await noticeHasFocus(second);
  assert.deepEqual(await changes(second, 'log entry'), [
    ['Time spent', '1:00', '1:30', '1:00'],
    ['Project', 'Redesign the tuberculosis pathway', '(empty)', 'Redesign the tuberculosis pathway'],
  ]);
  let [entry] = (await savedWorkbook(second)).placements[0].entries;
  assert.deepEqual([entry.minutes, entry.project_id, entry.what_done], [90, null, 'Met the programme board'], 'nothing was saved');

  await changed.getByRole('button', { name: 'Use the latest version' }).click();
  await changed.waitFor({ state: 'detached' });
  assert.equal(await second.getByLabel('Time spent').inputValue(), '1:30');
  assert.equal(await second.getByLabel('Project (optional)').inputValue(), '');
  assert.equal(await second.getByLabel('What did you do?').inputValue(), 'Met the programme board');
  assert.deepEqual(await dateShown(second, 'Date of the activity'), date.split('-').reverse().map((part) => String(Number(part))));

  // Now the first tab deletes the entry; the second types on and saves.
  await first.getByRole('list', { name: 'Log entries' }).getByRole('link', { name: /^Change log entry of/ }).click();
  await first.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  await first.getByRole('button', { name: /^Delete log entry of/ }).click();
  await first.getByRole('button', { name: /^Yes, delete log entry of/ }).click();
  await first.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  await savedWorkbook(first);

  await second.getByLabel('What will you keep doing? (optional)').fill('Preparing the figures the night before');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const deleted = notice(second, 'This log entry was deleted in another tab or window after you opened this form');
  await deleted.waitFor();
  await noticeHasFocus(second);
  assert.deepEqual(await axeViolations(second), []);
  assert.equal(await deleted.getByRole('button').count(), 0, 'nothing to choose: there is nothing to save over');
  assert.equal(
    await second.getByLabel('What will you keep doing? (optional)').inputValue(),
    'Preparing the figures the night before',
    'what was typed stays',
  );
  const saved = await savedWorkbook(second);
  assert.deepEqual(saved.placements[0].entries, [], 'nothing was saved');
  assert.equal(JSON.stringify(saved).includes('Preparing the figures'), false);
  await context.close();
});
