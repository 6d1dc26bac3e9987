// Loading members' files into a group round (issue 24) through the picker
// (ManyFilesPicker): many files at once through the file chooser, by
// keyboard; files dropped on the drop zone, and a dropped folder; a whole
// folder from the folder picker (a directory handle from the origin-private
// file system standing in for it); a bad file listed with its reason while
// the rest load, the same assessment twice counted once, a newer copy
// replacing its member; 200 files loaded and summed up, 2,000 with a
// progress bar while the page keeps drawing (how long each takes is printed
// and measured by bench/group-round.mjs, not asserted here);
// leaving the page mid-way loads nothing; a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axeViolations, fillDate, load, savedWorkbook } from './support.mjs';
import { memberFile } from './group-files.mjs';

const app = useApp();

const LABEL = "Members' self-assessment files";

/** Starts a round as a person does on "Start a round", and waits on its page. */
async function startRound(page, { keepNames = false } = {}) {
  await load(page, '/#/group/new');
  await page.getByLabel('Name of the round').fill('Spring workshop');
  await fillDate(page, 'Date', '2026-12-01');
  await page
    .getByRole('group', { name: "Members' names" })
    .getByLabel(keepNames ? /^Keep the partnership/ : /^Replace names/)
    .check();
  await page.getByRole('button', { name: 'Start round' }).click();
  await page.getByRole('heading', { level: 1, name: 'Spring workshop' }).waitFor();
  await page.getByRole('button', { name: LABEL }).waitFor();
}

/** Member `n`'s file (every statement answered, with notes), named `name`. */
const named = (name, n, options) => ({ ...memberFile(n, options), name });

const NOT_JSON =
  'The file is not valid JSON, so it cannot be a shared assessment: its text is broken near line 1.';

/** The round: 200 files, one of them not an assessment and one the same as another. */
function roundOf200() {
  const files = [];
  for (let n = 1; n <= 198; n++) files.push(memberFile(n));
  files.splice(60, 0, { name: 'meeting-notes.json', text: '{ these are notes, not JSON' });
  files.push(named('member-042 (copy).json', 42));
  assert.equal(files.length, 200);
  return files;
}

const asUpload = ({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Chooses files as a person does: the "Choose files" button opens the chooser. */
async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: LABEL }).click(),
  ]);
  assert.equal(chooser.isMultiple(), true);
  await chooser.setFiles(files.map(asUpload));
}

/**
 * Times, in the page, from the moment the chosen files reach it (the file
 * input's change) to the moment the report of the load and the group's
 * figures are both on the page: the app's own time, without the test's
 * handing of the files to the browser. Resolves to milliseconds.
 */
