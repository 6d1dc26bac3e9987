// The About page sets out where the content comes from: the articles, the
// framework, its mapping to the Partnership Assessment Tool, and the scales.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { useApp, goToArea, axeViolations } from './support.mjs';

const app = useApp();

const PRINCIPLES = [
  'Recognise and accept the need for partnership',
  'Develop clarity and realism of purpose',
  'Ensure commitment and ownership',
  'Develop and maintain trust',
  'Create clear and robust partnership arrangements',
  'Monitor, measure and learn',
];

// Each article by title, with where and when it appeared.
const ARTICLES = [
  ["We're engaged – now what?", /Pulse/, /c\. 2009/],
  ['Managers must encourage doctors to lead commissioning', /news report/, /February 2009/],
  ['How to make clinical commissioning work', /NHS Eastern and Coastal Kent/, /c\. 2009/],
  ["It's time to step up and take the lead", /Pulse/, /c\. 2009/],
  ['We must move beyond PBC', /not named/, /2010/],
];

test('the About page cites the articles by author, title, publication and date, explains 2009 terms, and lists the PAT principles and the scales', async () => {
  const { context, page } = await app.open();
  await goToArea(page, 'About');
  await page.getByRole('heading', { level: 1, name: 'About this workbook' }).waitFor();

  await page.getByRole('heading', { name: 'The articles the content comes from' }).waitFor();
  const articles = await page.getByRole('main').textContent();
  const table = page.getByRole('table', { name: 'The articles' });
  for (const [title, where, when] of ARTICLES) {
    const row = table.getByRole('row').filter({ hasText: title });
    assert.equal(await row.count(), 1, `cites ${title}`);
    assert.match(await row.textContent(), where);
    assert.match(await row.textContent(), when);
  }
  assert.doesNotMatch(articles, /\.txt|\bseed/i, 'no internal file names, no "seed"');

  await page.getByRole('heading', { name: 'Words from 2009 and what they are called today' }).waitFor();
  assert.match(articles, /PCT \(primary care trust\)[\s\S]*integrated care boards \(ICBs\)/);
  assert.match(articles, /PBC \(practice-based commissioning\)[\s\S]*primary care networks \(PCNs/);

  await page.getByRole('heading', { name: 'Leadership capabilities in the development plan' }).waitFor();
  const improving = page.getByRole('table', { name: 'Improving services' });
  assert.match(await improving.getByRole('row').filter({ hasText: 'Critically evaluating' }).textContent(), /Auditing, monitoring and constantly improving services/);
  assert.match(articles, /Medical Leadership Competency Framework, 3rd edition/);
  assert.match(articles, /Protected time away from clinical work: from Dr Johnny Marshall/);

  await page.getByRole('heading', { name: 'The readiness framework' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Power and influence' }).waitFor();

  const pat = page.getByRole('table', { name: 'Areas serving each Partnership Assessment Tool principle' });
  const rows = pat.locator('tbody').getByRole('row');
  assert.equal(await rows.count(), 6);
  for (const [i, title] of PRINCIPLES.entries()) {
    const row = rows.nth(i);
    assert.match(await row.textContent(), new RegExp(`${i + 1}\\. ${title}`));
  }
  // Power and influence serves principles 1 and 3.
  assert.match(await rows.nth(0).textContent(), /Power and influence/);
  assert.match(await rows.nth(2).textContent(), /Power and influence/);
  assert.match(articles, /Hardy B, Hudson B and Waddington E \(2003\)/);

  await page.getByRole('heading', { name: 'The scales' }).waitFor();
  assert.match(articles, /4 Embedded/);
  assert.match(articles, /is\s+this workbook's own/);
  assert.match(articles, /Healthcare Leadership Model/);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

// The group view's agreement rule, cited, with two worked examples drawn as
// the group's results draw them: a diverging stacked bar of HTML boxes
// (src/ui/components/diverging_bar.rs), each level's part as wide as its
// share, the middle level centred on the bar's middle, each bar named in
// words for screen readers, its counts legible on its colours, on a 320 px
// phone too, and its colours kept on paper.
const GROUP_SECTION = "A group's results: agreement or a split";
const LEVELS = ['0 Not in place', '1 Starting', '2 Developing', '3 Established', '4 Embedded'];

/** Each part of a bar: its box, its count as shown, its tooltip and colours. */
const barParts = (bar) => bar.locator('.app-diverging__segment').evaluateAll((parts) => parts.map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    left: box.left, right: box.right, width: box.width, text: el.textContent, title: el.title,
    fits: el.scrollWidth <= el.clientWidth, color: style.color, background: style.backgroundColor,
  };
}));

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

/** WCAG 2's contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("the About page states and cites the group's agreement rule, with two examples drawn as diverging bars", async () => {
  const { context, page } = await app.open('/#/about');
  const heading = page.getByRole('heading', { level: 2, name: GROUP_SECTION, exact: true });
  await heading.waitFor();
  const main = await page.getByRole('main').textContent();
  assert.match(main, /A statement is split when at least a third of the members who chose a level \(and at least two people\) chose one outside the band of three levels/);
  assert.match(main, /Source: Adapted from the consensus rule of the SCIROCCO Exchange maturity self-assessment/);
  assert.match(main, /RAND\/UCLA Appropriateness Method User's Manual, RAND, 2001/);
  assert.match(main, /each the median of the lower or upper half of the answers/);
  // The contents list links to the section.
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: GROUP_SECTION, exact: true }).waitFor();

  // The key names the levels in the order the bars show them.
  const key = page.getByRole('list', { name: 'Key to the levels' });
  assert.deepEqual((await key.getByRole('listitem').allTextContents()).map((t) => t.trim()), LEVELS);

  // Each bar is an image named in words: every level's count, the median.
  const split = page.getByRole('img', {
    name: 'Example 1: split: Of 12 people who chose a level: 2 at 0 Not in place, 2 at 1 Starting, 4 at 2 Developing, 2 at 3 Established, 2 at 4 Embedded. Median 2.',
    exact: true,
  });
  const agreed = page.getByRole('img', {
    name: 'Example 2: agreement: Of 12 people who chose a level: 2 at 0 Not in place, 2 at 1 Starting, 5 at 2 Developing, 2 at 3 Established, 1 at 4 Embedded. Median 2.',
    exact: true,
  });
  await split.waitFor();
  await agreed.waitFor();
  // The About area's stylesheet is linked as the page is asked for, not
  // waited on: until it is in, the bars are bare boxes.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.app-diverging')).position === 'relative');
  assert.match(main, /4 of 12 people chose a level outside it: at least a third, and at least two people, so the group is split\./);
  assert.match(main, /3 of 12 people chose a level outside it: fewer than a third, so the group agrees\./);

  for (const [width, name] of [[1024, 'desktop'], [320, 'phone']]) {
    await page.setViewportSize({ width, height: 700 });
    for (const [bar, counts] of [[split, [2, 2, 4, 2, 2]], [agreed, [2, 2, 5, 2, 1]]]) {
      const box = await bar.boundingBox();
      const parts = await barParts(bar);
      const total = counts.reduce((a, b) => a + b, 0);
      // The filled part is half the bar, each level's part its share of it.
      for (const [i, part] of parts.entries()) {
        assert.ok(Math.abs(part.width - (box.width / 2) * (counts[i] / total)) < 1.5, `${name}: level ${i} is ${part.width} px of ${box.width}`);
        assert.equal(part.title, `${counts[i]} chose ${LEVELS[i]}`);
        assert.equal(part.text, String(counts[i]), `${name}: level ${i} shows its count`);
        assert.ok(part.fits, `${name}: the count of level ${i} fits its part`);
        assert.ok(contrast(part.color, part.background) >= 4.5, `${name}: level ${i}'s count is legible on its colour`);
      }
      // Below the middle left of the centre, above it right, the middle
      // level's part centred on the bar's middle.
      const middle = parts[2];
      assert.ok(Math.abs((middle.left + middle.right) / 2 - (box.x + box.width / 2)) < 1.5, `${name}: the middle level is split across the centre`);
      assert.ok(parts[1].right <= middle.left + 0.5 && parts[3].left >= middle.right - 0.5);
    }
    // Five colours, told apart by lightness as well as hue.
    const backgrounds = new Set((await barParts(split)).map((p) => p.background));
    assert.equal(backgrounds.size, 5);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${name}: nothing wider than the screen`);
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  assert.deepEqual(await axeViolations(page), []);

  // On paper the bars keep their colours.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await split.evaluate((el) => getComputedStyle(el).printColorAdjust), 'exact');
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  const outDir = new URL('../../test-results/print/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  const file = new URL('about.pdf', outDir);
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-layout', file.pathname, '-'], { encoding: 'utf8' }).split('\f');
  const at = pages.findIndex((p) => p.includes('Example 1: split'));
  assert.ok(at >= 0, 'the examples are printed');
  assert.match(pages[at], /so the group is split/);
  // That page drawn as pixels holds a bar's length of the dark red of level
  // 0 and the dark blue of level 4 (browsers leave backgrounds out of print
  // unless asked).
  const prefix = new URL('about-examples', outDir).pathname;
  execFileSync('pdftoppm', ['-r', '40', '-f', String(at + 1), '-l', String(at + 1), '-singlefile', file.pathname, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // Each example's level 0 and level 4 are a sixth of the bar wide.
  assert.ok(longestRun(ppm, [0x8a, 0x15, 0x38]) >= 15, 'level 0 prints in dark red');
  assert.ok(longestRun(ppm, [0x00, 0x30, 0x87]) >= 15, 'level 4 prints in dark blue');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(at + 1), '-l', String(at + 1), '-singlefile', file.pathname, prefix]);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
