// The patient-identifier guard (issue 25): while a person types in a text
// field, what looks like a patient's details is pointed out under it, key by
// key, and screen readers hear it once per kind found, not on every key; a
// 10-digit number that fails the NHS number's check digit (a phone number)
// is not; before a backup or an export leaves the browser, a list names each
// likely identifier with the record and field, and its link puts focus in
// that field. Nothing is blocked. axe on every state with a warning shown.
//
// 943 476 5919 passes the modulus 11 check (worked by hand in
// src/model/common/identifiers.rs: weighted sum 299, 299 mod 11 = 2,
// 11 − 2 = 9, the last digit); 943 476 5918 does not, nor 01632 960 123 (11
// digits, a drama number from Ofcom's range).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, axeViolations, load, download, savedWorkbook } from './support.mjs';

const app = useApp();

const fixture = JSON.parse(await readFile(new URL('../fixtures/workbook-schema-4.json', import.meta.url), 'utf8'));
// The entry on a day before the pinned clock's today, so it can be saved.
fixture.placements[0].entries[0].date = '2026-11-05';
const LIVE_TEXT_NAME = "This looks like a patient's name. Reflections and notes must not identify patients.";
const LIVE_TEXT_NAME_NHS =
  "This looks like a patient's name. This looks like an NHS number. Reflections and notes must not identify patients.";

async function seed(page, workbook) {
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
}

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

/** The warning under the field with id `fieldId`, and its items' texts. */
const warning = (page, fieldId) => page.locator(`#${fieldId}-identifiers`);
const warningItems = async (page, fieldId) =>
  (await warning(page, fieldId).getByRole('listitem').allTextContents()).map((t) => t.trim());

