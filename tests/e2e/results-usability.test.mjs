// Issue 23, points 1 to 4 and 6: a self-assessment's results as the
// walkthrough met them (walkthrough-assessment.mjs: 43 statements answered,
// 19 weak or flagged, 5 priority areas). What to act on comes first and short
// (flagged and priority statements first, a few shown, "Show all" for the
// rest); the summary of priorities and the table follow one rule; a goal made
// from a weak spot is worded as a goal the user edits before it is added, and
// the plan says where it came from once, as a link; printing is compact with
// no screen links; the title is short; the assessments list shows its heading
// once and breaks no word in its Actions column.
//
// Measured before these changes on the same workbook (release build of
// 3487948): results 10,360 px tall at 1280 × 800 and 17.4 screens at
// 375 × 667, the first flagged statement 11.6 screens down on the phone (8.4
// on the desktop), printed on 9 A4 pages with the first half empty; the
// title 152 px tall on a phone; the assessments list (two assessments) 3.28
// screens at 375 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { useApp, load, goToArea, savedWorkbook, axeViolations } from './support.mjs';
import { PHONE, screensTall, cutOff } from './phone.mjs';
import { walkthroughWorkbook, ASSESSMENT_ID, TITLE, FLAGGED, PRIORITY_AREAS } from './walkthrough-assessment.mjs';

const app = useApp();
const DESKTOP = { width: 1280, height: 800 };
const RESULTS = `/#/self-assessment/${ASSESSMENT_ID}/results`;
const BEFORE = { phoneScreens: 17.4, desktopPx: 10360, printPages: 9, phoneTitlePx: 152 };
const outDir = new URL('../../test-results/print/', import.meta.url);

async function openResults(viewport = DESKTOP, workbook = walkthroughWorkbook()) {
  const { context, page } = await app.open('/#/about', { viewport });
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await load(page, RESULTS);
  return { context, page };
}

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

const actionList = (page) => page.getByRole('list', { name: 'Weak or flagged statements' });
const cardHeadings = (page) => actionList(page).getByRole('heading', { level: 3 }).allTextContents();

test('flagged and priority statements come first, five show, and "Show all" reveals the rest by keyboard', async () => {
  const { context, page } = await openResults();
  const cards = actionList(page).getByRole('listitem');
  assert.equal(await cards.count(), 5, 'a few show at first');
  const texts = await cards.allTextContents();
  // The two the user flagged lead (in the framework's order they were 8th and 14th).
  assert.deepEqual((await cardHeadings(page)).slice(0, 2), Object.values(FLAGGED));
  assert.ok(texts.slice(0, 2).every((t) => t.includes('You flagged this as a priority.')));
  // Then weak statements in the priority areas, the most pressing area first
  // (Support from the commissioning organisation: high importance, 29%).
  assert.ok(texts.slice(2).every((t) => t.includes('In a priority area for action.') && t.includes(PRIORITY_AREAS[0])), texts.slice(2).join('\n'));
  await page.getByText('Showing the first 5 of 19 weak or flagged statements.', { exact: true }).waitFor();
  await expectNoViolations(page, 'results, five statements shown');

  const showAll = page.getByRole('button', { name: 'Show all 19 statements (14 more)', exact: true });
  assert.equal(await showAll.getAttribute('aria-expanded'), 'false');
  assert.equal(await showAll.getAttribute('aria-controls'), await actionList(page).getAttribute('id'));
  await showAll.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#results-actions > li').length === 19);
  const all = await cardHeadings(page);
  assert.equal(all.length, 19);
  // Focus moves to the first statement that appeared, so reading goes on there.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), all[5]);
  // Flagged, then weak in a priority area, then the rest: never out of that order.
  const rank = (t) => (t.includes('You flagged this') ? 0 : t.includes('In a priority area') ? 1 : 2);
  const ranks = (await cards.allTextContents()).map(rank);
  assert.deepEqual(ranks, [...ranks].sort(), `order: ${ranks.join('')}`);
  assert.deepEqual([0, 1, 2].map((n) => ranks.filter((r) => r === n).length), [2, 15, 2]);
  const fewer = page.getByRole('button', { name: 'Show only the first 5', exact: true });
  assert.equal(await fewer.getAttribute('aria-expanded'), 'true');
  await page.getByText('Showing all 19 weak or flagged statements.', { exact: true }).waitFor();
  await expectNoViolations(page, 'results, all statements shown');

  await fewer.click();
  await page.waitForFunction(() => document.querySelectorAll('#results-actions > li').length === 5);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the summary names every area the table marks as a priority for action, and the rule is stated once', async () => {
  const { context, page } = await openResults();
  const main = page.getByRole('main');
  const summary = (await page.locator('#results-top-priorities').textContent()).trim();
  const named = summary.replace(/^.*?:\s*/, '').replace(/\.$/, '').split('; ');
  const table = page.getByRole('table', { name: 'Importance and score by area' });
  const marked = [];
  for (const row of await table.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells[3]?.includes('Priority for action')) marked.push(cells[0].trim());
  }
  assert.equal(marked.length, 5, 'the table marks five');
  assert.equal(named.length, marked.length, `summary: ${summary}`);
  assert.deepEqual(named, marked, 'the same areas, in the same order');
  assert.deepEqual(named, PRIORITY_AREAS);
  assert.match(summary, /^Your 5 priorities for action, most pressing first: /);
  const rule = (await main.textContent()).match(/An area is a priority for action when/g) ?? [];
  assert.equal(rule.length, 1, 'the rule is stated once');
  await context.close();
});

