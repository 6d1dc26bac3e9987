// The placement log fit to hand to a supervisor and quicker to use (issue 23,
// points 9–13): the end-of-placement summary printed with the trainee's name,
// numbered pages, a sign-off section and no "where it is now", line breaks
// kept; a milestone ticked off on the day the user says; compact milestone
// buttons; the CSV with the placement's details and local times with their
// offset; file names cut at a word; "Copy for your portfolio" (and the text
// selected to copy by hand when the browser refuses); search that folds
// accents and case; filters kept in the address through a reload and Back.
// Phone-sized checks (375 px) measure each page in screens and that nothing
// is cut at the right edge; axe runs on each new page and state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  useApp, waitForApp, download, downloadText, isoDay, load, fillDate, savedWorkbook, axeViolations,
} from './support.mjs';
import { PHONE, screensTall, cutOff } from './phone.mjs';

const app = useApp();
const outDir = new URL('../../test-results/placement-usability/', import.meta.url);

const TRAINEE = 'Dr Zoë Adams';
const LONG_HOST = 'NHS Buckinghamshire, Oxfordshire and Berkshire West ICB';
// Two lines, as typed in the entry's "What did you do?".
const TWO_LINES = 'Ran the pathway workshop with the GPs\nThen wrote up the actions for Zoë’s team';

async function setUpPlacement(page, { host = 'NHS Eastern and Coastal Kent', startDaysAgo = 84 } = {}) {
  await load(page, '/#/placement-log/new');
  await page.getByRole('heading', { level: 1, name: 'Set up your placement' }).waitFor();
  await page.getByLabel('Your name (optional)').fill(TRAINEE);
  await page.getByLabel('Host organisation').fill(host);
  await page.getByLabel('Lead commissioner or supervisor (optional)').fill('Amanda Berk, lead commissioner');
  await page.getByLabel('Clinical area (optional)').fill('Respiratory');
  await fillDate(page, 'Start date', await isoDay(page, -startDaysAgo));
  await page.getByRole('button', { name: 'Save placement' }).click();
  await page.getByRole('heading', { level: 2, name: `Your placement at ${host}` }).waitFor();
  return page.url();
}

