// The app's core journeys in the other engines people use it in: WebKit (the
// engine of Safari, on the iPhones most NHS staff carry; here WebKitGTK's
// MiniBrowser) and Firefox ESR, each driven over plain WebDriver
// (webdriver.mjs) against the release build in dist/. Start a self-assessment,
// answer and reload; add a goal; set up a placement and log an entry; back up
// and restore into a fresh profile.
//
// WebDriver cannot pin the browser's clock as the Chromium suite does, so
// every date is chosen relative to the browser's own today, read inside the
// page (`session.isoDay`), and every date the app shows is checked against
// that same today: the journeys pass on any day.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../e2e/support.mjs';
import { startDriver, byLabel, button, link, heading, xpathString } from './webdriver.mjs';

const POWER_1 = "Our clinicians' views visibly change commissioning decisions.";
const POWER_2 = 'Clinicians and managers work as a partnership of equals.';

/** The statement's card: the section named by the statement's heading. */
const statement = (text) => `//section[@aria-labelledby=//*[normalize-space(.)=${xpathString(text)}]/@id]`;
/** A list named `name` (its aria-label). */
const list = (name) => `//*[self::ul or self::ol][@aria-label=${xpathString(name)}]`;
const nav = (name) => `//nav[@aria-label='Workbook areas']//a[normalize-space(.)=${xpathString(name)}]`;

/** The app has started once its shell is gone and the main landmark holds a level-one heading. */
async function waitForApp(session) {
  await session.waitUntil(() => session.execute("return !document.getElementById('app-shell') && !document.getElementById('app-adopted')"), 'the app to start');
  await session.waitFor('//main//h1');
}

/** Every change made so far is saved to local storage (saved just after the frame that shows it). */
async function waitForSaved(session) {
  await session.present("//*[@data-save-state='saved']");
}

/** A day as the app writes it, "24 December 2026", worked out in the browser for its own today. */
const longDate = (session, iso) =>
  session.execute(
    "return new Date(arguments[0] + 'T12:00:00').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })",
    [iso],
  );

/** Chooses the option reading `label` in the drop-down labelled `field`, by clicking it. */
async function choose(session, field, label) {
  await session.click(`${byLabel(field)}/option[normalize-space(.)=${xpathString(label)}]`);
}

/**
 * Ticks the radio or checkbox whose label matches `labelTest` (an XPath test
 * on the label: `reads` or `includes`), under `scope`, by pressing the
 * pointer on its label as a person does (the NHS.UK input is drawn
 * see-through, beside the label or, for a rating drawn as a tile, over it),
 * and waits until it is ticked.
 */
async function tick(session, labelTest, scope = '') {
  await session.pointerClick(`${scope}//label[${labelTest}]`);
  const box = await session.present(boxLabelled(labelTest, scope));
  await session.waitUntil(() => box.selected(), `${labelTest} to be ticked`);
}

/** A label test: the label reads exactly `text`. */
const reads = (text) => `normalize-space(.)=${xpathString(text)}`;
/** A label test: the label's words include `text` (a rating's label starts with its level). */
const includes = (text) => `contains(normalize-space(.), ${xpathString(text)})`;
/** The radio or checkbox whose label passes `labelTest`, under `scope`. */
const boxLabelled = (labelTest, scope = '') => `${scope}//input[@id=${scope}//label[${labelTest}]/@for]`;

async function isTicked(session, labelTest, scope = '') {
  return (await session.present(boxLabelled(labelTest, scope))).selected();
}

async function addGoal(session, title, targetIso) {
  await session.type('What do you want to achieve?', title);
  if (targetIso) await session.typeDate('Target date (optional)', targetIso);
  await session.click(button('Add goal'));
  await session.waitFor(`${list('Your goals')}//*[self::h2 or self::h3][normalize-space(.)=${xpathString(title)}]`);
}

