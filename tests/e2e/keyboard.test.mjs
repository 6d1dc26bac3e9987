// The main journeys done by keyboard alone, with a focus you can see
// (WCAG 2.1.1 Keyboard, 2.4.7 Focus Visible, 2.4.11 Focus Not Obscured).
//
// After the page is opened, these tests only press keys: Tab and Shift+Tab to
// move, Enter to follow links and press buttons, Space and arrow keys for
// radios, checkboxes and selects, and typing. Locators only find and check
// things. At every stop focus makes, the focused element must look different
// from how it looked unfocused (an outline, a box-shadow, a background or a
// border that changes, on the element, its pseudo-elements, its contents or,
// for a radio or checkbox, its label's drawn box) and must not be hidden off
// screen or under something else. Each test ends by asserting no stop failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, load, waitForApp, isoDay, dateGroup, dateShown } from './support.mjs';

const app = useApp();

// ---------------------------------------------------------------------------
// Measuring the focus indicator, in the page.

/**
 * Runs in the page. `baseline` records how every focusable element looks
 * while it is not focused; `check` compares the focused element with its
 * record and says whether the difference can be seen and the element is on
 * screen and on top.
 */
function focusProbe(mode) {
  const PROPS = [
    'outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color',
    'border-top-color', 'border-bottom-color', 'border-top-width', 'border-bottom-width',
  ];
  const parts = (el) => {
    const list = [[el, null], [el, '::before'], [el, '::after']];
    [...el.querySelectorAll('*')].slice(0, 10).forEach((d) => list.push([d, null]));
    // NHS.UK radios and checkboxes draw their box (and its focus ring) on the label.
    if (el.id && (el.type === 'radio' || el.type === 'checkbox')) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label) list.push([label, '::before'], [label, '::after']);
    }
    return list;
  };
  // A part that is not drawn (see-through, hidden, or a pseudo-element with
  // no content) shows nothing, whatever its styles say.
  const snapshot = (el) =>
    parts(el).map(([node, pseudo]) => {
      const style = getComputedStyle(node, pseudo);
      const drawn = style.opacity !== '0' && style.visibility !== 'hidden' && style.display !== 'none' &&
        (!pseudo || !['none', 'normal'].includes(style.content));
      return { drawn, ...Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)])) };
    });
  const baselines = (window.__keyboardTestBaselines ??= new WeakMap());

  if (mode === 'baseline') {
    const focusable = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    for (const el of focusable) if (el !== document.activeElement) baselines.set(el, snapshot(el));
    return null;
  }

  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ');
  const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent.trim() : '';
  const description = `<${el.tagName.toLowerCase()}${el.type ? ` type=${el.type}` : ''}${el.id ? ` id=${el.id}` : ''}> "${(label || text).slice(0, 60)}"`;

  // Chromium makes the calendar button inside a date input a stop of its own.
  // Focus is then in the input's built-in parts: the input matches
  // :focus-within but not :focus, so the app gives :focus-within the same
  // NHS.UK focus style (the yellow outline); without it only a thin native
  // ring shows round the button.
  if (el.type === 'date' && !el.matches(':focus') && el.matches(':focus-within')) {
    const style = getComputedStyle(el);
    const yellowOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 3 && style.outlineColor === 'rgb(255, 235, 59)';
    return { description: `${description} (its calendar button)`, indicator: yellowOutline, onScreen: true };
  }

  const before = baselines.get(el);
  const now = snapshot(el);
  const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const outlineShows = (s) => s['outline-style'] !== 'none' && parseFloat(s['outline-width']) > 0 && !transparent(s['outline-color']);
  let indicator;
  if (before && before.length === now.length) {
    indicator = now.some((s, i) => {
      const b = before[i];
      if (!s.drawn) return false;
      const outline = outlineShows(s) && ['outline-style', 'outline-width', 'outline-color'].some((p) => s[p] !== b[p]);
      const shadow = s['box-shadow'] !== 'none' && s['box-shadow'] !== b['box-shadow'];
      const background = s['background-color'] !== b['background-color'];
      // A border only counts when it grows: a change of colour alone can be too faint to see.
      const border = ['top', 'bottom'].some((side) => parseFloat(s[`border-${side}-width`]) > parseFloat(b[`border-${side}-width`]));
      return outline || shadow || background || border;
    });
  } else {
    // Not seen unfocused (it appeared with the key press): accept only the
    // unmistakable NHS.UK signs, an outline or the yellow focus background.
    indicator = now.some((s) => s.drawn && (outlineShows(s) || s['background-color'] === 'rgb(255, 235, 59)'));
  }

  // On screen, and not covered: the point at its middle belongs to it (or, for
  // a radio or checkbox, to its label).
  const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
  let onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
  if (onScreen) {
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const ownLabel = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    onScreen = !!hit && (el.contains(hit) || hit.contains(el) || (ownLabel && ownLabel.contains(hit)));
  }
  return { description, indicator, onScreen };
}

