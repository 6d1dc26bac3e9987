// Every date field in the app, typed key by key as a UK user types a date:
// day first, with leading zeros (01 12 2026, 09 09 2026), both into an empty
// field and over a date the field already holds (an edit form filled from the
// record, or a form that starts with today's date). The saved value is
// exactly the date typed and the page shows it the NHS way ("1 December 2026").
// Also: what is refused while typing and why, with what was typed kept; one
// journey in en-US and New York, for month-first users; typing left alone
// while another tab saves; and axe on a form showing a date error.
//
// The fields, found with `grep -rn "FieldKind::Date" src/ui`:
//   assessment date (start, change details); plan start and end (new,
//   change); goal target date (add, change); action due date (add, change);
//   evidence date (add, change); review date and next review (add, change);
//   self-rating date; placement start and end (set up, change); milestone
//   planned date (add, change) and the date it was done (change); activity
//   date (log, change); the log's From and To filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, load, waitForApp, goToArea, savedWorkbook, dateGroup, dateShown, axeViolations,
} from './support.mjs';

const app = useApp();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** A date as a person types it, day first, with what it is saved and shown as. */
function typed(day, month, year) {
  return {
    keys: [day, month, year],
    iso: `${year}-${month}-${day}`,
    long: `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`,
  };
}

const BOXES = ['Day', 'Month', 'Year'];

/** The label of the box that has focus, if it is a date box. */
const focusedBox = (page) =>
  page.evaluate(() => (document.activeElement?.classList.contains('nhsuk-date-input__input')
    ? document.activeElement.labels[0].textContent
    : null));

/**
 * Types `date` into the date input labelled `label`, key by key, as a person
 * does: into the Day box by a click (then Ctrl+A, so a date already there is
 * typed over) or by Tab from the control before it (Tab selects what a box
 * holds), then Tab to Month and to Year. An empty part is a Backspace over
 * what the box held. Checks the boxes then hold exactly what was typed.
 */
async function typeDate(page, label, date, { via = 'click' } = {}) {
  const group = dateGroup(page, label);
  const day = group.getByLabel('Day', { exact: true });
  if (via === 'tab') {
    await day.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
  } else {
    await day.click();
    await page.keyboard.press('Control+A');
  }
  for (const [i, part] of date.keys.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    assert.equal(await focusedBox(page), BOXES[i], `${label}: the ${BOXES[i]} box has focus`);
    if (part) await page.keyboard.type(part);
    else await page.keyboard.press('Backspace');
  }
  assert.deepEqual(await dateShown(page, label), date.keys, `${label}: the boxes hold what was typed`);
}

