// The placement log as a GP trainee uses it: set up a placement, add a
// project and milestones, log several entries (one outside the placement
// dates, some refused until fixed), filter and search the log, read the
// dashboard, open the printable summary, download the CSV and read it back
// with a standard CSV reader, reload and find it all, change and delete with
// undo, and log from two tabs at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { useApp, waitForApp, download, downloadText, isoDay, load, fillDate } from './support.mjs';

const app = useApp();


const WORKSHOP_TEXT = 'Ran the workshop, with "GPs" and consultants\nthen wrote up actions for Zoë’s team — £0 café';

async function setUpPlacement(page, startDaysAgo) {
  await load(page, '/#/placement-log');
  await waitForApp(page);
  await page.getByRole('link', { name: 'Set up your placement' }).click();
  await page.getByRole('heading', { level: 1, name: 'Set up your placement' }).waitFor();
  // Nothing filled in: refused with messages that link to their fields.
  await page.getByRole('button', { name: 'Save placement' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('link', { name: 'Enter the organisation hosting your placement' }).waitFor();
  await summary.getByRole('link', { name: 'Enter the start date' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'placement-start');

  await page.getByLabel('Host organisation').fill('NHS Eastern and Coastal Kent');
  await page.getByLabel('Lead commissioner or supervisor (optional)').fill('Amanda, lead commissioner for respiratory services');
  await page.getByLabel('Clinical area (optional)').fill('Respiratory');
  await fillDate(page, 'Start date', await isoDay(page, -startDaysAgo));
  assert.equal(await page.getByLabel('Length in months').inputValue(), '4', 'four months by default');
  await page.getByText(/With this start and length, your placement ends on \d+ \w+ \d{4}\./).waitFor();
  await page.getByLabel('Your learning objectives (optional)').fill('Learn how a pathway is commissioned');
  await page.getByRole('button', { name: 'Save placement' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your placement at NHS Eastern and Coastal Kent' }).waitFor();
}

async function logActivity(page, fields) {
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  await fillDate(page, 'Date of the activity', fields.date);
  await page.getByLabel('Time spent').fill(fields.time);
  await page.getByLabel('Type of activity').selectOption({ label: fields.type });
  if (fields.project) await page.getByLabel('Project (optional)').selectOption({ label: fields.project });
  if (fields.role) await page.getByLabel('Your role (optional)').fill(fields.role);
  await page.getByLabel('What did you do?').fill(fields.what);
  if (fields.keep) await page.getByLabel('What will you keep doing? (optional)').fill(fields.keep);
  if (fields.learnt) await page.getByLabel('What did you learn about yourself? (optional)').fill(fields.learnt);
  if (fields.effective) await page.getByLabel(fields.effective, { exact: true }).check();
  for (const capability of fields.capabilities ?? []) await page.getByLabel(capability, { exact: true }).check();
  if (fields.inSummary) await page.getByLabel('Include this entry in my end-of-placement summary').check();
  if (fields.outside) await page.getByRole('status').filter({ hasText: 'Outside your placement dates' }).waitFor();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
}

const entries = (page) => page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');
const countLine = (page) => page.locator('.app-log-count');

test('a trainee sets up a placement, adds a project and milestones, logs, filters, summarises, exports CSV and reloads', async () => {
  const { context, page } = await app.open();
  await setUpPlacement(page, 20);
  // 20 days in: week 3.
  await page.getByText(/^Week 3 of 1[78] · \d+ days left$/).waitFor();
  await page.getByText('Learn how a pathway is commissioned').waitFor();

  // A project with two milestones: one overdue, one coming up.
  await page.getByText('Add a project').click();
  await page.getByLabel('Project title').fill('Redesign the tuberculosis pathway');
  await page.getByLabel('Aim (optional)').fill('A shorter route from referral to treatment');
  await page.getByLabel('In progress').check();
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByRole('list', { name: 'Your projects' }).getByRole('link', { name: 'Redesign the tuberculosis pathway' }).click();
  await page.getByRole('heading', { level: 1, name: 'Redesign the tuberculosis pathway' }).waitFor();
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter the milestone' }).waitFor();
  await page.getByLabel('Milestone', { exact: true }).fill('Map the current pathway');
  await fillDate(page, 'Planned date', await isoDay(page, -1));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByLabel('Milestone', { exact: true }).fill('Agree the new pathway');
  await fillDate(page, 'Planned date', await isoDay(page, 7));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const milestones = page.getByRole('list', { name: 'Milestones' });
  await milestones.getByRole('checkbox', { name: 'Agree the new pathway' }).waitFor();
  assert.match(await milestones.getByRole('listitem').first().textContent(), /Map the current pathway.*Overdue/s);
  // Ticking one milestone off re-renders that row only: the other keeps its very DOM node.
  const other = milestones.getByRole('listitem').filter({ hasText: 'Agree the new pathway' });
  await other.evaluate((el) => { el.dataset.testTag = 'kept'; });
  await milestones.getByRole('checkbox', { name: 'Map the current pathway' }).check();
  // Ticking asks when it was done (today unless changed) before it is saved.
  await page.getByRole('button', { name: 'Mark as done: Map the current pathway' }).click();
  await milestones.getByText(/done \d+ \w+ \d{4}/).waitFor();
  assert.equal(await other.evaluate((el) => el.dataset.testTag), 'kept');
  await milestones.getByRole('checkbox', { name: 'Map the current pathway' }).uncheck();
  await milestones.getByText('Overdue').waitFor();
  await page.getByRole('link', { name: 'Back to your placement' }).click();
  await page.getByRole('list', { name: 'Overdue milestones' }).getByRole('link', { name: 'Map the current pathway' }).waitFor();
  await page.getByRole('list', { name: 'Milestones coming up' }).getByRole('link', { name: 'Agree the new pathway' }).waitFor();

  // Refused entries say why and keep what was typed.
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByLabel('Time spent').fill('-1');
  await page.getByLabel('What did you do?').fill('Kept after a refusal');
  await page.getByRole('button', { name: 'Save entry' }).click();
  const problems = page.getByRole('alert');
  await problems.getByRole('link', { name: 'The time spent cannot be negative' }).waitFor();
  await problems.getByRole('link', { name: 'Choose the type of activity' }).waitFor();
  assert.equal(await page.getByLabel('What did you do?').inputValue(), 'Kept after a refusal');
  await page.getByLabel('Time spent').fill('');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await problems.getByRole('link', { name: 'Enter the time spent, like 1:30 or 1.5 hours' }).waitFor();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByText('Nothing logged yet.').waitFor();

  await logActivity(page, {
    date: await isoDay(page, -2),
    time: '1:30',
    type: 'Workshop',
    project: 'Redesign the tuberculosis pathway',
    role: 'Presenting',
    what: WORKSHOP_TEXT,
    keep: '=SUM(1,2) is how we counted',
    learnt: 'I can hold a room of consultants',
    effective: 'Very effective',
    capabilities: ['Working within teams', 'Encouraging contribution'],
    inSummary: true,
  });
  await logActivity(page, {
    date: await isoDay(page, -25),
    time: '45m',
    type: 'Meeting',
    what: 'Met the lead commissioner before the placement began',
    outside: true,
  });
  await logActivity(page, {
    date: await isoDay(page, -1),
    time: '2h',
    type: 'Business case',
    what: 'Drafted the business case for the community clinic',
    capabilities: ['Managing resources'],
  });
  assert.equal(await entries(page).count(), 3);
  assert.match(await countLine(page).textContent(), /3 entries · 4 hours 15 minutes in total/);
  const early = entries(page).filter({ hasText: 'Met the lead commissioner' });
  await early.getByText('Outside your placement dates').waitFor();
  assert.match(await entries(page).first().textContent(), /Business case/, 'newest first');
  assert.match(await early.textContent(), /Written \d+ \w+ \d{4} at \d\d:\d\d/, 'when it was written is shown');

  // Filters: type, words, project, capability, dates; then clear.
  await page.getByLabel('Type of activity').selectOption({ label: 'Workshop' });
  assert.match(await countLine(page).textContent(), /Showing 1 of 3 entries · 1 hour 30 minutes/);
  await page.getByLabel('Type of activity').selectOption({ label: 'All types' });
  await page.getByLabel('Words to find').fill('LEAD commissioner');
  assert.equal(await entries(page).count(), 1);
  await entries(page).getByText('Met the lead commissioner before the placement began').waitFor();
  await page.getByLabel('Words to find').fill('');
  await page.getByLabel('Project').selectOption({ label: 'Not linked to a project' });
  assert.equal(await entries(page).count(), 2);
  await page.getByLabel('Project').selectOption({ label: 'Redesign the tuberculosis pathway' });
  assert.equal(await entries(page).count(), 1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Leadership capability').selectOption({ label: 'Managing resources (Managing services)' });
  assert.equal(await entries(page).count(), 1);
  await entries(page).getByText('Drafted the business case').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await fillDate(page, 'From', await isoDay(page, -2));
  await fillDate(page, 'To', await isoDay(page, -2));
  assert.equal(await entries(page).count(), 1);
  await entries(page).getByText('Presenting').waitFor();
  await page.getByLabel('Words to find').fill('nothing like this');
  await page.getByText('No entries match these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  assert.equal(await entries(page).count(), 3);

  // The CSV, read back with a standard CSV reader.
  const file = await download(page, page.getByRole('button', { name: 'Download the log as CSV' }));
  assert.match(file.suggestedFilename(), /^placement-log-nhs-eastern-and-coastal-kent-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await downloadText(file);
  const rows = parse(csv, { bom: true, columns: true });
  assert.equal(rows.length, 3, 'one row per entry');
  const workshop = rows.find((r) => r['Activity type'] === 'Workshop');
  assert.equal(workshop['What I did'], WORKSHOP_TEXT, 'commas, quotes, a line break and non-ASCII survive');
  assert.equal(workshop['Keep doing'], "'=SUM(1,2) is how we counted", 'a formula is neutralised');
  assert.equal(workshop['Project'], 'Redesign the tuberculosis pathway');
  assert.equal(workshop['Minutes'], '90');
  assert.equal(workshop['Leadership capabilities'], 'Working within teams; Encouraging contribution');
  assert.equal(workshop['In my summary'], 'Yes');
  assert.equal(rows.find((r) => r['Activity type'] === 'Meeting')['Outside the placement dates'], 'Yes');
  assert.deepEqual(rows.map((r) => r.Date), [...rows.map((r) => r.Date)].sort(), 'in date order');

  // The dashboard adds it up.
  await page.getByRole('link', { name: 'Back to your placement' }).click();
  await page.getByText('4 hours 15 minutes in 3 entries').waitFor();
  const perProject = page.getByRole('table', { name: 'Time per project' });
  assert.match(await perProject.getByRole('row').filter({ hasText: 'tuberculosis' }).textContent(), /1 hour 30 minutes\s*1/);
  assert.match(await perProject.getByRole('row').filter({ hasText: 'Not linked' }).textContent(), /2 hours 45 minutes\s*2/);
  const perType = page.getByRole('table', { name: 'Time per type of activity' });
  assert.match(await perType.getByRole('row').filter({ hasText: 'Business case' }).textContent(), /2 hours/);
  await page.getByText('Entries outside your placement dates').waitFor();
  const evidenced = page.getByRole('list', { name: 'Capabilities evidenced' });
  assert.match(await evidenced.textContent(), /Working within teams \(Working with others\) – 1 entry/);
  await page.getByText('Not yet evidenced (17)').click();
  assert.equal(await page.getByRole('list', { name: 'Capabilities not yet evidenced' }).getByRole('listitem').count(), 17);

  // The summary prints cleanly.
  await page.getByRole('link', { name: 'End-of-placement summary' }).click();
  await page.getByRole('heading', { level: 1, name: 'End-of-placement summary' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Redesign the tuberculosis pathway' }).waitFor();
  await page.getByText('A shorter route from referral to treatment').waitFor();
  await page.getByText('0 of 2 done').waitFor();
  const reflections = page.locator('.app-summary-reflection');
  assert.equal(await reflections.count(), 1, 'only the entry chosen for the summary');
  assert.match(await reflections.textContent(), /I can hold a room of consultants/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print this summary' }).isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Workbook areas' }).isVisible(), false);
  await page.emulateMedia({ media: 'screen' });

  // A reload finds it all.
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 3, name: 'Redesign the tuberculosis pathway' }).waitFor();
  await load(page, '/#/placement-log');
  await waitForApp(page);
  await page.getByText('4 hours 15 minutes in 3 entries').waitFor();
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.offOriginRequests, []);
  await context.close();
});

test('entries can be changed (keeping when they were written) and deleted with a question and an undo', async () => {
  const { context, page } = await app.open();
  await setUpPlacement(page, 10);
  await logActivity(page, { date: await isoDay(page, -3), time: '1.5', type: 'Data analysis', what: 'Read the activity data' });
  const written = (await entries(page).first().locator('.app-written').textContent()).trim();

  await entries(page).first().getByRole('link', { name: /^Change log entry of/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  assert.equal(await page.getByLabel('Time spent').inputValue(), '1:30');
  await page.getByLabel('What will you do better? (optional)').fill('Ask for the data earlier');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await entries(page).first().getByText('Ask for the data earlier').waitFor();
  assert.ok((await entries(page).first().locator('.app-written').textContent()).startsWith(written), 'the written time stays');

  await entries(page).first().getByRole('button', { name: /^Delete log entry of/ }).click();
  await page.getByRole('button', { name: /^Yes, delete log entry of/ }).click();
  await page.getByText('Nothing logged yet.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await entries(page).first().getByText('Ask for the data earlier').waitFor();
  await context.close();
});

test('two tabs logging at once keep both entries', async () => {
  const { context, page: first } = await app.open();
  await setUpPlacement(first, 5);
  const log = first.url().replace(/\/?$/, '/log');
  await load(first, log);
  await waitForApp(first);
  const second = await context.newPage();
  await load(second, log);
  await waitForApp(second);
  await logActivity(first, { date: await isoDay(first, -1), time: '1', type: 'Meeting', what: 'Logged in the first tab' });
  await logActivity(second, { date: await isoDay(second, -1), time: '1', type: 'Training', what: 'Logged in the second tab' });
  for (const page of [first, second]) {
    await page.reload();
    await waitForApp(page);
    await entries(page).getByText('Logged in the first tab').waitFor();
    await entries(page).getByText('Logged in the second tab').waitFor();
  }
  await context.close();
});