/** Presses `key`, then checks whatever has focus; returns its description. */
async function press(page, key) {
  page.focusProblems ??= [];
  await page.evaluate(focusProbe, 'baseline');
  await page.keyboard.press(key);
  const stop = await page.evaluate(focusProbe, 'check');
  if (!stop) return '(nothing focused)';
  if (!stop.indicator) page.focusProblems.push(`${stop.description}: no visible focus indicator (${page.url().replace(/^[^#]*/, '')})`);
  if (!stop.onScreen) page.focusProblems.push(`${stop.description}: focused but off screen or covered (${page.url().replace(/^[^#]*/, '')})`);
  return stop.description;
}

const isFocused = (locator) => locator.evaluateAll((els) => els.length === 1 && els[0] === document.activeElement);

/**
 * Presses Tab (or Shift+Tab with `back: true`) until `locator` has focus,
 * checking the focus indicator at every stop on the way.
 */
async function tabTo(page, locator, { max = 150, back = false } = {}) {
  const stops = [];
  for (let i = 0; i < max; i += 1) {
    stops.push(await press(page, back ? 'Shift+Tab' : 'Tab'));
    if (await isFocused(locator)) return;
  }
  const matches = await locator.count();
  assert.fail(
    `${locator} was not reached after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}` +
      (matches === 1 ? '' : ` (the locator matches ${matches} elements, not one)`) +
      `; the last stops were:\n  ${stops.slice(-8).join('\n  ')}`,
  );
}

/** Presses Enter on a link or button that opens another page, and waits for it. */
async function enterToPage(page, heading) {
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('main').getByRole('heading', { level: 1, name: heading, exact: true });
  await h1.waitFor();
  // The app moves focus to the new page's heading, so Tab carries on from there.
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
}

/**
 * Types a date into the NHS.UK date input whose Day box has focus, as a UK
 * user does: the day, Tab, the month, Tab, the year, leading zeros and all.
 */
async function typeDate(page, iso) {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(day);
  await press(page, 'Tab');
  await page.keyboard.type(month);
  await press(page, 'Tab');
  await page.keyboard.type(year);
}

/** Fails with the list of stops whose focus could not be seen. */
function assertFocusVisibleThroughout(page) {
  assert.deepEqual(page.focusProblems ?? [], [], 'every element focused on the way shows it is focused and is on screen');
}

const nav = (page) => page.getByRole('navigation', { name: 'Workbook areas' });

// ---------------------------------------------------------------------------

