// Issue 23, points 5, 7 and 8, as a manager partner on a 375 px phone meets
// them: a partner's assessment can be read on its own; its import is
// confirmed in a panel that takes focus, with the picker naming the file
// rather than "No file chosen"; the comparison fits the phone, the compare
// drop-down shows the role, and differences in how important each area is
// are compared; an area of the assessment is about three screens, not
// eight; the first form speaks of today's NHS, with 2009's words in the
// glossary; and the About page opens with a contents list that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, newAppContext, load, waitForApp, axeViolations } from './support.mjs';
import { PHONE, screensTall, cutOff } from './phone.mjs';

const app = useApp();

const AREAS = { power: 5, aims: 5, leadership: 6, support: 6, resources: 5, trust: 5, structures: 5, delivery: 6 };
const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const PARTNER_TITLE = 'East Kent: Respiratory (Manager), 5 November 2026';
const DESCRIPTORS = [
  'This does not happen yet, or we have not started on it.',
  'We have made a start, but it is informal, patchy or rests on one or two people.',
  'It happens in some areas or some of the time, and we are building on it.',
  'It happens reliably across the partnership and people expect it.',
  'It is simply how we work: we review it, and it would survive a change of people.',
];

const answer = (level, evidence = '', flagged = false) => ({ rating: { level }, evidence, flagged });

/** Every statement answered: level `at(n)` for the n-th statement of an area. */
function answers(at) {
  const out = {};
  for (const [area, count] of Object.entries(AREAS)) {
    for (let n = 1; n <= count; n += 1) out[`${area}-${n}`] = answer(at(n));
  }
  return out;
}

function assessment(id, { role, date, answers: a = {}, importance = {} }) {
  return {
    id, framework_version: 1, partnership: 'East Kent', clinical_area: 'Respiratory', role, date,
    answers: a, importance, created_at: `${date}T09:00:00Z`, updated_at: `${date}T09:00:00Z`,
  };
}

// Mine: power-1 at 3; the partner's at 1, two levels apart: "talk about this".
// Importance: power High for me and Low for them; aims the same; trust 1 apart.
const mineAnswers = answers((n) => (n * 3) % 5);
mineAnswers['power-3'] = answer(4, 'Both business cases went through.');
const mine = assessment('mine', {
  role: 'clinician', date: '2026-11-01', answers: mineAnswers, importance: { power: 3, aims: 2, trust: 1 },
});
const partnerAnswers = answers((n) => n % 5);
partnerAnswers['power-2'] = answer(2, 'We met twice this year.\nNo decisions changed.', true);
const partner = assessment('partner-1', {
  role: 'manager', date: '2026-11-05', answers: partnerAnswers, importance: { power: 1, aims: 2, trust: 2 },
});

/** A workbook with a backup taken after its last change, so no reminder shows. */
function workbook(assessments, partners = []) {
  return {
    format: 'commissioning-workbook', schema_version: 4, revision: 1, created_at: '2026-11-01T09:00:00Z', updated_at: '2026-11-05T09:00:00Z',
    last_backup_at: '2026-12-03T09:00:00Z', assessments, partner_assessments: partners,
  };
}

/** A fresh phone-sized context holding `wb`, at `path`. */
async function phoneWith(wb, path, viewport = PHONE) {
  const context = await newAppContext(app.browser, { viewport, baseURL: app.server.url });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  await load(page, '/#/');
  if (wb) await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, path);
  return { context, page };
}

