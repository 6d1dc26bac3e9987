// Release-build step (scripts/build-wasm.sh, after wasm-bindgen, before
// wasm-opt): takes out of the main WebAssembly part and its JavaScript glue
// the three stream classes that `wasm-streams` exports for JavaScript to
// construct (IntoUnderlyingSource, IntoUnderlyingSink,
// IntoUnderlyingByteSource). Leptos pulls the crate in through `server_fn`
// for server functions that stream; this app has no server, so nothing ever
// constructs them, yet as exports they are roots that no optimiser may drop.
// Removing the exports lets wasm-opt remove the code behind them (about
// 1.6 KiB of the first download, gzipped), and the classes' glue goes too.
//
// Usage: node scripts/drop-stream-classes.mjs <main part .wasm> <glue .js>
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** wasm-bindgen names a class's exports `<class in lower case>_<method>`, and its destructor `__wbg_<class>_free`. */
const exportPattern = new RegExp(`^(__wbg_)?(${CLASSES.map((c) => c.toLowerCase()).join('|')})_`);

/** The glue without the classes: each class body and its FinalizationRegistry. */
export function dropFromGlue(glue) {
  let text = glue;
  const found = CLASSES.filter((name) => text.includes(`export class ${name} {`));
  if (found.length === 0) return { text, dropped: [] };
  if (found.length !== CLASSES.length) throw new Error(`the glue has only some of the stream classes: ${found}`);
  for (const name of CLASSES) {
    const body = new RegExp(
      `export class ${name} \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`,
    );
    const registry = new RegExp(`const ${name}Finalization = [^;]*;\\n`);
    for (const part of [body, registry]) {
      if (!part.test(text)) throw new Error(`the glue's ${name} is not laid out as expected (${part})`);
      text = text.replace(part, '');
    }
  }
  const left = CLASSES.filter((name) => text.includes(name));
  if (left.length) throw new Error(`the glue still names ${left} after removing the classes`);
  const calls = [...text.matchAll(/\bwasm\.(\w+)/g)].map(([, name]) => name).filter((name) => exportPattern.test(name));
  if (calls.length) throw new Error(`the glue still calls ${calls}`);
  return { text, dropped: found };
}

/** The module with the classes' exports left out of its export section. */
export function dropFromModule(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const writeLeb = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const pieces = [bytes.subarray(0, 8)];
  const dropped = [];
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 7) {
      const kept = [];
      for (let count = leb(), i = 0; i < count; i += 1) {
        const entry = at;
        const length = leb();
        const name = bytes.subarray(at, at + length).toString('utf8');
        at += length + 1; // the name, then the kind of export
        leb(); // its index
        if (exportPattern.test(name)) dropped.push(name);
        else kept.push(bytes.subarray(entry, at));
      }
      const section = Buffer.concat([writeLeb(kept.length), ...kept]);
      pieces.push(Buffer.from([7]), writeLeb(section.length), section);
    } else {
      pieces.push(bytes.subarray(start, end));
    }
    at = end;
  }
  return { bytes: Buffer.concat(pieces), dropped };
}

// Run as a script (the tests import the two functions).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [wasmFile, glueFile] = process.argv.slice(2);
  if (!wasmFile || !glueFile) throw new Error('usage: drop-stream-classes.mjs <main part .wasm> <glue .js>');
  const glue = dropFromGlue(readFileSync(glueFile, 'utf8'));
  const module = dropFromModule(readFileSync(wasmFile));
  if (glue.dropped.length === 0 && module.dropped.length === 0) {
    console.log('No stream classes to drop.');
  } else {
    if (glue.dropped.length === 0 || module.dropped.length === 0) {
      throw new Error(`stream classes found in only one of the glue (${glue.dropped}) and the module (${module.dropped})`);
    }
    // The result must still be a valid module.
    new WebAssembly.Module(module.bytes);
    writeFileSync(glueFile, glue.text);
    writeFileSync(wasmFile, module.bytes);
    console.log(`Dropped the unused stream classes ${glue.dropped.join(', ')} and ${module.dropped.length} exports`);
  }
}