/** Empties the three boxes with the keyboard and moves on, as a person clearing a date does. */
async function emptyDate(page, label) {
  const group = dateGroup(page, label);
  for (const box of BOXES) {
    await group.getByLabel(box, { exact: true }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.press('Tab');
  assert.deepEqual(await dateShown(page, label), ['', '', ''], `${label} is empty`);
}

/** Waits for `text` in `scope`, then checks the saved workbook's value at `read`. */
async function savedAndShown(page, scope, text, read, date, what) {
  await scope.getByText(text, { exact: false }).first().waitFor();
  assert.equal(read(await savedWorkbook(page)), date.iso, `${what} is saved as typed`);
}

const onlyPlan = (w) => w.plans.find((p) => p.name === 'Typed dates plan');
const onlyGoal = (w) => onlyPlan(w).goals[0];
const placementOf = (w) => w.placements[0];

test('the assessment date, typed over today\'s date and into an empty field, is kept as typed', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await page.getByLabel('Partnership name').fill('Typed dates partnership');
  await page.getByLabel('Clinician (GP, nurse, consultant or other clinician)').check();
  // The form starts with today's date (3 December 2026): typed over.
  assert.deepEqual(await dateShown(page, 'Date of the assessment'), ['3', '12', '2026']);
  const first = typed('01', '12', '2026');
  await typeDate(page, 'Date of the assessment', first, { via: 'tab' });
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
  await goToArea(page, 'Self-assessment');
  const title = `Typed dates partnership (Clinician), ${first.long}`;
  await savedAndShown(page, page.getByRole('table', { name: 'Your assessments' }), title, (w) => w.assessments[0].date, first, 'the assessment date');

  // Changed: the form is filled from the record; emptied, then typed.
  await page.getByRole('link', { name: `Change details: ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change assessment details' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date of the assessment'), ['1', '12', '2026'], 'the saved date, as a person types it');
  await emptyDate(page, 'Date of the assessment');
  const second = typed('09', '09', '2026');
  await typeDate(page, 'Date of the assessment', second);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnership readiness self-assessment' }).waitFor();
  await savedAndShown(page, page.getByRole('table', { name: 'Your assessments' }), `Typed dates partnership (Clinician), ${second.long}`, (w) => w.assessments[0].date, second, 'the changed assessment date');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('every date in a development plan (period, goal, action, evidence, review, self-rating) is kept as typed', async () => {
  const { context, page } = await app.open('/#/development-plan/plans/new');
  const main = page.getByRole('main');

  // Plan start and end: new (empty), then changed (filled from the plan).
  await page.getByLabel('Name of the plan').fill('Typed dates plan');
  const starts = typed('01', '09', '2026');
  const ends = typed('09', '08', '2027');
  await typeDate(page, 'Start date (optional)', starts);
  await typeDate(page, 'End date (optional)', ends, { via: 'tab' });
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByRole('heading', { level: 2, name: 'Typed dates plan' }).waitFor();
  await savedAndShown(page, main, `${starts.long} to ${ends.long}`, (w) => onlyPlan(w).starts, starts, 'the plan start');
  assert.equal(onlyPlan(await savedWorkbook(page)).ends, ends.iso, 'the plan end is saved as typed');

  await page.getByRole('link', { name: 'Change plan details: Typed dates plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change plan details' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Start date (optional)'), ['1', '9', '2026']);
  const starts2 = typed('01', '12', '2026');
  const ends2 = typed('09', '09', '2027');
  await typeDate(page, 'Start date (optional)', starts2, { via: 'tab' });
  await typeDate(page, 'End date (optional)', ends2);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, main, `${starts2.long} to ${ends2.long}`, (w) => onlyPlan(w).starts, starts2, 'the changed plan start');
  assert.equal(onlyPlan(await savedWorkbook(page)).ends, ends2.iso, 'the changed plan end is saved as typed');

  // Goal target date: added (empty), then changed (filled).
  await page.getByLabel('What do you want to achieve?').fill('Typed dates goal');
  const target = typed('09', '09', '2027');
  await typeDate(page, 'Target date (optional)', target);
  await page.getByRole('button', { name: 'Add goal' }).click();
  const goals = page.getByRole('list', { name: 'Your goals' });
  await savedAndShown(page, goals, `Target date: ${target.long}`, (w) => onlyGoal(w).target_date, target, 'the target date');

  await page.getByRole('link', { name: 'Change goal: Typed dates goal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a goal' }).waitFor();
  const target2 = typed('01', '02', '2027');
  await typeDate(page, 'Target date (optional)', target2, { via: 'tab' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Typed dates goal' }).waitFor();
  const targetRow = page.locator('.nhsuk-summary-list__row', { hasText: 'Target date' });
  await savedAndShown(page, targetRow, target2.long, (w) => onlyGoal(w).target_date, target2, 'the changed target date');

  // Action due date: added (empty), then changed (filled).
  await page.getByLabel('What will you do?').fill('Typed dates action');
  const due = typed('01', '02', '2027');
  await typeDate(page, 'Due date (optional)', due);
  await page.getByRole('button', { name: 'Add action' }).click();
  const actions = page.getByRole('list', { name: 'Actions' });
  await savedAndShown(page, actions, `Due ${due.long}`, (w) => onlyGoal(w).actions[0].due, due, 'the due date');
  await page.getByRole('link', { name: 'Change action: Typed dates action' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change an action' }).waitFor();
  const due2 = typed('09', '01', '2027');
  await typeDate(page, 'Due date (optional)', due2, { via: 'tab' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, actions, `Due ${due2.long}`, (w) => onlyGoal(w).actions[0].due, due2, 'the changed due date');

  // Evidence date: the form starts with today's date; changed after emptying.
  assert.deepEqual(await dateShown(page, 'When did it happen?'), ['3', '12', '2026']);
  const evidence = typed('01', '12', '2026');
  await typeDate(page, 'When did it happen?', evidence, { via: 'tab' });
  await page.getByLabel('What happened?').fill('Typed dates evidence');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const evidenceList = page.getByRole('list', { name: 'Evidence and reflection' });
  await savedAndShown(page, evidenceList.getByRole('heading'), evidence.long, (w) => onlyGoal(w).evidence[0].date, evidence, 'the evidence date');
  await page.getByRole('link', { name: `Change evidence from ${evidence.long}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change evidence' }).waitFor();
  await emptyDate(page, 'When did it happen?');
  const evidence2 = typed('09', '09', '2026');
  await typeDate(page, 'When did it happen?', evidence2);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, evidenceList.getByRole('heading'), evidence2.long, (w) => onlyGoal(w).evidence[0].date, evidence2, 'the changed evidence date');

  // Review date (starts with today's date) and next review (empty); then both changed.
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await page.getByRole('heading', { level: 2, name: 'Typed dates plan' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date of the review'), ['3', '12', '2026']);
  const reviewed = typed('01', '12', '2026');
  const next = typed('09', '03', '2027');
  await typeDate(page, 'Date of the review', reviewed, { via: 'tab' });
  await page.getByLabel('Summary').fill('Typed dates review');
  await typeDate(page, 'Next review (optional)', next);
  await page.getByRole('button', { name: 'Record review' }).click();
  const reviews = page.getByRole('list', { name: 'Reviews' });
  await savedAndShown(page, reviews, `Review on ${reviewed.long}`, (w) => onlyPlan(w).reviews[0].date, reviewed, 'the review date');
  await savedAndShown(page, reviews, `Next review: ${next.long}`, (w) => onlyPlan(w).reviews[0].next_review, next, 'the next review');

  await page.getByRole('link', { name: `Change review of ${reviewed.long}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a review' }).waitFor();
  await emptyDate(page, 'Date of the review');
  const reviewed2 = typed('09', '09', '2026');
  const next2 = typed('01', '02', '2027');
  await typeDate(page, 'Date of the review', reviewed2);
  await typeDate(page, 'Next review (optional)', next2, { via: 'tab' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, reviews, `Review on ${reviewed2.long}`, (w) => onlyPlan(w).reviews[0].date, reviewed2, 'the changed review date');
  await savedAndShown(page, reviews, `Next review: ${next2.long}`, (w) => onlyPlan(w).reviews[0].next_review, next2, 'the changed next review');

  // Self-rating date: starts with today's date; a second rating after emptying it.
  const rated = typed('01', '12', '2026');
  const rated2 = typed('09', '09', '2026');
  for (const [date, empty] of [[rated, false], [rated2, true]]) {
    await page.getByRole('link', { name: "Rate yourself on the framework's elements" }).click();
    await page.getByRole('heading', { level: 1, name: 'Rate yourself on the framework' }).waitFor();
    assert.deepEqual(await dateShown(page, 'Date of this rating'), ['3', '12', '2026']);
    if (empty) await emptyDate(page, 'Date of this rating');
    await typeDate(page, 'Date of this rating', date, { via: empty ? 'click' : 'tab' });
    await page.getByRole('group', { name: 'Planning' }).getByLabel('Developing').check();
    await page.getByRole('button', { name: 'Save my rating' }).click();
    await page.getByRole('list', { name: 'Your self-ratings' }).getByText(`Self-rating of ${date.long}: 1 of 20 elements rated.`).waitFor();
  }
  const ratings = onlyPlan(await savedWorkbook(page)).self_ratings.map((r) => r.date).sort();
  assert.deepEqual(ratings, [rated2.iso, rated.iso], 'both self-rating dates are saved as typed');

  // A reload shows the same dates: what was saved is what was typed.
  await page.reload();
  await waitForApp(page);
  await reviews.getByText(`Review on ${reviewed2.long}`).waitFor();
  await main.getByText(`${starts2.long} to ${ends2.long}`).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/** Sets up a placement, typing its start (and end, if given) into the empty form. */
async function setUpPlacement(page, start, end) {
  await load(page, '/#/placement-log/new');
  await page.getByRole('heading', { level: 1, name: 'Set up your placement' }).waitFor();
  await page.getByLabel('Host organisation').fill('Typed dates trust');
  await typeDate(page, 'Start date', start);
  if (end) await typeDate(page, 'End date, if different (optional)', end, { via: 'tab' });
  await page.getByRole('button', { name: 'Save placement' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your placement at Typed dates trust' }).waitFor();
}

/** Fills the rest of the activity form (not its date). */
async function describeActivity(page, type, what) {
  await page.getByLabel('Time spent').fill('1');
  await page.getByLabel('Type of activity').selectOption({ label: type });
  await page.getByLabel('What did you do?').fill(what);
}

const entryHeadings = (page) => page.getByRole('list', { name: 'Log entries' }).getByRole('heading');

test('every date in the placement log (placement, milestones, activities, the log\'s filters) is kept as typed', async () => {
  const { context, page } = await app.open('/');
  const main = page.getByRole('main');

  // Placement start and end: set up (empty), then changed (filled).
  const start = typed('01', '09', '2026');
  const end = typed('09', '01', '2027');
  await setUpPlacement(page, start, end);
  await savedAndShown(page, main, `${start.long} to ${end.long} (4 months)`, (w) => placementOf(w).start, start, 'the placement start');
  assert.equal(placementOf(await savedWorkbook(page)).end, end.iso, 'the placement end is saved as typed');

  await page.getByRole('link', { name: 'Change placement details: Typed dates trust' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change placement details' }).waitFor();
  assert.deepEqual(await dateShown(page, 'End date, if different (optional)'), ['9', '1', '2027']);
  const start2 = typed('01', '08', '2026');
  const end2 = typed('09', '12', '2026');
  await typeDate(page, 'Start date', start2, { via: 'tab' });
  await typeDate(page, 'End date, if different (optional)', end2);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, main, `${start2.long} to ${end2.long} (4 months)`, (w) => placementOf(w).start, start2, 'the changed placement start');
  assert.equal(placementOf(await savedWorkbook(page)).end, end2.iso, 'the changed placement end is saved as typed');

  // Milestone planned date: added (empty), then changed (filled); the date it
  // was done: changed from empty, then changed again (filled).
  await page.getByText('Add a project').click();
  await page.getByLabel('Project title').fill('Typed dates project');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByRole('list', { name: 'Your projects' }).getByRole('link', { name: 'Typed dates project' }).click();
  await page.getByRole('heading', { level: 1, name: 'Typed dates project' }).waitFor();
  await page.getByLabel('Milestone', { exact: true }).fill('Typed dates milestone');
  const planned = typed('01', '02', '2027');
  await typeDate(page, 'Planned date', planned);
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const milestones = page.getByRole('list', { name: 'Milestones' });
  const milestone = (w) => placementOf(w).projects[0].milestones[0];
  await savedAndShown(page, milestones, `Planned for ${planned.long}`, (w) => milestone(w).planned, planned, 'the planned date');

  const planned2 = typed('09', '01', '2027');
  const done = typed('01', '12', '2026');
  const done2 = typed('09', '09', '2026');
  await page.getByRole('link', { name: 'Change milestone: Typed dates milestone' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a milestone' }).waitFor();
  await typeDate(page, 'Planned date', planned2, { via: 'tab' });
  assert.deepEqual(await dateShown(page, 'Date it was done (optional)'), ['', '', '']);
  await typeDate(page, 'Date it was done (optional)', done);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, milestones, `Planned for ${planned2.long} · done ${done.long}`, (w) => milestone(w).planned, planned2, 'the changed planned date');
  assert.equal(milestone(await savedWorkbook(page)).done_on, done.iso, 'the date it was done is saved as typed');
  await page.getByRole('link', { name: 'Change milestone: Typed dates milestone' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a milestone' }).waitFor();
  await typeDate(page, 'Date it was done (optional)', done2, { via: 'tab' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, milestones, `Planned for ${planned2.long} · done ${done2.long}`, (w) => milestone(w).done_on, done2, 'the changed date it was done');

  // Activity date: the form starts with today's date (the trap the issue
  // found); a second entry after emptying it; the first then changed.
  await page.getByRole('link', { name: 'Back to your placement' }).click();
  const logged = typed('01', '12', '2026');
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date of the activity'), ['3', '12', '2026']);
  await typeDate(page, 'Date of the activity', logged, { via: 'tab' });
  await describeActivity(page, 'Meeting', 'Typed dates meeting');
  await page.getByRole('button', { name: 'Save entry' }).click();
  const entryDate = (w, what) => placementOf(w).entries.find((e) => e.what_done === what).date;
  await savedAndShown(page, entryHeadings(page), `${logged.long}: Meeting`, (w) => entryDate(w, 'Typed dates meeting'), logged, 'the activity date');

  const logged2 = typed('09', '10', '2026');
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  await emptyDate(page, 'Date of the activity');
  await typeDate(page, 'Date of the activity', logged2);
  await describeActivity(page, 'Workshop', 'Typed dates workshop');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await savedAndShown(page, entryHeadings(page), `${logged2.long}: Workshop`, (w) => entryDate(w, 'Typed dates workshop'), logged2, 'the second activity date');

  const changed = typed('09', '09', '2026');
  await page.getByRole('link', { name: `Change log entry of ${logged.long} (meeting)` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date of the activity'), ['1', '12', '2026']);
  await typeDate(page, 'Date of the activity', changed);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, entryHeadings(page), `${changed.long}: Meeting`, (w) => entryDate(w, 'Typed dates meeting'), changed, 'the changed activity date');

  // The log's From and To filters: typed into empty boxes, then over the
  // dates they hold; the list shows the entries between them.
  const count = page.locator('.app-log-count');
  const shownEntries = async (expected, line) => {
    await count.getByText(line).waitFor();
    assert.deepEqual(await entryHeadings(page).allTextContents(), expected);
  };
  await typeDate(page, 'From', typed('01', '10', '2026'));
  await shownEntries([`${logged2.long}: Workshop`], 'Showing 1 of 2 entries');
  await typeDate(page, 'To', typed('09', '10', '2026'), { via: 'tab' });
  await shownEntries([`${logged2.long}: Workshop`], 'Showing 1 of 2 entries');
  await typeDate(page, 'From', typed('09', '09', '2026'), { via: 'tab' });
  await shownEntries([`${logged2.long}: Workshop`, `${changed.long}: Meeting`], 'Showing 2 of 2 entries');
  await typeDate(page, 'To', typed('09', '09', '2026'));
  await shownEntries([`${changed.long}: Meeting`], 'Showing 1 of 2 entries');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/** What each slip typed key by key is refused with, for a field whose date is `what`. */
const SLIPS = (what) => [
  { keys: ['01', '', '2026'], message: `The ${what} must include a month`, atFault: ['Month'] },
  { keys: ['', '12', '2026'], message: `The ${what} must include a day`, atFault: ['Day'] },
  { keys: ['31', '02', '2027'], message: `The ${what} must be a real date, like 31 March 2027`, atFault: ['Day', 'Month', 'Year'] },
  { keys: ['01', '12', '26'], message: `The year of the ${what} must have 4 numbers, like 2027`, atFault: ['Year'] },
  { keys: ['01', '12', '0026'], message: `The year of the ${what} must be between 2000 and 2099`, atFault: ['Year'] },
  { keys: ['01', '12', '2206'], message: `The year of the ${what} must be between 2000 and 2099`, atFault: ['Year'] },
];

/**
 * Types each slip into the date input labelled `label`, submits with
 * `submit`, and checks the refusal: the message in the error summary and
 * inline, linked from the summary (following the link puts focus in the
 * first box at fault, and only the boxes at fault are marked, as the NHS.UK
 * date input pattern does), what was typed still in the boxes, and nothing
 * saved (`nothingSaved` reads the saved workbook).
 */
async function checkSlips(page, label, what, submit, nothingSaved) {
  const group = dateGroup(page, label);
  const dayId = await group.getByLabel('Day', { exact: true }).getAttribute('id');
  for (const slip of SLIPS(what)) {
    await typeDate(page, label, { keys: slip.keys });
    await submit.click();
    const link = page.getByRole('alert').getByRole('link', { name: slip.message, exact: true });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `#${dayId}`, `${slip.keys}: the summary links to the date`);
    const inline = group.locator(`#${dayId}-error`);
    assert.equal((await inline.textContent()).trim(), `Error: ${slip.message}`, `${slip.keys}: the message is shown at the date`);
    assert.ok((await group.getAttribute('aria-describedby')).split(' ').includes(`${dayId}-error`), 'the date input is described by its error');
    assert.deepEqual(await dateShown(page, label), slip.keys, `${slip.keys}: what was typed stays`);
    const marked = [];
    for (const box of ['Day', 'Month', 'Year']) {
      if (await group.getByLabel(box, { exact: true }).evaluate((b) => b.classList.contains('nhsuk-input--error'))) marked.push(box);
    }
    assert.deepEqual(marked, slip.atFault, `${slip.keys}: only the boxes at fault are marked`);
    await link.click();
    assert.equal(await focusedBox(page), slip.atFault[0], `${slip.keys}: the summary link puts focus in the box at fault`);
    assert.ok(await group.evaluate((g) => g.contains(document.activeElement)), `${slip.keys}: focus is in ${label}`);
    assert.ok(await nothingSaved(), `${slip.keys}: nothing is saved`);
  }
}

test('a date typed with a part missing, no such day, a short year or a year out of range is refused, saying which part to fix, and keeps what was typed', async () => {
  const { context, page } = await app.open('/');
  await setUpPlacement(page, typed('01', '09', '2026'));
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  await describeActivity(page, 'Meeting', 'Refused until the date is right');
  const save = page.getByRole('button', { name: 'Save entry' });

  // The first refusal, checked by axe as it stands.
  await typeDate(page, 'Date of the activity', { keys: ['01', '', '2026'] });
  await save.click();
  await page.getByRole('alert').getByRole('link', { name: 'The date of the activity must include a month' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'no accessibility violations on a form showing a date error');

  await checkSlips(page, 'Date of the activity', 'date of the activity', save,
    async () => placementOf(await savedWorkbook(page)).entries.length === 0);
  // Put right, the date is saved as typed.
  const right = typed('01', '12', '2026');
  await typeDate(page, 'Date of the activity', right);
  await save.click();
  await savedAndShown(page, entryHeadings(page), `${right.long}: Meeting`, (w) => placementOf(w).entries[0].date, right, 'the date put right');

  // An optional date, on a form that starts empty: the same refusals.
  await load(page, '/#/development-plan/plans/new');
  await page.getByLabel('Name of the plan').fill('Typed dates plan');
  const start = page.getByRole('button', { name: 'Start plan' });
  await checkSlips(page, 'Start date (optional)', 'start date', start,
    async () => (await savedWorkbook(page)).plans.every((p) => p.name !== 'Typed dates plan'));
  assert.deepEqual(await axeViolations(page), [], 'no accessibility violations on the plan form showing a date error');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('in en-US and New York, month-first users type the date into the same Day, Month and Year boxes and it is kept as typed', async () => {
  // Half past midnight on 1 January 2027 in New York is 05:30 GMT; read as
  // London's (or the test machine's) wall-clock time it would still be 31
  // December in New York. The form starts with New York's today only if the
  // clock is pinned in New York time.
  const { context, page } = await app.open('/', {
    locale: 'en-US', timezoneId: 'America/New_York', at: '2027-01-01T00:30:00',
  });
  assert.deepEqual(
    await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone]),
    ['en-US', 'America/New_York'],
  );
  await setUpPlacement(page, typed('01', '09', '2026'));
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date of the activity'), ['1', '1', '2027'], "New York's today");
  const logged = typed('01', '12', '2026');
  await typeDate(page, 'Date of the activity', logged, { via: 'tab' });
  await describeActivity(page, 'Meeting', 'Typed in New York');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await savedAndShown(page, entryHeadings(page), `${logged.long}: Meeting`, (w) => placementOf(w).entries[0].date, logged, 'the activity date typed in en-US');
  assert.equal(placementOf(await savedWorkbook(page)).start, '2026-09-01', 'the placement start typed in en-US');

  const changed = typed('09', '02', '2026');
  await page.getByRole('link', { name: `Change log entry of ${logged.long} (meeting)` }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  await typeDate(page, 'Date of the activity', changed);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await savedAndShown(page, entryHeadings(page), `${changed.long}: Meeting`, (w) => placementOf(w).entries[0].date, changed, 'the changed activity date typed in en-US');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/** A second tab in the same browser context, so it shares local storage. */
async function secondTab(context, path) {
  const page = await context.newPage();
  await load(page, path);
  await waitForApp(page);
  return page;
}

test('a date half typed in one tab stays as typed while another tab saves, there and elsewhere', async () => {
  const { context, page: first } = await app.open('/');
  await setUpPlacement(first, typed('01', '09', '2026'));
  const placement = first.url();
  await first.getByRole('link', { name: 'Log an activity' }).first().click();
  await first.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  const second = await secondTab(context, placement);

  // Day typed, Month half typed: the caret is in the Month box after "1".
  await typeDate(first, 'Date of the activity', { keys: ['01', '12', '2026'] }, { via: 'tab' });
  const month = dateGroup(first, 'Date of the activity').getByLabel('Month', { exact: true });
  await month.click();
  await first.keyboard.press('Control+A');
  await first.keyboard.type('1');

  // The other tab adds a project to this placement: the form hears of it.
  await second.getByText('Add a project').click();
  await second.getByLabel('Project title').fill('Added in the other tab');
  await second.getByRole('button', { name: 'Add project' }).click();
  await first.getByLabel('Project (optional)').locator('option', { hasText: 'Added in the other tab' }).waitFor({ state: 'attached' });
  assert.deepEqual(await dateShown(first, 'Date of the activity'), ['01', '1', '2026'], 'the boxes hold what was typed');
  assert.equal(await focusedBox(first), 'Month', 'focus stays in the Month box');

  // Typing goes on where it stopped.
  await first.keyboard.type('2');
  assert.deepEqual(await dateShown(first, 'Date of the activity'), ['01', '12', '2026']);
  await describeActivity(first, 'Meeting', 'Typed while the other tab saved');
  await first.getByRole('button', { name: 'Save entry' }).click();
  await savedAndShown(first, entryHeadings(first), '1 December 2026: Meeting',
    (w) => placementOf(w).entries[0].date, typed('01', '12', '2026'), 'the date typed while the other tab saved');

  // On a goal's page, the other tab changes that very goal (adds an action)
  // while an evidence date is half typed.
  await load(first, '/#/development-plan');
  await first.getByLabel('What do you want to achieve?').fill('Two-tab goal');
  await first.getByRole('button', { name: 'Add goal' }).click();
  await first.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: 'Two-tab goal', exact: true }).click();
  await first.getByRole('heading', { level: 1, name: 'Two-tab goal' }).waitFor();
  await load(second, first.url());
  await second.getByRole('heading', { level: 1, name: 'Two-tab goal' }).waitFor();
  // Over today's date, the Day box holds "0" so far.
  const evidenceDay = dateGroup(first, 'When did it happen?').getByLabel('Day', { exact: true });
  await evidenceDay.click();
  await first.keyboard.press('Control+A');
  await first.keyboard.type('0');
  await second.getByLabel('What will you do?').fill('Added in the other tab');
  await second.getByRole('button', { name: 'Add action' }).click();
  await first.getByRole('list', { name: 'Actions' }).getByLabel('Added in the other tab', { exact: true }).waitFor();
  assert.deepEqual(await dateShown(first, 'When did it happen?'), ['0', '12', '2026'], 'the half-typed date stays');
  assert.equal(await focusedBox(first), 'Day', 'focus stays where typing stopped');
  await first.keyboard.type('9');
  await first.keyboard.press('Tab');
  await first.keyboard.type('09');
  await first.keyboard.press('Tab');
  await first.keyboard.type('2026');
  const evidence = typed('09', '09', '2026');
  assert.deepEqual(await dateShown(first, 'When did it happen?'), evidence.keys);
  await first.getByLabel('What happened?').fill('Typed while the other tab saved');
  await first.getByRole('button', { name: 'Add evidence' }).click();
  const plan = (w) => w.plans.find((p) => p.goals.some((g) => g.title === 'Two-tab goal'));
  await savedAndShown(first, first.getByRole('list', { name: 'Evidence and reflection' }), evidence.long,
    (w) => plan(w).goals.find((g) => g.title === 'Two-tab goal').evidence[0].date, evidence, 'the evidence date typed while the other tab saved');
  assert.equal(plan(await savedWorkbook(first)).goals.find((g) => g.title === 'Two-tab goal').actions.length, 1, "the other tab's action is kept");
  await context.close();
});