async function logActivity(page, { date, what, type = 'Workshop', keep, learnt, capabilities = [], inSummary = false }) {
  await page.getByRole('link', { name: 'Log an activity' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
  await fillDate(page, 'Date of the activity', date);
  await page.getByLabel('Time spent').fill('1:30');
  await page.getByLabel('Type of activity').selectOption({ label: type });
  await page.getByLabel('What did you do?').fill(what);
  if (keep) await page.getByLabel('What will you keep doing? (optional)').fill(keep);
  if (learnt) await page.getByLabel('What did you learn about yourself? (optional)').fill(learnt);
  for (const capability of capabilities) await page.getByLabel(capability, { exact: true }).check();
  if (inSummary) await page.getByLabel('Include this entry in my end-of-placement summary').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
}

const entries = (page) => page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');

async function noAxeViolations(page, what) {
  assert.deepEqual(await axeViolations(page), [], `${what}: no axe violations`);
}

/** Height in screens at 375 px and anything cut at the right edge, then back to desktop. */
async function onAPhone(page, what) {
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  const screens = await screensTall(page);
  assert.deepEqual(await cutOff(page), [], `${what}: nothing cut at the right edge at 375 px`);
  await noAxeViolations(page, `${what} at 375 px`);
  await page.setViewportSize(desktop);
  console.log(`# ${what}: ${screens.toFixed(2)} screens at 375×667`);
  return screens;
}

test('the printed summary names the trainee, numbers its pages, has a sign-off section, keeps line breaks and leaves out where the placement is now', async () => {
  const { context, page } = await app.open('/', { viewport: { width: 1280, height: 800 } });
  const overview = await setUpPlacement(page);
  await logActivity(page, {
    date: await isoDay(page, -3),
    what: TWO_LINES,
    keep: 'Sending the papers a week early\nand asking for questions first',
    capabilities: ['Working within teams'],
    inSummary: true,
  });
  await load(page, overview.replace(/\/?$/, '/summary'));
  await page.getByRole('heading', { level: 1, name: 'End-of-placement summary' }).waitFor();
  // On screen, where the placement is today is still said.
  await page.getByText(/^Week 13 of 1[78] · \d+ days left$/).waitFor();
  await page.getByRole('heading', { level: 2, name: "Educational supervisor's sign-off" }).waitFor();
  await noAxeViolations(page, 'the summary');
  await onAPhone(page, 'the summary');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByText(/^Week 13 of/).isVisible(), false, 'where it is now is not printed');
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(outDir, { recursive: true });
  const file = new URL('summary.pdf', outDir);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file.pathname, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  assert.match(text, /Dr Zoë Adams/, 'the trainee is named');
  assert.match(text, /Trainee\s+Dr Zoë Adams/);
  assert.doesNotMatch(text, /Week \d+ of \d+/, 'no "Week 13 of 18" on paper');
  assert.doesNotMatch(text, /Where it is now/);
  assert.doesNotMatch(text, /Copy the summary for your portfolio/);
  // The sign-off section, in order, with nothing filled in.
  assert.match(text, /Educational supervisor's sign-off\s+Educational supervisor's name\s+Comments\s+Signature\s+Date\s/);
  // Line breaks typed in the entry stay line breaks.
  assert.match(text, /Ran the pathway workshop with the GPs\n+Then wrote up the actions for Zoë’s team/);
  assert.doesNotMatch(text, /with the GPs Then wrote/);
  assert.match(text, /Sending the papers a week early\n+and asking for questions first/);
  // Every page is numbered "Page N of M".
  pages.forEach((p, i) => assert.match(p, new RegExp(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`));
  execFileSync('pdftoppm', ['-png', '-r', '50', file.pathname, new URL('summary', outDir).pathname]);
  await context.close();
});

test('a milestone is ticked off on the day the user says, and its buttons are compact', async () => {
  const { context, page } = await app.open('/', { viewport: { width: 1280, height: 800 } });
  await setUpPlacement(page);
  await page.getByText('Add a project').click();
  await page.getByLabel('Project title').fill('Redesign the tuberculosis pathway');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByRole('list', { name: 'Your projects' }).getByRole('link', { name: 'Redesign the tuberculosis pathway' }).click();
  for (const [title, days] of [['Map the current pathway', -10], ['Agree the new pathway', 7], ['Launch the pathway', 30]]) {
    await page.getByLabel('Milestone', { exact: true }).fill(title);
    await fillDate(page, 'Planned date', await isoDay(page, days));
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByRole('checkbox', { name: title }).waitFor();
  }
  const milestones = page.getByRole('list', { name: 'Milestones' });

  // Compact: each Delete is a small button named after its milestone.
  for (const title of ['Map the current pathway', 'Agree the new pathway', 'Launch the pathway']) {
    const button = milestones.getByRole('button', { name: `Delete milestone: ${title}`, exact: true });
    const box = await button.boundingBox();
    assert.ok(box.height <= 40, `Delete for ${title} is ${box.height} px tall`);
  }
  const rowHeights = await milestones.getByRole('listitem').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  console.log(`# milestone rows (desktop px): ${rowHeights.map(Math.round).join(', ')}`);
  await onAPhone(page, 'a project with three milestones');
  // On a phone too, Delete is a small button beside Change, not a full-width bar.
  await page.setViewportSize(PHONE);
  for (const title of ['Map the current pathway', 'Agree the new pathway', 'Launch the pathway']) {
    const del = await milestones.getByRole('button', { name: `Delete milestone: ${title}`, exact: true }).boundingBox();
    const change = await milestones.getByRole('link', { name: `Change milestone: ${title}`, exact: true }).boundingBox();
    assert.ok(del.width < PHONE.width / 2, `Delete for ${title} is ${del.width} px wide at 375 px`);
    assert.ok(Math.abs(del.y + del.height / 2 - (change.y + change.height / 2)) < 20, `Delete for ${title} sits beside Change`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Ticking asks when it was done, today unless the user says otherwise.
  const today = await isoDay(page, 0);
  await milestones.getByRole('checkbox', { name: 'Map the current pathway' }).check();
  const when = page.getByRole('group', { name: 'Date it was done', exact: true });
  await when.waitFor();
  assert.deepEqual(
    await Promise.all(['Day', 'Month', 'Year'].map((b) => when.getByLabel(b, { exact: true }).inputValue())),
    [String(Number(today.slice(8))), String(Number(today.slice(5, 7))), today.slice(0, 4)],
    'today is offered',
  );
  assert.equal((await savedWorkbook(page)).placements[0].projects[0].milestones[0].done_on ?? null, null, 'nothing is saved until the user says when');
  await noAxeViolations(page, 'a milestone asking when it was done');
  // A day still to come is refused, and says why.
  await fillDate(page, 'Date it was done', await isoDay(page, 2));
  await page.getByRole('button', { name: 'Mark as done: Map the current pathway' }).click();
  await when.getByText('The date it was done must be today or in the past').waitFor();
  // The day it was really done.
  const doneOn = await isoDay(page, -6);
  await fillDate(page, 'Date it was done', doneOn);
  await page.getByRole('button', { name: 'Mark as done: Map the current pathway' }).click();
  const longDone = new Date(`${doneOn}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await milestones.getByText(`done ${longDone}`).waitFor();
  assert.equal(await when.count(), 0, 'the question closes');
  assert.equal((await savedWorkbook(page)).placements[0].projects[0].milestones[0].done_on, doneOn);
  // Kept through a reload.
  await page.reload();
  await waitForApp(page);
  await milestones.getByText(`done ${longDone}`).waitFor();
  assert.equal(await milestones.getByRole('checkbox', { name: 'Map the current pathway' }).isChecked(), true);
  // Cancel leaves a milestone as it was.
  await milestones.getByRole('checkbox', { name: 'Agree the new pathway' }).check();
  await page.getByRole('button', { name: 'Cancel marking as done: Agree the new pathway' }).click();
  assert.equal(await milestones.getByRole('checkbox', { name: 'Agree the new pathway' }).isChecked(), false);
  // Unticking a done milestone makes it still to do.
  await milestones.getByRole('checkbox', { name: 'Map the current pathway' }).uncheck();
  await milestones.getByText('Overdue').waitFor();
  assert.equal((await savedWorkbook(page)).placements[0].projects[0].milestones[0].done_on ?? null, null);
  await context.close();
});

test('the CSV has the placement and trainee details and local times with their offset; file names are cut at a word', async () => {
  // In Paris the clock is an hour ahead of UTC in December: a time written in UTC would show.
  const { context, page } = await app.open('/', { timezoneId: 'Europe/Paris' });
  await setUpPlacement(page, { host: LONG_HOST, startDaysAgo: 30 });
  await logActivity(page, { date: await isoDay(page, -1), what: TWO_LINES });
  await page.getByRole('link', { name: 'Back to your placement' }).click();
  const file = await download(page, page.getByRole('button', { name: 'Download the log as CSV' }));
  // Cut after "and", not inside "Berkshire".
  assert.equal(file.suggestedFilename(), `placement-log-nhs-buckinghamshire-oxfordshire-and-${await isoDay(page, 0)}.csv`);
  const rows = parse(await downloadText(file), { bom: true, columns: true });
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.equal(row['What I did'], TWO_LINES);
  assert.equal(row.Trainee, TRAINEE);
  assert.equal(row['Host organisation'], LONG_HOST);
  assert.equal(row['Lead commissioner or supervisor'], 'Amanda Berk, lead commissioner');
  assert.equal(row['Clinical area'], 'Respiratory');
  assert.equal(row['Placement start'], await isoDay(page, -30));
  assert.match(row['Placement end'], /^\d{4}-\d\d-\d\d$/);
  // Written at about 10:15 on the Paris clock (09:15 UTC), said with its offset.
  assert.match(row.Written, /^2026-12-03T10:1\d:\d\d\+01:00$/);
  assert.equal(row['Last changed'], row.Written);
  assert.equal(new Date(row.Written).toISOString().slice(0, 13), '2026-12-03T09', 'the same moment as UTC 09:xx');

  // The shared assessment's name is cut at a word too.
  await load(page, '/#/self-assessment/new');
  await page.getByLabel('Partnership name').fill('Canterbury and Coastal practice-based commissioning group');
  await page.getByLabel('Manager (commissioning organisation)').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();
  await page.getByRole('radio', { name: '2 Developing' }).first().check();
  await savedWorkbook(page);
  await load(page, '/#/self-assessment');
  await page.getByRole('link', { name: /^Export for your partner: Canterbury/ }).click();
  const exported = await download(page, page.getByRole('button', { name: 'Download the file' }));
  assert.equal(
    exported.suggestedFilename(),
    `partnership-assessment-manager-canterbury-and-coastal-practice-based-${await isoDay(page, 0)}.json`,
  );
  await context.close();
});

test('"Copy for your portfolio" puts an entry and the summary on the clipboard under the learning log\'s headings', async () => {
  const { context, page } = await app.open('/', { permissions: ['clipboard-read', 'clipboard-write'] });
  const overview = await setUpPlacement(page);
  const day = await isoDay(page, -2);
  await logActivity(page, {
    date: day,
    what: TWO_LINES,
    keep: 'Sending the papers early',
    learnt: 'I can hold a room of consultants',
    capabilities: ['Working within teams'],
    inSummary: true,
  });
  const longDay = new Date(`${day}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const copy = entries(page).first().getByRole('button', { name: `Copy for your portfolio: log entry of ${longDay} (workshop)` });
  await copy.click();
  await entries(page).first().getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, [
    'Title', 'Workshop: Ran the pathway workshop with the GPs', '',
    'Date', longDay, '',
    'What happened', 'Ran the pathway workshop with the GPs', 'Then wrote up the actions for Zoë’s team', 'Time spent: 1 hour 30 minutes', '',
    'Reflection', 'What I will keep doing: Sending the papers early', 'What I learnt about myself: I can hold a room of consultants', '',
    'Capabilities', 'Working within teams (Working with others)',
  ].join('\n'));
  await noAxeViolations(page, 'the log after copying');

  await load(page, overview.replace(/\/?$/, '/summary'));
  await page.getByRole('button', { name: 'Copy the summary for your portfolio' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(summary, /^Title\nCommissioning placement at NHS Eastern and Coastal Kent\n\nDate\n\d+ \w+ 2026 to \d+ \w+ 2027\n\nWhat happened\nTrainee: Dr Zoë Adams\n/);
  assert.match(summary, new RegExp(`\\n\\nReflection\\n${longDay}, Workshop:\\nWhat I will keep doing: Sending the papers early\\n`));
  assert.match(summary, /\n\nCapabilities\nWorking within teams \(Working with others\): 1 entry$/);
  await context.close();
});

test('when the browser refuses the clipboard, the text is shown selected to copy by hand', async () => {
  const { context, page } = await app.open('/');
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
    });
  });
  await setUpPlacement(page);
  await logActivity(page, { date: await isoDay(page, -1), what: TWO_LINES });
  await page.reload();
  await waitForApp(page);
  await entries(page).first().getByRole('button', { name: /^Copy for your portfolio: log entry of/ }).click();
  const box = page.getByRole('textbox', { name: 'Text for your portfolio' });
  await box.waitFor();
  const selected = await box.evaluate((el) => ({
    focused: document.activeElement === el,
    all: el.selectionStart === 0 && el.selectionEnd === el.value.length,
    value: el.value,
  }));
  assert.ok(selected.focused && selected.all, `the whole text is selected, ready for Ctrl+C: ${JSON.stringify({ ...selected, value: undefined })}`);
  assert.match(selected.value, /^Title\nWorkshop: Ran the pathway workshop with the GPs\n\nDate\n/);
  assert.equal(await entries(page).first().getByText('Copied.').count(), 0, 'it does not say it was copied');
  await noAxeViolations(page, 'the log with the text to copy by hand');
  await context.close();
});

test('search finds "Zoë" from "zoe", and the filters survive a reload and Back', async () => {
  const { context, page } = await app.open('/', { viewport: { width: 1280, height: 800 } });
  await setUpPlacement(page);
  await logActivity(page, { date: await isoDay(page, -3), what: TWO_LINES });
  await logActivity(page, { date: await isoDay(page, -2), what: 'Met the finance lead about the business case', type: 'Meeting' });
  await logActivity(page, { date: await isoDay(page, -1), what: 'Met ZOE from the CCG about the data', type: 'Meeting' });
  assert.equal(await entries(page).count(), 3);

  await page.getByLabel('Words to find').fill('zoe');
  await page.getByText('Showing 2 of 3 entries', { exact: false }).waitFor();
  await entries(page).filter({ hasText: 'Zoë’s team' }).waitFor();
  await page.getByLabel('Words to find').fill('ZOË’S');
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  await page.getByLabel('Words to find').fill('zoe');
  await page.getByLabel('Type of activity').selectOption({ label: 'Meeting' });
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  await entries(page).getByText('Met ZOE from the CCG').waitFor();
  assert.match(page.url(), /\/log\?words=zoe&type=meeting$/, 'the filters are in the address');
  await noAxeViolations(page, 'the filtered log');
  await onAPhone(page, 'the log with three entries, filtered');

  // A reload keeps them.
  await page.reload();
  await waitForApp(page);
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Words to find').inputValue(), 'zoe');
  assert.equal(await page.getByLabel('Type of activity').inputValue(), 'meeting');

  // Into an entry and Back: still filtered.
  await entries(page).first().getByRole('link', { name: /^Change log entry of/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Change a log entry' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Your activity log' }).waitFor();
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Words to find').inputValue(), 'zoe');

  // A date filter is kept too, and clearing empties the address.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(/^3 entries · /).waitFor();
  assert.match(page.url(), /\/log$/);
  await fillDate(page, 'From', await isoDay(page, -1));
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByText('Showing 1 of 3 entries', { exact: false }).waitFor();
  await entries(page).getByText('Met ZOE from the CCG').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(/^3 entries · /).waitFor();
  assert.match(page.url(), /\/log$/);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
