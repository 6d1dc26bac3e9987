// Shared end-to-end test set-up: serves the release build (dist/) on a free
// loopback port and drives Debian's Chromium through playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { createRequire } from 'node:module';

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

export const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/, answering unknown paths with index.html as the app routes itself. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(distDir, path));
    let body;
    let type;
    try {
      if (!file.startsWith(distDir) || path.endsWith('/')) throw new Error('not a file');
      body = await readFile(file);
      type = contentTypes[extname(file)] ?? 'application/octet-stream';
    } catch {
      body = await readFile(join(distDir, 'index.html'));
      type = contentTypes['.html'];
    }
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, and the flags it needs here: no sandbox as root, no GPU,
 * and nothing that reaches out (the machine's network is closed; without
 * these Chromium keeps trying to reach Google). The benchmark and the icon
 * script launch it with these too. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Headless Chromium with the flags this machine needs, in British English as
 * a UK user's browser is (Debian's chromium-l10n supplies the en-GB strings
 * and date order; without it Chromium falls back to US English).
 * Playwright gives it a fresh profile.
 */
export function launchBrowser({ lang = 'en-GB' } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--lang=${lang}`],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), TZ: 'Europe/London' },
  });
}

/**
 * The moment every test's browser clock starts at unless a test pins another:
 * London wall-clock time, written without an offset (GMT on this day). Tests
 * never read the real date, so the suite gives the same result on any day.
 * A Thursday, the 3rd: a day with a leading zero, typed as "03".
 */
export const PINNED_MOMENT = '2026-12-03T10:15:00';

/** The instant a London wall-clock time names (`2027-03-28T00:30:00`). */
export const londonInstant = (wallClock) => zonedInstant(wallClock, 'Europe/London');

/**
 * The instant a wall-clock time names in the time zone `timeZone` (an IANA
 * name such as 'America/New_York'), worked out without the test process's
 * own zone: the zone's offset is read at a first guess and the guess moved
 * by it, twice, so a time just after a clock change lands right. A time that
 * happens twice (in the hour the clocks go back) is taken the second time, in
 * winter time; a time that does not happen (in the hour the clocks skip) is
 * refused rather than guessed.
 */
export function zonedInstant(wallClock, timeZone) {
  const reader = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const wanted = wallClock.replace('T', ' ');
  const shown = (instant) => {
    const p = Object.fromEntries(reader.formatToParts(instant).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
  // The wall-clock time read as if it were UTC, then moved by the zone's offset.
  const asUtc = (text) => Date.parse(`${text.replace(' ', 'T')}Z`);
  const target = asUtc(wanted);
  let instant = new Date(target);
  for (let i = 0; i < 2; i++) instant = new Date(instant.getTime() - (asUtc(shown(instant)) - target));
  if (shown(instant) !== wanted) throw new Error(`${wallClock} is not a time that happens in ${timeZone}`);
  const anHourLater = new Date(instant.getTime() + 3600 * 1000);
  return shown(anHourLater) === wanted ? anHourLater : instant;
}

/**
 * A fresh browser context (its own storage, like a new profile) as a UK
 * user's: en-GB, Europe/London, and its clock pinned to `at` (wall-clock time
 * in the context's zone, London unless `timezoneId` says otherwise; default
 * PINNED_MOMENT), from which time then runs on as usual.
 */
export async function newAppContext(browser, { at = PINNED_MOMENT, locale = 'en-GB', timezoneId = 'Europe/London', ...options } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale, timezoneId, ...options });
  await context.clock.install({ time: zonedInstant(at, timezoneId) });
  return context;
}

/**
 * Opens a page in a fresh browser context (`newAppContext`: en-GB, London,
 * pinned clock; `contextOptions` may pin another moment with `at`), records
 * requests that leave the origin and errors the page throws.
 */
export async function openApp(browser, baseUrl, path = '/', contextOptions = {}) {
  const context = await newAppContext(browser, { baseURL: baseUrl, ...contextOptions });
  const page = await context.newPage();
  page.offOriginRequests = [];
  page.pageErrors = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
      page.offOriginRequests.push(request.url());
    }
  });
  page.on('pageerror', (error) => page.pageErrors.push(String(error)));
  // A breach of the page's own Content-Security-Policy is an error of the app
  // (say, a style it blocks), so tests that expect no page errors catch it too.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.pageErrors.push(message.text());
  });
  await page.goto(path);
  await waitForApp(page);
  return { context, page };
}

/**
 * Loads the app afresh at `path` (an address such as `/#/your-data`), as
 * opening a bookmark in a new tab would. A plain goto that changes only the
 * part after '#' stays in the running app, like following a link.
 */
export async function load(page, path) {
  await page.goto('about:blank');
  await page.goto(path);
  await waitForApp(page);
}

/**
 * The workbook as saved in localStorage, once every change made so far, in
 * any tab, is saved (changes are saved in idle time after the frame that
 * shows them).
 */
export async function savedWorkbook(page) {
  // Each tab saves its own changes (in idle time after it draws them), so
  // every tab of the app open in this browser must have saved.
  for (const open of page.context().pages()) {
    if (open === page || (!open.isClosed() && await open.evaluate(() => !!document.querySelector('[data-save-state]')).catch(() => false))) {
      await open.locator('[data-save-state="saved"]').waitFor({ state: 'attached' });
    }
  }
  return storedWorkbook(page);
}

/**
 * The workbook in the page's local storage as it is now, read from its packed
 * form: the workbook's own key, with each section it names as kept under a
 * key of its own (`commissioning-workbook.section.<name>`) put back in.
 */
export async function storedWorkbook(page) {
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((key) => key === 'commissioning-workbook' || key.startsWith('commissioning-workbook.section.'))
    .map((key) => [key, localStorage.getItem(key)])));
  return wholeWorkbook(stored);
}

