// Your data: download a backup, restore it in a fresh browser profile, and refuse
// files that are not a readable backup without touching the current data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, waitForApp, downloadText, download, PINNED_MOMENT } from './support.mjs';

const app = useApp();

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

function chooseFile(page, name, text) {
  return page.getByLabel('Choose a backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

test('a downloaded backup restores in a fresh browser profile after the user confirms', async () => {
  const first = await app.open('/#/development-plan');
  await addGoal(first.page, 'Lead the diabetes pathway redesign');
  await addGoal(first.page, 'Present a business case to the executive committee');
  await goToArea(first.page, 'Your data');
  const file = await download(first.page, first.page.getByRole('button', { name: 'Download backup' }));
  // The page's clock is pinned (support.mjs): the backup is named after that day.
  assert.equal(PINNED_MOMENT.slice(0, 10), '2026-12-03');
  assert.equal(file.suggestedFilename(), 'commissioning-workbook-2026-12-03.json');
  const text = await downloadText(file);
  assert.match(text, /^\{\n  "format": "commissioning-workbook",\n  "schema_version": 7,/, 'pretty-printed, format and version first');
  await first.context.close();

  const second = await app.open('/#/your-data');
  await chooseFile(second.page, 'my-backup.json', text);
  const summary = second.page.getByRole('region', { name: 'Backup to restore' });
  await summary.waitFor();
  assert.match(await summary.getByRole('list', { name: 'Backup contents' }).textContent(), /2 development plan goals/);

  // Nothing is replaced before the user confirms.
  await goToArea(second.page, 'Development plan');
  await second.page.getByText('You have no goals yet.').waitFor();
  await goToArea(second.page, 'Your data');
  await chooseFile(second.page, 'my-backup.json', text);
  await second.page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await second.page.getByRole('status').filter({ hasText: 'Workbook restored' }).waitFor();

  await second.page.reload();
  await waitForApp(second.page);
  await goToArea(second.page, 'Development plan');
  const goals = second.page.getByRole('list', { name: 'Your goals' });
  await goals.getByRole('heading', { name: 'Lead the diabetes pathway redesign' }).waitFor();
  await goals.getByRole('heading', { name: 'Present a business case to the executive committee' }).waitFor();
  await second.context.close();
});

test('cancelling a restore leaves the workbook as it was', async () => {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, 'Existing goal');
  await goToArea(page, 'Your data');
  const backup = JSON.stringify({
    format: 'commissioning-workbook',
    schema_version: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });
  await chooseFile(page, 'empty.json', backup);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await goToArea(page, 'Development plan');
  await page.getByRole('heading', { name: 'Existing goal' }).waitFor();
  await context.close();
});

const badFiles = [
  { name: 'malformed.json', text: '{"format": "commissioning-workbook", "schema_version": 1, ', message: /not valid JSON/ },
  { name: 'other.json', text: '{"format": "someone-elses-app", "schema_version": 1}', message: /"someone-elses-app" file, not a Commissioning Workbook backup/ },
  { name: 'newer.json', text: '{"format": "commissioning-workbook", "schema_version": 8}', message: /schema version 8, which is newer/ },
];

for (const bad of badFiles) {
  test(`restoring ${bad.name} shows what is wrong and keeps the current data`, async () => {
    const { context, page } = await app.open('/#/development-plan');
    await addGoal(page, 'Goal that must survive');
    await goToArea(page, 'Your data');
    await chooseFile(page, bad.name, bad.text);
    const problem = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });
    await problem.waitFor();
    assert.match(await problem.textContent(), bad.message);
    assert.match(await problem.textContent(), /Your workbook has not been changed/);
    assert.equal(await page.getByRole('button', { name: 'Replace my workbook with this backup' }).count(), 0);

    await page.reload();
    await waitForApp(page);
    await goToArea(page, 'Development plan');
    await page.getByRole('heading', { name: 'Goal that must survive' }).waitFor();
    await context.close();
  });
}
