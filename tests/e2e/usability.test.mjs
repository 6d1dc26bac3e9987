// Fixes from the self-assessment usability walkthrough (issue 7), each as a
// person meets it: focus after a page change, error links that put the cursor
// in the field, no assumed role, notes kept mid-typing, NHS-style dates,
// plain-English file errors, and no unbuilt area offered as ready.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, load, PINNED_MOMENT } from './support.mjs';

const app = useApp();

const focusedHeading = (page) =>
  page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));

async function startAssessment(page, partnership) {
  await load(page, '/#/self-assessment/new');
  await waitForApp(page);
  await page.getByLabel('Partnership name').fill(partnership);
  await page.getByLabel('Clinician (GP, nurse, consultant or other clinician)').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
}

test('after a page change focus is on the new page heading, so Enter twice does not skip an area', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'Development plan');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await focusedHeading(page), 'Leadership development plan');

  await startAssessment(page, 'Focus partnership');
  await page.getByRole('link', { name: 'Next: Shared aims' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Shared aims and priorities' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await focusedHeading(page), 'Shared aims and priorities');
  const address = await page.evaluate(() => location.hash);
  // Had the Enter followed a link, the link's click would have changed the
  // address in the key's own task, before its keyup; so once the page has
  // had the keyup, the moment for that has passed.
  await page.evaluate(() => {
    window.keyupSeen = new Promise((resolve) => document.addEventListener('keyup', () => resolve(), { once: true }));
  });
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.keyupSeen);
  assert.equal(await page.evaluate(() => location.hash), address, 'a second Enter follows no link');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Shared aims and priorities', 'a second Enter does nothing');
  await context.close();
});

test('the link to carry on an assessment is named by its visible words', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Review partnership');
  await goToArea(page, 'Self-assessment');
  const link = page.getByRole('link', { name: /^Continue: Review partnership/ });
  assert.equal(await link.textContent(), 'Continue');
  await context.close();
});

test('an error-summary link puts the cursor in the field, and no role is chosen for the user', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  const roles = page.getByRole('group', { name: 'Your role in the partnership' }).getByRole('radio');
  assert.equal(await roles.count(), 3);
  for (const radio of await roles.all()) assert.equal(await radio.isChecked(), false, 'no role is pre-selected');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Select your role in the partnership' }).waitFor();
  await summary.getByRole('link', { name: 'Enter the name of the partnership you are assessing' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'assessment-partnership');
  await page.keyboard.type('Typed after the link');
  assert.equal(await page.getByLabel('Partnership name').inputValue(), 'Typed after the link');
  await summary.getByRole('link', { name: 'Select your role in the partnership' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'assessment-role-clinician');
  await context.close();
});

test('evidence notes are kept when the page is reloaded mid-typing', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Notes partnership');
  const notes = page.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first();
  await notes.click();
  await notes.pressSequentially('Agreed at the March board');
  // No blur, no pause: reload at once.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('textbox', { name: 'Evidence or notes (optional)' }).first().inputValue(), 'Agreed at the March board');
  await context.close();
});

test('dates read the NHS way in local time, and a damaged file is explained in plain English', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Dates partnership');
  await goToArea(page, 'Self-assessment');
  // The page's clock is pinned at 3 December 2026 (support.mjs), so the assessment is dated that day.
  assert.equal(PINNED_MOMENT.slice(0, 10), '2026-12-03');
  const today = '3 December 2026';
  await page.getByRole('cell', { name: `Dates partnership (Clinician), ${today}`, exact: true }).waitFor();

  await goToArea(page, 'Your data');
  const lastChanged = await page.getByText(/^Last changed:/).textContent();
  assert.match(lastChanged, new RegExp(`${today} at \\d\\d:\\d\\d$`));
  assert.doesNotMatch(lastChanged, /UTC/);

  const cutShort = '{\n  "format": "commissioning-workbook",\n  "schema_version": 2,\n  "development_plan": { "goals": [';
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(cutShort) });
  const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /stops before the end, so it may have been cut short/);
  assert.doesNotMatch(text, /EOF|column/);
  await context.close();
});

test('the home page offers the placement log now that it is built', async () => {
  const { context, page } = await app.open();
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'keep a placement log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Placement log' }).waitFor();
  await context.close();
});
