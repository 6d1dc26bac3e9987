// The backup file is documented by a JSON Schema kept in the repository
// (schemas/, generated from the app's own types). A real backup, downloaded
// from the app with something in every area, passes a standard validator
// (ajv); a file with a wrong type does not, so the check has teeth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { useApp, waitForApp, goToArea, download, downloadText, load } from './support.mjs';

const app = useApp();

async function validator(file) {
  const schema = JSON.parse(await readFile(new URL(`../../schemas/${file}`, import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // Rust's unsigned integer widths: the schema also states their minimum.
  for (const width of ['uint8', 'uint32', 'uint64']) ajv.addFormat(width, { type: 'number', validate: Number.isInteger });
  return ajv.compile(schema);
}

test('a real backup with every area filled in is valid against the published schema', async () => {
  const fixture = await readFile(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8');
  const { context, page } = await app.open('/#/about');
  // A workbook saved by an older version: assessments, a plan with goals, a placement.
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), fixture);
  await load(page, '/#/placement-log');
  await waitForApp(page);
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByLabel('Time spent').fill('1:00');
  await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
  await page.getByLabel('What did you do?').fill('Met the lead commissioner <b>not bold</b>');
  await page.getByLabel('Very effective').check();
  await page.getByLabel('Working within teams').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  await goToArea(page, 'Your data');
  const text = await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' })));
  await context.close();

  const backup = JSON.parse(text);
  assert.ok(backup.assessments.length > 0 && backup.plans[0].goals.length > 0 && backup.placements[0].entries.length === 1);
  const valid = await validator('workbook.schema.json');
  assert.equal(valid(backup), true, JSON.stringify(valid.errors, null, 2));

  const broken = structuredClone(backup);
  broken.placements[0].entries[0].minutes = 'an hour';
  assert.equal(valid(broken), false, 'a wrong type is caught');
  const otherFormat = { ...backup, format: 'something-else' };
  assert.equal(valid(otherFormat), false, 'the format name is pinned');
});

test('an assessment exported for a partner is valid against the published shared-assessment schema', async () => {
  const workbook = JSON.parse(await readFile(new URL('../fixtures/workbook-schema-3.json', import.meta.url), 'utf8'));
  const { id } = workbook.assessments[0];
  workbook.assessments[0].answers['trust-2'].evidence = 'Board minutes, 3 March';
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await load(page, `/#/self-assessment/${id}/export`);
  await waitForApp(page);
  await page.getByLabel('Include my evidence notes').check();
  const text = await downloadText(await download(page, page.getByRole('button', { name: 'Download the file' })));
  await context.close();

  const shared = JSON.parse(text);
  assert.equal(shared.assessment.answers['trust-2'].evidence, 'Board minutes, 3 March');
  const valid = await validator('assessment.schema.json');
  assert.equal(valid(shared), true, JSON.stringify(valid.errors, null, 2));
  assert.equal(valid({ ...shared, framework_version: 99 }), false, 'a framework newer than the app is outside the schema');
  const backupShaped = { ...shared, format: 'commissioning-workbook' };
  assert.equal(valid(backupShaped), false, 'a backup is not a shared assessment');
});
