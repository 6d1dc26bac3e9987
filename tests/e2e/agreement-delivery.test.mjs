// A support agreement through the year (issue 26): each commitment's
// delivery recorded as on time, late or not delivered (an impossible
// combination refused with the model's words, nothing typed lost), changed
// and deleted with undo; late and undelivered commitments needing attention;
// review meetings with the next review; everything surviving a reload; and
// the agreement printed for signing and the one-page delivery report, each
// printed to a real PDF by headless Chromium, read back with pdftotext and
// kept in test-results/print/ (with a small PNG of each page) to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { useApp, load, fillDate, dateShown, dateGroup, savedWorkbook, axeViolations } from './support.mjs';

const app = useApp();
const outDir = new URL('../../test-results/print/', import.meta.url);

/** The library's ten clauses, in the order they are added (the agreement's clause numbers). */
const CLAUSES = [
  'Health needs data and analysis',
  'Activity, referral and prescribing data',
  'Indicative budget',
  'Named management and financial support',
  'Project management',
  'Protected, backfilled time for clinicians',
  'Leadership development and training',
  'Decisions on plans and business cases',
  'Review meetings',
  'Escalation, and support from elsewhere',
];

async function noAxeViolations(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${state}`);
}

/** Starts an agreement blank with the app's own form and adds every library clause, as a person would. */
async function startAgreement(page) {
  await load(page, '/#/support-agreement/new');
  await page.getByLabel('The commissioning group', { exact: true }).fill('Nene Valley PCN');
  await page.getByLabel("The group's lead").fill('Dr Asha Patel');
  await page.getByLabel('The commissioning organisation', { exact: true }).fill('Northamptonshire ICB');
  await page.getByLabel("The organisation's lead").fill('Jo Smith');
  await fillDate(page, 'Starts', '2026-04-01');
  await fillDate(page, 'Ends', '2027-03-31');
  await fillDate(page, 'First review meeting (optional)', '2026-11-15');
  await page.getByRole('button', { name: 'Start the agreement' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'Nene Valley PCN and Northamptonshire ICB' });
  await title.waitFor();
  for (const clause of CLAUSES) {
    await page.getByRole('link', { name: 'Add a commitment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a commitment' }).waitFor();
    await page.getByLabel('Start from a clause in the library').selectOption({ label: clause });
    await page.getByRole('button', { name: 'Add the commitment' }).click();
    await title.waitFor();
  }
  return page.url().split('/support-agreement/agreements/')[1];
}

/** A signature block's words in order, found by its party. */
const signatureBlock = (page, side, party) =>
  page.getByRole('region', { name: `For the commissioning ${side}: ${party}` })
    .evaluate((el) => el.innerText.replace(/\s+/g, ' ').trim());

const records = (page) => page.getByRole('table', { name: 'Delivery records' });

/** The delivery records table's rows, each as its cells' text. */
async function recordRows(page) {
  const table = records(page);
  if (!(await table.count())) return [];
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((c) => c.textContent.trim())));
}

async function openCommitment(page, agreement, number) {
  await load(page, `/#/support-agreement/agreements/${agreement}`);
  await page.getByRole('list', { name: 'Commitments' })
    .getByRole('link', { name: `${number}. ${CLAUSES[number - 1]}` }).click();
  await page.getByRole('heading', { level: 1, name: `${number}. ${CLAUSES[number - 1]}` }).waitFor();
}

async function recordDelivery(page, { due, outcome, delivered, note }) {
  await fillDate(page, 'Date it was due', due);
  await page.getByRole('radio', { name: outcome }).check();
  if (delivered !== undefined) await fillDate(page, 'Date it was delivered', delivered);
  if (note !== undefined) await page.getByLabel('Notes (optional)').fill(note);
  await page.getByRole('button', { name: 'Save the delivery record' }).click();
}

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
  // Read in reading order (not laid out in columns), then as one line, so
  // a heading or cell wrapped on paper still reads whole.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const words of ['Skip to main content', 'Workbook areas', 'Print this', 'Back to the agreement', 'Change', 'Delete']) {
    assert.ok(!text.includes(words), `${name}: "${words}" is not on paper`);
  }
  assert.equal(pictures().length, pages, `${name}: a picture of each page to look at`);
  return { text, pages };
}