function timeTheLoad(page) {
  return page.evaluate(() => {
    window.loadTook = new Promise((resolve) => {
      document.addEventListener(
        'change',
        () => {
          const chosenAt = performance.now();
          const done = () =>
            document.querySelector('[role="region"][aria-label="Files loaded"]') &&
            [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Where the group stands');
          new MutationObserver((_, observer) => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now() - chosenAt);
            }
          }).observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
}
const loadTook = (page) => page.evaluate(() => window.loadTook);

/** What loading said: the sentences, and each file that could not be read. */
const report = (page) => page.getByRole('region', { name: 'Files loaded' });
const sentences = async (page) => (await report(page).locator('p').textContent()).trim();

/** How many members the round's page says are loaded. */
const loadedLine = (page) => page.getByText(/^\d[\d,]* members?'s? files? loaded\.$/);


test('200 files through the file chooser: one bad file listed with its reason, a duplicate counted once', async () => {
  const { context, page } = await app.open('/');
  await startRound(page);
  const button = page.getByRole('button', { name: LABEL });
  assert.match(await button.textContent(), /No files chosen/);
  assert.ok(await button.getAttribute('aria-describedby'), 'the hint describes the button');
  assert.deepEqual(await axeViolations(page), []);
  // The button stands in for the file input, and is reached by keyboard.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.press('Enter')]);
  assert.equal(chooser.isMultiple(), true);
  await timeTheLoad(page);
  await chooser.setFiles(roundOf200().map(asUpload));
  await report(page).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Where the group stands' }).waitFor();
  const took = Math.round(await loadTook(page));
  assert.equal(
    await sentences(page),
    "Loaded 198 members' files. 1 file was already loaded, so it counts once. 1 file could not be read:",
  );
  assert.deepEqual(await report(page).getByRole('listitem').allTextContents(), [`meeting-notes.json: ${NOT_JSON}`]);
  assert.equal(await loadedLine(page).textContent(), "198 members' files loaded.");
  assert.match(await button.textContent(), /200 files chosen/);
  console.log(`200 files: read, checked, taken in and summed up in ${took} ms`);
  assert.deepEqual(await axeViolations(page), []);

  // Anonymised (the default): members are numbered and their names never stored.
  const saved = JSON.stringify(await savedWorkbook(page));
  assert.ok(saved.includes('Member 198'), 'the saved round holds its members');
  assert.ok(!saved.includes('Practice 17'), "no member's name is stored");

  // More files later: the same file again counts once, a newer copy replaces its member.
  await chooseFiles(page, [
    memberFile(7),
    named('member-007-newer.json', 7, { changed: '2026-11-25T09:00:00Z' }),
    memberFile(199),
  ]);
  await page.getByText("Loaded 1 member's file.").waitFor();
  assert.equal(
    await sentences(page),
    "Loaded 1 member's file. 1 file was a newer copy of a member's file and replaced the earlier one. 1 file was already loaded, so it counts once.",
  );
  assert.equal(await loadedLine(page).textContent(), "199 members' files loaded.");
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('files dropped on the drop zone load, with the zone marked while they are dragged over it', async () => {
  const { context, page } = await app.open('/');
  await startRound(page);
  const hostile = '<img src=x onerror="window.hacked=1">.json';
  const files = [memberFile(1), memberFile(2), { name: hostile, text: '[1, 2, 3]' }, memberFile(1)];
  // A drag as the browser sends it: a DataTransfer holding files.
  const transfer = await page.evaluateHandle((files) => {
    const t = new DataTransfer();
    for (const { name, text } of files) t.items.add(new File([text], name, { type: 'application/json' }));
    return t;
  }, files);
  const zone = page.locator('.nhsuk-file-upload__drop-zone');
  const button = page.getByRole('button', { name: LABEL });
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await page.locator('.nhsuk-file-upload__drop-button--dragging').waitFor();
  assert.equal(await page.locator('.nhsuk-file-upload__announcements').textContent(), 'Entered drop zone');
  // The dragging state is drawn: a solid border instead of the dashed one.
  assert.equal(await button.evaluate((b) => getComputedStyle(b).borderStyle), 'solid');
  assert.deepEqual(await axeViolations(page), []);
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await report(page).waitFor();
  assert.equal(
    await sentences(page),
    "Loaded 2 members' files. 1 file was already loaded, so it counts once. 1 file could not be read:",
  );
  assert.deepEqual(await report(page).getByRole('listitem').allTextContents(), [
    `${hostile}: The file is JSON but not a shared assessment: it does not hold a single record.`,
  ]);
  assert.equal(await page.evaluate(() => window.hacked), undefined, 'a file name is shown as text, never as HTML');
  assert.equal(await page.locator('.nhsuk-file-upload__drop-button--dragging').count(), 0);
  assert.equal(await loadedLine(page).textContent(), "2 members' files loaded.");
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a whole folder, with its sub-folders, from the folder picker; names kept when the round keeps them', async () => {
  const { context, page } = await app.open('/');
  // Members' files written into the origin-private file system: a folder
  // with a sub-folder, a file that is not .json (left out) and a bad one.
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('Group round', { create: true });
    const north = await folder.getDirectoryHandle('North locality', { create: true });
    const write = async (dir, name, text) => {
      const file = await dir.getFileHandle(name, { create: true });
      const writable = await file.createWritable();
      await writable.write(text);
      await writable.close();
    };
    for (const [i, { name, text }] of files.entries()) await write(i % 2 ? north : folder, name, text);
    await write(folder, 'Minutes.docx', 'not read');
    await write(north, 'broken.json', '{');
  }, [1, 2, 3, 4, 5].map((n) => memberFile(n)));
  // The picker is stood in for by a handle to that folder (headless Chromium
  // cannot show one), set before the app starts, as the app looks for it then.
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('Group round');
  });
  await startRound(page, { keepNames: true });
  await page.getByRole('button', { name: 'Choose a folder' }).click();
  await report(page).waitFor();
  assert.equal(await sentences(page), "Loaded 5 members' files. 1 file could not be read:");
  assert.deepEqual(await report(page).getByRole('listitem').allTextContents(), [
    'North locality/broken.json: The file is not valid JSON, so it cannot be a shared assessment: it stops before the end, so it may have been cut short.',
  ]);
  await page.getByText('1 file in the folder is not a .json file and was left out.').waitFor();
  await page.getByText("See the 5 members' files loaded").click();
  const members = page.getByRole('table', { name: "Members' files loaded" });
  // The list is drawn once the fold-out has opened (its toggle event comes after the click).
  await members.getByRole('rowheader').first().waitFor();
  // Files in the folder first, then the sub-folder's, each in name order.
  assert.deepEqual(await members.getByRole('rowheader').allTextContents(), [
    'Practice 1: Respiratory (Clinician), 15 November 2026',
    'Practice 3: Respiratory (Clinician), 15 November 2026',
    'Practice 5: Respiratory (Clinician), 15 November 2026',
    'Practice 2: Respiratory (Manager), 15 November 2026',
    'Practice 4: Respiratory (Manager), 15 November 2026',
  ]);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('2,000 files load with a progress bar, and the page keeps drawing', async () => {
  const { context, page } = await app.open('/');
  await startRound(page);
  const files = [];
  for (let n = 1; n <= 2000; n++) files.push(memberFile(n));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: LABEL }).click()]);
  // Frames drawn while the files are read: a frozen page draws none.
  await page.evaluate(() => {
    window.framesDrawn = 0;
    const count = () => {
      window.framesDrawn += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await timeTheLoad(page);
  await chooser.setFiles(files.map(asUpload));
  const progress = page.getByRole('progressbar', { name: "Reading members' files" });
  await progress.waitFor();
  assert.equal(await progress.getAttribute('max'), '2000');
  await page.getByText(/^Read [\d,]+ of 2,000 files$/).waitFor();
  await report(page).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { level: 2, name: 'Where the group stands' }).waitFor();
  const took = Math.round(await loadTook(page));
  const frames = await page.evaluate(() => window.framesDrawn);
  console.log(`2,000 files: read, checked, taken in and summed up in ${took} ms, ${frames} frames drawn meanwhile`);
  assert.equal(await sentences(page), "Loaded 2,000 members' files.");
  // (The round's count is the workbook's own wording of a number of records.)
  assert.match(await loadedLine(page).textContent(), /^2,?000 members' files loaded\.$/);
  assert.equal(await progress.count(), 0, 'the progress bar goes once all are read');
  assert.ok(frames > 10, `only ${frames} frames were drawn while reading`);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('on a phone the drop zone fits the screen', async () => {
  const { context, page } = await app.open('/', { viewport: { width: 375, height: 667 } });
  await startRound(page);
  const button = page.getByRole('button', { name: LABEL });
  const box = await button.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `the button spans ${box.x} to ${box.x + box.width}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  await chooseFiles(page, [memberFile(1)]);
  await report(page).waitFor();
  assert.match(await button.textContent(), /member-001\.json/, 'one file chosen is named');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('leaving the round while its files are read stops the reading and loads nothing', async () => {
  const { context, page } = await app.open('/');
  await startRound(page);
  const roundAddress = page.url();
  const files = [];
  for (let n = 1; n <= 2000; n++) files.push(memberFile(n));
  // Counts the files the page reads.
  await page.evaluate(() => {
    const text = Blob.prototype.text;
    window.filesRead = 0;
    File.prototype.text = function () {
      window.filesRead += 1;
      return text.call(this);
    };
  });
  await chooseFiles(page, files);
  await page.getByRole('progressbar', { name: "Reading members' files" }).waitFor();
  await page.getByRole('navigation', { name: 'Workbook areas' }).getByRole('link', { name: 'Self-assessment', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnership readiness self-assessment' }).waitFor();
  // Back on the round, in the same running app: nothing was taken in.
  await page.goto(roundAddress);
  await page.getByRole('heading', { level: 1, name: 'Spring workshop' }).waitFor();
  await page.getByText("No member's file is loaded yet.").waitFor();
  assert.equal(await report(page).count(), 0);
  // The same files again load whole: none of the first reading was kept,
  // and the first reading had stopped (had it gone on, 4,000 files would
  // have been read by now, and its end would have found its page gone).
  await chooseFiles(page, files);
  await report(page).waitFor({ timeout: 20_000 });
  assert.equal(await sentences(page), "Loaded 2,000 members' files.");
  const read = await page.evaluate(() => window.filesRead);
  assert.ok(read < 4000, `${read} files were read`);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a folder dropped on the drop zone is read with its sub-folders', async () => {
  const { context, page } = await app.open('/');
  await startRound(page);
  // A dropped folder reaches the page as an entry of the drop's items
  // (`webkitGetAsEntry`), listed a part at a time by its reader, and as an
  // unreadable "file" of the folder's name. Headless Chromium cannot drop a
  // real folder, so the drop carries an imitation of those entries, as the
  // File and Directory Entries API gives them, over real files.
  const files = [1, 2, 3, 4].map((n) => memberFile(n));
  await page.evaluate(async (files) => {
    const asFile = ({ name, text }) => new File([text], name, { type: 'application/json' });
    const later = (f) => setTimeout(f, 0);
    const fileEntry = (path, file) => ({
      isFile: true, isDirectory: false, name: path.split('/').pop(), fullPath: `/${path}`,
      file: (ok) => later(() => ok(file)),
    });
    const folderEntry = (path, children) => ({
      isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: `/${path}`,
      // Two entries a call, then none: the reader must be asked until it runs dry.
      createReader: () => {
        let at = 0;
        return { readEntries: (ok) => later(() => { ok(children.slice(at, at + 2)); at += 2; }) };
      },
    });
    const [one, two, three, four] = files.map(asFile);
    const north = folderEntry('Members/North', [fileEntry('Members/North/member-004.json', four)]);
    const folder = folderEntry('Members', [
      fileEntry('Members/member-003.json', three),
      north,
      fileEntry('Members/Minutes.docx', new File(['not read'], 'Minutes.docx')),
      fileEntry('Members/member-002.json', two),
    ]);
    const transfer = new DataTransfer();
    transfer.items.add(new File([], 'Members'));
    transfer.items.add(one);
    const items = [
      { kind: 'file', webkitGetAsEntry: () => folder },
      { kind: 'file', webkitGetAsEntry: () => fileEntry('member-001.json', one) },
    ];
    Object.defineProperty(transfer, 'items', { value: Object.assign(items, { length: 2 }) });
    const zone = document.querySelector('.nhsuk-file-upload__drop-zone');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await report(page).waitFor();
  assert.equal(await sentences(page), "Loaded 4 members' files.");
  await page.getByText('1 file in the folder is not a .json file and was left out.').waitFor();
  assert.equal(await loadedLine(page).textContent(), "4 members' files loaded.");
  // The loose file first, then the folder's own files, then its sub-folder's.
  const round = (await savedWorkbook(page)).group.rounds[0];
  assert.deepEqual(
    round.members.map((m) => [m.label, m.source_id]),
    [
      ['Member 1', 'assessment-member-001'],
      ['Member 2', 'assessment-member-002'],
      ['Member 3', 'assessment-member-003'],
      ['Member 4', 'assessment-member-004'],
    ],
  );
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});
