// A support agreement's versions (issue 26): the group saves and sends v1,
// the commissioning organisation (a second browser context: another person,
// another workbook) takes it in, changes it and sends v2; the group imports
// v2, sees clause by clause what changed, accepts some and rejects some,
// saves v3 and marks it agreed. Wrong files are refused and change nothing.
//
// The round trip uses the app's own pages throughout (starting an agreement,
// adding one the other party sent, changing commitments and details); the
// other tests seed an agreement through local storage, as a returning user's
// browser holds it. Everything is driven by role and label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, newAppContext, waitForApp, load, savedWorkbook, storedWorkbook, fillDate, downloadText, axeViolations,
} from './support.mjs';

const app = useApp();

const AGREEMENT = 'support-agreement-e2e';
const versionsPath = (id = AGREEMENT) => `/#/support-agreement/agreements/${id}/versions`;
const AT = '2026-12-01T09:00:00Z';

/** A commitment as the model saves it, worded as the clause library words it. */
function commitment(id, clauseId, what, provider, when, measure, due = null) {
  return { id, clause_id: clauseId, what, provider, when, measure, due, deliveries: [], created_at: AT, updated_at: AT };
}

const COMMITMENTS = [
  commitment('commitment-data', 'data-activity',
    'The commissioning organisation gives the group data on budgets, spending, referrals, prescribing and activity, with analysis, in time to act on it.',
    'Business intelligence and finance teams', 'Every month', 'Monthly report received by the 15th of the following month'),
  commitment('commitment-budget', 'indicative-budget',
    "The commissioning organisation sets the group's indicative budget for the year and tells the group what it is.",
    'Director of finance', 'By 1 May each year', 'Budget letter received by 1 May', '2027-05-01'),
  commitment('commitment-projects', 'project-management',
    "The commissioning organisation provides project management for the group's agreed projects.",
    'Programme management office', 'For each project the group and the organisation agree',
    'A project manager named within 4 weeks of a project being agreed'),
];

/** The group's agreement, started in its workbook (no versions yet). */
function groupAgreement(overrides = {}) {
  return {
    id: AGREEMENT,
    group_name: 'Nene Valley PCN',
    group_lead: 'Dr Asha Patel',
    organisation_name: 'Northamptonshire ICB',
    organisation_lead: 'Jo Smith',
    starts_on: '2027-04-01',
    ends_on: '2028-03-31',
    first_review: '2027-07-01',
    our_side: 'group',
    commitments: COMMITMENTS,
    versions: [],
    reviews: [],
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}

function workbook(agreements) {
  return {
    format: 'commissioning-workbook',
    schema_version: 6,
    created_at: AT,
    updated_at: AT,
    revision: 1,
    assessments: [],
    partner_assessments: [],
    plans: [],
    placements: [],
    support_agreements: { agreements },
    deleted: [],
  };
}

/** A person's browser with `wb` saved in it, open at `path`. */
async function personWith(wb, path = versionsPath()) {
  const context = await newAppContext(app.browser, { baseURL: app.server.url });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  await page.goto('/#/about');
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, path);
  return { context, page };
}