test('a year of delivery: records on time, late and not delivered, review meetings, reload, and the printed agreement and report', async () => {
  const { context, page } = await app.open('/#/support-agreement');
  const agreement = await startAgreement(page);

  // 1. Health needs data: delivered on time.
  await openCommitment(page, agreement, 1);
  await page.getByText('Standing now: Nothing recorded yet').waitFor();
  await page.getByText('Nothing is recorded yet.').waitFor();
  // The date delivered opens only under "on time" or "late".
  assert.equal(await dateGroup(page, 'Date it was delivered').count(), 0, 'no date delivered before a choice');
  await page.getByRole('radio', { name: 'Not delivered' }).check();
  assert.equal(await dateGroup(page, 'Date it was delivered').count(), 0, 'none for not delivered');
  await page.getByRole('radio', { name: 'Delivered on time' }).check();
  await dateGroup(page, 'Date it was delivered').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Delivered on time' }).getAttribute('aria-controls'),
    'delivery-delivered-on-conditional', 'the radio names what it reveals');
  await noAxeViolations(page, 'a commitment with its delivery form, date delivered revealed');
  await recordDelivery(page, { due: '2026-06-15', outcome: 'Delivered on time', delivered: '2026-06-14', note: 'June report received' });
  await records(page).getByRole('cell', { name: 'June report received' }).waitFor();
  await page.getByText('Standing now: Delivered on time').waitFor();

  // An impossible combination: "on time" with a date after the day due.
  await recordDelivery(page, { due: '2026-07-15', outcome: 'Delivered on time', delivered: '2026-07-20', note: 'July report came late' });
  const message = 'It came after the date it was due (15 July 2026): choose "Delivered late"';
  const summary = page.getByRole('alert');
  await summary.getByRole('link', { name: message }).waitFor();
  assert.match(await page.locator('#delivery-outcome-error').textContent(), /It came after the date it was due \(15 July 2026\)/,
    'the message is shown by the radios too');
  await noAxeViolations(page, 'the delivery form refusing an impossible combination');
  // Nothing typed is lost, and the summary's link goes to the choice.
  assert.deepEqual(await dateShown(page, 'Date it was due'), ['15', '07', '2026']);
  assert.deepEqual(await dateShown(page, 'Date it was delivered'), ['20', '07', '2026']);
  assert.equal(await page.getByLabel('Notes (optional)').inputValue(), 'July report came late');
  assert.ok(await page.getByRole('radio', { name: 'Delivered on time' }).isChecked());
  assert.equal((await recordRows(page)).length, 1, 'nothing saved');
  await summary.getByRole('link', { name: message }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'delivery-outcome');
  // Choosing "late" moves the date under it, keeping the date typed (the
  // boxes are drawn afresh there, so the month shows as 7, as a saved date does).
  await page.getByRole('radio', { name: 'Delivered late' }).check();
  assert.deepEqual(await dateShown(page, 'Date it was delivered'), ['20', '7', '2026']);
  await page.getByRole('button', { name: 'Save the delivery record' }).click();
  await records(page).getByRole('cell', { name: 'July report came late' }).waitFor();
  await page.getByText('Standing now: Delivered late').waitFor();
  assert.deepEqual(await recordRows(page), [
    ['15 June 2026', 'Delivered on time', '14 June 2026', 'June report received'],
    ['15 July 2026', 'Delivered late', '20 July 2026', 'July report came late'],
  ]);
  await noAxeViolations(page, 'a commitment with delivery records');

  // 3. Indicative budget: not delivered.
  await openCommitment(page, agreement, 3);
  await recordDelivery(page, { due: '2026-05-01', outcome: 'Not delivered', note: 'No budget letter by 1 May' });
  await records(page).getByRole('cell', { name: 'No budget letter by 1 May' }).waitFor();
  await page.getByText('Standing now: Not delivered').waitFor();
  assert.deepEqual(await recordRows(page), [['1 May 2026', 'Not delivered', 'Not delivered', 'No budget letter by 1 May']]);

  // Change one: its page, with the same form filled in.
  await openCommitment(page, agreement, 1);
  await page.getByRole('link', { name: 'Change the delivery record due 15 June 2026' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a delivery record' }).waitFor();
  assert.deepEqual(await dateShown(page, 'Date it was delivered'), ['14', '6', '2026']);
  assert.ok(await page.getByRole('radio', { name: 'Delivered on time' }).isChecked());
  await noAxeViolations(page, 'changing a delivery record');
  await page.getByLabel('Notes (optional)').fill('June report received, with practice figures');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await records(page).getByRole('cell', { name: 'June report received, with practice figures' }).waitFor();

  // Delete one, then undo it.
  await page.getByRole('link', { name: 'Change the delivery record due 15 July 2026' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a delivery record' }).waitFor();
  await page.getByRole('button', { name: 'Delete the delivery record due 15 July 2026' }).click();
  await noAxeViolations(page, 'deleting a delivery record asks first');
  await page.getByRole('button', { name: 'Yes, delete the delivery record due 15 July 2026' }).click();
  const undo = page.getByRole('status').filter({ hasText: 'Deleted the delivery due on 15 July 2026' });
  await undo.waitFor();
  await page.getByRole('heading', { level: 1, name: `1. ${CLAUSES[0]}` }).waitFor();
  assert.equal((await recordRows(page)).length, 1);
  await page.getByText('Standing now: Delivered on time').waitFor();
  await undo.getByRole('button', { name: 'Undo' }).click();
  await records(page).getByRole('cell', { name: 'July report came late' }).waitFor();
  await page.getByText('Standing now: Delivered late').waitFor();

  // Late and undelivered need attention: on the agreement's page and for the review meeting.
  await load(page, `/#/support-agreement/agreements/${agreement}`);
  const attention = page.getByRole('list', { name: 'What needs attention' });
  await attention.getByRole('link', { name: `1. ${CLAUSES[0]}` }).waitFor();
  await attention.getByRole('link', { name: `3. ${CLAUSES[2]}` }).waitFor();
  await page.getByRole('link', { name: 'Review meetings' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Review meetings' }).waitFor();
  await page.getByText('The next review is overdue').waitFor();
  await page.getByText('It was due on 15 November 2026').waitFor();
  const forMeeting = page.getByRole('list', { name: 'Commitments needing attention' });
  assert.deepEqual(await forMeeting.getByRole('listitem').allTextContents(), [
    `1. ${CLAUSES[0]} Delivered late`,
    `3. ${CLAUSES[2]} Not delivered`,
  ]);
  await page.getByText('No review meeting is recorded yet.').waitFor();
  await noAxeViolations(page, 'review meetings, none held, the review overdue');

  // Record a meeting: the next review must come after it.
  await fillDate(page, 'Date of the meeting', '2026-12-02');
  await page.getByLabel('Who attended (optional)').fill('Dr Asha Patel, Jo Smith');
  await page.getByLabel('What was decided').fill('The ICB sends the budget letter by 14 December');
  await fillDate(page, 'Date of the next review (optional)', '2026-11-30');
  await page.getByRole('button', { name: 'Save the review meeting' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'The next review must be after this meeting' }).waitFor();
  assert.equal(await page.getByLabel('What was decided').inputValue(), 'The ICB sends the budget letter by 14 December');
  await noAxeViolations(page, 'a review meeting refused');
  await fillDate(page, 'Date of the next review (optional)', '2027-03-01');
  await page.getByRole('button', { name: 'Save the review meeting' }).click();
  await page.getByText('Next review: 1 March 2027').waitFor();
  const meetings = page.getByRole('table', { name: 'Meetings held' });
  await meetings.getByRole('cell', { name: 'The ICB sends the budget letter by 14 December' }).waitFor();
  assert.equal(await page.getByText('The next review is overdue').count(), 0);
  await noAxeViolations(page, 'review meetings, one held');

  // Change it, then delete it and undo.
  await page.getByRole('link', { name: 'Change the review meeting of 2 December 2026' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a review meeting' }).waitFor();
  await noAxeViolations(page, 'changing a review meeting');
  await page.getByLabel('What was decided').fill('The ICB sends the budget letter by 14 December; data by the 15th');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await meetings.getByRole('cell', { name: 'The ICB sends the budget letter by 14 December; data by the 15th' }).waitFor();
  await page.getByRole('link', { name: 'Change the review meeting of 2 December 2026' }).click();
  await page.getByRole('button', { name: 'Delete the review meeting of 2 December 2026' }).click();
  await page.getByRole('button', { name: 'Yes, delete the review meeting of 2 December 2026' }).click();
  const meetingUndo = page.getByRole('status').filter({ hasText: 'Deleted the review meeting of 2 December 2026' });
  await meetingUndo.waitFor();
  await page.getByText('It was due on 15 November 2026').waitFor();
  await meetingUndo.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Next review: 1 March 2027').waitFor();

  // All of it survives a reload.
  const saved = await savedWorkbook(page);
  const kept = saved.support_agreements.agreements[0];
  assert.equal(kept.reviews.length, 1);
  assert.deepEqual(kept.commitments[0].deliveries.map((d) => [d.due_on, d.outcome, d.delivered_on]), [
    ['2026-06-15', 'on_time', '2026-06-14'],
    ['2026-07-15', 'late', '2026-07-20'],
  ]);
  assert.deepEqual(kept.commitments[2].deliveries.map((d) => [d.outcome, d.delivered_on]), [['not_delivered', null]]);
  await load(page, `/#/support-agreement/agreements/${agreement}/reviews`);
  await page.getByText('Next review: 1 March 2027').waitFor();
  await page.getByRole('table', { name: 'Meetings held' }).getByRole('cell', { name: 'Dr Asha Patel, Jo Smith' }).waitFor();
  await openCommitment(page, agreement, 1);
  assert.equal((await recordRows(page)).length, 2);

  // The agreement printed for signing.
  await load(page, `/#/support-agreement/agreements/${agreement}/print`);
  await page.getByRole('button', { name: 'Print this agreement' }).waitFor();
  await noAxeViolations(page, 'the agreement to print');
  const signing = await printed(page, 'support-agreement');
  const flat = signing.text;
  let at = -1;
  CLAUSES.forEach((clause, i) => {
    const found = flat.indexOf(`${i + 1}. ${clause}`);
    assert.ok(found > at, `clause ${i + 1} is numbered, in order`);
    at = found;
  });
  for (const words of [
    'Nene Valley PCN and Northamptonshire ICB',
    '1 April 2026 to 31 March 2027',
    'Dr Asha Patel', 'Jo Smith',
    'Draft: no version has been saved yet.',
    'Sources:', 'Department of Health (2009)',
    'For the commissioning group', 'For the commissioning organisation',
  ]) {
    assert.ok(flat.includes(words), `the printed agreement says "${words}"`);
  }
  // Two signature blocks, side by side on paper: each with a name, role,
  // signature and date to fill in.
  for (const line of ['Name', 'Role', 'Signature', 'Date']) {
    assert.equal(flat.match(new RegExp(`\\b${line}\\b`, 'g'))?.length, 2, `two lines for "${line}"`);
  }
  assert.equal(await signatureBlock(page, 'group', 'Nene Valley PCN'), 'For the commissioning group Nene Valley PCN Name Dr Asha Patel Role Signature Date');
  assert.equal(await signatureBlock(page, 'organisation', 'Northamptonshire ICB'), 'For the commissioning organisation Northamptonshire ICB Name Jo Smith Role Signature Date');
  // The delivery records are not part of the agreement.
  assert.ok(!flat.includes('June report received'));

  // The one-page delivery report for the review meeting.
  await load(page, `/#/support-agreement/agreements/${agreement}/report`);
  await page.getByRole('button', { name: 'Print this report' }).waitFor();
  const table = page.getByRole('table', { name: 'Delivery of each commitment' });
  const total = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All commitments' }) });
  assert.deepEqual((await total.getByRole('cell').allTextContents()).map((t) => t.trim()), ['', '1', '1', '1', '']);
  await page.getByText('33% of the deliveries recorded were on time.').waitFor();
  await noAxeViolations(page, 'the delivery report');
  const report = await printed(page, 'delivery-report');
  assert.equal(report.pages, 1, 'the delivery report prints on one A4 page');
  const reportText = report.text;
  for (const words of [
    'Delivery report', 'As at 3 December 2026', 'Next review: 1 March 2027',
    'All commitments', '33% of the deliveries recorded were on time.',
    'Delivered late', 'Not delivered', 'Nothing recorded yet',
    // Each commitment by its number (a title may wrap in its cell on paper).
    ...CLAUSES.map((c, i) => `${i + 1} ${c.split(' ').slice(0, 2).join(' ')}`),
  ]) {
    assert.ok(reportText.includes(words), `the report says "${words}"`);
  }
  const lines = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.equal(lines.length, 11, 'a line for each of the ten commitments, and the totals');
  assert.deepEqual(lines[0].slice(0, 1).concat(lines[0].slice(3)), ['1', '1', '1', '0', 'Delivered late']);
  assert.deepEqual(lines[2].slice(0, 1).concat(lines[2].slice(3)), ['3', '0', '0', '1', 'Not delivered']);
  assert.deepEqual(lines[9].slice(0, 2), ['10', CLAUSES[9]]);

  // Once a version is marked agreed, the printed copy says which, with the
  // names and dates typed, and prints them in the signature blocks. (The
  // versions page marks it; its record is put in the saved workbook here
  // as that page saves one: the agreement's wording now, signed off.)
  const workbook = await savedWorkbook(page);
  const signed = workbook.support_agreements.agreements[0];
  signed.versions.push({
    id: 'version-e2e-agreed',
    number: 1,
    source: 'ours',
    note: 'Agreed at the April meeting',
    terms: signed.commitments.map(({ id, clause_id, what, provider, when, measure, due }) => ({ id, clause_id, what, provider, when, measure, due })),
    sign_off: { group_name: 'Dr Asha Patel', group_on: '2026-04-20', organisation_name: 'Joanne Smith', organisation_on: '2026-04-22' },
    created_at: '2026-04-22T09:00:00Z',
    updated_at: '2026-04-22T09:00:00Z',
  });
  workbook.revision += 1;
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await load(page, `/#/support-agreement/agreements/${agreement}/print`);
  await page.getByText('This is version 1, agreed for the group by Dr Asha Patel on 20 April 2026 and for the organisation by Joanne Smith on 22 April 2026.').waitFor();
  const agreed = (await printed(page, 'support-agreement-agreed')).text;
  for (const words of ['This is version 1, agreed for the group by Dr Asha Patel on 20 April 2026', 'Joanne Smith', '22 April 2026']) {
    assert.ok(agreed.includes(words), `the agreed copy says "${words}"`);
  }
  assert.equal(await signatureBlock(page, 'group', 'Nene Valley PCN'), 'For the commissioning group Nene Valley PCN Name Dr Asha Patel Role Signature Date 20 April 2026');
  assert.equal(await signatureBlock(page, 'organisation', 'Northamptonshire ICB'), 'For the commissioning organisation Northamptonshire ICB Name Joanne Smith Role Signature Date 22 April 2026');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/** The page's height in screens, and whether anything is wider than the screen outside a table's own scrolling box. */
async function phoneFit(page, what) {
  const fit = await page.evaluate(() => {
    const cut = [...document.querySelectorAll('main table, main .app-signature-block, main form')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.app-table-scroll'))
      .map((el) => el.tagName);
    return {
      wider: document.documentElement.scrollWidth > innerWidth,
      cut,
      screens: document.documentElement.scrollHeight / innerHeight,
    };
  });
  assert.equal(fit.wider, false, `${what}: the page does not scroll sideways on a phone`);
  assert.deepEqual(fit.cut, [], `${what}: nothing is cut off (a wide table scrolls in its own box)`);
  for (const table of await page.locator('main table').all()) {
    assert.equal(await table.evaluate((t) => Boolean(t.closest('.app-table-scroll'))), true, `${what}: each table is in a scrolling box`);
  }
  return fit.screens;
}

test('on a phone: delivery records, review meetings, the agreement to print and the report fit the screen', async () => {
  const { context, page } = await app.open('/#/support-agreement', { viewport: { width: 375, height: 667 } });
  const agreement = await startAgreement(page);
  await openCommitment(page, agreement, 3);
  await recordDelivery(page, { due: '2026-05-01', outcome: 'Not delivered', note: 'No budget letter by 1 May' });
  await records(page).getByRole('cell', { name: 'No budget letter by 1 May' }).waitFor();
  const commitment = await phoneFit(page, 'a commitment with its delivery records');
  assert.ok(commitment < 12, `a commitment's page is ${commitment.toFixed(1)} screens`);

  await load(page, `/#/support-agreement/agreements/${agreement}/reviews`);
  await fillDate(page, 'Date of the meeting', '2026-12-02');
  await page.getByLabel('What was decided').fill('The ICB sends the budget letter by 14 December');
  await fillDate(page, 'Date of the next review (optional)', '2027-03-01');
  await page.getByRole('button', { name: 'Save the review meeting' }).click();
  await page.getByText('Next review: 1 March 2027').waitFor();
  const reviews = await phoneFit(page, 'review meetings');
  assert.ok(reviews < 8, `the review meetings page is ${reviews.toFixed(1)} screens`);

  await load(page, `/#/support-agreement/agreements/${agreement}/print`);
  await phoneFit(page, 'the agreement to print');
  // The two signature blocks stand one under the other on a phone.
  const [group, organisation] = await page.locator('.app-signature-block').evaluateAll((blocks) =>
    blocks.map((b) => b.getBoundingClientRect().toJSON()));
  assert.ok(organisation.top >= group.bottom, 'the signature blocks are stacked');

  await load(page, `/#/support-agreement/agreements/${agreement}/report`);
  const report = await phoneFit(page, 'the delivery report');
  assert.ok(report < 6, `the report is ${report.toFixed(1)} screens`);
  await noAxeViolations(page, 'the delivery report on a phone');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
