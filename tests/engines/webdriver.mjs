// A small client of the W3C WebDriver HTTP protocol (https://www.w3.org/TR/webdriver2/),
// enough to drive the app in WebKit (WebKitGTK's WebKitWebDriver) and Firefox
// (geckodriver) as a person would: it starts the driver, opens a session with
// a fresh profile, and finds elements by what a person reads (a label, a
// button's or link's words, a heading) through XPath, then clicks and types
// into them with the driver's own key-by-key input. Plain Node `fetch`, no
// dependency: the Chromium suite's playwright-core cannot drive these two.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The key WebDriver names an element reference by in JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** How long a wait for something on the page lasts before the test fails. */
export const WAIT_MS = 15_000;

/** A UK user's browser: British English (WebKitGTK reads it from LANG; setup.sh generates the locale), London time. */
const UK_ENV = { TZ: 'Europe/London', LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' };

/**
 * The two engines: how to start each one's driver, and the capabilities of a
 * new session. Firefox runs headless; WebKitGTK has no headless mode in
 * Debian's MiniBrowser, so its driver runs on a virtual display (xvfb-run)
 * unless one is already there.
 */
export const ENGINES = {
  webkit: {
    name: 'WebKit (WebKitGTK)',
    command: (port) => {
      const driver = ['/usr/bin/WebKitWebDriver', `--port=${port}`];
      return process.env.DISPLAY ? driver : ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', ...driver];
    },
    // MiniBrowser saves a download into the home folder (there is no
    // Downloads folder set), so the driver gets a home of its own: the
    // downloads folder, and nothing of the real user's home touched.
    env: (downloadDir) => ({ HOME: downloadDir }),
    capabilities: () => ({
      browserName: 'MiniBrowser',
      // The automation flag is what lets the driver control the browser; the
      // private (ephemeral) mode gives each session an empty profile.
      'webkitgtk:browserOptions': { args: ['--automation', '--private'] },
    }),
    // WebKitWebDriver has no --version; Debian's package says which WebKitGTK it is.
    versions: () => [`webkit2gtk-driver ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver'], { encoding: 'utf8' })}`],
  },
  firefox: {
    name: 'Firefox ESR',
    command: (port) => ['geckodriver', `--port=${port}`, '--log=error'],
    env: () => ({}),
    capabilities: ({ downloadDir }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=1024'],
        prefs: {
          'intl.accept_languages': 'en-GB',
          'intl.locale.requested': 'en-GB',
          // Files the app offers are saved straight into the session's own
          // folder, as a person clicking "Save" would, so the test reads them back.
          'browser.download.folderList': 2,
          'browser.download.dir': downloadDir,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
          // Nothing that reaches out: this machine's network is closed.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
    versions: () => [
      execFileSync('/usr/bin/firefox-esr', ['--version'], { encoding: 'utf8', env: { ...process.env, ...UK_ENV } }).trim(),
      execFileSync('geckodriver', ['--version'], { encoding: 'utf8' }).split('\n')[0].trim(),
    ],
  },
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WebDriver error, with the driver's error code and message. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path}: ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new WebDriverError(method, path, response.status, json.value);
  return json.value;
}

/**
 * Starts the engine's driver on a free loopback port and waits until it is
 * ready. Returns `{ engine, url, versions, newSession(), close() }`.
 */
export async function startDriver(engineKey) {
  const engine = ENGINES[engineKey];
  // Asked first: an engine that is not installed fails here, before anything is started.
  const versions = engine.versions();
  const port = await freePort();
  const downloadDir = mkdtempSync(join(tmpdir(), `${engineKey}-downloads-`));
  const [command, ...args] = engine.command(port);
  // Its own process group, so closing ends xvfb-run, the display and the driver together.
  const child = spawn(command, args, { env: { ...process.env, ...UK_ENV, ...engine.env(downloadDir) }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  let failed = null;
  child.on('error', (error) => { failed = error; });
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.on('close', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (failed) throw new Error(`${command} could not start (${failed.message}): is it installed? scripts/lib/setup.sh's setup_other_engines installs it`);
    if (child.exitCode !== null) throw new Error(`${command} exited: ${log}`);
    try {
      if ((await call(url, 'GET', '/status')).ready !== undefined) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      throw new Error(`${command} did not start in 30 s: ${log}`);
    }
    await sleep(100);
  }
  const driver = {
    engine,
    url,
    versions,
    downloadDir,
    newSession: () => newSession(url, engine, downloadDir),
    /**
     * The text of the file `name` once the browser has saved it whole into
     * the downloads folder (Firefox writes a `.part` file first), removed
     * from the folder once read so a later download of the same name is new.
     */
    async downloaded(name, timeout = WAIT_MS) {
      const file = join(downloadDir, name);
      const deadline = Date.now() + timeout;
      while (!existsSync(file) || existsSync(`${file}.part`) || statSync(file).size === 0) {
        if (Date.now() > deadline) throw new Error(`no download ${name} in ${timeout} ms; the folder holds ${readdirSync(downloadDir).join(', ') || 'nothing'}`);
        await sleep(100);
      }
      const text = readFileSync(file, 'utf8');
      rmSync(file);
      return text;
    },
    async close() {
      if (child.exitCode === null && !failed) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        await Promise.race([exited, sleep(5000)]);
      }
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return driver;
}

/** Quotes text as an XPath 1.0 string literal, whatever quotes it holds. */
export function xpathString(text) {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text.split("'").map((part) => `'${part}'`).join(`, "'", `)})`;
}

/** An element's name as a person reads it: its own words, or its aria-label. */
const named = (name) => `(normalize-space(.)=${xpathString(name)} or @aria-label=${xpathString(name)})`;

/** XPath for the form control whose <label> reads `label`, under `scope` (an XPath, default the page). */
export const byLabel = (label, scope = '') =>
  `${scope}//*[self::input or self::select or self::textarea][@id=${scope}//label[normalize-space(.)=${xpathString(label)}]/@for]`;
export const button = (name) => `//button[${named(name)}]`;
export const link = (name) => `//a[${named(name)}]`;
export const heading = (level, name) => `//h${level}[normalize-space(.)=${xpathString(name)}]`;
/** A fieldset group (as a date input is) whose legend reads `legend`. */
export const group = (legend) => `//fieldset[legend[normalize-space(.)=${xpathString(legend)}]]`;

async function newSession(base, engine, downloadDir) {
  const created = await call(base, 'POST', '/session', {
    capabilities: { alwaysMatch: engine.capabilities({ downloadDir }) },
  });
  const id = created.sessionId;
  const path = `/session/${id}`;
  const send = (method, sub = '', body) => call(base, method, `${path}${sub}`, body);

  const session = {
    capabilities: created.capabilities,

    /** Goes to `url`, as typing it in the address bar does. */
    navigate: (url) => send('POST', '/url', { url }),
    /** Reloads the page, as the browser's Reload button does. */
    refresh: () => send('POST', '/refresh', {}),
    title: () => send('GET', '/title'),
    currentUrl: () => send('GET', '/url'),

    /** Runs `script` (a function body; its arguments are `arguments[0]`…) in the page and returns its result. */
    execute: (script, args = []) => send('POST', '/execute/sync', { script, args }),
    /** As `execute`, for a script that calls `arguments[arguments.length - 1]` with its result when done. */
    executeAsync: (script, args = []) => send('POST', '/execute/async', { script, args }),

    /** Every element the XPath finds now (maybe none). */
    async findAll(xpath) {
      const found = await send('POST', '/elements', { using: 'xpath', value: xpath });
      return found.map((reference) => element(reference[ELEMENT]));
    },

    /** Waits until `check()` returns something truthy, and returns it. */
    async waitUntil(check, what, timeout = WAIT_MS) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          const result = await check();
          if (result) return result;
        } catch (error) {
          last = error;
          // A page that re-renders can drop an element between finding and reading it.
          if (!['stale element reference', 'no such element'].includes(error.code)) throw error;
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
        await sleep(50);
      }
    },

    /** The first element the XPath finds, once one is shown (waits for it). */
    async find(xpath) {
      return session.waitUntil(async () => {
        for (const found of await session.findAll(xpath)) if (await found.displayed()) return found;
        return null;
      }, xpath);
    },

    /** Waits until the XPath finds an element, shown or not, and returns it. */
    async present(xpath) {
      return session.waitUntil(async () => (await session.findAll(xpath))[0], xpath);
    },

    /** Waits until an element the XPath finds is shown. */
    async waitFor(xpath) {
      await session.find(xpath);
    },

    /** Waits until `xpath` finds an element whose text matches `pattern`, and returns the text. */
    async waitForText(xpath, pattern) {
      return session.waitUntil(async () => {
        for (const found of await session.findAll(xpath)) {
          const text = await found.text();
          if (pattern.test(text)) return text;
        }
        return null;
      }, `${xpath} to read ${pattern}`);
    },

    async click(xpath) {
      await (await session.find(xpath)).click();
    },

    /**
     * Presses the pointer on the middle of the element, as a person's click
     * does: it lands on whatever is drawn on top there (a radio drawn as a
     * tile lies over its label), where WebDriver's element click refuses.
     */
    async pointerClick(xpath) {
      const target = await session.find(xpath);
      // Pointer actions do not scroll; an element click would, so do as it does.
      await send('POST', '/execute/sync', {
        script: 'arguments[0].scrollIntoView({ block: "center" });',
        args: [target.reference],
      });
      await send('POST', '/actions', {
        actions: [{
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', origin: target.reference, x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        }],
      });
      await send('DELETE', '/actions');
    },

    /** Empties the field labelled `label` and types `text` into it key by key. */
    async type(label, text, scope = '') {
      const field = await session.find(byLabel(label, scope));
      await field.clear();
      if (text) await field.sendKeys(text);
    },

    /**
     * Types a date into the NHS.UK date input labelled `label` (a fieldset
     * with Day, Month and Year boxes), key by key, day first with leading
     * zeros: '2026-12-01' is typed 01, 12, 2026.
     */
    async typeDate(label, iso) {
      const [year, month, day] = iso.split('-');
      for (const [box, text] of [['Day', day], ['Month', month], ['Year', year]]) await session.type(box, text, group(label));
    },

    /**
     * A date `days` from the browser's own today in its own time zone, as
     * YYYY-MM-DD. WebDriver cannot pin the browser's clock, so the journeys
     * choose every date relative to the day the browser says it is.
     */
    isoDay: (days) =>
      send('POST', '/execute/sync', {
        script: `const t = new Date(); t.setDate(t.getDate() + arguments[0]);
          return t.getFullYear() + '-' + String(t.getMonth() + 1).padStart(2, '0') + '-' + String(t.getDate()).padStart(2, '0');`,
        args: [days],
      }),

    /** Closes the browser. */
    close: () => send('DELETE'),
  };

  function element(elementId) {
    const at = (sub) => `/element/${elementId}${sub}`;
    return {
      reference: { [ELEMENT]: elementId },
      click: () => send('POST', at('/click'), {}),
      clear: () => send('POST', at('/clear'), {}),
      /** Types `text` key by key (into a file input: chooses the file at that path). */
      sendKeys: (text) => send('POST', at('/value'), { text }),
      text: () => send('GET', at('/text')),
      selected: () => send('GET', at('/selected')),
      displayed: () => send('GET', at('/displayed')),
      property: (name) => send('GET', at(`/property/${name}`)),
      attribute: (name) => send('GET', at(`/attribute/${name}`)),
      find: async (xpath) => (await send('POST', at('/elements'), { using: 'xpath', value: xpath })).map((r) => element(r[ELEMENT])),
    };
  }

  return session;
}