test('typing in a reflection: an NHS number, a name, a postcode and a date of birth are pointed out as typed; a phone number and a failing number are not', async () => {
  const { context, page } = await app.open('/#/about');
  await seed(page, fixture);
  await load(page, '/#/placement-log/entries/activity-1');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const field = page.getByLabel('What did you learn about yourself? (optional)');
  await field.fill('');

  // Every text the polite live region under the field takes, in order.
  await page.evaluate(() => {
    const region = document.querySelector('#activity-learnt').parentElement.querySelector('[aria-live="polite"]');
    window.liveTexts = [];
    new MutationObserver(() => {
      const text = region.textContent.trim();
      if (text !== (window.liveTexts.at(-1) ?? '')) window.liveTexts.push(text);
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });

  // Key by key: the name grows with each letter, the number appears at its last digit.
  await field.pressSequentially('Saw Mrs Okafor in clinic, NHS 943 476 591');
  await warning(page, 'activity-learnt').getByText("This looks like a patient's name: Mrs Okafor.").waitFor();
  assert.deepEqual(await warningItems(page, 'activity-learnt'), ["This looks like a patient's name: Mrs Okafor."]);
  await field.pressSequentially('9 today');
  await warning(page, 'activity-learnt').getByText('This looks like an NHS number: 943 476 5919.').waitFor();
  assert.deepEqual(await warningItems(page, 'activity-learnt'), [
    "This looks like a patient's name: Mrs Okafor.",
    'This looks like an NHS number: 943 476 5919.',
  ]);
  // The warning says why and describes the field; nothing is blocked.
  await warning(page, 'activity-learnt').getByText(/Reflections and notes must not identify patients\. .*Academy of Medical Royal Colleges/).waitFor();
  const describedBy = (await field.getAttribute('aria-describedby')).split(' ');
  assert.ok(describedBy.includes('activity-learnt-identifiers'), describedBy.join(' '));
  assert.equal(await field.isEditable(), true);
  // Screen readers heard it twice, once per new kind, though the visible
  // words changed with every letter of the name.
  assert.deepEqual(await page.evaluate(() => window.liveTexts), [LIVE_TEXT_NAME, LIVE_TEXT_NAME_NHS]);
  await expectNoViolations(page, 'a reflection with a name and an NHS number pointed out');

  // Deleting the last digit makes it a number that is not one: that finding goes.
  for (const key of [...' today'].map(() => 'Backspace')) await field.press(key);
  await field.press('Backspace');
  await field.pressSequentially('8');
  assert.equal(await field.inputValue(), 'Saw Mrs Okafor in clinic, NHS 943 476 5918');
  await page.waitForFunction(() => !document.querySelector('#activity-learnt-identifiers')?.textContent.includes('NHS number'));
  assert.deepEqual(await warningItems(page, 'activity-learnt'), ["This looks like a patient's name: Mrs Okafor."]);

  // Emptied: no warning at all, and the field is described by nothing of it.
  await field.fill('');
  await warning(page, 'activity-learnt').waitFor({ state: 'detached' });
  assert.ok(!((await field.getAttribute('aria-describedby')) ?? '').includes('identifiers'));

  // A phone number and a number failing the check are not pointed out; the
  // postcode typed after them is, so the page has caught up with every key.
  await field.pressSequentially('Rang 01632 960 123 about ref 943 476 5918, then visited NN1 5BD');
  await warning(page, 'activity-learnt').getByText('This looks like a full postcode: NN1 5BD.').waitFor();
  assert.deepEqual(await warningItems(page, 'activity-learnt'), ['This looks like a full postcode: NN1 5BD.']);

  // A date of birth, in another field of the same form.
  const what = page.getByLabel('What did you do?');
  await what.fill('');
  await what.pressSequentially('Audit of one case, DOB 01/02/1960, for the pathway');
  await warning(page, 'activity-what').getByText('This looks like a date of birth: 01/02/1960.').waitFor();
  assert.deepEqual(await warningItems(page, 'activity-what'), ['This looks like a date of birth: 01/02/1960.']);
  await expectNoViolations(page, 'a postcode and a date of birth pointed out');

  // Saving is not blocked.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  const saved = (await savedWorkbook(page)).placements[0].entries[0];
  assert.equal(saved.learnt_about_self, 'Rang 01632 960 123 about ref 943 476 5918, then visited NN1 5BD');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an evidence note on a statement is checked as it is typed, in the self-assessment', async () => {
  const { context, page } = await app.open('/#/about');
  await seed(page, fixture);
  await load(page, '/#/self-assessment/assessment-1/domain/power');
  const note = page.locator('#power-1-evidence');
  await note.fill('');
  await note.pressSequentially('Raised by Mr Jones, a patient, DOB 1 Feb 1960');
  await warning(page, 'power-1-evidence').getByText('This looks like a date of birth: 1 Feb 1960.').waitFor();
  assert.deepEqual(await warningItems(page, 'power-1-evidence'), [
    "This looks like a patient's name: Mr Jones.",
    'This looks like a date of birth: 1 Feb 1960.',
  ]);
  await expectNoViolations(page, 'an evidence note with a warning');
  await context.close();
});

test('before a backup or an export: a list of each likely identifier, with the record and field, linking to the field', async () => {
  const workbook = structuredClone(fixture);
  workbook.placements[0].entries[0].keep = 'Home visits to NN1 5BD';
  workbook.assessments[0].answers['power-1'].evidence = 'Mrs Okafor was referred to the TB clinic';
  const { context, page } = await app.open('/#/about');
  await seed(page, workbook);

  // Your data, under "Download a backup".
  await load(page, '/#/your-data');
  const list = page.getByRole('region', { name: 'Check for patient details before you share' });
  await list.waitFor();
  const items = list.getByRole('listitem');
  assert.deepEqual(
    (await items.allTextContents()).map((t) => t.trim().replace(/\s+/g, ' ')),
    [
      "This looks like a patient's name: Mrs Okafor. In the assessment East Kent: Respiratory <b>services</b> (Manager), 1 September 2027, “Evidence or notes on “Our clinicians' views visibly change commissioning decisions.””.",
      'This looks like a full postcode: NN1 5BD. In the log entry of 5 November 2026 (pathway design), “What will you keep doing?”.',
    ],
  );
  await list.getByText(/You can still download the backup without changing anything\./).waitFor();
  await expectNoViolations(page, 'Your data with the list');
  // It never blocks: the backup downloads.
  const backup = await download(page, page.getByRole('button', { name: 'Download backup' }));
  assert.match(backup.suggestedFilename(), /\.json$/);
  // The link goes to the entry's form with focus in the field.
  await list.getByRole('link', { name: /log entry of 5 November 2026.*What will you keep doing\?/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'activity-keep');
  assert.equal(await page.getByLabel('What will you keep doing? (optional)').inputValue(), 'Home visits to NN1 5BD');

  // Exporting the assessment for a partner: the notes are left out unless
  // ticked, and so are their findings.
  await load(page, '/#/self-assessment/assessment-1/export');
  const include = page.getByLabel('Include my evidence notes');
  await include.waitFor();
  assert.equal(await list.count(), 0, 'nothing in the partnership or clinical area');
  await include.check();
  await list.getByRole('listitem').first().waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1);
  await list.getByText("This looks like a patient's name: Mrs Okafor.").waitFor();
  await list.getByText(/You can still download the file without changing anything\./).waitFor();
  await expectNoViolations(page, 'the partner export with the list');
  const file = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.match(file.suggestedFilename(), /\.json$/);
  await list.getByRole('link', { name: /Evidence or notes on/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'power-1-evidence');
  assert.equal(await page.locator('#power-1-evidence').inputValue(), 'Mrs Okafor was referred to the TB clinic');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("a placement's summary and CSV list what they hold, on screen only, and link to the field", async () => {
  const workbook = structuredClone(fixture);
  workbook.placements[0].objectives = 'Audit, DOB 01/02/1960 case';
  workbook.placements[0].entries[0].keep = 'Home visits to NN1 5BD';
  const { context, page } = await app.open('/#/about');
  await seed(page, workbook);
  const list = page.getByRole('region', { name: 'Check for patient details before you share' });
  const texts = async () => (await list.getByRole('listitem').allTextContents()).map((t) => t.trim().replace(/\s+/g, ' '));

  // The summary holds the objectives and the entry chosen for it.
  await load(page, '/#/placement-log/placements/placement-1/summary');
  await list.waitFor();
  assert.deepEqual(await texts(), [
    'This looks like a date of birth: 01/02/1960. In the placement at NHS Eastern and Coastal Kent from 1 September 2027, “Your learning objectives”.',
    'This looks like a full postcode: NN1 5BD. In the log entry of 5 November 2026 (pathway design), “What will you keep doing?”.',
  ]);
  await list.getByText(/You can still print or copy the summary without changing anything\./).waitFor();
  await expectNoViolations(page, 'the summary with the list');
  // Not on paper.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await list.isVisible(), false);
  await page.emulateMedia({ media: 'screen' });

  // The CSV holds the entry but not the objectives.
  await load(page, '/#/placement-log/placements/placement-1/log');
  await list.waitFor();
  assert.deepEqual(await texts(), [
    'This looks like a full postcode: NN1 5BD. In the log entry of 5 November 2026 (pathway design), “What will you keep doing?”.',
  ]);
  const csv = await download(page, page.getByRole('button', { name: 'Download the log as CSV' }));
  assert.match(csv.suggestedFilename(), /\.csv$/);
  await list.getByRole('link', { name: /What will you keep doing\?/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'activity-keep');
  // The objectives' link goes to the placement's details, to that field.
  await load(page, '/#/placement-log/placements/placement-1/summary');
  await list.getByRole('link', { name: /Your learning objectives/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'placement-objectives');
  assert.equal(await page.getByLabel('Your learning objectives (optional)').inputValue(), 'Audit, DOB 01/02/1960 case');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a development plan lists what its printed copy holds, and links to the evidence', async () => {
  const workbook = structuredClone(fixture);
  workbook.plans[0].goals[0].evidence[0].learnt = 'Chairing: Mr Patel was treated late, NHS 401 023 2137';
  const { context, page } = await app.open('/#/about');
  await seed(page, workbook);
  await load(page, '/#/development-plan/plans/plan-1');
  const list = page.getByRole('region', { name: 'Check for patient details before you share' });
  await list.waitFor();
  assert.deepEqual(
    (await list.getByRole('listitem').allTextContents()).map((t) => t.trim().replace(/\s+/g, ' ')),
    [
      "This looks like a patient's name: Mr Patel. In the evidence from 3 September 2027, “What did you learn?”.",
      'This looks like an NHS number: 401 023 2137. In the evidence from 3 September 2027, “What did you learn?”.',
    ],
  );
  await list.getByText(/You can still print the plan without changing anything\./).waitFor();
  await expectNoViolations(page, 'a plan with the list');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await list.isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await list.getByRole('link', { name: /401 023 2137|What did you learn\?/ }).last().click();
  await page.waitForFunction(() => document.activeElement?.id === 'evidence-learnt');
  assert.equal(await page.getByLabel('What did you learn? (optional)').inputValue(), 'Chairing: Mr Patel was treated late, NHS 401 023 2137');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
