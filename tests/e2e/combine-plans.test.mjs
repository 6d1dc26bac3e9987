// Two browsers' workbooks each started "My development plan" (each with its
// own id). Merging one's backup into the other must leave two plans the user
// can tell apart, and the user can then combine them into one, and undo that;
// a plan cannot be started under a name already used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, load, savedWorkbook, axeViolations } from './support.mjs';

const app = useApp();

// Fixed moments: what is typed or expected never depends on the day the test runs.
const at = (day, hour = 9) => `2026-12-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;

const goal = (id, title, day) => ({ id, title, created_at: at(day), updated_at: at(day) });

/** A workbook holding one plan called "My development plan" under `plan`. */
function workbook(plan, { goals, reviews = [], created, backedUp }) {
  return {
    format: 'commissioning-workbook',
    schema_version: 4,
    created_at: at(1),
    updated_at: at(created),
    revision: 1,
    plans: [{ id: plan, name: 'My development plan', created_at: at(created), updated_at: at(created), goals, reviews }],
    last_backup_at: backedUp,
    // No reminder to back up: nothing else on the page says "status" but what is checked.
    backup_reminder_days: 0,
  };
}

// This browser's plan is the newer, so the Development plan page opens on it.
const here = workbook('plan-here', {
  goals: [goal('goal-here', 'Chair the respiratory programme board', 2)],
  created: 2,
  backedUp: at(2, 10),
});
// The other browser's backup, taken on 3 December 2026.
const theirs = workbook('plan-there', {
  goals: [
    goal('goal-there-1', 'Lead the diabetes pathway redesign', 1),
    goal('goal-there-2', 'Present a business case to the executive committee', 1),
  ],
  reviews: [{ id: 'review-there', date: '2026-12-01', summary: 'Halfway through the redesign', created_at: at(1), updated_at: at(1) }],
  created: 1,
  backedUp: at(3, 12),
});

const TOLD_APART = 'My development plan (from the backup of 3 December 2026)';

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

const goalTitles = (page) => page.getByRole('list', { name: 'Your goals' }).getByRole('heading').allTextContents();
const otherPlans = (page) => page.getByRole('navigation', { name: 'Your plans' }).getByRole('link');

test('a merged plan with a name already taken is renamed, and two plans combine into one and come apart with Undo', async () => {
  const { context, page } = await app.open('/#/about');
  await page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(here));
  await load(page, '/#/your-data');

  await page.getByLabel('Choose a backup file').setInputFiles({
    name: 'commissioning-workbook-2026-12-03.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(theirs, null, 2), 'utf8'),
  });
  const preview = page.getByRole('list', { name: 'What merging would do' });
  await preview.waitFor();
  assert.match(
    await preview.textContent(),
    new RegExp(`The plan "My development plan" from the backup is now called "${TOLD_APART.replace(/[()]/g, '\\$&')}", as you already have a plan called "My development plan"`),
    'the preview says the plan will be renamed',
  );
  await page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  const merged = page.getByRole('status').filter({ hasText: 'Backup merged' });
  await merged.waitFor();
  assert.match(await merged.textContent(), /is now called "My development plan \(from the backup of 3 December 2026\)"/);

  // On screen the two plans have different names: this one, and the other in "Your plans".
  await goToArea(page, 'Development plan');
  await page.getByRole('heading', { level: 2, name: 'My development plan', exact: true }).waitFor();
  assert.deepEqual(await otherPlans(page).allTextContents(), [TOLD_APART, 'Combine another plan into this one', 'Start a new plan']);
  assert.deepEqual(await goalTitles(page), ['Chair the respiratory programme board']);
  const beforeCombining = await savedWorkbook(page);
  assert.deepEqual(beforeCombining.plans.map((p) => p.name), ['My development plan', TOLD_APART]);

  // Combine the other plan into this one: choose it, check what moves, confirm.
  await page.getByRole('link', { name: 'Combine another plan into this one' }).click();
  await page.getByRole('heading', { level: 1, name: 'Combine another plan into this one' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').getByText('Choose the plan to move into this one').waitFor();
  await expectNoViolations(page, 'choosing the plan to combine, with its error');
  const choice = page.getByRole('group', { name: 'Which plan should move into "My development plan"?' });
  await choice.getByRole('radio', { name: TOLD_APART }).check();
  assert.equal(await choice.getByText('It holds 2 goals and 1 review').count(), 1);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(`2 goals and 1 review will move from "${TOLD_APART}" into "My development plan".`).waitFor();
  await page.getByText(`"${TOLD_APART}" will then be removed. You can undo this straight after.`).waitFor();
  await expectNoViolations(page, 'checking before combining');
  await page.getByRole('button', { name: 'Yes, combine the plans' }).click();

  // Back on the plan, now holding every goal; the other plan is gone.
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Lead the diabetes pathway redesign' }).waitFor();
  assert.deepEqual(await goalTitles(page), [
    'Chair the respiratory programme board',
    'Lead the diabetes pathway redesign',
    'Present a business case to the executive committee',
  ]);
  assert.equal(await otherPlans(page).filter({ hasText: TOLD_APART }).count(), 0);
  const combined = await savedWorkbook(page);
  assert.equal(combined.plans.length, 1);
  assert.equal(combined.plans[0].id, 'plan-here');
  assert.deepEqual(combined.plans[0].goals.map((g) => g.id), ['goal-here', 'goal-there-1', 'goal-there-2']);
  assert.deepEqual(combined.plans[0].reviews.map((r) => r.id), ['review-there']);
  assert.ok(combined.deleted.some((t) => t.id === 'plan-there' && t.kind === 'plan'), 'the removed plan leaves a tombstone');

  // Undo puts the plan back with what it held, as before.
  const done = page.getByRole('status').filter({ hasText: `Moved everything in "${TOLD_APART}" into "My development plan", and removed the empty plan.` });
  await expectNoViolations(page, 'a combined plan with the undo message');
  await done.getByRole('button', { name: 'Undo' }).click();
  await done.waitFor({ state: 'detached' });
  assert.deepEqual(await goalTitles(page), ['Chair the respiratory programme board']);
  await otherPlans(page).filter({ hasText: TOLD_APART }).waitFor();
  const undone = await savedWorkbook(page);
  assert.deepEqual(undone.plans, beforeCombining.plans, 'both plans as they were, records and all');
  assert.deepEqual(undone.deleted, beforeCombining.deleted);

  // A new plan cannot take a name already used either.
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  await page.getByLabel('Name of the plan').fill('my development plan');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'You already have a plan called "My development plan": give this one another name' }).waitFor();
  assert.equal((await savedWorkbook(page)).plans.length, 2, 'no plan added');
  await context.close();
});
