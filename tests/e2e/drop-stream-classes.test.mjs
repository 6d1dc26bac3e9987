// The release build takes the stream classes no page uses out of the main
// part and its glue (scripts/drop-stream-classes.mjs). Checked here on a
// small module and glue, without a browser, and on the build itself; every
// other test then runs the app with them gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFromGlue, dropFromModule } from '../../scripts/drop-stream-classes.mjs';

const classGlue = (name) => `export class ${name} {
    free() {
        wasm.__wbg_${name.toLowerCase()}_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;
`;
const registry = (name) => `const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr, 1));
`;
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

test('the glue loses the three classes and their registries, and keeps everything else', () => {
  const glue = `import * as a from "./__wasm_split.js"\n${CLASSES.map(classGlue).join('\n')}\nfunction keep() { return wasm.other(); }\n${CLASSES.map(registry).join('')}export { keep };\n`;
  const { text, dropped } = dropFromGlue(glue);
  assert.deepEqual(dropped, CLASSES);
  assert.equal(text, 'import * as a from "./__wasm_split.js"\n\n\n\nfunction keep() { return wasm.other(); }\nexport { keep };\n');
});

test('a glue laid out otherwise, or holding only some of the classes, stops the build', () => {
  assert.throws(() => dropFromGlue(classGlue('IntoUnderlyingSink')), /only some/);
  const odd = CLASSES.map((name) => `export class ${name} {\n}\n`).join('');
  assert.throws(() => dropFromGlue(odd), /not laid out as expected/);
  assert.deepEqual(dropFromGlue('export function x() {}\n').dropped, []);
});

/** A module exporting a function under each of `names`. */
function moduleExporting(names) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id, body) => [id, body.length, ...body];
  bytes.push(...section(1, [1, 0x60, 0, 0])); // one type: () -> ()
  bytes.push(...section(3, [1, 0])); // one function of that type
  const exports = [names.length];
  for (const name of names) exports.push(name.length, ...Buffer.from(name), 0, 0);
  bytes.push(...section(7, exports));
  bytes.push(...section(10, [1, 2, 0, 0x0b])); // its body: nothing
  return Buffer.from(bytes);
}

test("the module loses the classes' exports and stays valid", async () => {
  const names = ['intounderlyingsink_write', 'main', '__wbg_intounderlyingsource_free', 'intounderlyingbytesource_pull', 'memory_size'];
  const { bytes, dropped } = dropFromModule(moduleExporting(names));
  assert.deepEqual(dropped, ['intounderlyingsink_write', '__wbg_intounderlyingsource_free', 'intounderlyingbytesource_pull']);
  const module = await WebAssembly.compile(bytes);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['main', 'memory_size']);
});

test('the release build has neither the classes nor their exports', async () => {
  const dist = new URL('../../dist/', import.meta.url).pathname;
  const folder = (await readdir(dist)).find((f) => /^app-[0-9a-f]+$/.test(f));
  const glue = await readFile(join(dist, folder, 'commissioning-workbook.js'), 'utf8');
  assert.doesNotMatch(glue, /IntoUnderlying/);
  const module = await WebAssembly.compile(await readFile(join(dist, folder, 'commissioning-workbook_bg.wasm')));
  const exported = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.ok(exported.length > 5, `the main part still exports what the glue and parts use: ${exported}`);
  assert.deepEqual(exported.filter((name) => /intounderlying/.test(name)), []);
});