test('the first Tab reaches the skip link, and Enter on it moves focus to the main content without leaving the page', async () => {
  const { context, page } = await app.open();
  for (const path of ['/development-plan', '/placement-log', '/self-assessment/new']) {
    await load(page, `/#${path}`);
    const heading = await page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
    await press(page, 'Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.equal(await isFocused(skip), true, `the first Tab on ${path} focuses the skip link`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'maincontent');
    assert.equal(new URL(page.url()).hash, `#${path}`, 'the address stays the page’s own');
    assert.equal(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), heading, 'the same page is shown');
    // The next Tab goes into the main content, past the header.
    await press(page, 'Tab');
    assert.equal(await page.evaluate(() => document.getElementById('maincontent').contains(document.activeElement)), true,
      `after the skip link on ${path}, Tab goes into the main content`);
  }
  assertFocusVisibleThroughout(page);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('development plan by keyboard: add a goal, open it, add an action and tick it off, go back to the plan', async () => {
  const { context, page } = await app.open();
  await tabTo(page, nav(page).getByRole('link', { name: 'Development plan', exact: true }));
  await enterToPage(page, 'Leadership development plan');
  assert.equal(new URL(page.url()).hash, '#/development-plan');

  await tabTo(page, page.getByLabel('What do you want to achieve?', { exact: true }));
  await page.keyboard.type('Chair the locality board by keyboard');
  await page.keyboard.press('Enter');
  const goals = page.getByRole('list', { name: 'Your goals' });
  const goalLink = goals.getByRole('link', { name: 'Chair the locality board by keyboard', exact: true });
  await goalLink.waitFor();

  // The list of goals is above the form: go back to it.
  await tabTo(page, goalLink, { back: true });
  await enterToPage(page, 'Chair the locality board by keyboard');

  await tabTo(page, page.getByLabel('What will you do?', { exact: true }));
  await page.keyboard.type('Observe two board meetings');
  await tabTo(page, page.getByRole('button', { name: 'Add action' }));
  await page.keyboard.press('Enter');
  const actions = page.getByRole('list', { name: 'Actions' });
  const action = actions.getByRole('checkbox', { name: 'Observe two board meetings' });
  await action.waitFor();
  assert.equal(await page.getByLabel('What will you do?', { exact: true }).inputValue(), '', 'the form is ready for the next action');

  // Tick it off with Space.
  await tabTo(page, action, { back: true });
  await page.keyboard.press('Space');
  await actions.getByRole('listitem').filter({ hasText: 'Observe two board meetings' }).getByText(/^Done /).waitFor();
  assert.equal(await action.isChecked(), true);

  await tabTo(page, page.getByRole('link', { name: 'Back to the plan' }), { back: true });
  await enterToPage(page, 'Leadership development plan');
  assert.match(await goals.getByRole('listitem').filter({ hasText: 'Chair the locality board by keyboard' }).textContent(), /1 of 1 actions done/);

  assertFocusVisibleThroughout(page);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('placement log by keyboard: set up a placement, then log an activity with a date, a select, a radio and a checkbox', async () => {
  const { context, page } = await app.open('/#/placement-log');
  await tabTo(page, page.getByRole('link', { name: 'Set up your placement' }));
  await enterToPage(page, 'Set up your placement');
  await tabTo(page, page.getByLabel('Host organisation', { exact: true }));
  await page.keyboard.type('Kent Keyboard ICB');
  const start = await isoDay(page, -14);
  await tabTo(page, dateGroup(page, 'Start date').getByLabel('Day'));
  await typeDate(page, start);
  assert.deepEqual(await dateShown(page, 'Start date'), start.split('-').reverse(), 'the typed date is taken');
  await tabTo(page, page.getByRole('button', { name: 'Save placement' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Your placement at Kent Keyboard ICB' }).waitFor();

  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Log an activity' }).first());
  await enterToPage(page, 'Log an activity');

  const date = await isoDay(page, -3);
  await tabTo(page, dateGroup(page, 'Date of the activity').getByLabel('Day'));
  // The field starts with today's date: each box is selected as Tab reaches it, so typing replaces it.
  await typeDate(page, date);
  assert.deepEqual(await dateShown(page, 'Date of the activity'), date.split('-').reverse());
  await tabTo(page, page.getByLabel('Time spent'));
  await page.keyboard.type('1:30');

  // A closed select changes with the arrow keys and by typing an option's start.
  const type = page.getByLabel('Type of activity');
  await tabTo(page, type);
  await page.keyboard.press('ArrowDown');
  assert.equal(await type.evaluate((s) => s.selectedOptions[0].text), 'Meeting', 'ArrowDown moves to the first type');
  await page.keyboard.type('Data');
  assert.equal(await type.evaluate((s) => s.selectedOptions[0].text), 'Data analysis', 'typing picks the matching type');

  await tabTo(page, page.getByLabel('What did you do?'));
  await page.keyboard.type('Pulled the respiratory activity data together');

  // Radios: Tab lands on the group, Space chooses, arrow keys move the choice.
  await tabTo(page, page.getByRole('radio', { name: 'Very effective' }));
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('radio', { name: 'Very effective' }).isChecked(), true);
  await press(page, 'ArrowDown');
  const partly = page.getByRole('radio', { name: 'Partly effective' });
  assert.equal(await isFocused(partly), true, 'ArrowDown moves to the next choice');
  assert.equal(await partly.isChecked(), true, 'and chooses it');

  const capability = page.getByRole('checkbox', { name: 'Working within teams', exact: true });
  await tabTo(page, capability);
  await page.keyboard.press('Space');
  assert.equal(await capability.isChecked(), true);

  await tabTo(page, page.getByRole('button', { name: 'Save entry' }));
  await enterToPage(page, 'Your activity log');

  const entries = page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');
  assert.equal(await entries.count(), 1);
  const text = await entries.first().textContent();
  assert.match(text, /Data analysis/);
  assert.match(text, /1 hour 30 minutes/);
  assert.match(text, /Partly effective/);
  assert.match(text, /Pulled the respiratory activity data together/);
  assert.match(text, /Capabilities: Working within teams/);

  assertFocusVisibleThroughout(page);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";

test('self-assessment by keyboard: start one, rate a statement with the arrow keys, move between areas, and the rating is kept', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await tabTo(page, page.getByLabel('Partnership name'));
  await page.keyboard.type('Keyboard Partnership');
  // Tab lands on the first role; ArrowDown moves to and chooses the second.
  await tabTo(page, page.getByRole('radio', { name: 'Clinician (GP, nurse, consultant or other clinician)' }));
  await press(page, 'ArrowDown');
  assert.equal(await page.getByRole('radio', { name: 'Manager (commissioning organisation)' }).isChecked(), true);
  await tabTo(page, page.getByRole('button', { name: 'Start assessment' }));
  await enterToPage(page, 'Power and influence');

  const first = page.getByRole('region', { name: POWER_1 });
  await tabTo(page, first.getByRole('radio', { name: '0 Not in place' }));
  await page.keyboard.press('Space');
  await press(page, 'ArrowDown');
  await press(page, 'ArrowDown');
  const developing = first.getByRole('radio', { name: '2 Developing' });
  assert.equal(await developing.isChecked(), true, 'two ArrowDowns from "0 Not in place" choose "2 Developing"');
  await page.getByRole('status', { name: 'Progress' }).filter({ hasText: '1 of 43 statements answered' }).waitFor();

  await tabTo(page, page.getByRole('link', { name: 'Next: Shared aims and priorities' }));
  await enterToPage(page, 'Shared aims and priorities');
  await tabTo(page, page.getByRole('link', { name: 'Previous: Power and influence' }));
  await enterToPage(page, 'Power and influence');
  assert.equal(await developing.isChecked(), true, 'the rating is there on coming back');

  await page.reload();
  await waitForApp(page);
  assert.equal(await developing.isChecked(), true, 'the rating is kept across a reload');
  assert.equal(await first.getByRole('radio', { checked: true }).count(), 1, 'and it is the only one chosen');

  assertFocusVisibleThroughout(page);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('errors by keyboard: an empty form is refused, and each error summary link puts focus in its field', async () => {
  const { context, page } = await app.open('/#/self-assessment/new');
  await tabTo(page, page.getByRole('button', { name: 'Start assessment' }));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.equal(await isFocused(summary), true, 'the error summary takes focus');
  assert.equal(new URL(page.url()).hash, '#/self-assessment/new', 'the form stays');

  // One Tab from the summary reaches its first link.
  const links = summary.getByRole('link');
  assert.ok((await links.count()) >= 1, 'the summary links to the fields');
  await tabTo(page, links.first(), { max: 1 });
  assert.equal(await links.first().getAttribute('href'), '#assessment-partnership', 'the first error is the partnership name');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-partnership');
  assert.equal(new URL(page.url()).hash, '#/self-assessment/new', 'the address stays the page’s own');
  await page.keyboard.type('Fixed by keyboard');

  // The role's error link goes to its first radio.
  const roleLink = summary.getByRole('link', { name: /role/i });
  await tabTo(page, roleLink, { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-role-clinician');
  await page.keyboard.press('Space');

  await tabTo(page, page.getByRole('button', { name: 'Start assessment' }));
  await enterToPage(page, 'Power and influence');

  assertFocusVisibleThroughout(page);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
