// Issue 27, an option's figures, as a person writing a business case enters
// them: a case started from its page with a 10 % optimism-bias uplift, an
// option added with the worked example typed key by key (£100,000
// set-up in year 0, £30,000 cash-releasing savings in years 1 to 5), boxes
// it cannot read refused with the model's words and nothing typed lost, a
// year added and the last taken away; the option's page showing the Green
// Book's figures at 3.5 %, stated with its source; risks added, ordered by
// score, changed and deleted with undo; the option deleted with undo; a
// reload keeping it all; axe on every page and state; and a phone's width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, waitForApp, savedWorkbook, axeViolations } from './support.mjs';
import { PHONE, cutOff, screensTall } from './phone.mjs';

const app = useApp();

const noViolations = async (page, where) => {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${where}:\n${violations.join('\n')}`);
};

const h1 = (page) => page.getByRole('main').getByRole('heading', { level: 1 });

/** The money box for a year and column, by its accessible name. */
const box = (page, year, column) => page.getByLabel(`Year ${year} ${column} (£)`, { exact: true });

/** What a summary list says for `key`. */
const summaryValue = (page, key) => page.locator(`dt:text-is("${key}") + dd`);

/** Starts a case from its own page, sets its optimism bias to 10 %, and returns its page's address. */
async function startCase(page) {
  await load(page, '/#/business-case/new');
  await page.getByLabel('Title', { exact: true }).pressSequentially('Community diabetes clinic');
  await page.getByRole('button', { name: 'Start the business case' }).click();
  await h1(page).filter({ hasText: 'Community diabetes clinic' }).waitFor();
  const casePage = page.url();
  await page.getByRole('link', { name: "Change the case's sections, the recommended option or the discount rate" }).click();
  await h1(page).filter({ hasText: "Change the case's sections" }).waitFor();
  await page.getByLabel('Optimism bias (%)').fill('');
  await page.getByLabel('Optimism bias (%)').pressSequentially('10');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await h1(page).filter({ hasText: 'Community diabetes clinic' }).waitFor();
  return casePage;
}

/** Types the worked example into the option form, key by key. */
async function typeWorkedExample(page) {
  await page.getByLabel('Name of the option').pressSequentially('Community clinic');
  await page.getByLabel('What it is (optional)').pressSequentially('A clinic in two practices, run by a specialist nurse.');
  await page.getByLabel('Benefits that are not money (optional)').pressSequentially('Shorter waits; care closer to home.');
  await box(page, 0, 'set-up costs').pressSequentially('100000');
  for (const year of [1, 2, 3, 4]) await box(page, year, 'cash-releasing savings').pressSequentially('30000');
  // Pounds as a person writes them are read too.
  await box(page, 5, 'cash-releasing savings').pressSequentially('£30,000');
}

test('the worked example typed into an option gives the Green Book figures, and impossible amounts are refused', async () => {
  const { context, page } = await app.open('/#/business-case');
  const casePage = await startCase(page);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await h1(page).filter({ hasText: 'Add an option' }).waitFor();
  // A new option starts with years 0 to 5, each with four boxes.
  for (const column of ['set-up costs', 'running costs', 'cash-releasing savings', 'non-cash-releasing savings']) {
    assert.equal(await box(page, 5, column).count(), 1, `year 5 ${column}`);
  }
  assert.equal(await box(page, 6, 'set-up costs').count(), 0);
  // Each column is explained in plain words.
  const hint = page.getByRole('group', { name: 'Costs and savings each year' });
  assert.match(await hint.innerText(), /Cash-releasing savings: money no longer spent, which can be spent elsewhere/);
  assert.match(await hint.innerText(), /Non-cash-releasing savings: time or capacity freed, which frees no money/);
  await noViolations(page, 'the new option form');

  await typeWorkedExample(page);
  // Three boxes it cannot read: text, a negative amount, and a third decimal place.
  await box(page, 2, 'running costs').pressSequentially('lots');
  await box(page, 3, 'non-cash-releasing savings').pressSequentially('-50');
  await box(page, 4, 'set-up costs').pressSequentially('12.345');
  await page.getByRole('button', { name: 'Save the option' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  const messages = {
    'year-2-running': 'The year 2 running costs must be an amount in pounds, like 30000 or £30,000.50',
    'year-3-non-cash-releasing': 'The year 3 non-cash-releasing savings must be £0 or more',
    'year-4-set-up': 'The year 4 set-up costs can have at most 2 figures after the point',
  };
  for (const message of Object.values(messages)) {
    await summary.getByRole('link', { name: message }).waitFor();
  }
  // Each box says what is wrong with it, and keeps what was typed.
  const wrong = [
    [box(page, 2, 'running costs'), 'lots', messages['year-2-running']],
    [box(page, 3, 'non-cash-releasing savings'), '-50', messages['year-3-non-cash-releasing']],
    [box(page, 4, 'set-up costs'), '12.345', messages['year-4-set-up']],
  ];
  for (const [input, typed, message] of wrong) {
    assert.equal(await input.inputValue(), typed);
    const describedBy = await input.getAttribute('aria-describedby');
    assert.ok(describedBy, `${message}: the box is described by its error`);
    assert.match(await page.locator(`[id="${describedBy}"]`).innerText(), new RegExp(message.replace(/[.*+?^${}()|[\]\\£]/g, '\\$&')));
  }
  assert.equal(await box(page, 0, 'set-up costs').inputValue(), '100000');
  assert.equal(await box(page, 5, 'cash-releasing savings').inputValue(), '£30,000');
  assert.equal(await page.getByLabel('Name of the option').inputValue(), 'Community clinic');
  // The summary's link takes the person to the box.
  await summary.getByRole('link', { name: messages['year-3-non-cash-releasing'] }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'year-3-non-cash-releasing');
  await noViolations(page, 'the option form with errors');
  for (const [input] of wrong) await input.fill('');

  // A year added, typed in, and taken away again; at most years 0 to 30.
  await page.getByRole('button', { name: 'Add a year' }).click();
  await box(page, 6, 'running costs').pressSequentially('999');
  await page.getByRole('button', { name: 'Remove the last year' }).click();
  await box(page, 6, 'running costs').waitFor({ state: 'detached' });
  const add = page.getByRole('button', { name: 'Add a year' });
  while (await add.isEnabled()) await add.click();
  assert.equal(await box(page, 30, 'set-up costs').count(), 1);
  assert.equal(await box(page, 31, 'set-up costs').count(), 0);
  while (await box(page, 6, 'set-up costs').count()) await page.getByRole('button', { name: 'Remove the last year' }).click();
  assert.equal(await box(page, 5, 'cash-releasing savings').inputValue(), '£30,000', 'the years kept keep their figures');

  await page.getByRole('button', { name: 'Save the option' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  const optionPage = page.url();

  const checkFigures = async () => {
    const table = page.getByRole('region', { name: 'Figures year by year, in pounds' });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
    assert.deepEqual(rows.map((r) => r[0]), ['Year 0', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5']);
    // Columns: year, costs, cash-releasing, non-cash-releasing, net, factor, PV costs, PV savings, NPV so far.
    assert.deepEqual(rows.map((r) => r[5]), ['1.0000', '0.9662', '0.9335', '0.9019', '0.8714', '0.8420']);
    assert.deepEqual(rows[0].slice(1, 5), ['£100,000', '£0', '£0', '−£100,000']);
    assert.deepEqual(rows[1].slice(1, 5), ['£0', '£30,000', '£0', '£30,000']);
    assert.equal(rows[1][7], '£28,986');
    assert.deepEqual(rows.map((r) => r[8]), ['−£100,000', '−£71,014', '−£43,009', '−£15,951', '£10,192', '£35,452']);
    assert.equal(await summaryValue(page, 'Net present value').innerText(), '£35,452');
    assert.equal(await summaryValue(page, 'Net present cost').innerText(), '−£35,452');
    assert.equal(await summaryValue(page, 'Benefit–cost ratio').innerText(), '1.35');
    assert.equal(await summaryValue(page, 'Simple payback').innerText(), '3.3 years');
    assert.equal(await summaryValue(page, 'Discounted payback').innerText(), 'In year 4');
    assert.equal(
      await summaryValue(page, 'Break-even saving').innerText(),
      '£22,148 a year: the saving each year at which the net present value would be £0',
    );
    assert.equal(await summaryValue(page, 'Present value of cash-releasing savings alone').innerText(), '£135,452');
    assert.equal(await summaryValue(page, 'Savings 20 % lower').innerText(), '£8,361');
    assert.equal(await summaryValue(page, 'Costs 20 % higher').innerText(), '£15,452');
    assert.equal(await summaryValue(page, 'Costs raised by the optimism-bias uplift of 10 %').innerText(), '£25,452');
    const rate = await page.locator('.app-rate-statement').innerText();
    assert.match(rate, /discounted at 3\.5 % a year/);
    assert.match(rate, /Source: HM Treasury, The Green Book/);
    assert.match(await page.getByRole('main').innerText(), /Shorter waits; care closer to home\./);
  };
  await checkFigures();
  await page.getByRole('link', { name: 'Back to the business case' }).waitFor();
  await noViolations(page, "the option's page");

  // Held in whole pence, and kept through a reload.
  const saved = await savedWorkbook(page);
  const option = saved.business_cases.cases[0].options.find((o) => o.name === 'Community clinic');
  assert.equal(option.years[0].set_up_costs, 10_000_000);
  assert.equal(option.years[5].cash_releasing_savings, 3_000_000);
  await load(page, optionPage);
  await checkFigures();

  // Changing it: the boxes show what was saved, and a change shows at once.
  await page.getByRole('link', { name: 'Change the option' }).click();
  await h1(page).filter({ hasText: 'Change the option' }).waitFor();
  assert.equal(await box(page, 0, 'set-up costs').inputValue(), '100000');
  assert.equal(await box(page, 5, 'cash-releasing savings').inputValue(), '30000');
  await noViolations(page, 'the change-the-option form');
  await box(page, 1, 'non-cash-releasing savings').pressSequentially('1035');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  // £1,035 a year later is £1,000 today.
  assert.equal(await summaryValue(page, 'Net present value').innerText(), '£36,452');
  assert.equal(await summaryValue(page, 'Present value of cash-releasing savings alone').innerText(), '£135,452');

  // The "do nothing" option can carry the cost of carrying on.
  await page.goto(casePage);
  await waitForApp(page);
  await page.getByRole('link', { name: 'Do nothing', exact: true }).click();
  await h1(page).filter({ hasText: 'Do nothing' }).waitFor();
  await page.getByRole('link', { name: 'Change the option' }).click();
  await h1(page).filter({ hasText: 'Change the option' }).waitFor();
  await box(page, 1, 'running costs').pressSequentially('5000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await h1(page).filter({ hasText: 'Do nothing' }).waitFor();
  // £5,000 in a year's time is £4,830.92 today.
  assert.equal(await summaryValue(page, 'Net present value').innerText(), '−£4,831');
  assert.equal(await summaryValue(page, 'Benefit–cost ratio').innerText(), '0.00');
  assert.equal(await summaryValue(page, 'Simple payback').innerText(), 'Does not pay back');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("an option's risks are added, ordered by score, changed and deleted with undo, and the option deleted with undo", async () => {
  const { context, page } = await app.open('/#/business-case');
  const casePage = await startCase(page);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await h1(page).filter({ hasText: 'Add an option' }).waitFor();
  await typeWorkedExample(page);
  await page.getByRole('button', { name: 'Save the option' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  const optionPage = page.url();
  assert.match(await page.getByRole('main').innerText(), /Risk scores: National Patient Safety Agency \(2008\)/);

  await page.getByRole('link', { name: 'Add a risk' }).click();
  await h1(page).filter({ hasText: 'Add a risk' }).waitFor();
  await noViolations(page, 'the new risk form');
  await page.getByRole('button', { name: 'Save the risk' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  for (const message of ['Describe the risk', 'Choose how likely it is', 'Choose how great its impact would be', 'Enter who owns the risk']) {
    await summary.getByRole('link', { name: message }).waitFor();
  }
  await summary.getByRole('link', { name: 'Choose how likely it is' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'risk-likelihood');
  await noViolations(page, 'the risk form with errors');

  const addRisk = async (what, likelihood, impact, owner, mitigation) => {
    await page.getByLabel('The risk', { exact: true }).pressSequentially(what);
    await page.getByRole('group', { name: 'How likely is it?' }).getByLabel(likelihood, { exact: true }).check();
    await page.getByRole('group', { name: 'How great would its impact be?' }).getByLabel(impact, { exact: true }).check();
    await page.getByLabel('Who owns the risk').pressSequentially(owner);
    await page.getByLabel('How it will be reduced (optional)').pressSequentially(mitigation);
    await page.getByRole('button', { name: 'Save the risk' }).click();
    await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  };
  await addRisk('Fewer patients referred than expected', '2 – Unlikely', '3 – Moderate', 'Practice manager', 'Tell every practice about the clinic.');
  await page.getByRole('link', { name: 'Add a risk' }).click();
  await h1(page).filter({ hasText: 'Add a risk' }).waitFor();
  await addRisk('Clinic room not ready', '4 – Likely', '4 – Major', 'Estates lead', 'Book a second room.');

  const risks = page.getByRole('region', { name: 'Risks, highest score first' });
  const riskRows = () => risks.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 5).map((c) => c.innerText.trim())));
  assert.deepEqual(await riskRows(), [
    ['Clinic room not ready', '4 – Likely', '4 – Major', 'Extreme (16)', 'Estates lead'],
    ['Fewer patients referred than expected', '2 – Unlikely', '3 – Moderate', 'Moderate (6)', 'Practice manager'],
  ]);
  await noViolations(page, 'the option page with risks');

  // Changing the lower one raises it to the top.
  await page.getByRole('link', { name: 'Change the risk: Fewer patients referred than expected' }).click();
  await h1(page).filter({ hasText: 'Change the risk' }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'How likely is it?' }).getByLabel('2 – Unlikely', { exact: true }).isChecked(), true);
  await noViolations(page, 'the change-the-risk form');
  await page.getByRole('group', { name: 'How likely is it?' }).getByLabel('5 – Almost certain', { exact: true }).check();
  await page.getByRole('group', { name: 'How great would its impact be?' }).getByLabel('4 – Major', { exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  assert.deepEqual((await riskRows()).map((r) => [r[0], r[3]]), [
    ['Fewer patients referred than expected', 'Extreme (20)'],
    ['Clinic room not ready', 'Extreme (16)'],
  ]);

  // Deleted, and brought back with undo.
  await page.getByRole('link', { name: 'Change the risk: Clinic room not ready' }).click();
  await h1(page).filter({ hasText: 'Change the risk' }).waitFor();
  await page.getByRole('button', { name: 'Delete risk: Clinic room not ready' }).click();
  await page.getByRole('button', { name: 'Yes, delete risk: Clinic room not ready' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  await risks.getByRole('row').filter({ hasText: 'Clinic room not ready' }).waitFor({ state: 'detached' });
  assert.equal((await riskRows()).length, 1);
  await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await risks.getByRole('row').filter({ hasText: 'Clinic room not ready' }).waitFor();
  assert.equal((await riskRows()).length, 2);

  // A reload keeps the risks in their order.
  await savedWorkbook(page);
  await load(page, optionPage);
  assert.deepEqual((await riskRows()).map((r) => r[0]), ['Fewer patients referred than expected', 'Clinic room not ready']);

  // The option deleted, and brought back with undo.
  await page.getByRole('link', { name: 'Change the option' }).click();
  await h1(page).filter({ hasText: 'Change the option' }).waitFor();
  await page.getByRole('button', { name: 'Delete option: Community clinic' }).click();
  await page.getByRole('button', { name: 'Yes, delete option: Community clinic' }).click();
  await h1(page).filter({ hasText: 'Community diabetes clinic' }).waitFor();
  assert.equal(page.url(), casePage);
  assert.equal(await page.getByRole('link', { name: 'Community clinic', exact: true }).count(), 0);
  await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Community clinic', exact: true }).waitFor();
  await savedWorkbook(page);
  await load(page, optionPage);
  assert.equal(await summaryValue(page, 'Net present value').innerText(), '£35,452');
  assert.equal((await riskRows()).length, 2);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("on a 375 pixel phone the option's figures scroll in their box and nothing is cut off", async () => {
  const { context, page } = await app.open('/#/business-case');
  await startCase(page);
  await page.setViewportSize(PHONE);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await h1(page).filter({ hasText: 'Add an option' }).waitFor();
  await typeWorkedExample(page);

  const scrollsInItsBox = async (name) => {
    const region = page.getByRole('region', { name });
    const [scrollWidth, clientWidth] = await region.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(scrollWidth > clientWidth, `${name}: ${scrollWidth} px of table in a ${clientWidth} px box scrolls sideways`);
    const [pageScroll, pageClient] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(pageScroll <= pageClient, `the page is ${pageScroll} px wide in a ${pageClient} px window`);
    assert.deepEqual(await cutOff(page), []);
  };
  await scrollsInItsBox('Costs and savings by year, in pounds');
  // A box far to the right is reached by scrolling the table, and typed into.
  await box(page, 1, 'non-cash-releasing savings').pressSequentially('0');
  const formScreens = await screensTall(page);
  assert.ok(formScreens < 12, `the form is ${formScreens.toFixed(1)} screens tall`);
  await noViolations(page, 'the option form at 375 px');

  await page.getByRole('button', { name: 'Save the option' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  // With a risk, whose table has a change link with words only a screen reader hears.
  await page.getByRole('link', { name: 'Add a risk' }).click();
  await h1(page).filter({ hasText: 'Add a risk' }).waitFor();
  await page.getByLabel('The risk', { exact: true }).pressSequentially('Fewer patients referred than expected, because practices do not hear of the clinic in time');
  await page.getByRole('group', { name: 'How likely is it?' }).getByLabel('3 – Possible', { exact: true }).check();
  await page.getByRole('group', { name: 'How great would its impact be?' }).getByLabel('3 – Moderate', { exact: true }).check();
  await page.getByLabel('Who owns the risk').pressSequentially('Practice manager');
  const [riskScroll, riskClient] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(riskScroll <= riskClient, `the risk form is ${riskScroll} px wide in a ${riskClient} px window`);
  await noViolations(page, 'the risk form at 375 px');
  await page.getByRole('button', { name: 'Save the risk' }).click();
  await h1(page).filter({ hasText: 'Community clinic' }).waitFor();
  await scrollsInItsBox('Figures year by year, in pounds');
  await scrollsInItsBox('Risks, highest score first');
  const pageScreens = await screensTall(page);
  assert.ok(pageScreens < 14, `the option's page is ${pageScreens.toFixed(1)} screens tall`);
  console.log(`at 375 px: the option form is ${formScreens.toFixed(1)} screens tall, its page ${pageScreens.toFixed(1)}`);
  await noViolations(page, "the option's page at 375 px");
  await context.close();
});
