// The release build's wasm-bindgen glue is part of the first download, so
// scripts/build-wasm.sh minifies it with terser, keeping function names so CPU
// profiles (bench/heavy-profile.mjs) still name the glue's steps. Checked on
// the build itself; the other end-to-end tests show the app starts with it.
// The parts' loader (__wasm_split.js) is minified by scripts/fingerprint-app.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunksOfBits } from '../../scripts/fingerprint-app.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const appFile = async (name) => {
  const folder = (await readdir(dist)).find((f) => /^app-[0-9a-f]+$/.test(f));
  return readFile(join(dist, folder, name), 'utf8');
};

test('the glue is minified, with its function names kept', async () => {
  const glue = await appFile('commissioning-workbook.js');
  // wasm-bindgen writes about 1,200 lines, indented, with comments.
  assert.ok(glue.split('\n').length < 5, `the glue has ${glue.split('\n').length} lines`);
  assert.doesNotMatch(glue, /^\s{2,}\S/m, 'no indented lines');
  for (const name of ['passStringToWasm0', 'getStringFromWasm0', 'handleError', '__wbg_get_imports']) {
    assert.match(glue, new RegExp(`function ${name}\\(`), `${name} keeps its name`);
  }
  assert.match(glue, /export\s*\{[^}]*\binitSync\b[^}]*\bas default\b/, 'the start-up script still finds init and initSync');
});

test('the parts loader is minified too, once fingerprint-app.mjs has read each area\'s parts from it', async () => {
  const loader = await appFile('__wasm_split.js');
  assert.ok(loader.split('\n').length < 5, `the loader has ${loader.split('\n').length} lines`);
  // What the glue imports from it keeps its name; index.html still names each area's parts.
  for (const area of ['assessment_area', 'plan_area', 'placement_area', 'group_area', 'agreement_area', 'business_case_area', 'your_data_area', 'about_area']) {
    assert.match(loader, new RegExp(`__wasm_split_load_${area}\\b`), `${area} is still exported`);
  }
  const index = await readFile(join(dist, 'index.html'), 'utf8');
  // The loader and the deep-link preload in index.html name an area's chunks
  // as a bitmap (scripts/fingerprint-app.mjs, chunkBits): the same chunks,
  // each one the loader makes.
  const inLoader = loader.match(/"split_group_area",\w+\("([A-Za-z0-9_-]+)"\)/)?.[1];
  assert.ok(inLoader, 'the loader names the group area\'s chunks');
  const inIndex = index.match(/"\/group":\["group_area","([A-Za-z0-9_-]+)"\]/)?.[1];
  assert.ok(inIndex, 'the deep-link preload names the group area\'s part and its chunks');
  const chunks = chunksOfBits(inLoader);
  assert.deepEqual(chunksOfBits(inIndex), chunks);
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  const [, from, to] = loader.match(/for\(let \w+=(\d+);\w+<=(\d+);\w+\+\+\)/) ?? [];
  assert.ok(chunks.every((n) => n >= Number(from) && n <= Number(to)), `chunks ${from} to ${to} are made`);
});