test('a weak spot becomes a goal worded as a goal, edited before it is added, and the plan says where it came from once, as a link', async () => {
  const { context, page } = await openResults();
  const statement = FLAGGED['leadership-6'];
  const card = actionList(page).getByRole('listitem').filter({ hasText: statement });
  await card.getByRole('button', { name: `Add to my development plan: ${statement}`, exact: true }).click();
  const field = card.getByLabel('Your goal', { exact: true });
  assert.equal(await field.inputValue(), "Develop future clinical leaders, not only today's", 'a goal worded as a goal, not "Improve: …"');
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'focus goes to the goal, ready to edit');
  await expectNoViolations(page, 'results, goal form open');

  // A goal needs words: nothing is added without them.
  await field.fill('  ');
  await card.getByRole('button', { name: 'Add this goal', exact: true }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Enter what you want to achieve' }).waitFor();
  assert.equal((await savedWorkbook(page)).plans?.length ?? 0, 0);
  await expectNoViolations(page, 'results, goal form with an error');

  const mine = 'Set up a development scheme for future GP leaders';
  await field.fill(mine);
  await card.getByRole('button', { name: 'Add this goal', exact: true }).click();
  const status = card.getByRole('status');
  await status.getByText(`Added the goal "${mine}" to your development plan.`, { exact: true }).waitFor();
  assert.equal(await status.evaluate((el) => el === document.activeElement), true, 'focus goes to the confirmation');
  await card.getByText('In your development plan', { exact: true }).waitFor();
  assert.equal(await card.getByRole('button').count(), 0, 'no second add button');
  await expectNoViolations(page, 'results, goal added');

  const goal = (await savedWorkbook(page)).plans[0].goals[0];
  assert.equal(goal.title, mine);
  assert.equal(goal.learning_need, '', 'no sentence about where it came from is written into the goal');
  assert.deepEqual(goal.origin, { assessment_id: ASSESSMENT_ID, statement_id: 'leadership-6' });

  await card.getByRole('link', { name: 'Go to your development plan' }).click();
  const goals = page.getByRole('list', { name: 'Your goals' });
  const planCard = goals.getByRole('listitem').filter({ hasText: mine });
  await planCard.getByRole('heading', { name: mine, exact: true }).waitFor();
  const text = await planCard.textContent();
  assert.equal(text.match(/self-assessment/g)?.length, 1, `said once: ${text}`);
  assert.match(text, /From your self-assessment of East Kent \(Leadership capability\): /);
  const link = planCard.getByRole('link', { name: statement, exact: true });
  assert.equal(await link.getAttribute('href'), `#${RESULTS.slice(2)}`);
  await expectNoViolations(page, 'development plan with a goal from a statement');

  // The goal's own page says it once too, and the link leads back to the results.
  await planCard.getByRole('link', { name: mine, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: mine }).waitFor();
  assert.equal((await page.getByRole('main').textContent()).match(/self-assessment/g)?.length, 1);
  await page.getByRole('main').getByRole('link', { name: statement, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Results: ${TITLE}` }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a goal an older version made from a statement still reads, with where it came from shown once and its text left as saved', async () => {
  const workbook = walkthroughWorkbook();
  const oldNeed = 'From your self-assessment of East Kent, in the area "Power and influence". You rated it: 1 Starting.';
  const oldTitle = "Improve: Our clinicians' views visibly change commissioning decisions.";
  workbook.plans = [{
    id: 'plan-old', name: 'My development plan', created_at: '2026-11-21T09:00:00Z', updated_at: '2026-11-21T09:00:00Z',
    goals: [{
      id: 'goal-old', title: oldTitle, learning_need: oldNeed, created_at: '2026-11-21T09:00:00Z', updated_at: '2026-11-21T09:00:00Z',
      origin: { assessment_id: ASSESSMENT_ID, statement_id: 'power-1' },
    }],
  }];
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
  await load(page, '/#/development-plan');
  const card = page.getByRole('list', { name: 'Your goals' }).getByRole('listitem').filter({ hasText: oldTitle });
  await card.getByRole('heading', { name: oldTitle, exact: true }).waitFor();
  const text = await card.textContent();
  assert.equal(text.match(/self-assessment/g)?.length, 1, `said once: ${text}`);
  assert.ok(!text.includes('You rated it'), 'the old sentence is not shown beside the link');
  await card.getByRole('link', { name: "Our clinicians' views visibly change commissioning decisions.", exact: true }).waitFor();
  // Nothing the workbook holds is rewritten: the old sentence is still there
  // (and in the change form, where the user can edit it).
  await card.getByRole('link', { name: `Change goal: ${oldTitle}` }).click();
  assert.equal(await page.getByLabel('What do you need to learn? (optional)').inputValue(), oldNeed);
  const saved = (await savedWorkbook(page)).plans[0].goals[0];
  assert.equal(saved.learning_need, oldNeed);
  assert.equal(saved.title, oldTitle);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('results print compactly, without screen links, on fewer pages than before', async () => {
  const { context, page } = await openResults();
  // A goal added first, so a card carries the on-screen "Go to your development plan".
  const statement = FLAGGED['resources-2'];
  const card = actionList(page).getByRole('listitem').filter({ hasText: statement });
  await card.getByRole('button', { name: `Add to my development plan: ${statement}`, exact: true }).click();
  await card.getByRole('button', { name: 'Add this goal', exact: true }).click();
  await card.getByRole('link', { name: 'Go to your development plan' }).waitFor();

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(outDir, { recursive: true });
  const file = new URL('results-usability.pdf', outDir);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file.pathname, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  for (const screenOnly of ['Go to your development plan', 'Add to my development plan', 'Show all', 'Change your answers', 'Print these results']) {
    assert.ok(!text.includes(screenOnly), `"${screenOnly}" is not on paper`);
  }
  // What is printed: the scores, the priorities, and the cards with their state.
  assert.match(text, /Your 5 priorities for action/);
  assert.match(text, /In your development plan/);
  assert.match(text, /Showing the first 5 of 19 weak or flagged statements\./);
  // No empty half page: the scores table starts on the first page, under the chart.
  assert.match(pages[0], /Unanswered/, `first page:\n${pages[0]}`);
  assert.ok(pages.length < BEFORE.printPages, `${pages.length} pages, before ${BEFORE.printPages}`);
  console.log(`printed results: ${pages.length} A4 pages (before: ${BEFORE.printPages})`);
  await context.close();
});

test('on a 375 px phone the results are shorter than before, the title is short, and nothing is cut off', async () => {
  const { context, page } = await openResults(PHONE);
  const h1 = page.getByRole('heading', { level: 1 });
  // Named in full, shown short: "Results" on one line, the assessment under it in smaller text.
  assert.equal((await h1.textContent()).trim(), `Results: ${TITLE}`);
  const lines = await h1.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.firstChild);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(lines, 1, '"Results" fits one line');
  const detailSize = await h1.locator('.app-title__detail').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const titleSize = await h1.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(detailSize < titleSize, `details ${detailSize} px, title ${titleSize} px`);
  const titleHeight = (await h1.boundingBox()).height;
  assert.ok(titleHeight < BEFORE.phoneTitlePx, `title ${titleHeight} px tall, before ${BEFORE.phoneTitlePx}`);

  // What to act on is reached sooner: the first flagged statement.
  const flaggedAt = await actionList(page).getByRole('heading', { name: FLAGGED['leadership-6'] })
    .evaluate((h) => (h.getBoundingClientRect().top + window.scrollY) / window.innerHeight);
  console.log(`first flagged statement at 375 × 667: ${flaggedAt.toFixed(1)} screens down (before: 11.6)`);
  assert.ok(flaggedAt < 11.6 / 1.5, `${flaggedAt.toFixed(1)} screens down`);

  const screens = await screensTall(page);
  console.log(`results at 375 × 667: ${screens.toFixed(1)} screens (before: ${BEFORE.phoneScreens}); title ${titleHeight} px (before: ${BEFORE.phoneTitlePx})`);
  assert.ok(screens < BEFORE.phoneScreens * 0.75, `${screens.toFixed(1)} screens, before ${BEFORE.phoneScreens}`);
  assert.deepEqual(await cutOff(page), []);
  await expectNoViolations(page, 'results at 375 px');

  await page.setViewportSize(DESKTOP);
  const px = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`results at 1280 × 800: ${px} px (before: ${BEFORE.desktopPx})`);
  assert.ok(px < BEFORE.desktopPx * 0.75, `${px} px, before ${BEFORE.desktopPx}`);
  await context.close();
});

test('the assessments list shows "Your assessments" once, and its Actions column breaks no word', async () => {
  const workbook = walkthroughWorkbook();
  workbook.assessments.push({
    ...workbook.assessments[0], id: 'assessment-second', partnership: 'Canterbury and Coastal Primary Care Network',
    clinical_area: 'Diabetes and long-term conditions', answers: {},
  });
  for (const width of [320, PHONE.width, 768, DESKTOP.width]) {
    const { context, page } = await app.open('/#/about', { viewport: { width, height: PHONE.height } });
    await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(workbook));
    await load(page, '/#/self-assessment');
    const table = page.getByRole('table', { name: 'Your assessments' });
    await table.waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Your assessments' }).count(), 1);
    // On screen the words show once: the caption names the table for screen readers only.
    const shown = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) =>
      el.childElementCount === 0 && el.textContent.trim() === 'Your assessments' && el.getBoundingClientRect().width > 1).length);
    assert.equal(shown, 1, `${width} px: "Your assessments" shown ${shown} times`);
    // Every word of every link in the Actions column sits on one line.
    const broken = await table.evaluate((t) => {
      const out = [];
      for (const a of t.querySelectorAll('td:last-child a')) {
        const node = a.firstChild;
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    assert.deepEqual(broken, [], `${width} px: words broken across lines`);
    assert.deepEqual(await cutOff(page), [], `${width} px`);
    if (width === PHONE.width) {
      console.log(`assessments list at 375 × 667: ${(await screensTall(page)).toFixed(2)} screens (before: 3.28)`);
      await expectNoViolations(page, 'assessments list at 375 px');
    }
    await context.close();
  }
});
