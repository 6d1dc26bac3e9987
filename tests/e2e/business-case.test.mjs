// Issue 27, the business case, as a GP trainee or a group's lead writes
// one: started from a placement project (or a plan goal, or on its own),
// linked both ways; its sections filled in, impossible rates and uplifts
// refused with nothing typed lost; milestones added, changed and deleted
// with undo; its options compared side by side with the Green Book's
// figures and one recommended; all of it kept through a reload, a second
// tab and a backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, load, waitForApp, fillDate, savedWorkbook, download, downloadText, axeViolations } from './support.mjs';

const app = useApp();

const fixture = JSON.parse(await readFile(new URL('../fixtures/workbook-schema-6.json', import.meta.url), 'utf8'));

async function openWith(workbook, path) {
  const { context, page } = await app.open();
  await page.evaluate((wb) => localStorage.setItem('commissioning-workbook', JSON.stringify(wb)), workbook);
  await load(page, path);
  return { context, page };
}

const at = '2026-11-20T09:00:00Z';
const year = (n, fields) => ({ year: n, set_up_costs: 0, running_costs: 0, cash_releasing_savings: 0, non_cash_releasing_savings: 0, ...fields });

/** A workbook with one case: "do nothing", and the worked example (£100,000 now, £30,000 saved a year for 5 years). */
function workbookWithCase() {
  return {
    format: 'commissioning-workbook',
    schema_version: 7,
    created_at: at,
    updated_at: at,
    revision: 1,
    assessments: [],
    partner_assessments: [],
    plans: [],
    placements: [],
    business_cases: {
      cases: [{
        id: 'business-case-e2e',
        title: 'Community diabetes clinic',
        linked: null,
        prepared_by: 'Dr Asha Patel, GP trainee',
        problem: '',
        population: '',
        strategic_fit: '',
        procurement: '',
        funding: '',
        benefits_measurement: '',
        recommendation: '',
        preferred_option_id: null,
        discount_rate_basis_points: 350,
        optimism_bias_percent: 0,
        options: [
          { id: 'business-case-e2e-do-nothing', name: 'Do nothing', description: 'Carry on as now.', do_nothing: true, benefits: '', years: [], risks: [], created_at: at, updated_at: at },
          {
            id: 'option-clinic',
            name: 'Clinic in two practices',
            description: 'Two sessions a week',
            do_nothing: false,
            benefits: 'Shorter waits',
            years: [year(0, { set_up_costs: 10000000 }), ...[1, 2, 3, 4, 5].map((n) => year(n, { cash_releasing_savings: 3000000 }))],
            risks: [],
            created_at: at,
            updated_at: at,
          },
        ],
        milestones: [],
        created_at: at,
        updated_at: at,
      }],
    },
    deleted: [],
  };
}

const options = (page) => page.getByRole('table', { name: 'Options' });

