// Passphrase-protected backups (issue 25): a backup protected on Your data
// comes back in a fresh browser profile with its passphrase; a wrong
// passphrase, a cut-short file and a file changed after it was protected are
// refused with the workbook unchanged; a file protected here by Node's own
// Web Crypto (an implementation independent of the app, working only from the
// envelope the README describes) is opened and merged; the passphrase is kept
// nowhere. Deriving the key takes the browser a moment (600,000 iterations),
// so every step waits on what the page shows, never on a timer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeEncrypt, nodeDecrypt } from './envelope.mjs';
import { useApp, goToArea, download, downloadText, storedWorkbook, savedWorkbook, axeViolations } from './support.mjs';

const app = useApp();
const PASSPHRASE = 'orange kettle harbour';

async function expectNoViolations(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}:\n${violations.join('\n')}`);
}

async function addGoal(page, title) {
  await page.getByLabel('What do you want to achieve?').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: title }).waitFor();
}

function chooseFile(page, name, text) {
  return page.getByLabel('Choose a backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

const goalTitles = (workbook) => (workbook.plans ?? []).flatMap((p) => (p.goals ?? []).map((g) => g.title));

/** A workbook with a goal, and its plain backup as the app downloads it. */
async function workbookWithGoal(title) {
  const { context, page } = await app.open('/#/development-plan');
  await addGoal(page, title);
  await goToArea(page, 'Your data');
  return { context, page };
}

/** Opens a protected file chosen on Your data with `passphrase`. */
async function openWith(page, passphrase) {
  const form = page.getByRole('region', { name: 'Protected backup' });
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByRole('button', { name: 'Open the file' }).click();
}

/** Protects and downloads a backup on Your data; returns the download. */
async function downloadProtected(page, passphrase) {
  await page.getByLabel('Protect the backup with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm the passphrase').fill(passphrase);
  return download(page, page.getByRole('button', { name: 'Download backup' }));
}

test('a protected backup names its methods, keeps the workbook secret, and comes back with its passphrase in a fresh profile', async () => {
  const first = await workbookWithGoal('Lead the diabetes pathway redesign');
  const page = first.page;
  await page.getByLabel('Protect the backup with a passphrase').check();
  await page.getByText('If you lose the passphrase, the backup cannot be opened by anyone, including you').waitFor();
  await expectNoViolations(page, 'protect: fields shown');

  // Empty, too short and mismatched passphrases are refused in the error summary.
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  const downloadButton = page.getByRole('button', { name: 'Download backup' });
  await downloadButton.click();
  await summary.getByRole('link', { name: 'Enter a passphrase' }).waitFor();
  await expectNoViolations(page, 'protect: an error shown');
  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await downloadButton.click();
  await summary.getByRole('link', { name: 'The passphrase must be 12 characters or more' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm the passphrase').fill('orange kettle harbor');
  await downloadButton.click();
  await summary.getByRole('link', { name: 'The passphrases do not match: enter the same passphrase twice' }).waitFor();
  // The link puts the cursor in the field at fault.
  await summary.getByRole('link', { name: /do not match/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'backup-passphrase-confirm');
  assert.equal(await page.getByLabel('Passphrase', { exact: true }).getAttribute('type'), 'password', 'typed characters are hidden');

  // While the key is derived the button says so and cannot be pressed again:
  // recorded as it happens, so the check does not depend on how long it takes.
  await page.evaluate(() => {
    window.workingStates = [];
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Download backup');
    new MutationObserver(() => window.workingStates.push([button.textContent, button.disabled]))
      .observe(button, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await page.getByLabel('Confirm the passphrase').fill(PASSPHRASE);
  const file = await download(page, downloadButton);
  assert.ok((await page.evaluate(() => window.workingStates)).some(([text, disabled]) => text === 'Protecting your backup…' && disabled));
  await page.getByRole('status').filter({ hasText: /Your protected backup is downloading as commissioning-workbook-\d{4}-\d{2}-\d{2}-protected\.json/ }).waitFor();
  assert.match(file.suggestedFilename(), /^commissioning-workbook-\d{4}-\d{2}-\d{2}-protected\.json$/);
  const text = await downloadText(file);

  // The file names its format, key derivation and cipher, with their parameters.
  const envelope = JSON.parse(text);
  assert.deepEqual(Object.keys(envelope), ['format', 'version', 'kdf', 'cipher', 'data']);
  assert.equal(envelope.format, 'commissioning-workbook-encrypted');
  assert.equal(envelope.version, 1);
  assert.deepEqual({ ...envelope.kdf, salt: undefined }, { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: undefined });
  assert.equal(Buffer.from(envelope.kdf.salt, 'base64').length, 16);
  assert.deepEqual({ ...envelope.cipher, iv: undefined }, { name: 'AES-GCM', length: 256, iv: undefined });
  assert.equal(Buffer.from(envelope.cipher.iv, 'base64').length, 12);
  assert.doesNotMatch(text, /diabetes/, 'the workbook is not readable in the file');
  // Node's Web Crypto opens it: what is inside is the workbook's backup.
  const inside = JSON.parse(await nodeDecrypt(text, PASSPHRASE));
  assert.equal(inside.format, 'commissioning-workbook');
  assert.deepEqual(goalTitles(inside), ['Lead the diabetes pathway redesign']);

  // The passphrase is kept nowhere: the fields are emptied, and it is in no
  // storage and not in the address.
  assert.equal(await page.getByLabel('Passphrase', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Confirm the passphrase').inputValue(), '');
  const kept = await page.evaluate(() => [location.href, ...Object.values(localStorage), ...Object.values(sessionStorage)].join('\n'));
  assert.ok(!kept.includes(PASSPHRASE) && !kept.includes('kettle'), 'the passphrase is not stored');
  // A second, separate protected backup gets its own salt and IV.
  const again = JSON.parse(await downloadText(await downloadProtected(page, PASSPHRASE)));
  assert.notEqual(again.kdf.salt, envelope.kdf.salt);
  assert.notEqual(again.cipher.iv, envelope.cipher.iv);
  await first.context.close();

  // In a fresh profile: chosen, the file asks for its passphrase; then it is
  // restored as any backup.
  const second = await app.open('/#/your-data');
  await chooseFile(second.page, 'protected.json', text);
  const form = second.page.getByRole('region', { name: 'Protected backup' });
  await form.getByRole('heading', { name: 'protected.json is protected with a passphrase' }).waitFor();
  assert.equal(await second.page.evaluate(() => document.activeElement.id), 'open-passphrase', 'the passphrase field takes focus');
  await expectNoViolations(second.page, 'open: passphrase asked');
  await form.getByRole('button', { name: 'Open the file' }).click();
  await form.getByText('Enter the passphrase the backup was protected with').waitFor();
  await openWith(second.page, PASSPHRASE);
  const restore = second.page.getByRole('region', { name: 'Backup to restore' });
  await restore.waitFor();
  assert.match(await restore.getByRole('list', { name: 'Backup contents' }).textContent(), /1 development plan goal/);
  assert.equal(await form.count(), 0, 'the passphrase form is gone once the file is open');
  await second.page.getByRole('button', { name: 'Replace my workbook with this backup' }).click();
  await second.page.getByRole('status').filter({ hasText: 'Workbook restored' }).waitFor();
  assert.deepEqual(goalTitles(await savedWorkbook(second.page)), ['Lead the diabetes pathway redesign']);
  const keptAfter = await second.page.evaluate(() => [location.href, ...Object.values(localStorage), ...Object.values(sessionStorage)].join('\n'));
  assert.ok(!keptAfter.includes('kettle'), 'the passphrase is not stored after opening either');
  await goToArea(second.page, 'Development plan');
  await second.page.getByRole('list', { name: 'Your goals' }).getByRole('heading', { name: 'Lead the diabetes pathway redesign' }).waitFor();
  await second.context.close();
});

test('a wrong passphrase, a cut-short file and a changed file are refused and the workbook is unchanged', async () => {
  const source = await workbookWithGoal('Goal in the backup');
  const text = await downloadText(await downloadProtected(source.page, PASSPHRASE));
  await source.context.close();

  const { context, page } = await workbookWithGoal('Goal that must survive');
  const before = await savedWorkbook(page);
  const refusal = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });

  await chooseFile(page, 'protected.json', text);
  await openWith(page, 'orange kettle harbour!');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /protected\.json: The passphrase is not right for this file/);
  assert.match(await refusal.textContent(), /Your workbook has not been changed/);
  await expectNoViolations(page, 'open: wrong passphrase');
  // The form stays, emptied, for another try; nothing was merged or replaced.
  const form = page.getByRole('region', { name: 'Protected backup' });
  assert.equal(await form.getByLabel('Passphrase', { exact: true }).inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Replace my workbook with this backup' }).count(), 0);
  assert.deepEqual(await storedWorkbook(page), before);

  // Cut short: refused as damaged before any passphrase is asked for.
  await chooseFile(page, 'cut.json', text.slice(0, Math.floor(text.length / 2)));
  await refusal.filter({ hasText: 'cut.json' }).waitFor();
  assert.match(await refusal.textContent(), /This file is damaged \(its parts cannot be read\), so it cannot be opened: nothing was changed/);
  assert.equal(await form.count(), 0, 'no passphrase is asked for a damaged file');
  await expectNoViolations(page, 'open: damaged file');

  // Its data changed after it was protected (one character): AES-GCM's tag
  // refuses it even with the right passphrase.
  const envelope = JSON.parse(text);
  const flipped = envelope.data[10] === 'A' ? 'B' : 'A';
  envelope.data = envelope.data.slice(0, 10) + flipped + envelope.data.slice(11);
  await chooseFile(page, 'changed.json', JSON.stringify(envelope, null, 2));
  await openWith(page, PASSPHRASE);
  await refusal.filter({ hasText: 'changed.json' }).waitFor();
  assert.match(await refusal.textContent(), /the file has been changed since it was protected/);

  // Too few iterations: refused in words, not tried.
  const weak = JSON.parse(text);
  weak.kdf.iterations = 1000;
  await chooseFile(page, 'weak.json', JSON.stringify(weak));
  await refusal.filter({ hasText: 'weak.json' }).waitFor();
  assert.match(await refusal.textContent(), /1000 iterations, fewer than the 600000 it needs/);

  assert.deepEqual(await storedWorkbook(page), before);
  await goToArea(page, 'Development plan');
  await page.getByRole('heading', { name: 'Goal that must survive' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Goal in the backup' }).count(), 0);
  await context.close();
});

test('a backup protected by Node\'s own Web Crypto is opened and merged by the app', async () => {
  // The backup's plain text from the app; the protection is Node's, made
  // here from the envelope's description alone, with a passphrase beyond ASCII.
  const source = await workbookWithGoal('Goal from the other laptop');
  const plain = await downloadText(await download(source.page, source.page.getByRole('button', { name: 'Download backup' })));
  await source.context.close();
  const passphrase = 'ceòl mòr — trì faclan';
  const protectedText = await nodeEncrypt(plain, passphrase);

  const { context, page } = await workbookWithGoal('Goal on this computer');
  await chooseFile(page, 'from-node.json', protectedText);
  await openWith(page, passphrase);
  await page.getByRole('region', { name: 'Backup to restore' }).waitFor();
  await page.getByRole('button', { name: 'Merge it into my workbook' }).click();
  await page.getByRole('status').filter({ hasText: 'Backup merged' }).waitFor();
  await expectNoViolations(page, 'merged from a protected backup');
  assert.deepEqual(goalTitles(await savedWorkbook(page)).sort(), ['Goal from the other laptop', 'Goal on this computer']);
  await context.close();
});

test('on a phone the passphrase fields and the open form fit the screen', async () => {
  const { context, page } = await app.open('/#/your-data', { viewport: { width: 375, height: 667 } });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await page.getByLabel('Protect the backup with a passphrase').check();
  await page.getByLabel('Confirm the passphrase').waitFor();
  assert.ok(await fits(), 'the protect form is not cut off sideways');
  for (const label of ['Passphrase', 'Confirm the passphrase']) {
    const box = await page.getByLabel(label, { exact: true }).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375, `${label} fits across the screen`);
  }
  await expectNoViolations(page, 'phone: protect form');
  await chooseFile(page, 'protected.json', await nodeEncrypt('{}', PASSPHRASE));
  const form = page.getByRole('region', { name: 'Protected backup' });
  await form.waitFor();
  assert.ok(await fits(), 'the open form is not cut off sideways');
  await expectNoViolations(page, 'phone: passphrase asked');
  await context.close();
});