async function noAxeViolations(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}:\n${violations.join('\n')}`);
}

test("a partner's assessment can be read on its own, read only, with nothing cut off on a phone", async () => {
  // No assessment of the user's own yet: before, the card offered only "Start a self-assessment".
  const { context, page } = await phoneWith(workbook([], [partner]), '/#/self-assessment');
  const card = page.getByRole('list', { name: 'Partner assessments' }).getByRole('listitem');
  await card.getByRole('heading', { name: PARTNER_TITLE }).waitFor();
  assert.equal(await card.getByRole('link', { name: 'Start a self-assessment of your own' }).getAttribute('href'), '#/self-assessment/new');
  // Deleting is offered by a small button, not one as wide as the phone.
  const remove = card.getByRole('button', { name: `Delete partner assessment: ${PARTNER_TITLE}` });
  const removeBox = await remove.boundingBox();
  assert.ok(removeBox.width < PHONE.width / 2, `the Delete button is ${removeBox.width} px wide`);
  await card.getByRole('link', { name: `View your partner's answers: ${PARTNER_TITLE}` }).click();

  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: "Your partner's assessment" }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/self-assessment/partner/partner-1');
  assert.ok((await main.textContent()).includes(PARTNER_TITLE));
  assert.match(await main.textContent(), /43 of 43 statements answered\. Overall score: /);

  // Their scores and how important they rate each area.
  const areas = page.getByRole('table', { name: "Your partner's scores by area" });
  assert.match(await areas.getByRole('row').filter({ hasText: 'Power and influence' }).textContent(), /Score\s*\d+%.*How important\s*1 Low/);
  assert.match(await areas.getByRole('row').filter({ hasText: 'Trust and joint working' }).textContent(), /2 Medium/);

  // Their answer to each statement, with a note and a flag they shared.
  const power = page.getByRole('table', { name: 'Power and influence' });
  assert.match(await power.getByRole('row').filter({ hasText: POWER_1 }).textContent(), /1 Starting/);
  const second = power.getByRole('row').filter({ hasText: 'Clinicians and managers work as a partnership of equals.' });
  assert.match(await second.textContent(), /2 Developing \(flagged as a priority\)/);
  assert.match(await second.textContent(), /We met twice this year\.\s*No decisions changed\./);

  // Read only: nothing on the page changes their answers.
  assert.equal(await main.getByRole('radio').count(), 0);
  assert.equal(await main.getByRole('textbox').count(), 0);
  assert.equal(await main.getByRole('checkbox').count(), 0);
  await main.getByText('You can read it here but not change it').waitFor();
  assert.equal(await main.getByRole('link', { name: 'Start a self-assessment of your own' }).getAttribute('href'), '#/self-assessment/new');

  // On a phone every table is stacked to fit: nothing runs past the right edge.
  assert.deepEqual(await cutOff(page), []);
  for (const box of await main.getByRole('region').all()) {
    assert.ok(await box.evaluate((el) => el.scrollWidth <= el.clientWidth), `${await box.getAttribute('aria-label')} fits without scrolling sideways`);
  }
  await noAxeViolations(page, "the partner's assessment on a phone");

  // With one of the user's own, the page leads on to the comparison.
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook([mine], [partner])));
  await load(page, '/#/self-assessment/partner/partner-1');
  await main.getByRole('link', { name: 'Compare with your latest assessment' }).click();
  await main.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/self-assessment/mine/partner/partner-1');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an import is confirmed in a panel that takes focus, and the picker names the file instead of "No file chosen"', async () => {
  const { context, page } = await phoneWith(workbook([mine]), '/#/self-assessment');
  const picker = page.getByLabel("Choose your partner's assessment file");
  const file = {
    name: 'partnership-assessment-manager-east-kent-2026-11-05.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'commissioning-workbook-assessment', schema_version: 1, framework_version: 1, assessment: partner })),
  };
  await picker.setInputFiles(file);

  const panel = page.getByRole('status').filter({ hasText: `Imported ${PARTNER_TITLE}` });
  await panel.waitFor();
  assert.match(await panel.getAttribute('class'), /nhsuk-panel/);
  await page.waitForFunction(() => document.activeElement?.classList.contains('nhsuk-panel'));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Partner's assessment imported/);
  assert.ok(await panel.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }), 'the panel is on screen');

  // The picker still holds the file just imported (before, it was emptied and said "No file chosen").
  assert.deepEqual(await picker.evaluate((input) => [...input.files].map((f) => f.name)), [file.name]);
  await noAxeViolations(page, 'the import confirmation');

  // Choosing the same file again through the picker is still read (the
  // picker is emptied as it opens): it is refused as already imported.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.click()]);
  assert.equal(await picker.evaluate((input) => input.files.length), 0, 'emptied as the picker opens');
  await chooser.setFiles(file);
  await page.getByRole('alert').filter({ hasText: 'This file cannot be imported' }).waitFor();
  assert.deepEqual(await picker.evaluate((input) => [...input.files].map((f) => f.name)), [file.name]);

  // The panel's link reads what was imported.
  await picker.setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify({ format: 'commissioning-workbook-assessment', schema_version: 1, framework_version: 1, assessment: { ...partner, id: 'partner-2', updated_at: '2026-11-06T09:00:00Z' } })) });
  await page.getByRole('status').filter({ hasText: `Imported ${PARTNER_TITLE}` }).getByRole('link', { name: "View your partner's answers" }).click();
  await page.getByRole('heading', { level: 1, name: "Your partner's assessment" }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the compare drop-down shows the role on a phone', async () => {
  const partial = assessment('partial', { role: 'clinician', date: '2026-11-20', answers: { 'power-1': answer(2) } });
  const { context, page } = await phoneWith(workbook([mine, partial], [partner]), '/#/self-assessment');
  const select = page.getByLabel(`Compare ${PARTNER_TITLE} with`);
  await select.waitFor();
  const options = await select.locator('option').allTextContents();
  assert.deepEqual(options, [
    'Clinician, 20 November 2026: East Kent: Respiratory (1 of 43 answered)',
    'Clinician, 1 November 2026: East Kent: Respiratory',
  ]);
  // The finished one is chosen; where the drop-down cuts its text, the role
  // and date are already shown (measured in the drop-down's own font).
  const fit = await select.evaluate((el) => {
    const style = getComputedStyle(el);
    const context2d = document.createElement('canvas').getContext('2d');
    context2d.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = el.options[el.selectedIndex].text;
    const shown = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text, shown, upToDate: context2d.measureText('Clinician, 1 November 2026').width, whole: context2d.measureText(text).width };
  });
  assert.equal(fit.text, 'Clinician, 1 November 2026: East Kent: Respiratory');
  assert.ok(fit.upToDate <= fit.shown, `the role and date take ${fit.upToDate} px of the ${fit.shown} px shown`);
  assert.deepEqual(await cutOff(page), []);
  await context.close();
});