async function noAxeViolations(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${state}`);
}

/** Clicks `control` and returns the file it downloads: its name and parsed JSON. */
async function downloadFrom(page, control) {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

const versionRows = (page) => page.getByRole('table', { name: 'Versions of this agreement, newest first' })
  .getByRole('row').filter({ has: page.getByRole('rowheader') });

async function importFile(page, name, text) {
  await page.getByLabel('Choose the file they sent').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const agreementIn = (wb) => wb.support_agreements.agreements.find((a) => a.id === AGREEMENT);

function onlyAgreement(wb) {
  assert.equal(wb.support_agreements.agreements.length, 1);
  return wb.support_agreements.agreements[0];
}

/** A fresh browser (another person's: its own storage) with nothing saved, open at `path`. */
async function freshPerson(path) {
  const context = await newAppContext(app.browser, { baseURL: app.server.url });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  await page.goto(path);
  await waitForApp(page);
  return { context, page };
}

const TITLE = 'Nene Valley PCN and Northamptonshire ICB';

/** On the agreement's page: adds a commitment from the library, with a date it is due by if given. */
async function addFromLibrary(page, clause, due = '') {
  await page.getByRole('link', { name: 'Add a commitment' }).click();
  await page.getByLabel('Start from a clause in the library').selectOption({ label: clause });
  if (due) await fillDate(page, 'Due by (optional)', due);
  await page.getByRole('button', { name: 'Add the commitment' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

/** On the agreement's page: opens commitment `link`, changes it with `edit`, saves. */
async function changeCommitment(page, link, edit) {
  await page.getByRole('list', { name: 'Commitments' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: link }).waitFor();
  await edit();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

async function openVersions(page) {
  await page.getByRole('link', { name: "Versions: send it, see the other party's changes, mark it agreed" }).click();
  await page.getByRole('heading', { level: 1, name: 'Versions' }).waitFor();
}

test('the group sends v1, the organisation sends back v2, the group settles it clause by clause as v3 and marks it agreed', async () => {
  // The group (context A) starts the agreement and adds three commitments.
  const a = await freshPerson('/#/support-agreement/new');
  const groupPage = a.page;
  await groupPage.getByLabel('The commissioning group (a PCN or place partnership)').check();
  await groupPage.getByLabel('The commissioning group', { exact: true }).pressSequentially('Nene Valley PCN');
  await groupPage.getByLabel("The group's lead").pressSequentially('Dr Asha Patel');
  await groupPage.getByLabel('The commissioning organisation', { exact: true }).pressSequentially('Northamptonshire ICB');
  await groupPage.getByLabel("The organisation's lead").pressSequentially('Jo Smith');
  await fillDate(groupPage, 'Starts', '2027-04-01');
  await fillDate(groupPage, 'Ends', '2028-03-31');
  await groupPage.getByRole('button', { name: 'Start the agreement' }).click();
  await groupPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await addFromLibrary(groupPage, 'Activity, referral and prescribing data');
  await addFromLibrary(groupPage, 'Indicative budget', '2027-05-01');
  await addFromLibrary(groupPage, 'Project management');
  await openVersions(groupPage);
  const versionsUrl = groupPage.url().replace(/^https?:\/\/[^/]+/, '');
  assert.match(await groupPage.getByRole('main').innerText(), /No version has been saved yet/);
  await noAxeViolations(groupPage, 'no versions yet');

  await groupPage.getByLabel('Note (optional)').fill('Sent to the ICB for comment');
  const v1 = await downloadFrom(groupPage, groupPage.getByRole('button', { name: 'Save version 1 and download it' }));
  assert.equal(v1.name, 'support-agreement-v1-nene-valley-pcn-2026-12-03.json');
  const v1File = JSON.parse(v1.text);
  assert.equal(v1File.format, 'commissioning-workbook-agreement');
  assert.equal(v1File.version_number, 1);
  assert.equal(v1File.sent_by, 'group');
  assert.deepEqual(v1File.commitments.map((c) => c.clause_id), ['data-activity', 'indicative-budget', 'project-management']);
  await groupPage.getByRole('status').filter({ hasText: 'Version 1 is downloading as support-agreement-v1-nene-valley-pcn-2026-12-03.json' }).waitFor();
  const rows = versionRows(groupPage);
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /v1[\s\S]*Saved here[\s\S]*Sent to the ICB for comment[\s\S]*3 December 2026[\s\S]*Not agreed/);
  // Nothing changed since v1: it can be sent again without a new version.
  const again = await downloadFrom(groupPage, groupPage.getByRole('button', { name: 'Download version 1 again' }));
  assert.equal(again.name, v1.name);
  assert.deepEqual(JSON.parse(again.text).commitments, v1File.commitments);
  assert.equal(await groupPage.getByRole('button', { name: /Save version 2/ }).count(), 0);
  await noAxeViolations(groupPage, 'v1 saved and sent');

  // The organisation (context B) adds v1 as an agreement of its own, rewords
  // one commitment, moves one's date, takes one out, adds one and names
  // another lead; then sends v2.
  const b = await freshPerson('/#/support-agreement');
  const orgPage = b.page;
  await orgPage.getByLabel('Choose the agreement file they sent').setInputFiles({ name: v1.name, mimeType: 'application/json', buffer: Buffer.from(v1.text) });
  await orgPage.getByRole('button', { name: 'Add this agreement' }).click();
  await orgPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await changeCommitment(orgPage, '1. Activity, referral and prescribing data', async () => {
    await orgPage.getByLabel('By when or how often').fill('');
    await orgPage.getByLabel('By when or how often').pressSequentially('Every quarter');
  });
  await changeCommitment(orgPage, '2. Indicative budget', () => fillDate(orgPage, 'Due by (optional)', '2027-06-01'));
  await orgPage.getByRole('list', { name: 'Commitments' }).getByRole('link', { name: '3. Project management' }).click();
  await orgPage.getByRole('button', { name: 'Delete commitment: Project management' }).click();
  await orgPage.getByRole('button', { name: 'Yes, delete commitment: Project management' }).click();
  await orgPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await addFromLibrary(orgPage, 'Review meetings');
  await orgPage.getByRole('link', { name: "Change the agreement's details" }).click();
  await orgPage.getByLabel("The organisation's lead").fill('');
  await orgPage.getByLabel("The organisation's lead").pressSequentially('Kim Jones');
  await orgPage.getByRole('button', { name: 'Save changes' }).click();
  await orgPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await openVersions(orgPage);
  assert.match(await versionRows(orgPage).first().innerText(), /v1[\s\S]*Received from Nene Valley PCN/);
  const v2 = await downloadFrom(orgPage, orgPage.getByRole('button', { name: 'Save version 2 and download it' }));
  assert.equal(v2.name, 'support-agreement-v2-nene-valley-pcn-2026-12-03.json');
  const v2File = JSON.parse(v2.text);
  assert.equal(v2File.sent_by, 'organisation');
  assert.equal(v2File.version_number, 2);
  assert.equal(v2File.agreement.id, v1File.agreement.id);
  await noAxeViolations(orgPage, 'the organisation sent v2');

  // Back with the group: the four differences, clause by clause, and the details.
  await importFile(groupPage, v2.name, v2.text);
  await groupPage.getByRole('heading', { name: /^Their version 2, sent on 3 December 2026/ }).waitFor();
  const main = groupPage.getByRole('main');
  assert.match(await main.innerText(), /Northamptonshire ICB's version differs from yours in 4 clauses and in the agreement's details/);
  assert.match(await main.innerText(), /kept as they sent it, as version 2, and the result as version 3/);
  assert.equal(await groupPage.getByText('Sent from your own side').count(), 0);
  const card = (heading) => groupPage.locator('.nhsuk-card').filter({ has: groupPage.getByRole('heading', { name: heading, exact: true }) });
  const reworded = card('Clause 1: Activity, referral and prescribing data');
  assert.match(await reworded.innerText(), /Reworded[\s\S]*By when or how often[\s\S]*Every month[\s\S]*Every quarter/);
  const moved = card('Clause 2: Indicative budget');
  assert.match(await moved.innerText(), /Date moved[\s\S]*Due by[\s\S]*1 May 2027[\s\S]*1 June 2027/);
  const removed = card('Clause 3: Project management');
  assert.match(await removed.innerText(), /Taken out by them[\s\S]*What is provided[\s\S]*project management for the group's agreed projects/);
  const added = card('New clause: Review meetings');
  assert.match(await added.innerText(), /Added by them[\s\S]*Who provides it[\s\S]*Both parties/);
  const details = card("The agreement's details");
  assert.match(await details.innerText(), /The organisation's lead[\s\S]*Jo Smith[\s\S]*Kim Jones/);
  await noAxeViolations(groupPage, 'their changes compared');

  // Each radio's name says which clause it is for.
  await groupPage.getByRole('radio', { name: 'Accept their wording – clause 1, Activity, referral and prescribing data' }).check();
  await groupPage.getByRole('button', { name: 'Save as version 3' }).click();
  const problem = groupPage.getByRole('alert').filter({ hasText: 'There is a problem' });
  await problem.waitFor();
  const problems = await problem.getByRole('link').allInnerTexts();
  assert.deepEqual(problems, [
    'Choose whether to accept or reject their change to clause 2, Indicative budget',
    'Choose whether to accept or reject their change to clause 3, Project management',
    'Choose whether to accept or reject their change to new clause, Review meetings',
    "Choose whether to accept or reject their changes to the agreement's details",
  ]);
  // Nothing was lost, and nothing saved.
  assert.equal(await groupPage.getByRole('radio', { name: /^Accept their wording – clause 1/ }).isChecked(), true);
  assert.equal(onlyAgreement(await savedWorkbook(groupPage)).versions.length, 1);
  await noAxeViolations(groupPage, 'a change left unchosen');
  // The summary's link puts focus on the choice.
  await problem.getByRole('link', { name: /clause 2, Indicative budget/ }).click();
  const focused = groupPage.getByRole('radio', { name: 'Accept their date – clause 2, Indicative budget' });
  await groupPage.waitForFunction(() => document.activeElement?.id?.endsWith('-accept'));
  assert.equal(await focused.evaluate((el) => el === document.activeElement), true);
  assert.match(await moved.innerText(), /Error:\s+Choose whether to accept or reject their change to clause 2, Indicative budget/);

  // Choosing with the keyboard leaves focus where it is.
  await groupPage.keyboard.press('ArrowDown');
  const keptDate = groupPage.getByRole('radio', { name: 'Reject: keep our date – clause 2, Indicative budget' });
  await groupPage.waitForFunction(() => document.activeElement?.id?.endsWith('-reject'));
  assert.equal(await keptDate.isChecked(), true);
  assert.equal(await keptDate.evaluate((el) => el === document.activeElement), true, 'focus stays on the choice');

  await groupPage.getByRole('radio', { name: 'Reject: keep it – clause 3, Project management' }).check();
  await groupPage.getByRole('radio', { name: 'Accept: add it – new clause, Review meetings' }).check();
  await groupPage.getByRole('radio', { name: "Accept their details – the agreement's details" }).check();
  await groupPage.getByRole('button', { name: 'Save as version 3' }).click();

  const banner = groupPage.getByRole('status').filter({ has: groupPage.getByRole('heading', { name: 'Saved as version 3' }) });
  await banner.waitFor();
  const said = await banner.innerText();
  assert.match(said, /kept as they sent it, as version 2/);
  assert.match(said, /You accepted\s+clause 1, Activity, referral and prescribing data \(reworded\)\s+new clause, Review meetings \(added by them\)\s+the agreement's details\s+You rejected\s+clause 2, Indicative budget \(date moved\)\s+clause 3, Project management \(taken out by them\)/);
  assert.equal(await groupPage.getByRole('button', { name: 'Save as version 3' }).count(), 0, 'the comparison is done');
  assert.equal(await groupPage.getByText(/Version 1 is downloading/).count(), 0, 'what the last download said is gone with the new versions');
  const texts = await versionRows(groupPage).allInnerTexts();
  assert.equal(texts.length, 3);
  assert.match(texts[0], /v3[\s\S]*Settled from their changes[\s\S]*Their version 2: 3 changes accepted, 2 rejected/);
  assert.match(texts[1], /v2[\s\S]*Received from Northamptonshire ICB/);
  assert.match(texts[2], /v1[\s\S]*Saved here/);
  await noAxeViolations(groupPage, 'their changes settled');

  const saved = onlyAgreement(await savedWorkbook(groupPage));
  assert.deepEqual(saved.commitments.map((c) => [c.clause_id, c.when, c.due]), [
    ['data-activity', 'Every quarter', null],
    ['indicative-budget', 'By 1 May each year', '2027-05-01'],
    ['project-management', 'For each project the group and the organisation agree', null],
    ['review-meetings', 'Every quarter', null],
  ]);
  assert.equal(saved.organisation_lead, 'Kim Jones', 'their details accepted');
  assert.equal(saved.our_side, 'group', 'still the group');
  assert.deepEqual(saved.versions.find((v) => v.number === 2).terms, v2File.commitments, 'their version kept as sent');

  // Marking v3 agreed: first with nothing typed, then with names and dates.
  await groupPage.getByRole('heading', { name: 'Mark version 3 agreed' }).waitFor();
  assert.match(await main.innerText(), /It is not an electronic signature: the printed copy is for signing/);
  await groupPage.getByRole('button', { name: 'Mark version 3 agreed' }).click();
  const summary = groupPage.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
    'Enter the name of the person agreeing for the group',
    'Enter the date the group agreed',
    'Enter the name of the person agreeing for the organisation',
    'Enter the date the organisation agreed',
  ]);
  assert.match(await groupPage.getByRole('group', { name: 'Date the group agreed' }).innerText(), /Error:\s+Enter the date the group agreed/);
  await noAxeViolations(groupPage, 'sign-off errors');
  await groupPage.getByLabel('Name of the person agreeing for the group, Nene Valley PCN').fill('Dr Asha Patel');
  await fillDate(groupPage, 'Date the group agreed', '2026-12-02');
  await groupPage.getByLabel('Name of the person agreeing for the organisation, Northamptonshire ICB').fill('Kim Jones');
  await fillDate(groupPage, 'Date the organisation agreed', '2026-12-03');
  await groupPage.getByRole('button', { name: 'Mark version 3 agreed' }).click();
  await groupPage.getByRole('status').filter({ hasText: 'Version 3 is marked agreed.' }).waitFor();
  assert.match((await versionRows(groupPage).allInnerTexts())[0],
    /v3[\s\S]*Agreed\s+For Nene Valley PCN: Dr Asha Patel, 2 December 2026\. For Northamptonshire ICB: Kim Jones, 3 December 2026\./);
  await noAxeViolations(groupPage, 'v3 agreed');

  // After a reload the versions, their sources and the sign-off are all there.
  await savedWorkbook(groupPage);
  await load(groupPage, versionsUrl);
  const after = await versionRows(groupPage).allInnerTexts();
  assert.equal(after.length, 3);
  assert.match(after[0], /v3[\s\S]*Settled from their changes[\s\S]*Agreed\s+For Nene Valley PCN: Dr Asha Patel/);
  assert.match(after[1], /v2[\s\S]*Received from Northamptonshire ICB/);
  assert.match(after[2], /v1[\s\S]*Sent to the ICB for comment/);
  const v3 = onlyAgreement(await storedWorkbook(groupPage)).versions.find((v) => v.number === 3);
  assert.deepEqual(v3.sign_off, { group_name: 'Dr Asha Patel', group_on: '2026-12-02', organisation_name: 'Kim Jones', organisation_on: '2026-12-03' });
  assert.equal(v3.source, 'settled');

  // Our own v3 file read back: from our side, and nothing differs.
  const v3File = await downloadFrom(groupPage, groupPage.getByRole('button', { name: 'Download version 3 again' }));
  assert.equal(JSON.parse(v3File.text).version_number, 3);
  await importFile(groupPage, v3File.name, v3File.text);
  await groupPage.getByText('This version was sent from your own side, Nene Valley PCN, and it matches yours: there is nothing to accept or reject.').waitFor();

  assert.deepEqual([...groupPage.pageErrors, ...orgPage.pageErrors], []);
  await a.context.close();
  await b.context.close();
});

test('a backup, a file that is not JSON, one from a newer app or for another agreement is refused and changes nothing', async () => {
  const { context, page } = await personWith(workbook([groupAgreement()]));
  await page.getByRole('button', { name: 'Save version 1 and download it' }).waitFor();
  const before = agreementIn(await savedWorkbook(page));
  const v1 = await downloadFrom(page, page.getByRole('button', { name: 'Save version 1 and download it' }));
  const sent = JSON.parse(v1.text);
  const kept = agreementIn(await savedWorkbook(page));
  assert.equal(kept.versions.length, 1);
  assert.deepEqual(kept.commitments, before.commitments);

  const refused = page.getByRole('alert').filter({ hasText: 'This file cannot be imported' });
  const cases = [
    ['backup.json', JSON.stringify(workbook([groupAgreement()])), /backup\.json: The file is not a support agreement sent from Commissioning Workbook/],
    ['notes.json', 'this is not JSON', /notes\.json: The file is not valid JSON, so it cannot be a support agreement/],
    ['newer.json', JSON.stringify({ ...sent, schema_version: 2 }), /newer\.json: The file was made by a newer version of this app/],
    ['other.json', JSON.stringify({ ...sent, agreement: { ...sent.agreement, id: 'support-agreement-other', group_name: 'Corby PCN' } }),
      /other\.json: this file belongs to another agreement, between Corby PCN and Northamptonshire ICB, not this one\. Nothing has been changed/],
  ];
  for (const [name, text, message] of cases) {
    await importFile(page, name, text);
    await refused.filter({ hasText: name }).waitFor();
    assert.match(await refused.innerText(), message);
    assert.match(await refused.innerText(), /Nothing has been changed/);
    assert.equal(await page.getByRole('button', { name: /^Save as version/ }).count(), 0, `${name}: no comparison`);
    assert.deepEqual(agreementIn(await storedWorkbook(page)), kept, `${name}: nothing changed`);
    await noAxeViolations(page, `refused: ${name}`);
  }
  // A good file after a refused one clears the message.
  await importFile(page, v1.name, v1.text);
  await page.getByText(/This version was sent from your own side, Nene Valley PCN, and it matches yours/).waitFor();
  assert.equal(await refused.count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('before sending, likely patient details are listed; a version can be deleted and undone; a missing agreement is said plainly', async () => {
  const careless = structuredClone(COMMITMENTS);
  careless[0].measure = 'Checked against 943 476 5919';
  const { context, page } = await personWith(workbook([groupAgreement({ commitments: careless })]));
  const check = page.getByRole('region', { name: 'Check for patient details before you share' });
  await check.waitFor();
  assert.match(await check.innerText(), /943 476 5919[\s\S]*How delivery is measured/);
  assert.match(await check.innerText(), /You can still download the file without changing anything/);
  await noAxeViolations(page, 'patient details listed');

  await downloadFrom(page, page.getByRole('button', { name: 'Save version 1 and download it' }));
  await versionRows(page).first().waitFor();
  await page.getByRole('button', { name: 'Delete version 1' }).click();
  await page.getByRole('button', { name: 'Yes, delete version 1' }).click();
  await page.getByText('No version has been saved yet.').waitFor();
  assert.equal(agreementIn(await savedWorkbook(page)).versions.length, 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await versionRows(page).first().waitFor();
  assert.match(await versionRows(page).first().innerText(), /v1[\s\S]*Saved here/);
  assert.equal(agreementIn(await savedWorkbook(page)).versions.length, 1);

  await load(page, versionsPath('support-agreement-gone'));
  await page.getByRole('heading', { level: 1, name: 'Agreement not found' }).waitFor();
  await noAxeViolations(page, 'agreement not found');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('on a 375 px phone the comparison reads without sideways scrolling', async () => {
  const { context, page } = await personWith(workbook([groupAgreement()]));
  const v1 = await downloadFrom(page, page.getByRole('button', { name: 'Save version 1 and download it' }));
  // Their version 2: one reworded, one's date moved, one taken out.
  const theirs = JSON.parse(v1.text);
  theirs.sent_by = 'organisation';
  theirs.version_number = 2;
  theirs.commitments[0].measure = 'Monthly report received by the 10th of the following month, with a commentary';
  theirs.commitments[1].due = '2027-06-01';
  theirs.commitments.pop();
  await page.setViewportSize({ width: 375, height: 667 });
  await importFile(page, 'support-agreement-v2.json', JSON.stringify(theirs));
  await page.getByRole('button', { name: 'Save as version 3' }).waitFor();
  const layout = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    screens: document.documentElement.scrollHeight / innerHeight,
    // Every table either fits or sits in its own sideways-scrolling box.
    cut: [...document.querySelectorAll('table')].filter((t) => {
      const box = t.closest('.app-table-scroll');
      return t.scrollWidth > (box ?? t.parentElement).clientWidth && !box;
    }).length,
    tablesWider: [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > innerWidth + 1).length,
  }));
  assert.equal(layout.pageWidth, 375, 'the page does not scroll sideways');
  assert.equal(layout.cut, 0);
  assert.equal(layout.tablesWider, 0, 'stacked tables fit the screen');
  assert.ok(layout.screens < 30, `${layout.screens} screens`);
  console.log(`comparison on a phone: ${layout.screens.toFixed(1)} screens`);
  await noAxeViolations(page, 'comparison on a phone');
  await context.close();
});
