// The date-heavy journeys at awkward moments, with the browser's clock pinned
// (never the real date): a plan's overdue and due-soon goals and actions, a
// placement's week, days left and "outside the placement", the backup
// reminder's age, and every date shown the NHS way. Things are entered 40
// days before the moment, as a returning user would have; then the clock is
// moved to the moment and the app reopened.
//
// What each moment's "today" is in London is written out by hand below, and
// the expected figures are worked out here from calendar days alone (plain
// UTC day arithmetic, none of the app's code), so a rule that used the UTC
// day, the machine's zone or the wrong side of a clock change would fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, fillDate, londonInstant, load } from './support.mjs';

const app = useApp();

// [what, the moment (London wall clock, or an instant ending in Z), London's calendar day then]
const MOMENTS = [
  ['the 1st of a month', '2026-12-01T09:00:00', '2026-12-01'],
  ['New Year\'s Eve, half an hour before midnight', '2026-12-31T23:30:00', '2026-12-31'],
  ['29 February 2028', '2028-02-29T12:00:00', '2028-02-29'],
  ['spring forward: 00:30 GMT, before the clocks change', '2027-03-28T00:30:00Z', '2027-03-28'],
  ['spring forward: 01:30 UTC, which is 02:30 BST', '2027-03-28T01:30:00Z', '2027-03-28'],
  ['fall back: 00:30 UTC, the first 01:30 (BST)', '2027-10-31T00:30:00Z', '2027-10-31'],
  ['fall back: 01:30 UTC, the second 01:30 (GMT)', '2027-10-31T01:30:00Z', '2027-10-31'],
  ['just before midnight, in BST', '2027-06-30T23:59:30', '2027-06-30'],
  ['just after midnight, in BST (still the day before in UTC)', '2027-07-01T00:00:30', '2027-07-01'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Calendar-day arithmetic on `YYYY-MM-DD`, independent of any time zone. */
function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  // The same day `months` later, or that month's last day when it is shorter.
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
const daysBetween = (from, to) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** "1 December 2026". */
function nhsDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
const instant = (at) => (at.endsWith('Z') ? new Date(at) : londonInstant(at));

async function moveClockTo(context, page, at) {
  await context.clock.setSystemTime(instant(at));
  await load(page, '/#/');
}

for (const [what, at, today] of MOMENTS) {
  test(`dates at ${what} (${at}): plan attention, placement week and days left, outside the placement, backup reminder`, async () => {
    const setupDay = addDays(today, -40);
    const { context, page } = await app.open('/', { at: `${setupDay}T12:00:00` });

    // Forty days earlier: a plan whose dates will matter on the day.
    await goToArea(page, 'Development plan');
    await page.getByRole('link', { name: 'Start a new plan' }).click();
    await page.getByLabel('Name of the plan').fill('Moments plan');
    await page.getByRole('button', { name: 'Start plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Moments plan' }).waitFor();
    const goals = [
      ['Goal due yesterday', addDays(today, -1)],
      ['Goal due in 30 days', addDays(today, 30)],
      ['Goal due in 31 days', addDays(today, 31)],
    ];
    for (const [title, target] of goals) {
      await page.getByLabel('What do you want to achieve?').fill(title);
      await fillDate(page, 'Target date (optional)', target);
      await page.getByRole('button', { name: 'Add goal' }).click();
      await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
    }
    await page.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: 'Goal due in 30 days', exact: true }).click();
    for (const [text, due] of [['Action due yesterday', addDays(today, -1)], ['Action due today', today]]) {
      await page.getByLabel('What will you do?').fill(text);
      await fillDate(page, 'Due date (optional)', due);
      await page.getByRole('button', { name: 'Add action' }).click();
      await page.getByRole('list', { name: 'Actions' }).getByLabel(text, { exact: true }).waitFor();
    }

    // A placement that starts 15 days before the day, four months long.
    const start = addDays(today, -15);
    await goToArea(page, 'Placement log');
    await page.getByRole('link', { name: 'Set up your placement' }).click();
    await page.getByLabel('Host organisation').fill('Moments ICB');
    await fillDate(page, 'Start date', start);
    await page.getByRole('button', { name: 'Save placement' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your placement at Moments ICB' }).waitFor();

    // The day itself.
    await moveClockTo(context, page, at);
    await goToArea(page, 'Development plan');
    const attention = await page.getByRole('list', { name: 'What needs attention' }).innerText();
    assert.match(attention, new RegExp(`Overdue action\\s+Action due yesterday \\(due ${nhsDate(addDays(today, -1))}\\)`));
    assert.doesNotMatch(attention, /Action due today/, 'an action due today is not yet overdue');
    assert.match(attention, new RegExp(`Overdue goal\\s+Goal due yesterday \\(target ${nhsDate(addDays(today, -1))}\\)`));
    assert.match(attention, new RegExp(`Due soon\\s+Goal due in 30 days \\(target ${nhsDate(addDays(today, 30))}\\)`));
    assert.doesNotMatch(attention, /Due soon\s+Goal due in 31 days/, '31 days ahead is not due soon');

    // Week 3 (days 15 to 21 of the placement), and days left counting today.
    const last = addDays(addMonths(start, 4), -1);
    const weeks = Math.ceil((daysBetween(start, last) + 1) / 7);
    const daysLeft = daysBetween(today, last) + 1;
    await goToArea(page, 'Placement log');
    await page.getByText(`Week 3 of ${weeks} · ${daysLeft} days left`).waitFor();

    // An entry on the day is inside the placement and starts with today's date;
    // one the day before the start is flagged.
    await page.getByRole('link', { name: 'Log an activity' }).first().click();
    const [y, m, d] = today.split('-').map(Number);
    const group = page.getByRole('group', { name: 'Date of the activity' });
    assert.deepEqual(
      await Promise.all(['Day', 'Month', 'Year'].map((box) => group.getByLabel(box).inputValue())),
      [String(d), String(m), String(y)],
      'the date starts as London\'s today',
    );
    await page.getByLabel('Time spent').fill('1');
    await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
    await page.getByLabel('What did you do?').fill('Met on the day');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
    await page.getByRole('link', { name: 'Log an activity' }).first().click();
    await fillDate(page, 'Date of the activity', addDays(start, -1));
    await page.getByRole('status').filter({ hasText: 'Outside your placement dates' }).waitFor().catch(async (error) => {
      // Once seen in a full run and never alone: say what the page held.
      const shown = await Promise.all(['Day', 'Month', 'Year'].map((box) => group.getByLabel(box).inputValue().catch(() => '?')));
      const where = await page.evaluate(() => [location.hash, document.querySelector('main')?.innerText.slice(0, 300)]);
      throw new Error(`no "Outside your placement dates" for ${addDays(start, -1)}: the boxes show ${shown.join('/')} at ${where[0]}; ${where[1]}`, { cause: error });
    });
    await page.getByLabel('Time spent').fill('1');
    await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
    await page.getByLabel('What did you do?').fill('Met the day before it started');
    await page.getByRole('button', { name: 'Save entry' }).click();
    const entries = page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');
    const onTheDay = entries.filter({ hasText: 'Met on the day' });
    const before = entries.filter({ hasText: 'Met the day before it started' });
    assert.match(await onTheDay.innerText(), new RegExp(nhsDate(today)));
    assert.doesNotMatch(await onTheDay.innerText(), /Outside your placement dates/);
    assert.match(await before.innerText(), new RegExp(nhsDate(addDays(start, -1))));
    assert.match(await before.innerText(), /Outside your placement dates/);

    // Changes from 40 days ago are not in a backup: the reminder (14 days by
    // default) names the day they were made, in London time.
    await goToArea(page, 'Development plan');
    const reminder = page.getByRole('note', { name: 'Backup reminder' });
    assert.match(await reminder.innerText(), new RegExp(`You have changes since ${nhsDate(setupDay)} at 12:0\\d`));
    await context.close();
  });
}

test('31 December 23:30 to 1 January 00:30: the day, the week and what is overdue move on with the clock', async () => {
  const { context, page } = await app.open('/', { at: '2026-12-01T09:00:00' });
  await goToArea(page, 'Development plan');
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  await page.getByLabel('Name of the plan').fill('Year end');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByLabel('What do you want to achieve?').fill('Finish by the end of the year');
  await fillDate(page, 'Target date (optional)', '2026-12-31');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Finish by the end of the year' }).waitFor();
  await goToArea(page, 'Placement log');
  await page.getByRole('link', { name: 'Set up your placement' }).click();
  await page.getByLabel('Host organisation').fill('Year End ICB');
  // 1 September to 31 December: its last day is New Year's Eve.
  await fillDate(page, 'Start date', '2026-09-01');
  await page.getByRole('button', { name: 'Save placement' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your placement at Year End ICB' }).waitFor();

  await moveClockTo(context, page, '2026-12-31T23:30:00');
  await goToArea(page, 'Placement log');
  await page.getByText('Week 18 of 18 · 1 day left').waitFor();
  await goToArea(page, 'Development plan');
  let attention = await page.getByRole('list', { name: 'What needs attention' }).innerText();
  assert.match(attention, /Due soon\s+Finish by the end of the year \(target 31 December 2026\)/);

  // An hour on, without reloading: the clock runs into the new year.
  await context.clock.fastForward('01:00:00');
  await load(page, '/#/development-plan');
  attention = await page.getByRole('list', { name: 'What needs attention' }).innerText();
  assert.match(attention, /Overdue goal\s+Finish by the end of the year \(target 31 December 2026\)/);
  await goToArea(page, 'Placement log');
  await page.getByText('Finished on 31 December 2026 · 18 weeks long').waitFor();
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  const group = page.getByRole('group', { name: 'Date of the activity' });
  assert.deepEqual(
    await Promise.all(['Day', 'Month', 'Year'].map((box) => group.getByLabel(box).inputValue())),
    ['1', '1', '2027'],
  );
  await context.close();
});
