// The backup the app writes for the benchmark's heavy workbook (years of
// data, every record kind) stays byte for byte the same while the model's
// code is reorganised: the written text's SHA-256 is kept in
// tests/fixtures/heavy-roundtrip.sha256. A deliberate change to the file
// format (a new schema version) updates that file in the same commit, with
// `node tests/e2e/heavy-roundtrip.test.mjs --update`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heavyWorkbook } from '../../bench/heavy-workbook.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hashFile = new URL('../fixtures/heavy-roundtrip.sha256', import.meta.url);

function written() {
  const input = JSON.stringify(heavyWorkbook());
  return execFileSync('cargo', ['run', '--quiet', '--offline', '--locked', '--example', 'workbook_roundtrip'], {
    cwd: root, input, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8',
  });
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

if (process.argv.includes('--update')) {
  writeFileSync(hashFile, `${sha256(written())}\n`);
} else {
  test('the heavy benchmark workbook is read and written back byte for byte as before', () => {
    const text = written();
    assert.ok(text.length > 1_000_000, 'the whole workbook was written');
    assert.match(text, /^\{\n  "format": "commissioning-workbook",\n  "schema_version": 7,/);
    assert.equal(sha256(text), readFileSync(hashFile, 'utf8').trim());
  });
}