// Both engines unless ENGINES names some (ENGINES=webkit), for working on one.
const engines = (process.env.ENGINES ?? 'webkit,firefox').split(',');
for (const engineKey of engines) {
  if (!['webkit', 'firefox'].includes(engineKey)) throw new Error(`ENGINES: no engine named ${engineKey}`);
  describe(`in ${engineKey === 'webkit' ? 'WebKit' : 'Firefox'}`, () => {
    let server;
    let driver;
    let session;

    before(async () => {
      server = await startServer();
      driver = await startDriver(engineKey);
      console.log(`${driver.engine.name}: ${driver.versions.join('; ')}`);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });

    /** A fresh browser (an empty profile) at `path` of the app. */
    async function open(path) {
      session = await driver.newSession();
      await session.navigate(`${server.url}/${path}`);
      await waitForApp(session);
      return session;
    }
    const closeSession = async () => {
      await session?.close();
      session = undefined;
    };

    test('a self-assessment is started, answered, and its answers are kept across a reload', async (t) => {
      t.after(closeSession);
      const s = await open('');
      const caps = s.capabilities;
      const [language, timeZone] = await s.execute('return [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone]');
      console.log(`${driver.engine.name}: session ${caps.browserName} ${caps.browserVersion} on ${caps.platformName}, ${language}, ${timeZone}`);

      await s.click(nav('Self-assessment'));
      await s.click(link('Start a new assessment'));
      await s.waitFor(heading(1, 'Start a self-assessment'));
      await s.type('Partnership name', 'Nene Commissioning');
      await tick(s, reads('Manager (commissioning organisation)'));
      await s.click(button('Start assessment'));
      await s.waitFor(heading(1, 'Power and influence'));

      await tick(s, includes('Starting'), statement(POWER_1));
      await tick(s, includes('Established'), statement(POWER_2));
      await s.type('Evidence or notes (optional)', 'Two business cases stalled — Zoë’s team', statement(POWER_1));
      await tick(s, reads('Flag as a priority to act on'), statement(POWER_1));
      await s.waitForText("//*[@role='status'][@aria-label='Progress']", /^2 of \d+ statements answered/);
      await waitForSaved(s);

      await s.refresh();
      await waitForApp(s);
      await s.waitFor(heading(1, 'Power and influence'));
      assert.equal(await isTicked(s, includes('Starting'), statement(POWER_1)), true);
      assert.equal(await isTicked(s, includes('Developing'), statement(POWER_1)), false);
      assert.equal(await isTicked(s, includes('Established'), statement(POWER_2)), true);
      assert.equal(await isTicked(s, reads('Flag as a priority to act on'), statement(POWER_1)), true);
      assert.equal(await isTicked(s, reads('Flag as a priority to act on'), statement(POWER_2)), false);
      const evidence = await s.find(byLabel('Evidence or notes (optional)', statement(POWER_1)));
      assert.equal(await evidence.property('value'), 'Two business cases stalled — Zoë’s team');
      await s.waitForText("//*[@role='status'][@aria-label='Progress']", /^2 of \d+ statements answered/);
    });

    test('a goal with a typed target date is added to the development plan and kept across a reload', async (t) => {
      t.after(closeSession);
      const s = await open('#/development-plan');
      const target = await s.isoDay(20);
      await addGoal(s, 'Present the respiratory business case', target);
      const goals = list('Your goals');
      const shown = `Target date: ${await longDate(s, target)}`;
      assert.ok((await s.waitForText(goals, /Present the respiratory business case/)).includes(shown), shown);
      await waitForSaved(s);

      await s.refresh();
      await waitForApp(s);
      const text = await s.waitForText(goals, /Present the respiratory business case/);
      assert.ok(text.includes(shown), `${shown} after the reload, in: ${text}`);
    });

    test('a placement is set up and an activity logged, with its week and dates worked out, and kept across a reload', async (t) => {
      t.after(closeSession);
      const s = await open('#/placement-log');
      await s.click(link('Set up your placement'));
      await s.waitFor(heading(1, 'Set up your placement'));
      await s.type('Host organisation', 'NHS Eastern and Coastal Kent');
      await s.typeDate('Start date', await s.isoDay(-20));
      await s.waitForText("//main//p[@aria-live='polite']", /With this start and length, your placement ends on \d+ \w+ \d{4}\./);
      await s.click(button('Save placement'));
      await s.waitFor(heading(2, 'Your placement at NHS Eastern and Coastal Kent'));
      // Started 20 days ago: in its third week.
      await s.waitForText("//main//*[starts-with(normalize-space(.), 'Week ')]", /^Week 3 of 1[78] · \d+ days? left$/);

      const day = await s.isoDay(-2);
      await s.click(`(${link('Log an activity')})[1]`);
      await s.waitFor(heading(1, 'Log an activity'));
      await s.typeDate('Date of the activity', day);
      await s.type('Time spent', '1:30');
      await choose(s, 'Type of activity', 'Workshop');
      await s.type('What did you do?', 'Ran the workshop for Zoë’s team — £0 café');
      await tick(s, reads('Working within teams'));
      await s.click(button('Save entry'));
      await s.waitFor(heading(1, 'Your activity log'));
      const entries = list('Log entries');
      const logged = await s.waitForText(entries, /Ran the workshop for Zoë’s team — £0 café/);
      assert.ok(logged.includes(await longDate(s, day)), `the entry's date in: ${logged}`);
      assert.match(logged, /1 hour 30 minutes/, 'the time spent, typed as 1:30');
      await waitForSaved(s);

      await s.refresh();
      await waitForApp(s);
      const reloaded = await s.waitForText(entries, /Ran the workshop for Zoë’s team — £0 café/);
      assert.ok(reloaded.includes(await longDate(s, day)), `the entry's date after the reload in: ${reloaded}`);
    });

    test('a downloaded backup is restored into a fresh profile after the user confirms', async (t) => {
      t.after(closeSession);
      const folder = mkdtempSync(join(tmpdir(), 'engine-backup-'));
      t.after(() => rmSync(folder, { recursive: true, force: true }));

      let s = await open('#/development-plan');
      await addGoal(s, 'Lead the diabetes pathway redesign');
      await addGoal(s, 'Present a business case to the executive committee');
      await waitForSaved(s);
      await s.click(nav('Your data'));
      await s.click(button('Download backup'));
      const today = await s.isoDay(0);
      const text = await driver.downloaded(`commissioning-workbook-${today}.json`);
      const backup = JSON.parse(text);
      assert.equal(backup.format, 'commissioning-workbook');
      await closeSession();

      // A fresh profile: nothing there until the backup is chosen and the user confirms.
      s = await open('#/your-data');
      const file = join(folder, 'my-backup.json');
      writeFileSync(file, text);
      // Choosing a file over WebDriver: its path typed into the file input.
      const chooseFile = async () => (await s.find(byLabel('Choose a backup file'))).sendKeys(file);
      const contents = `//*[@role='region'][@aria-label='Backup to restore']${list('Backup contents')}`;
      await chooseFile();
      await s.waitForText(contents, /2 development plan goals/);
      // Nothing is replaced before the user confirms.
      await s.click(nav('Development plan'));
      await s.waitForText('//main//p', /^You have no goals yet\./);
      await s.click(nav('Your data'));
      await chooseFile();
      await s.waitForText(contents, /2 development plan goals/);
      await s.click(button('Replace my workbook with this backup'));
      await s.waitForText("//*[@role='status']", /Workbook restored/);
      await waitForSaved(s);

      await s.refresh();
      await waitForApp(s);
      await s.click(nav('Development plan'));
      const goals = await s.waitForText(list('Your goals'), /Lead the diabetes pathway redesign/);
      assert.match(goals, /Present a business case to the executive committee/);
    });
  });
}