/** The whole workbook from the keys local storage holds it under (see `storedWorkbook`). */
export function wholeWorkbook(stored) {
  const main = stored['commissioning-workbook'] ?? null;
  const workbook = JSON.parse(unpackStored(main));
  for (const { name, revision } of sectionsKeptApart(main)) {
    const text = stored[`commissioning-workbook.section.${name}`];
    if (text === undefined) throw new Error(`the workbook names its section ${name}, whose key is missing`);
    if (Number(text.match(/^commissioning-workbook:lz4:1:(\d+):/)?.[1]) < revision) throw new Error(`${name}'s key holds an earlier save than the workbook names`);
    workbook[name] = JSON.parse(unpackStored(text))[name];
  }
  // An empty section has no key and is not named; the whole document (a
  // backup) always has the two kept as plain lists.
  if (main?.startsWith(PACKED_MARKER_WITH_SECTIONS)) {
    workbook.plans ??= [];
    workbook.placements ??= [];
  }
  return workbook;
}

/** The sections a stored workbook's header names as kept apart: [{ name, revision, counts }]. */
export function sectionsKeptApart(text) {
  if (!text?.startsWith(PACKED_MARKER_WITH_SECTIONS)) return [];
  const list = text.slice(PACKED_MARKER_WITH_SECTIONS.length).split(':')[3];
  return list ? list.split(',').map((entry) => {
    const [name, numbers] = entry.split('=');
    // A fourth number, when there is one, is the section's oldest change
    // since the last backup (for the backup reminder), in milliseconds.
    const [revision, first, second, unbacked] = numbers.split('/').map(Number);
    return { name, revision, counts: [first, second], unbacked };
  }) : [];
}

const PACKED_MARKER = 'commissioning-workbook:lz4:1:';
const PACKED_MARKER_WITH_SECTIONS = 'commissioning-workbook:lz4:2:';

/**
 * The JSON inside the app's local-storage text (src/model/files/stored_form.rs):
 * a header `commissioning-workbook:lz4:1:<revision>:<JSON bytes>:<LZ4 bytes>:`
 * (version 2 adds the list of sections kept apart before the last colon),
 * then the LZ4 block packed 15 bits to a character from U+00A0. Decoded here
 * independently of the app's Rust, so the tests also check the stored format.
 * Plain JSON (as tests seed it) is returned as it is.
 */
export function unpackStored(text) {
  if (text === null) return text;
  const withSections = text.startsWith(PACKED_MARKER_WITH_SECTIONS);
  if (!withSections && !text.startsWith(PACKED_MARKER)) return text;
  const header = withSections ? /^\d+:(\d+):(\d+):[a-z_=\/0-9,]*:([\s\S]*)$/ : /^\d+:(\d+):(\d+):([\s\S]*)$/;
  const [, jsonLength, compressedLength, packed] = text.slice(PACKED_MARKER.length).match(header) ?? [];
  if (packed === undefined) throw new Error('packed local storage text has no header');
  const compressed = new Uint8Array(Number(compressedLength));
  let bits = 0;
  let held = 0;
  let n = 0;
  for (const char of packed) {
    bits = (bits << 15) | (char.codePointAt(0) - 0xa0);
    held += 15;
    while (held >= 8 && n < compressed.length) {
      held -= 8;
      compressed[n++] = (bits >>> held) & 0xff;
    }
    bits &= (1 << held) - 1;
  }
  if (n !== compressed.length) throw new Error('packed local storage text is cut short');
  return new TextDecoder().decode(lz4BlockDecode(compressed, Number(jsonLength)));
}

