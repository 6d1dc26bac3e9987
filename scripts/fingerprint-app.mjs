// Post-build step: renames the build's app/ folder (the WebAssembly parts and
// their JavaScript, from scripts/build-wasm.sh) to app-<hash>/, the hash taken
// over its files, and points index.html at the new name. The files inside
// name each other relatively, so they need no change. A browser's HTTP cache
// then can never hand one build's JavaScript to another build's WebAssembly
// (trunk hashed its own output's names; this does the same for ours).
// Called by scripts/add-csp.mjs before the policy hashes the inline script.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER = 'app';

/** Renames `dir`/app to app-<hash> and rewrites `dir`/index.html; returns the new name. */
export function fingerprintApp(dir) {
  const folder = join(dir, FOLDER);
  const files = readdirSync(folder).sort();
  if (!files.some((f) => f.endsWith('_bg.wasm'))) throw new Error(`${folder}: no WebAssembly; did scripts/build-wasm.sh run?`);
  const hash = createHash('sha256');
  for (const file of files) {
    const content = readFileSync(join(folder, file));
    hash.update(`${file}\n${content.length}:`).update(content);
  }
  const named = `${FOLDER}-${hash.digest('hex').slice(0, 12)}`;
  renameSync(folder, join(dir, named));

  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const references = html.split(`./${FOLDER}/`).length - 1;
  // The module preload, the wasm preload and the start-up script.
  if (references < 3) throw new Error(`${index}: expected 3 references to ./${FOLDER}/, found ${references}`);
  // Trunk leaves the skipped Rust link (index.html says why it is there) in the page.
  const cleaned = html.replace(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/, '');
  writeFileSync(index, cleaned.replaceAll(`./${FOLDER}/`, `./${named}/`));
  return named;
}