test('the comparison fits a phone and compares how important each area is', async () => {
  const { context, page } = await phoneWith(workbook([mine], [partner]), '/#/self-assessment/mine/partner/partner-1');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Compare with your partner' }).waitFor();

  // Importance: the areas weighed differently, widest gap first, then a table of all eight.
  const weighed = page.getByRole('list', { name: 'Areas you rate differently in importance' });
  assert.deepEqual(await weighed.getByRole('listitem').allTextContents(), [
    'Power and influence: you 3 High, your partner 1 Low',
    'Trust and joint working: you 1 Low, your partner 2 Medium',
  ]);
  const importance = page.getByRole('table', { name: 'How important each area is: you and your partner' });
  assert.equal(await importance.locator('tbody').getByRole('row').count(), 8);
  const power = importance.getByRole('row').filter({ hasText: 'Power and influence' });
  assert.match(await power.textContent(), /3 High.*1 Low.*Your partner rates it 2 levels lower/);
  assert.match(await power.getAttribute('class'), /highlighted/);
  const aims = importance.getByRole('row').filter({ hasText: 'Shared aims and priorities' });
  assert.match(await aims.textContent(), /2 Medium.*2 Medium.*The same/);
  assert.doesNotMatch(await aims.getAttribute('class'), /highlighted/);
  assert.match(await importance.getByRole('row').filter({ hasText: 'Leadership' }).textContent(), /Not rated.*Not rated.*Cannot compare/);

  // Statement by statement: "Talk about this" is on screen, not past the right edge.
  const statements = page.getByRole('region', { name: 'Power and influence', exact: true });
  const row = statements.getByRole('table').getByRole('row').filter({ hasText: POWER_1 });
  assert.match(await row.textContent(), /3 Established.*1 Starting.*Talk about this/);
  const tag = row.getByText('Talk about this', { exact: true });
  const box = await tag.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `"Talk about this" spans ${box.x}–${box.x + box.width} px`);
  assert.deepEqual(await cutOff(page), []);
  for (const region of await main.getByRole('region').all()) {
    assert.ok(await region.evaluate((el) => el.scrollWidth <= el.clientWidth), `${await region.getAttribute('aria-label')} fits without scrolling sideways`);
  }
  // A statement not to talk about shows no empty "Talk about" on a phone.
  const calm = statements.getByRole('table').getByRole('row').filter({ hasText: 'Clinicians and managers work as a partnership of equals.' });
  assert.doesNotMatch(await calm.getAttribute('class'), /highlighted/);
  assert.equal(await calm.locator('td').last().isVisible(), false);
  // Column names show beside the values on a phone; screen readers have the column headers.
  assert.equal(await statements.getByRole('columnheader', { name: 'Talk about' }).count(), 1);
  assert.equal(await statements.getByRole('cell').first().evaluate((cell) => getComputedStyle(cell.querySelector('.app-table__label')).display), 'block');
  console.log(`comparison at 375 px: ${(await screensTall(page)).toFixed(1)} screens`);
  await noAxeViolations(page, 'the comparison on a phone');

  // On a desktop it is an ordinary table again, the column names in its header.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await statements.getByRole('cell').first().evaluate((cell) => getComputedStyle(cell.querySelector('.app-table__label')).display), 'none');
  assert.equal(await statements.getByRole('columnheader', { name: 'Talk about' }).isVisible(), true);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('each area of the assessment fits in about three phone screens, with the scale in full a click away', async () => {
  const { context, page } = await phoneWith(workbook([mine]), '/#/self-assessment/mine/domain/power');
  const main = page.getByRole('main');
  let total = 0;
  const heights = [];
  for (const area of Object.keys(AREAS)) {
    await load(page, `/#/self-assessment/mine/domain/${area}`);
    await page.getByRole('region').first().waitFor();
    const screens = await screensTall(page);
    heights.push(`${area} ${screens.toFixed(2)}`);
    total += screens;
    // About 3 screens; before, 7.7 to 8.9 (the rating scale in full at the top and six radios a statement, one under another).
    assert.ok(screens <= 3.5, `${area} is ${screens.toFixed(2)} screens at 375 by 667 px`);
    assert.deepEqual(await cutOff(page), [], `${area}: nothing cut off`);
  }
  console.log(`areas at 375 by 667 px: ${heights.join(', ')}; the whole assessment ${total.toFixed(1)} screens`);
  assert.ok(total <= 26, `the whole assessment is ${total.toFixed(1)} screens (66 before)`);

  // Nothing a user needs is hidden: each statement's choices named in full
  // on tiles that fit the screen, the scale named at the top, and what each
  // rating means one click away.
  await load(page, '/#/self-assessment/mine/domain/power');
  const statement = page.getByRole('region', { name: POWER_1 });
  for (const name of ['0 Not in place', '1 Starting', '2 Developing', '3 Established', '4 Embedded', "Not applicable or don't know"]) {
    const tile = statement.getByText(name === "Not applicable or don't know" ? name : name.slice(2), { exact: true });
    assert.equal(await tile.isVisible(), true, name);
    const box = await tile.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${name} is on screen`);
    assert.equal(await statement.getByRole('radio', { name, exact: true }).count(), 1, name);
  }
  // A tap anywhere on a tile chooses it; the chosen tile is filled.
  const tile = statement.locator('label').filter({ hasText: 'Developing' });
  await tile.scrollIntoViewIfNeeded();
  const tileBox = await tile.boundingBox();
  assert.ok(tileBox.height >= 44 && tileBox.width >= 44, `a tile is ${tileBox.width} by ${tileBox.height} px`);
  await page.mouse.click(tileBox.x + tileBox.width - 6, tileBox.y + tileBox.height - 6);
  assert.equal(await statement.getByRole('radio', { name: '2 Developing', exact: true }).isChecked(), true);
  assert.equal(await tile.evaluate((el) => getComputedStyle(el, '::before').backgroundColor), 'rgb(0, 94, 184)');
  await main.getByText('Rate each statement from 0 Not in place to 4 Embedded, or not applicable or don\'t know.', { exact: true }).waitFor();
  const meanings = main.getByText('What each rating means', { exact: true });
  assert.ok((await meanings.boundingBox()).y < (await statement.boundingBox()).y, 'the scale comes before the statements');
  await meanings.click();
  for (const descriptor of DESCRIPTORS) assert.equal(await main.getByText(descriptor, { exact: true }).isVisible(), true, descriptor);
  await main.getByText('Essential: our partnership\'s work depends on getting this right now.').waitFor();
  await noAxeViolations(page, 'an area with the scale unfolded');

  // On a phone a statement's note and flag wait behind one line until
  // asked for, unless it has one already: nothing entered is folded away.
  const notes = statement.getByLabel('Evidence or notes (optional)');
  assert.equal(await notes.isVisible(), false);
  await statement.getByText('Notes and flag', { exact: true }).click();
  await statement.getByLabel('Flag as a priority to act on').waitFor();
  const oneLine = (await notes.boundingBox()).height;
  await notes.fill('First line\nSecond line\nThird line');
  assert.ok((await notes.boundingBox()).height > oneLine + 20, 'the note grows to show what is typed');
  const third = page.getByRole('region', { name: 'Good business cases are approved and weak ones turned down, whoever brings them.' });
  assert.equal(await third.getByLabel('Evidence or notes (optional)').inputValue(), 'Both business cases went through.');
  assert.equal(await third.getByLabel('Evidence or notes (optional)').isVisible(), true, 'a note already written shows');
  await noAxeViolations(page, 'an area with a note open');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("the first form speaks of today's NHS, and the glossary keeps the 2009 words with their sources", async () => {
  const { context, page } = await phoneWith(null, '/#/self-assessment/new');
  const name = page.getByLabel('Partnership name');
  await name.waitFor();
  const hint = await page.locator(`#${await name.getAttribute('id')}-hint`).textContent();
  assert.match(hint, /primary care network/);
  assert.match(hint, /place partnership/);
  assert.match(hint, /integrated care board \(ICB\)/);
  assert.doesNotMatch(await page.getByRole('main').textContent(), /practice-based commissioning|\bPCT\b|\bPBC\b/i);

  await load(page, '/#/about');
  const glossary = page.getByRole('main').locator('dl').filter({ hasText: 'PBC group or consortium' });
  const row = (term) => glossary.locator('.nhsuk-summary-list__row').filter({ hasText: term });
  assert.match(await row('PBC group or consortium').textContent(), /primary care network or a place-based partnership[\s\S]*Used in: “We're engaged – now what\?”; “It's time to step up and take the lead”/);
  assert.match(await row('PCT (primary care trust)').textContent(), /Source for today: Health and Social Care Act 2012[\s\S]*Health and Care Act 2022/);
  assert.match(await row('PBC (practice-based commissioning)').textContent(), /Investment and evolution[\s\S]*Thriving places/);
  await context.close();
});

test('About opens with a contents list whose links go to each section', async () => {
  const { context, page } = await phoneWith(null, '/#/about');
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.waitFor();
  const links = contents.getByRole('link');
  const names = await links.allTextContents();
  assert.ok(names.length >= 8, `${names.length} sections listed`);
  assert.ok((await contents.boundingBox()).y < PHONE.height, 'the contents list starts on the first screen');
  console.log(`About at 375 px: ${(await screensTall(page)).toFixed(1)} screens`);

  for (const name of ['Words from 2009 and what they are called today', 'The scales', 'Privacy: nothing leaves this browser']) {
    await contents.getByRole('link', { name, exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name, exact: true });
    await page.waitForFunction((text) => document.activeElement?.textContent === text, name);
    assert.ok(await heading.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top > -1 && box.top < innerHeight; }), `${name} is on screen`);
    assert.equal(new URL(page.url()).hash, '#/about', 'the address stays the page\'s own');
  }
  // Every link has its section.
  for (const link of await links.all()) {
    const target = (await link.getAttribute('href')).slice(1);
    assert.equal(await page.locator(`h2#${target}`).textContent(), await link.textContent());
  }
  await noAxeViolations(page, 'About');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
