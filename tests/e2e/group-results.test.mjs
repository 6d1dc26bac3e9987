// Issue 24, where a group stands, as its lead reads it on a round's page and
// on paper: the summary first (members by role, the areas rated most
// important, the statements members disagree on most, each a link to its
// figures), then per area and per statement how many answered, the median,
// the middle half (interquartile range), how many chose each level as a
// diverging stacked bar with a table of the same counts, agreement or a
// split by the stated rule, and clinicians beside managers; and two rounds
// compared, each change in words. Every figure is worked out by hand from
// the workbook below, so a wrong sum fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { useApp, load, axeViolations } from './support.mjs';
import { groupWorkbook } from './group-files.mjs';

const app = useApp();

const POWER = [
  "Our clinicians' views visibly change commissioning decisions.",
  'Clinicians and managers work as a partnership of equals.',
  'Good business cases are approved and weak ones turned down, whoever brings them.',
  'Our clinicians feel they are leading commissioning and making a difference.',
  'Clinicians agree the care pathways we commission before they are adopted.',
];

/**
 * The two rounds of `groupWorkbook` (twelve members each, odd members
 * clinicians, even managers; the last statement of each area unanswered),
 * with three of the spring round's power statements made to tell something:
 * power-1 split (members 1 to 8 at 3, members 9 to 12 at 0), power-2 with
 * clinicians at 4 and managers at 2, and member 12's power-3 "not
 * applicable". Every other statement the spring round answered has four
 * members at each of 1, 2 and 3 (median 2, middle half 1 to 3, agreed);
 * the autumn round four at each of 0, 1 and 2 (median 1).
 */
function workbook() {
  const wb = groupWorkbook();
  const spring = wb.group.rounds.find((r) => r.id === 'round-spring');
  for (const [i, member] of spring.members.entries()) {
    const n = i + 1;
    member.ratings['power-1'] = { level: n <= 8 ? 3 : 0 };
    member.ratings['power-2'] = { level: n % 2 ? 4 : 2 };
    if (n === 12) member.ratings['power-3'] = 'not_applicable';
  }
  return wb;
}

/**
 * Waits until the group area's stylesheet, linked as its page is asked for
 * and not waited on, styles the bars (before it, they are bare boxes).
 */
const barsStyled = (page) => page.waitForFunction(() => {
  const bar = document.querySelector('.app-diverging');
  return bar && getComputedStyle(bar).position === 'relative';
});

async function openWith(path, viewport = { width: 1024, height: 800 }) {
  const { context, page } = await app.open('/#/about', { viewport });
  await page.evaluate((wb) => localStorage.setItem('commissioning-workbook', JSON.stringify(wb)), workbook());
  await load(page, path);
  return { context, page };
}

/**
 * The longest run of pixels of about `rgb` along any row of a P6 PPM image:
 * a bar's part is many times wider than the key's swatch of the same colour
 * (at 40 dots an inch the swatch is about 7 pixels), so a long run is a bar.
 */
