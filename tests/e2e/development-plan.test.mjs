// The leadership development plan as a clinician uses it: start a plan, add
// goals and actions by keyboard, tick actions off, see what is overdue, record
// evidence and a review, see the capabilities covered, reload and find it all,
// delete and undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, isoDay, savedWorkbook, fillDate } from './support.mjs';

const app = useApp();


async function type(page, label, text) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

test('a plan with goals, actions, evidence and a review: by keyboard, flagged when overdue, kept across a reload', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'Development plan');
  await page.getByText('You have no goals yet.').waitFor();
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a development plan' }).waitFor();
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByRole('alert').getByRole('link', { name: /Enter a name for the plan/ }).waitFor();
  await type(page, 'Name of the plan', '2026 to 2027');
  await type(page, 'Whose plan is it? (optional)', 'Dr A Clinician');
  await fillDate(page, 'Start date (optional)', await isoDay(page, -30));
  await fillDate(page, 'End date (optional)', await isoDay(page, 335));
  await type(page, 'Your development aim (optional)', 'Lead the respiratory redesign with confidence');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByRole('heading', { level: 2, name: '2026 to 2027' }).waitFor();

  // A goal, by keyboard: type, tick a support box with Space, choose a capability, Enter to add.
  await type(page, 'What do you need to learn? (optional)', 'How to read activity data');
  await type(page, 'What do you want to achieve?', 'Present the respiratory business case');
  await fillDate(page, 'Target date (optional)', await isoDay(page, 20));
  await page.getByLabel('Which leadership capability does it build? (optional)').selectOption('improving-evaluating');
  await page.getByLabel('Leadership training').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('What do you want to achieve?').focus();
  await page.keyboard.press('Enter');
  const goals = page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: 'Present the respiratory business case' }).waitFor();
  assert.match(await goals.textContent(), /Not started/);

  const attention = page.getByRole('list', { name: 'What needs attention' });
  assert.match(await attention.textContent(), /Due soon/);
  assert.match(await attention.textContent(), /No actions yet/);

  // Coverage: the goal's capability is counted.
  const improving = page.getByRole('table', { name: 'Improving services' });
  assert.match(await improving.getByRole('row').filter({ hasText: 'Critically evaluating' }).textContent(), /Critically evaluating1/);

  // The goal's own page: actions and evidence.
  await goals.getByRole('link', { name: 'Present the respiratory business case', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Present the respiratory business case' }).waitFor();
  await type(page, 'What will you do?', 'Meet the finance lead');
  await fillDate(page, 'Due date (optional)', await isoDay(page, -2));
  await page.getByRole('button', { name: 'Add action' }).click();
  await type(page, 'What will you do?', 'Draft the case');
  await fillDate(page, 'Due date (optional)', await isoDay(page, 40));
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('alert').getByRole('link', { name: /on or before the goal's target date/ }).waitFor();
  await fillDate(page, 'Due date (optional)', await isoDay(page, 10));
  await page.getByRole('button', { name: 'Add action' }).click();
  const actions = page.getByRole('list', { name: 'Actions' });
  await actions.getByLabel('Draft the case', { exact: true }).waitFor();
  assert.match(await actions.getByRole('listitem').filter({ hasText: 'Meet the finance lead' }).textContent(), /Overdue/);

  await actions.getByLabel('Draft the case', { exact: true }).focus();
  await page.keyboard.press('Space');
  await actions.getByRole('listitem').filter({ hasText: 'Draft the case' }).getByText(/^Done /).waitFor();

  await page.getByLabel('What happened?').fill('Shadowed the finance lead at the contract meeting');
  await page.getByLabel('What did you learn? (optional)').fill('Where the tariff figures come from');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByRole('list', { name: 'Evidence and reflection' }).getByText('Shadowed the finance lead').waitFor();
  await page.getByLabel('In progress').check();

  // Back on the plan: the overdue action is flagged; record a review.
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await page.getByRole('heading', { level: 2, name: '2026 to 2027' }).waitFor();
  assert.match(await attention.textContent(), /Overdue action\s*Meet the finance lead/);
  await page.getByLabel('Summary').fill('Good start; finance is the gap');
  await fillDate(page, 'Next review (optional)', await isoDay(page, 90));
  await page.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('list', { name: 'Reviews' }).getByText('Good start; finance is the gap').waitFor();
  assert.match(await attention.textContent(), /Next review/);

  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 2, name: '2026 to 2027' }).waitFor();
  assert.match(await goals.textContent(), /In progress/);
  assert.match(await goals.textContent(), /1 of 2 actions done/);
  assert.match(await page.getByRole('main').textContent(), /Dr A Clinician/);
  assert.match(await attention.textContent(), /Overdue action/);
  const stored = await savedWorkbook(page);
  assert.equal(stored.schema_version, 7);
  assert.equal(stored.plans[0].goals[0].actions.length, 2);
  assert.equal(stored.plans[0].goals[0].evidence.length, 1);
  assert.deepEqual(stored.plans[0].goals[0].support, ['leadership_training']);
  assert.equal(stored.plans[0].reviews.length, 1);

  // Delete the goal, then undo.
  await page.getByRole('button', { name: 'Delete goal: Present the respiratory business case' }).click();
  await page.getByRole('button', { name: 'Yes, delete goal: Present the respiratory business case' }).click();
  await page.getByText('You have no goals yet.').waitFor();
  await page.getByRole('status').filter({ hasText: 'Deleted the goal' }).getByRole('button', { name: 'Undo' }).click();
  await goals.getByRole('heading', { name: 'Present the respiratory business case' }).waitFor();
  assert.match(await goals.textContent(), /1 of 2 actions done/, 'it comes back whole');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a goal made from a weak statement lands in the current plan, linked back, and can be given a date', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await page.getByLabel('Partnership name').fill('Link partnership');
  await page.getByLabel('Clinician (GP, nurse, consultant or other clinician)').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('radio', { name: '0 Not in place' }).first().check();
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: /^Results: Link partnership/ }).click();
  await page.getByRole('button', { name: /^Add to my development plan: / }).first().click();
  // A goal worded as a goal is offered, to change before it is added.
  assert.doesNotMatch(await page.getByLabel('Your goal', { exact: true }).inputValue(), /^Improve:/);
  await page.getByRole('button', { name: 'Add this goal', exact: true }).click();
  // The confirmation names the goal as it was kept.
  const added = await page.getByRole('status').getByText(/^Added the goal ".+" to your development plan\./).textContent();
  const title = added.match(/^Added the goal "(.+)" to/)[1];
  await goToArea(page, 'Development plan');
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title, exact: true }).waitFor();
  const card = page.getByRole('list', { name: 'Your goals' }).getByRole('listitem').first();
  assert.match(await card.textContent(), /From your self-assessment/);
  assert.match(await card.textContent(), /No target date/);
  await card.getByRole('link', { name: `Change goal: ${title}`, exact: true }).click();
  await fillDate(page, 'Target date (optional)', await isoDay(page, 60));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(/^Target date$/).waitFor();
  await goToArea(page, 'Development plan');
  assert.match(await page.getByRole('list', { name: 'Your goals' }).textContent(), /Target date: \d+ \w+ \d{4}/);
  await context.close();
});