test('a case started from a placement project links both ways, and its sections and milestones survive a reload and a backup', async () => {
  const { context, page } = await openWith(fixture, '/#/placement-log/projects/project-1');
  await page.getByRole('heading', { level: 1, name: 'Redesign the TB pathway' }).waitFor();
  await page.getByRole('link', { name: 'Start a business case for this project' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a business case' }).waitFor();
  const main = page.getByRole('main');
  assert.match(await main.innerText(), /This business case is for the placement project "Redesign the TB pathway"/);
  const title = page.getByLabel('Title');
  assert.equal(await title.inputValue(), 'Redesign the TB pathway', 'the project\'s title to start from');
  // An empty title is refused, and nothing else typed is lost.
  await title.fill('');
  await page.getByLabel('Prepared by (optional)').pressSequentially('Dr Sam Okafor, GP trainee');
  await page.getByRole('button', { name: 'Start the business case' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter a title for the business case' }).waitFor();
  assert.equal(await page.getByLabel('Prepared by (optional)').inputValue(), 'Dr Sam Okafor, GP trainee');
  assert.deepEqual(await axeViolations(page), []);
  await title.pressSequentially('TB clinic in the community');
  await page.getByRole('button', { name: 'Start the business case' }).click();

  await page.getByRole('heading', { level: 1, name: 'TB clinic in the community' }).waitFor();
  const casePath = page.url().replace(/^https?:\/\/[^/]+/, '');
  assert.match(await main.innerText(), /For\s+the placement project "Redesign the TB pathway"/);
  const todo = page.getByRole('list', { name: 'Still to do' });
  assert.deepEqual(await todo.getByRole('listitem').allTextContents(), [
    'Add an option that does something',
    'Choose the option you recommend',
    'Describe the problem',
    "Say how it fits the commissioner's priorities",
    'Say who pays',
    'Add a milestone',
  ]);
  // It starts with "do nothing", at £0, and the rate stated with its source.
  const nothing = options(page).getByRole('row', { name: /Do nothing/ });
  assert.match(await nothing.innerText(), /Do nothing\s+Do nothing\s+£0\s+£0\s+Not applicable\s+Does not pay back/);
  assert.match(await main.innerText(), /discounted at 3\.5 % a year\. That is the Green Book's rate for years 0 to 30/);
  assert.match(await main.innerText(), /Source: HM Treasury, The Green Book/);
  assert.deepEqual(await axeViolations(page), []);

  // A milestone: an impossible date refused, then added, changed, deleted and undone.
  await page.getByRole('link', { name: 'Add a milestone' }).click();
  await page.getByLabel('What is to be done').pressSequentially('First clinic held');
  await fillDate(page, 'By when', '2027-09-31');
  await page.getByRole('button', { name: 'Add the milestone' }).click();
  await page.getByRole('alert').getByRole('link', { name: /must be a real date/ }).waitFor();
  assert.equal(await page.getByLabel('What is to be done').inputValue(), 'First clinic held');
  assert.deepEqual(await axeViolations(page), []);
  await fillDate(page, 'By when', '2027-09-30');
  await page.getByRole('button', { name: 'Add the milestone' }).click();
  const milestones = page.getByRole('link', { name: 'Change the milestone First clinic held' });
  await milestones.waitFor();
  assert.match(await main.innerText(), /30 September 2027\s+First clinic held/);
  await page.getByRole('link', { name: 'Change the milestone First clinic held' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change the milestone' }).waitFor();
  await fillDate(page, 'By when', '2027-10-14');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'TB clinic in the community' }).waitFor();
  assert.match(await main.innerText(), /14 October 2027\s+First clinic held/);
  await page.getByRole('link', { name: 'Change the milestone First clinic held' }).click();
  await page.getByRole('button', { name: 'Delete milestone: First clinic held' }).click();
  await page.getByRole('button', { name: 'Yes, delete milestone: First clinic held' }).click();
  await page.getByRole('heading', { level: 1, name: 'TB clinic in the community' }).waitFor();
  await page.getByText('No milestones yet').waitFor();
  await page.getByRole('status').filter({ hasText: 'Deleted the milestone' }).getByRole('button', { name: 'Undo' }).click();
  await milestones.waitFor();

  // The sections: impossible rate and uplift refused, nothing typed lost.
  await page.getByRole('link', { name: /Change the case's sections/ }).click();
  await page.getByRole('heading', { level: 1, name: "Change the case's sections" }).waitFor();
  await page.getByLabel('The problem (optional)').pressSequentially('Patients travel 30 miles to the TB clinic.');
  await page.getByLabel('Who pays (optional)').pressSequentially('The invest-to-save fund');
  const rate = page.getByLabel('Discount rate (%)');
  assert.equal(await rate.inputValue(), '3.5');
  await rate.fill('');
  await rate.pressSequentially('-100');
  const bias = page.getByLabel('Optimism bias (%)');
  await bias.fill('');
  await bias.pressSequentially('250');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('link', { name: 'The discount rate must be 0 % or more' }).waitFor();
  await summary.getByRole('link', { name: 'The optimism bias must be a whole number from 0 to 200' }).waitFor();
  assert.equal(await page.getByLabel('The problem (optional)').inputValue(), 'Patients travel 30 miles to the TB clinic.');
  assert.deepEqual(await axeViolations(page), []);
  await rate.fill('');
  await rate.pressSequentially('three');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await summary.getByRole('link', { name: 'The discount rate must be a number, such as 3.5' }).waitFor();
  await rate.fill('');
  await rate.pressSequentially('4');
  await bias.fill('');
  await bias.pressSequentially('10');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'TB clinic in the community' }).waitFor();
  assert.match(await main.innerText(), /The problem\s+Patients travel 30 miles to the TB clinic\./);
  assert.match(await main.innerText(), /discounted at 4 % a year\. The Green Book's rate for years 0 to 30 is 3\.5 %; this case uses its own\./);
  assert.match(await main.innerText(), /optimism-bias uplift on costs is 10 %/);

  // The project's page lists the case; a reload keeps everything.
  await load(page, '/#/placement-log/projects/project-1');
  await page.getByRole('list', { name: 'Business cases for this project' }).getByRole('link', { name: 'TB clinic in the community' }).click();
  await page.getByRole('heading', { level: 1, name: 'TB clinic in the community' }).waitFor();
  await load(page, casePath);
  assert.match(await main.innerText(), /14 October 2027\s+First clinic held/);
  const saved = await savedWorkbook(page);
  assert.equal(saved.schema_version, 7);
  const kept = saved.business_cases.cases[0];
  assert.deepEqual(kept.linked, { kind: 'project', id: 'project-1', title: 'Redesign the TB pathway' });
  assert.equal(kept.discount_rate_basis_points, 400);
  assert.equal(kept.optimism_bias_percent, 10);
  assert.equal(kept.options[0].do_nothing, true);
  await load(page, '/#/your-data');
  const backup = JSON.parse(await downloadText(await download(page, page.getByRole('button', { name: 'Download backup' }))));
  assert.equal(backup.business_cases.cases[0].milestones[0].due, '2027-10-14');
  await context.close();
});

test('options are compared with the Green Book figures, one recommended; two tabs keep each other\'s changes', async () => {
  const { context, page } = await openWith(workbookWithCase(), '/#/business-case/cases/business-case-e2e');
  await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  const clinic = options(page).getByRole('row', { name: /Clinic in two practices/ });
  // Worked by hand: NPV £35,452, BCR 1.35, paid back after 3.3 years (in
  // year 4 discounted), breaking even at £22,148 a year.
  assert.match(await clinic.innerText(), /£35,452\s+£100,000\s+1\.35\s+3\.3 years\s+In year 4\s+£22,148/);
  assert.deepEqual(await axeViolations(page), []);

  // A second tab adds a milestone while the first recommends the clinic.
  const second = await context.newPage();
  await load(second, '/#/business-case/cases/business-case-e2e/milestones/new');
  await page.getByRole('link', { name: /Change the case's sections/ }).click();
  await page.getByLabel('The option you recommend').selectOption({ label: 'Clinic in two practices' });
  await page.getByLabel('Recommendation (optional)').pressSequentially('Fund the clinic from the invest-to-save fund.');
  await second.getByLabel('What is to be done').pressSequentially('Specification agreed');
  await fillDate(second, 'By when', '2027-03-31');
  await second.getByRole('button', { name: 'Add the milestone' }).click();
  await second.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  const main = page.getByRole('main');
  await page.getByRole('link', { name: 'Change the milestone Specification agreed' }).waitFor();
  assert.match(await main.innerText(), /Recommended option\s+Clinic in two practices/);
  assert.match(await clinic.innerText(), /Recommended/);
  const saved = await savedWorkbook(second);
  const kept = saved.business_cases.cases[0];
  assert.equal(kept.preferred_option_id, 'option-clinic');
  assert.equal(kept.milestones[0].what, 'Specification agreed');

  // The list shows the recommended option and its net present value.
  await load(page, '/#/business-case');
  const row = page.getByRole('row', { name: /Community diabetes clinic/ });
  assert.match(await row.innerText(), /On its own\s+Clinic in two practices\s+£35,452/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a case for a plan goal says so, and one started on its own from the list has no link', async () => {
  const { context, page } = await openWith(fixture, '/#/development-plan/goals/goal-1');
  await page.getByRole('link', { name: 'Start a business case for this goal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Start a business case' }).waitFor();
  assert.match(await page.getByRole('main').innerText(), /for the plan goal "Chair the respiratory programme board"/);
  await page.getByRole('button', { name: 'Start the business case' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chair the respiratory programme board' }).waitFor();
  await load(page, '/#/development-plan/goals/goal-1');
  await page.getByRole('list', { name: 'Business cases for this goal' }).getByRole('link', { name: 'Chair the respiratory programme board' }).waitFor();

  await load(page, '/#/business-case');
  await page.getByRole('link', { name: 'Start a business case' }).click();
  assert.doesNotMatch(await page.getByRole('main').innerText(), /This business case is for/);
  await page.getByLabel('Title').pressSequentially('Practice pharmacist');
  await page.getByRole('button', { name: 'Start the business case' }).click();
  await page.getByRole('heading', { level: 1, name: 'Practice pharmacist' }).waitFor();
  await waitForApp(page);
  const saved = await savedWorkbook(page);
  assert.deepEqual(saved.business_cases.cases.map((c) => c.linked?.kind ?? null), ['goal', null]);
  await context.close();
});

test('a case changed in two browsers is merged from a backup: the newer sections kept, the other listed, a new milestone added', async () => {
  const here = await openWith(workbookWithCase(), '/#/your-data');
  const start = await downloadText(await download(here.page, here.page.getByRole('button', { name: 'Download backup' })));

  // A second browser, its clock an hour ahead, starts from that backup.
  const there = await app.open('/#/your-data', { at: '2026-12-03T11:15:00' });
  await there.page.getByLabel('Choose a backup file').setInputFiles({ name: 'start.json', mimeType: 'application/json', buffer: Buffer.from(start) });
  await there.page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await there.page.getByRole('status').filter({ hasText: 'Workbook restored' }).waitFor();

  const whoPays = async (page, text) => {
    await load(page, '/#/business-case/cases/business-case-e2e/details');
    await page.getByLabel('Who pays (optional)').pressSequentially(text);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community diabetes clinic' }).waitFor();
  };
  await whoPays(here.page, 'The practices');
  await whoPays(there.page, 'The invest-to-save fund');
  await there.page.getByRole('link', { name: 'Add a milestone' }).click();
  await there.page.getByLabel('What is to be done').pressSequentially('Bid to the fund');
  await fillDate(there.page, 'By when', '2027-01-31');
  await there.page.getByRole('button', { name: 'Add the milestone' }).click();
  await there.page.getByRole('link', { name: 'Change the milestone Bid to the fund' }).waitFor();
  await load(there.page, '/#/your-data');
  const theirs = await downloadText(await download(there.page, there.page.getByRole('button', { name: 'Download backup' })));

  await load(here.page, '/#/your-data');
  await here.page.getByLabel('Choose a backup file').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(theirs) });
  const preview = here.page.getByRole('list', { name: 'What merging would do' });
  assert.match(await preview.textContent(), /1 milestone added/);
  await here.page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  await here.page.getByRole('status').filter({ hasText: 'Backup merged' }).waitFor();
  const conflict = here.page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  assert.equal(await conflict.count(), 1);
  assert.match(await conflict.textContent(), /the business case "Community diabetes clinic"/i);
  assert.match(await conflict.textContent(), /The practices/);

  await load(here.page, '/#/business-case/cases/business-case-e2e');
  const main = here.page.getByRole('main');
  assert.match(await main.innerText(), /Who pays\s+The invest-to-save fund/, 'the newer wording wins');
  await here.page.getByRole('link', { name: 'Change the milestone Bid to the fund' }).waitFor();
  await here.context.close();
  await there.context.close();
});
