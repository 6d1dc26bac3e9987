// The self-assessment as a person uses it: start one, answer by keyboard and
// mouse, reload mid-way and resume, choose two to compare, export for a partner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, downloadText, download } from './support.mjs';

const app = useApp();

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const POWER_2 = 'Clinicians and managers work as a partnership of equals.';
const POWER_3 = 'Good business cases are approved and weak ones turned down, whoever brings them.';

async function startAssessment(page, partnership, { area = '', role = 'Manager (commissioning organisation)' } = {}) {
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: 'Start a new assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a self-assessment' }).waitFor();
  await page.getByLabel('Partnership name').fill(partnership);
  if (area) await page.getByLabel('Clinical area (optional)').fill(area);
  await page.getByLabel(role).check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
}

const statement = (page, text) => page.getByRole('region', { name: text });

test('a new assessment needs a partnership name', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /partnership/i);
  await goToArea(page, 'Self-assessment');
  await page.getByText('You have not started an assessment yet.').waitFor();
  await context.close();
});

test('answers given by mouse and keyboard are kept across a reload, and the assessment resumes where it was left', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Nene Commissioning', { area: 'Respiratory' });
  assert.match(await page.title(), /^Power and influence – Self-assessment/);

  // Mouse: choose a level; keyboard: focus a radio and press Space.
  await statement(page, POWER_1).getByLabel('1 Starting').check();
  await statement(page, POWER_2).getByLabel('3 Established').focus();
  await page.keyboard.press('Space');
  await statement(page, POWER_3).getByLabel("Not applicable or don't know").check();
  await page.getByRole('group', { name: /How important is power and influence/ }).getByLabel('High').check();
  const evidence = statement(page, POWER_1).getByLabel('Evidence or notes (optional)');
  await evidence.fill('Two business cases stalled this year.');
  await page.keyboard.press('Tab');
  await statement(page, POWER_1).getByLabel('Flag as a priority to act on').check();
  await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '3 of 43 statements answered' }).waitFor();

  await page.reload();
  await waitForApp(page);
  assert.equal(await statement(page, POWER_1).getByLabel('1 Starting').isChecked(), true);
  assert.equal(await statement(page, POWER_2).getByLabel('3 Established').isChecked(), true);
  assert.equal(await statement(page, POWER_3).getByLabel("Not applicable or don't know").isChecked(), true);
  assert.equal(await statement(page, POWER_1).getByLabel('Evidence or notes (optional)').inputValue(), 'Two business cases stalled this year.');
  assert.equal(await statement(page, POWER_1).getByLabel('Flag as a priority to act on').isChecked(), true);
  assert.equal(await page.getByLabel('High').isChecked(), true);

  // Finish this area, move on, then leave and come back: it resumes at the next area.
  for (const region of await page.getByRole('region').all()) {
    const notYet = region.getByLabel('2 Developing');
    if (!(await region.getByRole('radio', { checked: true }).count())) await notYet.check();
  }
  await page.getByRole('link', { name: 'Next: Shared aims and priorities' }).click();
  await page.getByRole('heading', { level: 1, name: 'Shared aims and priorities' }).waitFor();
  await goToArea(page, 'Self-assessment');
  const row = page.getByRole('row').filter({ hasText: 'Nene Commissioning' });
  assert.match(await row.textContent(), /5 of 43 answered/);
  await page.getByRole('link', { name: /^Continue: Nene Commissioning: Respiratory \(Manager\)/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Shared aims and priorities' }).waitFor();
  await context.close();
});

test('two assessments can be chosen to see the change over time', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'First look');
  await statement(page, POWER_1).getByLabel('1 Starting').check();
  await startAssessment(page, 'Second look');
  await statement(page, POWER_1).getByLabel('3 Established').check();
  await goToArea(page, 'Self-assessment');
  await page.getByLabel('Earlier assessment').selectOption({ index: 0 });
  await page.getByLabel('Later assessment').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Compare over time' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change over time' }).waitFor();
  assert.match(new URL(page.url()).hash.slice(1), /^\/self-assessment\/over-time\/assessment-[^/]+\/assessment-[^/]+$/);
  await context.close();
});

test('an assessment is exported as a single file for a partner', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'East Kent', { area: 'Diabetes' });
  await statement(page, POWER_2).getByLabel('4 Embedded').check();
  await goToArea(page, 'Self-assessment');
  await page.getByRole('link', { name: /^Export for your partner: East Kent/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Export for your partner' }).waitFor();
  const file = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.match(file.suggestedFilename(), /^partnership-assessment-manager-east-kent-diabetes-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await downloadText(file));
  assert.equal(exported.format, 'commissioning-workbook-assessment');
  assert.equal(exported.assessment.partnership, 'East Kent');
  assert.deepEqual(exported.assessment.answers['power-2'].rating, { level: 4 });
  await context.close();
});

test('a whole assessment is completed area by area, by keyboard and mouse, and its results print cleanly', async () => {
  const { context, page } = await app.open();
  await startAssessment(page, 'Complete run');
  const levels = ['0 Not in place', '1 Starting', '2 Developing', '3 Established', '4 Embedded'];
  for (let area = 1; area <= 8; area += 1) {
    await page.getByRole('group', { name: /^How important is/ }).getByLabel('Medium').check();
    const regions = await page.getByRole('region').all();
    for (const [i, region] of regions.entries()) {
      const choice = region.getByLabel(levels[(area + i) % levels.length]);
      if (i % 2 === 0) {
        await choice.check();
      } else {
        await choice.focus();
        await page.keyboard.press('Space');
      }
    }
    const next = page.getByRole('link', { name: /^Next: / });
    if (area < 8) {
      await next.click();
      await page.getByText(`Area ${area + 1} of 8`).waitFor();
    }
  }
  await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '43 of 43 statements answered' }).waitFor();
  await page.getByRole('link', { name: 'See your results' }).click();
  await page.getByRole('heading', { level: 1, name: /^Results: Complete run/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Continue the assessment' }).count(), 0, 'nothing left to answer');
  await page.getByRole('table', { name: 'Scores by area' }).waitFor();

  // Printing hides the site header, navigation and buttons; the results stay.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('banner').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print these results' }).isVisible(), false);
  assert.equal(await page.getByRole('table', { name: 'Scores by area' }).isVisible(), true);
  await context.close();
});
