// Your data as a cautious user on a shared computer and a user merging a
// backup meet it (issue 23, points 14 and 15): every button readable in every
// state, the deletion message taking focus and its Undo lapsing after 2
// minutes or on leaving the page, the merge preview counted in the user's
// words, conflicts shown field by field in the form's words and local times,
// settled field by field with a confirmation, and flagged on the pages of the
// records concerned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, goToArea, load, savedWorkbook, axeViolations, waitForApp } from './support.mjs';
import { buttonContrasts, tooLow } from './contrast.mjs';

const app = useApp();

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

/** Every visible button's text is readable as drawn, under the pointer, focused and pressed. */
async function expectReadableButtons(page, state) {
  const contrasts = await buttonContrasts(page);
  assert.ok(contrasts.length > 0, `${state}: some buttons were measured`);
  assert.deepEqual(tooLow(contrasts), [], `${state}: buttons whose text is too faint`);
}

// A summer's day, so local times (British Summer Time) differ from UTC by an hour.
const july = (time) => `2026-07-01T${time}Z`;

/** A workbook with one plan holding one goal, and anything else given. */
function workbook({ plans, conflicts = [], reminder = 0, updated = july('09:15:42') }) {
  return {
    format: 'commissioning-workbook',
    schema_version: 4,
    created_at: july('08:00:00'),
    updated_at: updated,
    revision: 1,
    plans,
    conflicts,
    last_backup_at: reminder ? null : july('10:00:00'),
    backup_reminder_days: reminder,
  };
}

const plan = (id, name, goals, updated = july('08:00:00')) => ({
  id, name, created_at: july('08:00:00'), updated_at: updated, goals, reviews: [],
});

const goal = (id, title, status, updated) => ({
  id, title, status, created_at: july('08:00:00'), updated_at: updated,
});

async function openWith(stored, path) {
  const opened = await app.open('/#/about');
  await opened.page.evaluate((text) => localStorage.setItem('commissioning-workbook', text), JSON.stringify(stored));
  await load(opened.page, path);
  return opened;
}

/** The deletion message holds the focus (the element focused is in it). */
const focusIsIn = (page, text) =>
  page.waitForFunction((t) => {
    const focused = document.activeElement;
    return focused && focused !== document.body && focused.textContent.includes(t);
  }, text);

