// An edit re-renders the part of the page that shows it, not the page: other
// rows keep their very DOM nodes (so focus, selection and scroll are untouched).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support.mjs';

const app = useApp();

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const POWER_2 = 'Clinicians and managers work as a partnership of equals.';

/** Tags a DOM node so we can tell later whether it was replaced. */
const tag = (locator, name) => locator.evaluate((el, n) => { el.dataset.testTag = n; }, name);
const stillTagged = (locator, name) => locator.evaluate((el, n) => el.dataset.testTag === n, name);

test('answering one statement re-renders that statement only', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await page.getByLabel('Partnership name').fill('Fine-grained partnership');
  await page.getByLabel('Clinician (GP, nurse, consultant or other clinician)').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Power and influence' });
  await heading.waitFor();
  const first = page.getByRole('region', { name: POWER_1 });
  const second = page.getByRole('region', { name: POWER_2 });
  await tag(heading, 'heading');
  await tag(second, 'second');
  await tag(second.getByLabel('Evidence or notes (optional)'), 'second-notes');

  await first.getByLabel('2 Developing').check();
  await first.getByLabel('Evidence or notes (optional)').fill('Some notes');
  await first.getByLabel('Flag as a priority to act on').check();
  await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '1 of 43 statements answered' }).waitFor();

  assert.equal(await stillTagged(heading, 'heading'), true, 'the page was not rebuilt');
  assert.equal(await stillTagged(second, 'second'), true, 'the other statement was not rebuilt');
  assert.equal(await stillTagged(second.getByLabel('Evidence or notes (optional)'), 'second-notes'), true);
  assert.equal(await first.getByLabel('2 Developing').isChecked(), true);
  await context.close();
});

test('adding or removing a goal leaves the other goal cards in place', async () => {
  const { context, page } = await app.open('/#/development-plan');
  const goals = page.getByRole('list', { name: 'Your goals' });
  for (const title of ['First goal', 'Second goal']) {
    await page.getByLabel('What do you want to achieve?').fill(title);
    await page.getByRole('button', { name: 'Add goal' }).click();
    await goals.getByRole('heading', { name: title }).waitFor();
  }
  const firstCard = goals.getByRole('listitem').filter({ hasText: 'First goal' });
  await tag(firstCard, 'first');
  await page.getByLabel('What do you want to achieve?').fill('Third goal');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await goals.getByRole('heading', { name: 'Third goal' }).waitFor();
  await page.getByRole('button', { name: 'Delete goal: Second goal' }).click();
  await page.getByRole('button', { name: 'Yes, delete goal: Second goal' }).click();
  await goals.getByRole('heading', { name: 'Second goal' }).waitFor({ state: 'detached' });
  assert.equal(await stillTagged(firstCard, 'first'), true, 'the first card was not rebuilt');
  await context.close();
});
