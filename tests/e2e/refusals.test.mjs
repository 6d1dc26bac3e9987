// No silent refusals: when a change cannot be made or kept because another tab
// or window deleted what it was about, the page says so in words, naming it,
// and nothing else is lost.
//
// Where a refusal can happen. A tab that hears other tabs' saves redraws at
// once when a record goes, so the control that would change it goes with it;
// what stays on screen is the "Undo" after a deletion, which puts a record back
// into a goal or plan that another tab may since have deleted: that is the live
// refusal. A tab that has not heard (here a "deaf" tab, whose storage events
// are stopped, as when the event comes late) makes the change on its own copy;
// it is refused when replayed on the newer save, and the notice names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, waitForApp, savedWorkbook, axeViolations } from './support.mjs';

const app = useApp();

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

async function openGoal(page, title) {
  await page.getByRole('list', { name: 'Your goals' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function addAction(page, text) {
  await page.getByLabel('What will you do?').fill(text);
  await page.getByRole('button', { name: 'Add action' }).click();
}

async function deleteGoal(page, title) {
  await page.getByRole('button', { name: `Delete goal: ${title}` }).click();
  await page.getByRole('button', { name: `Yes, delete goal: ${title}` }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor({ state: 'detached' });
}

/** A second tab in the same browser context (same local storage); `deaf` stops it hearing other tabs' saves. */
async function secondTab(context, path, { deaf = false } = {}) {
  const page = await context.newPage();
  if (deaf) {
    await page.addInitScript(() => {
      window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
    });
  }
  await load(page, path);
  await waitForApp(page);
  return page;
}

const goals = (workbook) => workbook.plans.flatMap((p) => p.goals);

test('an Undo that can no longer put an action back says why, naming it, and changes nothing', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  for (const title of ['Chair the programme board', 'Present the business case', 'Stays as it was']) {
    await addGoal(first, title);
  }
  const second = await secondTab(context, '/#/development-plan');

  // Each round: this tab deletes an action and is offered Undo; the other tab
  // then deletes the action's goal; Undo is refused and says so.
  const rounds = [
    { goal: 'Chair the programme board', action: 'Book the room' },
    { goal: 'Present the business case', action: 'Draft the case' },
  ];
  for (const [i, { goal, action }] of rounds.entries()) {
    await openGoal(first, goal);
    await addAction(first, action);
    await first.getByRole('list', { name: 'Actions' }).getByLabel(action, { exact: true }).waitFor();
    await first.getByRole('button', { name: `Delete action: ${action}` }).click();
    await first.getByRole('button', { name: `Yes, delete action: ${action}` }).click();
    const undo = first.getByRole('status').filter({ hasText: `Deleted the action "${action}".` }).getByRole('button', { name: 'Undo' });
    await undo.waitFor();

    // The other tab opens the plan afresh once this tab has saved (a save
    // arriving mid-question would redraw the goal and close the question).
    await savedWorkbook(first);
    await load(second, '/#/development-plan');
    await deleteGoal(second, goal);
    // This tab hears of it: the goal's page goes, the offer to undo stays.
    await first.getByRole('heading', { level: 1, name: 'Goal not found' }).waitFor();
    const before = await savedWorkbook(first);

    await undo.click();
    const refusal = first.getByRole('alert').filter({ hasText: 'Your change was not made' });
    await refusal.waitFor();
    assert.match(
      await refusal.textContent(),
      new RegExp(`The action "${action}" could not be put back: the goal it was in was deleted in another tab or window\\.`),
    );
    assert.equal(await refusal.evaluate((banner) => banner === document.activeElement), true, 'the banner takes focus, so it is seen');
    assert.equal(await first.getByRole('button', { name: 'Undo' }).count(), 0, 'the undo was used up');

    // Nothing changed: the workbook is as the other tab left it.
    const after = await savedWorkbook(first);
    assert.deepEqual(after, before);
    assert.ok(!goals(after).some((g) => g.title === goal));
    assert.ok(!JSON.stringify(after).includes(action));

    if (i === 0) {
      assert.deepEqual(await axeViolations(first), []);
      await refusal.getByRole('button', { name: 'Dismiss' }).click();
      await refusal.waitFor({ state: 'detached' });
      assert.equal(await first.evaluate(() => document.activeElement?.id), 'maincontent', 'focus goes back to the page');
      await first.getByRole('link', { name: 'Go to your development plan' }).click();
      await first.getByRole('list', { name: 'Your goals' }).waitFor();
    } else {
      // The next change made clears it, and is kept with everything else.
      await first.getByRole('link', { name: 'Go to your development plan' }).click();
      await addGoal(first, 'Added after the refusal');
      await refusal.waitFor({ state: 'detached' });
    }
  }
  const saved = await savedWorkbook(first);
  assert.deepEqual(goals(saved).map((g) => g.title), ['Stays as it was', 'Added after the refusal']);
  await second.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Added after the refusal' }).waitFor();
  assert.deepEqual(first.pageErrors, []);
  await context.close();
});

test('an action added in a tab that missed the goal\'s deletion is not kept, and the notice names the action and the goal', async () => {
  const { context, page: first } = await app.open('/#/development-plan');
  await addGoal(first, 'Made before');
  await addGoal(first, 'Chair the programme board');
  const deaf = await secondTab(context, '/#/development-plan', { deaf: true });
  await openGoal(deaf, 'Chair the programme board');

  await deleteGoal(first, 'Chair the programme board');
  assert.deepEqual(goals(await savedWorkbook(first)).map((g) => g.title), ['Made before']);
  // The deaf tab still shows the goal, and adds an action to it.
  await addAction(deaf, 'Book the room');

  const notice = deaf.getByRole('status').filter({ hasText: 'Changed in another tab' });
  await notice.waitFor();
  assert.match(
    await notice.textContent(),
    /The action "Book the room", which you added, could not be kept: the goal "Chair the programme board" was deleted in another tab or window\./,
  );
  // Saving, the tab took in the newer save: the goal is gone here too.
  await deaf.getByRole('heading', { level: 1, name: 'Goal not found' }).waitFor();
  const saved = await savedWorkbook(deaf);
  assert.deepEqual(goals(saved).map((g) => g.title), ['Made before'], 'the other tab\'s deletion and goal are kept');
  assert.ok(!JSON.stringify(saved).includes('Book the room'));
  assert.ok(saved.deleted.some((t) => t.kind === 'goal'));

  // Nothing else is lost: the deaf tab goes on, and what it adds is kept.
  await notice.getByRole('button', { name: 'Hide this message' }).click();
  await notice.waitFor({ state: 'detached' });
  await deaf.getByRole('link', { name: 'Go to your development plan' }).click();
  await addGoal(deaf, 'Added after, in the deaf tab');
  assert.deepEqual(goals(await savedWorkbook(deaf)).map((g) => g.title), ['Made before', 'Added after, in the deaf tab']);
  await first.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Added after, in the deaf tab' }).waitFor();
  assert.deepEqual(first.pageErrors, []);
  await context.close();
});