/**
 * Text in the form the app itself keeps in local storage, from plain JSON: the
 * inverse of `unpackStored`, written independently of the app's Rust (a
 * greedy LZ4 block compressor), so tests and benchmarks can seed a workbook
 * as a returning user's browser holds it. Any valid LZ4 block reads back the
 * same, so the app need not have compressed it itself.
 */
export function packStored(json, revision) {
  const bytes = new TextEncoder().encode(json);
  const compressed = lz4BlockEncode(bytes);
  let out = `${PACKED_MARKER}${revision}:${bytes.length}:${compressed.length}:`;
  const units = [];
  let bits = 0;
  let held = 0;
  for (const byte of compressed) {
    bits = (bits << 8) | byte;
    held += 8;
    if (held >= 15) {
      held -= 15;
      units.push(0xa0 + (bits >>> held));
      bits &= (1 << held) - 1;
    }
  }
  if (held > 0) units.push(0xa0 + (bits << (15 - held)));
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

/**
 * A workbook (an object) in the keys the app itself keeps it under: its own
 * text naming each section with records kept apart (`commissioning-workbook:lz4:2:`,
 * src/model/files/stored_form.rs), and each section's text under its own key,
 * as a returning user's browser holds it. Returns { key: text }. (Each
 * section's oldest change since the last backup, which the app adds for the
 * backup reminder, is left out, as a header may.)
 */
export function packStoredApart(workbook) {
  const SECTIONS = {
    plans: (list) => [list.length, list.reduce((n, p) => n + (p.goals?.length ?? 0), 0)],
    placements: (list) => [list.length, list.reduce((n, p) => n + (p.entries?.length ?? 0), 0)],
    group: (g) => [g.rounds?.length ?? 0, 0],
    support_agreements: (s) => [s.agreements?.length ?? 0, 0],
    business_cases: (c) => [c.cases?.length ?? 0, 0],
  };
  const { revision } = workbook;
  const own = { ...workbook };
  const keys = {};
  const named = [];
  for (const [name, count] of Object.entries(SECTIONS)) {
    delete own[name];
    const section = workbook[name];
    if (section === undefined || count(section)[0] === 0) continue;
    keys[`commissioning-workbook.section.${name}`] = packStored(JSON.stringify({ [name]: section }), revision);
    named.push(`${name}=${revision}/${count(section).join('/')}`);
  }
  const text = packStored(JSON.stringify(own), revision);
  keys['commissioning-workbook'] = text.replace(
    /^commissioning-workbook:lz4:1:(\d+:\d+:\d+:)/,
    (_, lengths) => `${PACKED_MARKER_WITH_SECTIONS}${lengths}${named.join(',')}:`,
  );
  return keys;
}

/** LZ4's block format, greedily: a 4-byte hash finds the last place each run was seen. */
function lz4BlockEncode(src) {
  const out = [];
  const table = new Int32Array(1 << 16).fill(-1);
  const hash = (i) => (Math.imul(src[i] | (src[i + 1] << 8) | (src[i + 2] << 16) | (src[i + 3] << 24), 2654435761) >>> 16);
  const lengthBytes = (n) => { for (; n >= 255; n -= 255) out.push(255); out.push(n); };
  // The format ends with at least 5 literals, and no match starts in the last 12 bytes.
  const matchLimit = src.length - 12;
  let anchor = 0;
  let i = 0;
  while (i < matchLimit) {
    const h = hash(i);
    const candidate = table[h];
    table[h] = i;
    if (candidate < 0 || i - candidate > 0xffff ||
        src[candidate] !== src[i] || src[candidate + 1] !== src[i + 1] ||
        src[candidate + 2] !== src[i + 2] || src[candidate + 3] !== src[i + 3]) {
      i++;
      continue;
    }
    let length = 4;
    while (i + length < src.length - 5 && src[candidate + length] === src[i + length]) length++;
    const literals = i - anchor;
    out.push((Math.min(literals, 15) << 4) | Math.min(length - 4, 15));
    if (literals >= 15) lengthBytes(literals - 15);
    for (let k = anchor; k < i; k++) out.push(src[k]);
    out.push((i - candidate) & 0xff, (i - candidate) >> 8);
    if (length - 4 >= 15) lengthBytes(length - 4 - 15);
    i += length;
    anchor = i;
  }
  const literals = src.length - anchor;
  out.push(Math.min(literals, 15) << 4);
  if (literals >= 15) lengthBytes(literals - 15);
  for (let k = anchor; k < src.length; k++) out.push(src[k]);
  return Uint8Array.from(out);
}

/** LZ4's block format: runs of literals, each followed by a copy from earlier output. */
function lz4BlockDecode(src, outLength) {
  const out = new Uint8Array(outLength);
  let s = 0;
  let d = 0;
  const length = (base) => {
    let value = base;
    if (base === 15) for (let b = 255; b === 255; value += b) b = src[s++];
    return value;
  };
  while (s < src.length) {
    const token = src[s++];
    const literals = length(token >> 4);
    out.set(src.subarray(s, s + literals), d);
    s += literals;
    d += literals;
    if (s >= src.length) break;
    const offset = src[s] | (src[s + 1] << 8);
    s += 2;
    const matchLength = length(token & 15) + 4;
    for (let i = 0; i < matchLength; i++, d++) out[d] = out[d - offset];
  }
  if (d !== outLength) throw new Error(`LZ4 block gave ${d} bytes, header says ${outLength}`);
  return out;
}

/** The app has started once its main landmark holds a level-one heading. */
export async function waitForApp(page) {
  // index.html's shell (header and the home page's opening), or the copy of
  // the page last shown that it drew instead (src/ui/page_copy.rs), shows
  // until the app starts and takes its place.
  await page.waitForFunction(() => !document.getElementById('app-shell') && !document.getElementById('app-adopted'));
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
}

/** Follows a link in the header navigation, as a user would. */
export async function goToArea(page, name) {
  await page.getByRole('navigation', { name: 'Workbook areas' }).getByRole('link', { name, exact: true }).click();
  await waitForApp(page);
}

/** The text of a file the page downloaded. */
export async function downloadText(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks a control that starts a download and returns the download. */
export async function download(page, control) {
  const [started] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return started;
}

/**
 * Registers the test file's set-up: one server and one browser for the file,
 * closed at the end. Returns `open(path)`, which opens the app in a fresh context.
 */
export function useApp() {
  const app = {};
  before(async () => {
    app.server = await startServer();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  app.open = (path = '/', contextOptions = {}) => openApp(app.browser, app.server.url, path, contextOptions);
  return app;
}

/**
 * Types a date into the NHS.UK date input labelled `label` (a fieldset whose
 * legend is the label, with Day, Month and Year boxes), key by key as a
 * person would, day first with leading zeros: '2026-12-01' is typed 01, 12,
 * 2026. Each box is emptied first; '' leaves all three empty.
 */
export async function fillDate(scope, label, iso) {
  const group = dateGroup(scope, label);
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  for (const [box, text] of [['Day', day], ['Month', month], ['Year', year]]) {
    const input = group.getByLabel(box, { exact: true });
    await input.fill('');
    if (text) await input.pressSequentially(text);
  }
}

/** The date input labelled `label`: its fieldset. */
export const dateGroup = (scope, label) => scope.getByRole('group', { name: label, exact: true });

/** What the date input labelled `label` shows, as `[day, month, year]`. */
export async function dateShown(scope, label) {
  const group = dateGroup(scope, label);
  return Promise.all(['Day', 'Month', 'Year'].map((box) => group.getByLabel(box, { exact: true }).inputValue()));
}

/**
 * A date `days` from today in the browser's own time zone, as `YYYY-MM-DD`.
 * "Today" is the page's clock, which `newAppContext` pins (PINNED_MOMENT or
 * the context's `at`), never the real date.
 */
export const isoDay = (page, days) =>
  page.evaluate((d) => {
    const t = new Date();
    t.setDate(t.getDate() + d);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  }, days);

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page for WCAG 2.0, 2.1 and 2.2 A and AA and returns its
 * violations of any impact, each as "rule (impact): help — where".
 * The script is evaluated through the browser's devtools channel, which the
 * page's Content-Security-Policy does not govern, so the policy stays on.
 */
export async function axeViolations(page) {
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}