test('actions, evidence and reviews can be changed after they are added, under the same checks', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await page.getByLabel('What do you want to achieve?').fill('Lead the diabetes pathway');
  await fillDate(page, 'Target date (optional)', await isoDay(page, 30));
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: 'Lead the diabetes pathway', exact: true }).click();
  await page.getByLabel('What will you do?').fill('Meet the lead');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByLabel('What happened?').fill('First meeting');
  await page.getByRole('button', { name: 'Add evidence' }).click();

  await page.getByRole('link', { name: 'Change action: Meet the lead' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change an action' }).waitFor();
  assert.equal(await page.getByLabel('What will you do?').inputValue(), 'Meet the lead');
  await fillDate(page, 'Due date (optional)', await isoDay(page, 60));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByRole('link', { name: /on or before the goal's target date/ }).waitFor();
  await fillDate(page, 'Due date (optional)', await isoDay(page, 10));
  await page.getByLabel('What will you do?').fill('Meet the lead commissioner');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Meet the lead commissioner', { exact: true }).waitFor();

  // Deleting an action asks, and can be undone.
  await page.getByRole('button', { name: 'Delete action: Meet the lead commissioner' }).click();
  await page.getByRole('button', { name: 'Yes, delete action: Meet the lead commissioner' }).click();
  await page.getByText('No actions yet. Add the steps that will get you to this goal.').waitFor();
  await page.getByRole('status').filter({ hasText: 'Deleted the action "Meet the lead commissioner".' }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('list', { name: 'Actions' }).getByLabel('Meet the lead commissioner', { exact: true }).waitFor();

  await page.getByRole('link', { name: /^Change evidence from / }).click();
  await page.getByLabel('What did you learn? (optional)').fill('Start with the data');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('list', { name: 'Evidence and reflection' }).getByText('Start with the data').waitFor();

  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await page.getByLabel('Summary').fill('First review');
  await page.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('link', { name: /^Change review of / }).click();
  await page.getByLabel('Summary').fill('First review, rewritten');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('list', { name: 'Reviews' }).getByText('First review, rewritten').waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('list', { name: 'Reviews' }).getByText('First review, rewritten').waitFor();
  await context.close();
});

test('a self-rating on the framework shows beside the goals and suggests goals for the weakest elements', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await page.getByLabel('What do you want to achieve?').fill('Build my network');
  await page.getByLabel('Which leadership capability does it build? (optional)').selectOption('others-networks');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('link', { name: "Rate yourself on the framework's elements" }).click();
  await page.getByRole('heading', { level: 1, name: 'Rate yourself on the framework' }).waitFor();
  await page.getByRole('button', { name: 'Save my rating' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Rate yourself on at least one element' }).waitFor();
  await page.getByRole('group', { name: 'Developing networks' }).getByLabel('Not yet').check();
  await page.getByRole('group', { name: 'Critically evaluating' }).getByLabel('Not yet').check();
  await page.getByRole('group', { name: 'Planning' }).getByLabel('Developing').check();
  await page.getByRole('group', { name: 'Making decisions' }).getByLabel('A strength').check();
  await page.getByRole('button', { name: 'Save my rating' }).click();

  const suggestions = page.getByRole('list', { name: 'Suggested goals' });
  await suggestions.waitFor();
  const text = await suggestions.textContent();
  assert.match(text, /Critically evaluating \(you rated it 1, Not yet\)[\s\S]*Planning \(you rated it 2, Developing\)/, 'weakest first');
  assert.doesNotMatch(text, /Developing networks/, 'an element with a goal is not suggested');
  assert.doesNotMatch(text, /Making decisions/, 'a strength is not suggested');
  const decisions = page.getByRole('table', { name: 'Setting direction' }).getByRole('row').filter({ hasText: 'Making decisions' });
  assert.match(await decisions.textContent(), /4 A strength/);

  await suggestions.getByRole('button', { name: 'Add a goal for: Critically evaluating' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Develop: Critically evaluating' }).waitFor();
  assert.doesNotMatch(await suggestions.textContent(), /Critically evaluating/);

  // A self-rating can be deleted, asking first, and undone.
  const ratings = page.getByRole('list', { name: 'Your self-ratings' });
  assert.match(await ratings.textContent(), /4 of 20 elements rated/);
  await ratings.getByRole('button', { name: /^Delete self-rating of / }).click();
  await ratings.getByRole('button', { name: /^Yes, delete self-rating of / }).click();
  await ratings.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Deleted the self-rating' }).getByRole('button', { name: 'Undo' }).click();
  await ratings.waitFor();
  await context.close();
});
