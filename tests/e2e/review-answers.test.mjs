// Reviewing a finished assessment area by area: every saved answer and every
// importance shows as chosen on every area, moving forward by mouse and back by
// keyboard. (Areas used to be patched in place, and a radio still checked from
// the previous area, renamed into the new group, unchecked the saved answer.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp, load } from './support.mjs';

const app = useApp();

const AREAS = { power: 5, aims: 5, leadership: 6, support: 6, resources: 5, trust: 5, structures: 5, delivery: 6 };
const ORDER = Object.keys(AREAS);

// Ratings vary from area to area so that a radio checked on one area sits
// further along the scale than the answer saved on the next.
function savedWorkbook() {
  const answers = {};
  const importance = {};
  ORDER.forEach((area, a) => {
    importance[area] = [3, 1, 2][a % 3];
    for (let n = 1; n <= AREAS[area]; n += 1) {
      const r = (a * 5 + n * 2) % 6; // 0-4 are levels, 5 is not applicable
      answers[`${area}-${n}`] = { rating: r === 5 ? 'not_applicable' : { level: r }, evidence: '', flagged: false };
    }
  });
  const at = '2026-11-01T09:00:00Z';
  return {
    format: 'commissioning-workbook', schema_version: 2, created_at: at, updated_at: at, revision: 1,
    assessments: [{ id: 'assessment-review', framework_version: 1, partnership: 'Review partnership', clinical_area: '',
      role: 'clinician', date: '2026-11-01', answers, importance, created_at: at, updated_at: at }],
  };
}

/** The id of each checked radio on the page, and the ids that should be checked. */
async function checkedAndExpected(page, wb) {
  const area = new URL(page.url()).hash.slice(1).split('/').pop();
  const a = wb.assessments[0];
  const expected = [`importance-${area}-${a.importance[area]}`];
  for (let n = 1; n <= AREAS[area]; n += 1) {
    const r = a.answers[`${area}-${n}`].rating;
    expected.push(`${area}-${n}-${r === 'not_applicable' ? 'na' : r.level}`);
  }
  const checked = await page.getByRole('main').getByRole('radio', { checked: true }).evaluateAll((els) => els.map((e) => e.id));
  return { area, checked: checked.sort(), expected: expected.sort() };
}

test('every saved answer shows on every area, moving with Next by mouse and Previous by keyboard', async () => {
  const { context, page } = await app.open();
  const wb = savedWorkbook();
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(wb));
  await load(page, '/#/self-assessment');
  await waitForApp(page);
  await page.getByRole('link', { name: /^Review answers: Review partnership/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Power and influence' }).waitFor();

  const seen = [];
  for (let i = 0; i < ORDER.length; i += 1) {
    await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '43 of 43' }).waitFor();
    const { area, checked, expected } = await checkedAndExpected(page, wb);
    assert.equal(area, ORDER[i]);
    assert.deepEqual(checked, expected, `every answer shows on ${area} (forward)`);
    seen.push(area);
    if (i + 1 < ORDER.length) await page.getByRole('link', { name: /^Next: / }).click();
  }
  for (let i = ORDER.length - 1; i > 0; i -= 1) {
    await page.getByRole('link', { name: /^Previous: / }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/domain/${ORDER[i - 1]}$`));
    const { area, checked, expected } = await checkedAndExpected(page, wb);
    assert.deepEqual(checked, expected, `every answer shows on ${area} (back)`);
  }
  // And with the browser's Back button (history: ... aims, power).
  await page.goBack();
  await page.waitForURL(/\/domain\/aims$/);
  const forward = await checkedAndExpected(page, wb);
  assert.deepEqual(forward.checked, forward.expected);
  assert.equal(seen.length, 8);
  await context.close();
});