test('after "Delete everything" the message takes focus, Undo is readable in every state, and lapses after 2 minutes', async () => {
  const { context, page } = await openWith(
    workbook({ plans: [plan('plan-1', 'My development plan', [goal('goal-1', 'Something private', 'not_started', july('09:00:00'))])] }),
    '/#/your-data',
  );
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  const confirm = page.getByRole('group', { name: 'Are you sure you want to delete everything?' });
  assert.match(await confirm.textContent(), /You can undo it for 2 minutes while this page stays open/);
  await expectReadableButtons(page, 'asking before deleting everything');
  await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();

  const deleted = page.getByRole('status').filter({ hasText: 'Everything has been deleted from this browser' });
  await deleted.waitFor();
  await focusIsIn(page, 'Everything has been deleted from this browser');
  assert.match(await deleted.textContent(), /You can undo this for 2 minutes/);
  const undo = deleted.getByRole('button', { name: 'Undo: put my workbook back' });
  await undo.waitFor();
  await expectReadableButtons(page, 'everything deleted, with Undo');
  await expectNoViolations(page, 'everything deleted, with Undo');

  // The browser's own clock, moved on: nearly 2 minutes, Undo is still there…
  await page.clock.fastForward('01:58');
  assert.equal(await undo.count(), 1, 'still offered just before 2 minutes');
  // …and at 2 minutes it is gone, and the message says so.
  await page.clock.fastForward('00:03');
  await deleted.filter({ hasText: 'Undo is no longer available' }).waitFor();
  assert.equal(await undo.count(), 0);
  assert.doesNotMatch(await deleted.textContent(), /You can undo this/);
  await expectReadableButtons(page, 'Undo lapsed');
  await expectNoViolations(page, 'Undo lapsed');
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('commissioning-workbook'))),
    [],
    'nothing was put back',
  );
  await goToArea(page, 'Development plan');
  await page.getByText('You have no goals yet.').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('after "Delete everything", leaving the page ends Undo at once', async () => {
  const { context, page } = await openWith(
    workbook({ plans: [plan('plan-1', 'My development plan', [goal('goal-1', 'Something private', 'not_started', july('09:00:00'))])] }),
    '/#/your-data',
  );
  await page.getByRole('button', { name: 'Delete everything from this browser' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('button', { name: 'Undo: put my workbook back' }).waitFor();
  // Well within the 2 minutes, the user goes to another page and comes back.
  await goToArea(page, 'About');
  await goToArea(page, 'Your data');
  await page.getByRole('heading', { level: 2, name: 'Delete everything from this browser' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Undo: put my workbook back' }).count(), 0);
  assert.equal(await page.getByText('Everything has been deleted from this browser').count(), 0);
  await goToArea(page, 'Development plan');
  await page.getByText('You have no goals yet.').waitFor();
  await context.close();
});

// This browser's goal was changed at 09:15:42 UTC; the backup's version of
// it at 09:15:07, the same minute. The backup also brings a plan with a goal.
const here = workbook({
  plans: [plan('plan-1', 'My development plan', [goal('goal-1', 'Chair the respiratory programme board', 'not_started', july('09:15:42'))])],
});
const backup = workbook({
  plans: [
    plan('plan-1', 'My development plan', [goal('goal-1', 'Chair the programme board from April', 'in_progress', july('09:15:07'))]),
    plan('plan-2', 'Diabetes pathway plan', [goal('goal-2', 'Lead the diabetes pathway redesign', 'not_started', july('09:05:00'))], july('09:05:00')),
  ],
  updated: july('09:20:00'),
});

test('a merge is previewed in the user\'s words, its conflict shown in words and local times, flagged on the goal\'s page, and settled field by field with a confirmation', async () => {
  const { context, page } = await openWith(here, '/#/your-data');
  await page.getByLabel('Choose a backup file').setInputFiles({
    name: 'commissioning-workbook-2026-07-01.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup, null, 2), 'utf8'),
  });
  const preview = page.getByRole('list', { name: 'What merging would do' });
  await preview.waitFor();
  const lines = await preview.getByRole('listitem').allTextContents();
  assert.ok(lines.includes('1 development plan and 1 goal added'), lines.join(' | '));
  assert.ok(lines.includes('1 goal changed on both sides: the newer version is kept and the other is listed under conflicts'), lines.join(' | '));
  assert.doesNotMatch(lines.join(' '), /records? /, 'no "records": kinds in the user\'s words');
  await expectReadableButtons(page, 'a backup chosen, before merging');
  await page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  await page.getByRole('status').filter({ hasText: 'Backup merged' }).waitFor();

  const card = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  assert.equal(await card.count(), 1);
  const text = await card.textContent();
  assert.match(text, /The goal "Chair the respiratory programme board"/);
  // Values as the goal's form shows them, never saved codes.
  const status = card.getByRole('checkbox', { name: 'Status' });
  // As shown: each version on its own line.
  const statusHint = await page.locator(`#${await status.getAttribute('aria-describedby')}`).innerText();
  assert.equal(statusHint.trim(), 'In your workbook: Not started\nThe other version: In progress');
  const title = card.getByRole('checkbox', { name: 'What do you want to achieve?' });
  assert.equal((await page.locator(`#${await title.getAttribute('aria-describedby')}`).innerText()).trim(),
    'In your workbook: Chair the respiratory programme board\nThe other version: Chair the programme board from April');
  assert.doesNotMatch(text, /not_started|in_progress|UTC/);
  // Local times (BST, an hour on from UTC), to the second, as both are in one minute.
  assert.match(text, /last changed on 1 July 2026 at 10:15:42; the other version at 10:15:07\./);
  await expectReadableButtons(page, 'a conflict listed');
  await expectNoViolations(page, 'a conflict listed');

  // Outside Your data, the goal's page and its plan's page say so, and link there.
  await load(page, '/#/development-plan/goals/goal-1');
  const notice = page.getByRole('note', { name: 'Changed on both sides' });
  assert.equal(
    (await notice.textContent()).replace(/\s+/g, ' ').trim(),
    'Information: This goal has a version from a backup that differs from the one here. Review it on Your data.',
  );
  await expectNoViolations(page, 'a goal with a conflict');
  await load(page, '/#/development-plan/plans/plan-1');
  assert.match(await notice.textContent(), /1 goal in this development plan has a version from a backup that differs/);
  await load(page, '/#/development-plan/plans/plan-2');
  await page.getByRole('heading', { name: 'Lead the diabetes pathway redesign' }).waitFor();
  assert.equal(await notice.count(), 0, 'not on a plan with no conflict');
  await load(page, '/#/development-plan/goals/goal-1');
  await notice.getByRole('link', { name: 'Review it on Your data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();

  // Take the other version's status only; keep this title.
  await page.getByRole('checkbox', { name: 'Status' }).check();
  await page.getByRole('button', { name: 'Take the ticked parts of the other version: the goal "Chair the respiratory programme board"' }).click();
  const settled = page.getByRole('status').filter({ hasText: 'Settled:' });
  await settled.waitFor();
  assert.equal(
    (await settled.textContent()).replace(/\s+/g, ' ').trim(),
    'Information: Settled: The goal "Chair the respiratory programme board" now has “Status” from the other version; everything else is as it was in your workbook.',
  );
  await focusIsIn(page, 'Settled: The goal');
  assert.equal(await page.getByRole('list', { name: 'Conflicts' }).count(), 0);
  await expectReadableButtons(page, 'a conflict settled');
  await expectNoViolations(page, 'a conflict settled');

  const saved = await savedWorkbook(page);
  const kept = saved.plans.find((p) => p.id === 'plan-1').goals.find((g) => g.id === 'goal-1');
  assert.equal(kept.title, 'Chair the respiratory programme board', 'the title kept');
  assert.equal(kept.status, 'in_progress', 'the status taken');
  assert.equal(saved.conflicts, undefined, 'no conflict left');
  await load(page, '/#/development-plan/goals/goal-1');
  await page.getByRole('heading', { level: 1, name: 'Chair the respiratory programme board' }).waitFor();
  assert.equal(await notice.count(), 0, 'the notice goes once settled');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('parts taken from the other version must keep the rules, and the shared banners are readable in every state', async () => {
  // Two plans; the other version of the second is called what the first is.
  const other = { ...plan('plan-b', 'Respiratory plan', [], july('09:10:00')), aim: 'Lead the redesign', goals: [] };
  const stored = workbook({
    plans: [
      plan('plan-a', 'Respiratory plan', [goal('goal-a', 'Chair the board', 'not_started', july('09:00:00'))]),
      plan('plan-b', 'Diabetes plan', [goal('goal-b', 'Lead the pathway', 'not_started', july('09:00:00'))], july('09:12:00')),
    ],
    conflicts: [{
      id: 'conflict-b', record_id: 'plan-b', kind: 'plan', description: 'the plan "Diabetes plan"',
      kept: 'Name: "Diabetes plan". Last changed 1 July 2026 at 09:12 UTC',
      other: 'Name: "Respiratory plan"; aim: "Lead the redesign". Last changed 1 July 2026 at 09:10 UTC',
      other_record: other, found_at: july('09:30:00'),
    }],
    // Changes not in a backup for months: the backup reminder shows on every page.
    reminder: 14,
  });
  const { context, page } = await openWith(stored, '/#/your-data');
  await page.getByRole('note', { name: 'Backup reminder' }).waitFor();
  const card = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  await card.getByRole('checkbox', { name: 'Name of the plan' }).check();
  await card.getByRole('button', { name: /^Take the ticked parts/ }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Your change was not made' });
  await refused.waitFor();
  assert.match(await refused.textContent(), /The other version is called "Respiratory plan", and you already have a plan called "Respiratory plan"/);
  assert.equal(await card.count(), 1, 'still listed');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Settled:' }).count(), 0, 'no confirmation of what was not done');
  await expectReadableButtons(page, 'a refusal banner, the backup reminder and a conflict');
  await expectNoViolations(page, 'a refusal banner, the backup reminder and a conflict');

  // The aim alone may be taken.
  await refused.getByRole('button', { name: 'Dismiss' }).click();
  await card.getByRole('checkbox', { name: 'Name of the plan' }).uncheck();
  assert.deepEqual(
    await card.locator('.nhsuk-checkboxes__label').allTextContents(),
    ['Name of the plan', 'Your development aim'],
    'only the fields that differ, as the plan\'s form names them',
  );
  await card.getByRole('checkbox', { name: 'Your development aim' }).check();
  await card.getByRole('button', { name: /^Take the ticked parts/ }).click();
  await page.getByRole('status').filter({ hasText: 'Settled: The plan "Diabetes plan" now has' }).waitFor();
  const saved = await savedWorkbook(page);
  const planB = saved.plans.find((p) => p.id === 'plan-b');
  assert.deepEqual([planB.name, planB.aim], ['Diabetes plan', 'Lead the redesign']);
  assert.equal(planB.goals.length, 1, 'its goal stays');

  // The "Deleted … Undo" banner shared by every page.
  await load(page, '/#/development-plan/plans/plan-b');
  await page.getByRole('button', { name: 'Delete goal: Lead the pathway' }).click();
  await page.getByRole('button', { name: 'Yes, delete goal: Lead the pathway' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted the goal "Lead the pathway".' }).waitFor();
  await expectReadableButtons(page, 'the undo banner and the backup reminder');
  await context.close();
});

test('a record kept although the backup deleted it is told in local times, and using the other version deletes it, said once done', async () => {
  const stored = workbook({
    plans: [plan('plan-1', 'My development plan', [goal('goal-1', 'Chair the board', 'in_progress', july('09:12:30'))])],
    conflicts: [{
      id: 'conflict-1', record_id: 'goal-1', kind: 'goal', description: 'the goal "Chair the board"',
      kept: 'In this workbook, changed 1 July 2026 at 09:12 UTC after the backup deleted it',
      other: 'Deleted in the backup 1 July 2026 at 09:10 UTC',
      other_record: null, found_at: july('09:30:00'),
      deletion: { in_backup: true, deleted_at: july('09:10:00'), changed_at: july('09:12:30') },
    }],
  });
  const { context, page } = await openWith(stored, '/#/your-data');
  const card = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  const text = (await card.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /In your workbook: changed on 1 July 2026 at 10:12, after the backup deleted it\./);
  assert.match(text, /The other version: deleted in the backup on 1 July 2026 at 10:10\./);
  assert.doesNotMatch(text, /UTC/);
  await expectNoViolations(page, 'a record kept although deleted in the backup');
  await card.getByRole('button', { name: /^Use the other version/ }).click();
  const settled = page.getByRole('status').filter({ hasText: 'Settled:' });
  await settled.waitFor();
  assert.match(await settled.textContent(), /Settled: The goal "Chair the board" is deleted, as in the other version\./);
  await focusIsIn(page, 'Settled: The goal');
  const saved = await savedWorkbook(page);
  assert.deepEqual(saved.plans[0].goals, []);
  assert.ok(saved.deleted.some((t) => t.id === 'goal-1'), 'deleted as any deletion is');
  await context.close();
});

test('two versions changed in the same second are said to be a moment apart, and one field is shown without a choice to tick', async () => {
  const ours = goal('goal-1', 'Chair the board', 'not_started', july('09:15:42'));
  const theirs = { ...ours, title: 'Chair the board from April', actions: [], evidence: [] };
  const stored = workbook({
    plans: [plan('plan-1', 'My development plan', [ours])],
    conflicts: [{
      id: 'conflict-1', record_id: 'goal-1', kind: 'goal', description: 'the goal "Chair the board"',
      kept: 'Title: "Chair the board". Last changed 1 July 2026 at 09:15 UTC',
      other: 'Title: "Chair the board from April". Last changed 1 July 2026 at 09:15 UTC',
      other_record: theirs, found_at: july('09:30:00'),
    }],
  });
  const { context, page } = await openWith(stored, '/#/your-data');
  const card = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  const text = (await card.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Both versions were last changed on 1 July 2026 at 10:15, a moment apart\./);
  assert.match(text, /What do you want to achieve\? ?In your workbook: Chair the board ?The other version: Chair the board from April/);
  assert.equal(await card.getByRole('checkbox').count(), 0, 'nothing to choose between with one field: a whole version');
  assert.doesNotMatch(text, /UTC/);
  await context.close();
});