function longestRun(ppm, [r, g, b]) {
  const [header, width] = ppm.toString('latin1', 0, 20).match(/^P6\s+(\d+)\s+\d+\s+255\s/);
  const px = ppm.subarray(header.length);
  let longest = 0;
  let run = 0;
  for (let i = 0, x = 0; i < px.length; i += 3, x = (x + 1) % Number(width)) {
    if (x === 0) run = 0;
    const near = Math.abs(px[i] - r) < 24 && Math.abs(px[i + 1] - g) < 24 && Math.abs(px[i + 2] - b) < 24;
    run = near ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** A table's body rows as lists of cell texts, the row header first (phone labels left out). */
const rowsOf = (table) => table.locator('tbody tr').evaluateAll((rows) => rows.map((row) =>
  [...row.children].map((cell) => [...cell.childNodes]
    .filter((n) => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
    .map((n) => n.textContent).join('').trim())));

test("a round's page sums up the group first, then each area's figures, bars and tables, clinicians beside managers", async () => {
  const { context, page } = await openWith('/#/group/rounds/round-spring');
  const summary = page.getByRole('region', { name: 'Summary' });
  await summary.waitFor();
  await barsStyled(page);
  const summaryText = await summary.innerText();
  assert.match(summaryText, /12 members: 6 clinicians and 6 managers/);
  // 35 statements answered (the last of each of the 8 areas is not): power-1 split.
  assert.match(summaryText, /Across all 43 statements: 1 split, 34 agreed and 8 with too few answers to tell\./);

  // Every area's importance is 4 at each of Low, Medium and High: a tie, kept in framework order.
  const important = summary.getByRole('list').first().getByRole('listitem');
  assert.deepEqual(await important.allInnerTexts(), [
    'Power and influence: Medium; 4 of 12 rated it High.',
    'Shared aims and priorities: Medium; 4 of 12 rated it High.',
    'Leadership capability: Medium; 4 of 12 rated it High.',
  ]);
  // Widest middle half first: power-1 (0 to 3), then the rest at 1 to 3 or 2 to 4.
  const disagreed = summary.getByRole('list').nth(1).getByRole('listitem');
  assert.equal(await disagreed.count(), 5);
  assert.equal(await disagreed.first().innerText(), `${POWER[0]}\n(Power and influence) Median 3, middle half 0 to 3. Split.`);
  assert.match(await disagreed.nth(1).innerText(), /^Clinicians and managers work as a partnership of equals\.\n\(Power and influence\) Median 3, middle half 2 to 4\. Agreement\.$/);

  // Each link goes to its figures further down, focus with it.
  await summary.getByRole('link', { name: POWER[0] }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'group-statement-power-1');
  assert.ok(await page.locator('#group-statement-power-1').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight;
  }), 'the statement is on screen');
  await summary.getByRole('link', { name: 'Power and influence' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'group-area-power');

  // The rule is stated beside the figures.
  const results = page.getByRole('region', { name: 'Results by area' });
  assert.match(await results.innerText(), /A statement is split when at least a third of the members who chose a level \(and at least two people\) chose one outside the band of three levels/);

  // Power and influence: 4 statements of 5 answered by 12 members, one "not applicable".
  const power = page.getByRole('region', { name: 'Power and influence', exact: true });
  const figures = await power.locator('dl').innerText();
  assert.match(figures, /Answered\s+47 of 60 possible answers are a level \(12 members, 5 statements\), 1 not applicable or don't know, 12 not answered\./);
  // Counts 4 7 14 16 6: the 24th of 47 is a 2; the quartiles are the 12th
  // of the lower 23 (a 2) and of the upper 23 (a 3).
  assert.match(figures, /Median\s+2 Developing/);
  assert.match(figures, /Middle half \(interquartile range\)\s+2 to 3/);
  assert.match(figures, /Statements\s+1 split, 3 agreed and 1 with too few answers to tell/);
  assert.match(figures, /How important\s+Medium; 4 of 12 rated it High/);

  // The table of counts, headed by level numbers named in its caption.
  const counts = power.getByRole('table', { name: 'Power and influence: how many chose each level, from 0 Not in place to 4 Embedded' });
  assert.deepEqual((await counts.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()),
    ['Statement', '0', '1', '2', '3', '4', "Not applicable or don't know", 'Answered', 'Median', 'Middle half', 'Agreement']);
  assert.deepEqual(await rowsOf(counts), [
    ['All statements in this area', '4', '7', '14', '16', '6', '1', '47 of 60', '2', '2 to 3', '1 split, 3 agreed and 1 with too few answers to tell'],
    [POWER[0], '4', '0', '0', '8', '0', '0', '12 of 12', '3', '0 to 3', 'Split'],
    [POWER[1], '0', '0', '6', '0', '6', '0', '12 of 12', '3', '2 to 4', 'Agreement'],
    [POWER[2], '0', '3', '4', '4', '0', '1', '11 of 12', '2', '1 to 3', 'Agreement'],
    [POWER[3], '0', '4', '4', '4', '0', '0', '12 of 12', '2', '1 to 3', 'Agreement'],
    [POWER[4], '0', '0', '0', '0', '0', '0', '0 of 12', 'None', 'None', 'Too few answers to tell'],
  ]);

  // The bars: named in words, each level's part its share of half the bar,
  // the levels below the middle left of the centre.
  const areaBar = power.getByRole('img', {
    name: 'Power and influence, all statements: Of 47 answers that are a level: 4 at 0 Not in place, 7 at 1 Starting, 14 at 2 Developing, 16 at 3 Established, 6 at 4 Embedded. Median 2. 1 not applicable or don\'t know.',
    exact: true,
  });
  await areaBar.waitFor();
  const splitBar = power.getByRole('img', {
    name: "Our clinicians' views visibly change commissioning decisions: Of 12 people who chose a level: 4 at 0 Not in place, none at 1 Starting, none at 2 Developing, 8 at 3 Established, none at 4 Embedded. Median 3.",
    exact: true,
  });
  const box = await splitBar.boundingBox();
  const parts = await splitBar.locator('.app-diverging__segment').evaluateAll((els) => els.map((el) => {
    const b = el.getBoundingClientRect();
    return { left: b.left, right: b.right, text: el.textContent, title: el.title };
  }));
  const centre = box.x + box.width / 2;
  assert.deepEqual(parts.map((p) => [p.text, p.title]), [['4', '4 chose 0 Not in place'], ['8', '8 chose 3 Established']]);
  assert.ok(Math.abs(parts[0].right - centre) < 1.5, 'level 0 ends at the centre line');
  assert.ok(Math.abs(parts[1].left - centre) < 1.5, 'level 3 starts at the centre line');
  assert.ok(Math.abs((parts[1].right - parts[1].left) - box.width / 2 * (8 / 12)) < 1.5, 'level 3 is 8 twelfths of half the bar');
  assert.equal(await power.getByRole('img').count(), 6, 'the area and each of its five statements');
  await power.getByRole('img', { name: /^Clinicians agree the care pathways we commission before they are adopted: No one chose a level\.$/ }).waitFor();

  // Clinicians beside managers.
  const roles = power.getByRole('table', { name: 'Power and influence: clinicians beside managers' });
  assert.deepEqual((await rowsOf(roles)).slice(0, 3), [
    // Clinicians 0 0 1 1 1 1 2 2 2 2 3×8 4×6 (24): median 3; managers 0 0 1 1 1 2×10 3×8 (23): the 12th, a 2.
    ['All statements in this area', '3 (from 24)', '2 (from 23)', 'Clinicians 1 level higher'],
    [POWER[0], '3 (from 6)', '3 (from 6)', 'The same'],
    [POWER[1], '4 (from 6)', '2 (from 6)', 'Clinicians 2 levels higher'],
  ]);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('on a phone the results fit the screen: tables stack or scroll in their own box, and counts fit their parts', async () => {
  const { context, page } = await openWith('/#/group/rounds/round-spring', { width: 320, height: 640 });
  const power = page.getByRole('region', { name: 'Power and influence', exact: true });
  await power.waitFor();
  await barsStyled(page);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'nothing wider than the screen');
  const cramped = await page.locator('.app-diverging__segment').evaluateAll((els) =>
    els.filter((el) => el.textContent && el.scrollWidth > el.clientWidth).length);
  assert.equal(cramped, 0, 'every count shown fits its part');
  // A stacked row shows each count under its level's name.
  const row = power.getByRole('table', { name: /how many chose each level/ }).getByRole('row', { name: new RegExp(`^${POWER[0].replace(/[.']/g, '.')}`) });
  assert.match(await row.innerText(), /Not in place\s+4\s+Starting\s+0/);
  console.log(`# a round's page at 320 px: ${(await page.evaluate(() => document.documentElement.scrollHeight / innerHeight)).toFixed(1)} screens`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('two rounds compared: each area and statement, the change in words', async () => {
  const { context, page } = await openWith('/#/group/compare/round-autumn/round-spring');
  const section = page.getByRole('region', { name: 'Change between rounds' });
  await section.waitFor();
  const text = await section.innerText();
  assert.match(text, /Autumn round: 12 members: 6 clinicians and 6 managers\./);
  assert.match(text, /By area\n+8 up\./);
  // 35 answered in both: power-1 1 → 3, power-2 1 → 3, the rest 1 → 2; 8 answered in neither.
  assert.match(text, /By statement\n+35 up and 8 cannot be compared\./);
  const areas = page.getByRole('table', { name: 'Change by area' });
  assert.deepEqual((await areas.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()),
    ['Area', 'Median before (Autumn round)', 'Median after (Spring workshop)', 'Change']);
  assert.deepEqual((await rowsOf(areas))[0], ['Power and influence', '1', '2', 'Up 1 level']);
  const statements = await rowsOf(page.getByRole('table', { name: 'Change by statement' }));
  assert.deepEqual(statements.slice(0, 5), [
    [POWER[0], 'Power and influence', '1', '3', 'Up 2 levels'],
    [POWER[1], 'Power and influence', '1', '3', 'Up 2 levels'],
    [POWER[2], 'Power and influence', '1', '2', 'Up 1 level'],
    [POWER[3], 'Power and influence', '1', '2', 'Up 1 level'],
    [POWER[4], 'Power and influence', 'None', 'None', 'Cannot compare: no levels chosen in one round'],
  ]);
  // An arrow beside the words for sighted readers, hidden from screen readers.
  const arrow = page.getByRole('table', { name: 'Change by statement' }).locator('tbody tr').first().locator('.app-change__arrow');
  assert.equal(await arrow.getAttribute('aria-hidden'), 'true');
  assert.equal((await arrow.textContent()).trim(), '↑');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the group report prints summary first, each chart with its table, bars in colour', async () => {
  const { context, page } = await openWith('/#/group/rounds/round-spring');
  await page.getByRole('region', { name: 'Power and influence', exact: true }).waitFor();
  await barsStyled(page);
  await page.emulateMedia({ media: 'print' });
  const outDir = new URL('../../test-results/print/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  const file = new URL('group-report.pdf', outDir);
  writeFileSync(file, await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
  const text = execFileSync('pdftotext', ['-layout', file.pathname, '-'], { encoding: 'utf8' });
  const at = (words) => text.indexOf(words);
  assert.ok(at('Statements members disagree on most') >= 0 && at('Statements members disagree on most') < at('Results by area'), 'the summary comes first');
  // Each area's chart, then its table.
  assert.ok(at('Chart: how many chose each level in Power and influence') < at('Power and influence: how many chose each level'));
  assert.ok(at('Power and influence: how many chose each level') < at('Power and influence: clinicians beside managers'));
  assert.match(text, /All statements in this area/);
  // A chart is not split across pages.
  const avoid = await page.locator('.app-diverging-chart__row, .app-diverging-chart').evaluateAll((els) =>
    els.filter((el) => getComputedStyle(el).breakInside !== 'avoid').length);
  assert.equal(avoid, 0);
  // The page with the power chart, as pixels, has a bar's length of the dark
  // red of level 0 (power-1's four of twelve: a sixth of the bar's width).
  const pages = text.split('\f');
  const chartPage = pages.findIndex((p) => p.includes('Chart: how many chose each level in Power and influence'));
  // (The chart may run onto the next page.)
  const prefix = new URL('group-report-power', outDir).pathname;
  const found = [chartPage + 1, chartPage + 2].some((n) => {
    execFileSync('pdftoppm', ['-r', '40', '-f', String(n), '-l', String(n), '-singlefile', file.pathname, prefix]);
    return longestRun(readFileSync(`${prefix}.ppm`), [0x8a, 0x15, 0x38]) >= 15;
  });
  assert.ok(found, 'level 0 prints in dark red');
  execFileSync('pdftoppm', ['-png', '-r', '50', file.pathname, new URL('group-report', outDir).pathname]);
  await context.close();
});
