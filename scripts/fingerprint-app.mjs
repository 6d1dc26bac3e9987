// Post-build step: renames the build's app/ folder (the WebAssembly parts and
// their JavaScript, from scripts/build-wasm.sh) to app-<hash>/, the hash taken
// over its files, and points index.html at the new name. The files inside
// name each other relatively, so they need no change. A browser's HTTP cache
// then can never hand one build's JavaScript to another build's WebAssembly
// (trunk hashed its own output's names; this does the same for ours).
// It also adds the script that, at a deep link, asks for the page's area's
// parts at once (areaPreloadScript).
// Called by scripts/add-csp.mjs before the policy hashes the inline script.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER = 'app';
const root = new URL('..', import.meta.url).pathname;

/** Renames `dir`/app to app-<hash> and rewrites `dir`/index.html; returns the new name. */
export function fingerprintApp(dir) {
  const folder = join(dir, FOLDER);
  const files = readdirSync(folder).sort();
  if (!files.some((f) => f.endsWith('_bg.wasm'))) throw new Error(`${folder}: no WebAssembly; did scripts/build-wasm.sh run?`);
  // The parts' loader is part of the first download and grows with each
  // area: read as written (areaPreloadScript), then minified like the glue.
  const loaderFile = join(folder, '__wasm_split.js');
  const loader = readFileSync(loaderFile, 'utf8');
  writeFileSync(loaderFile, compactLoader(loader));
  execFileSync(join(root, 'node_modules', '.bin', 'terser'), [loaderFile, '--module', '--compress', '--mangle', '-o', loaderFile]);
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
  // The early compile script, two module preloads and the start-up script.
  if (references < 4) throw new Error(`${index}: expected 4 references to ./${FOLDER}/, found ${references}`);
  // Trunk leaves the skipped Rust link (index.html says why it is there) in the page.
  const cleaned = html.replace(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/, '');
  const preload = areaPreloadScript(loader, named);
  // Beside the script that starts compiling the main part, before the
  // stylesheet (a script after a stylesheet waits for it to load).
  // One script with it, as each inline script costs the page a hash in its
  // Content-Security-Policy.
  const early = cleaned.match(/<script>[^<]*compileStreaming/);
  if (!early) throw new Error(`${index}: no early compile script to put the area preload before`);
  const together = `${preload.replace(/<\/script>$/, ';')}${early[0].slice('<script>'.length)}`;
  writeFileSync(index, cleaned.replaceAll(`./${FOLDER}/`, `./${named}/`).replace(early[0], together));
  return named;
}

/**
 * The loader wasm-split-cli writes spells out, for every chunk (95 once
 * there are seven areas) and every part, the same few lines that fetch its
 * file, and lists each part's chunks by name: most of the loader, which is in
 * every first download. Written again here, shorter, doing the same: one
 * function fetches a file (`fileLoad`), the chunks (numbered, none needing
 * another; a number wasm-split-cli skipped gets a loader nothing asks for)
 * are made in a loop, and each part names its chunks as a bitmap
 * (`chunkBits`, six to a character). The functions before the chunks, and every
 * export's name, are kept as written. Anything in another shape stops the
 * build, so a new wasm-split-cli cannot be compacted wrongly.
 */
export function compactLoader(loader) {
  const fetchOf = (file) =>
    String.raw`makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./` + file +
    String.raw`\.wasm", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,\s*\[([^\]]*)\]\)`;
  const chunkPattern = new RegExp(String.raw`(?:/\*[^*]*\*/\s*)?const __chunk_(\d+) = ` + fetchOf(String.raw`chunk_(\d+)`) + ';', 'g');
  const exportPattern = new RegExp(String.raw`export const (\w+) = wrapAsyncCb\(` + fetchOf(String.raw`(split_\w+)`) + String.raw`\);`, 'g');
  const shape = (why) => new Error(`scripts/fingerprint-app.mjs: __wasm_split.js is not in the shape compactLoader expects (${why}); update compactLoader`);

  const chunks = [...loader.matchAll(chunkPattern)];
  const numbers = chunks.map((m) => Number(m[1]));
  if (chunks.some((m) => m[1] !== m[2] || m[3].trim())) throw shape('a chunk named otherwise, or needing another');
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  // wasm-split-cli may skip a number (a chunk left empty); the loop below
  // still makes a loader for it, which nothing asks for, as no part needs it.
  const present = new Set(numbers);
  const exports = [...loader.matchAll(exportPattern)].map(([, name, file, deps]) => {
    const wanted = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      const n = /^__chunk_(\d+)$/.exec(d);
      if (!n) throw shape(`${name} needs ${d}`);
      if (!present.has(Number(n[1]))) throw shape(`${name} needs ${d}, which it does not make`);
      return Number(n[1]);
    }).sort((a, b) => a - b);
    return `export const ${name} = wrapAsyncCb(fileLoad("${file}", chunksIn("${chunkBits(wanted)}")));`;
  });
  const head = loader.slice(0, loader.search(/(?:\/\*[^*]*\*\/\s*)?const __chunk_|export const /));
  const rest = loader.slice(head.length).replace(chunkPattern, '').replace(exportPattern, '').trim();
  if (rest) throw shape(`it has more than chunks and parts after its functions: ${rest.slice(0, 80)}`);
  if (!head.includes('function makeLoad(') || !head.includes('function wrapAsyncCb(')) throw shape('no makeLoad or wrapAsyncCb');
  return `${head}function fileLoad(name, deps) {
    return makeLoad(() => {
        const src = fetch(new URL("./" + name + ".wasm", import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    }, deps);
}
const chunks = [];
for (let n = ${chunks.length ? first : 0}; n <= ${chunks.length ? last : -1}; n++) chunks[n] = fileLoad("chunk_" + n, []);
function chunksIn(bits) {
    const out = [];
    [...bits].forEach((digit, i) => {
        const value = ${JSON.stringify(CHUNK_BIT_DIGITS)}.indexOf(digit);
        for (let b = 0; b < 6; b++) if ((value >> b) & 1) out.push(chunks[i * 6 + b]);
    });
    return out;
}
${exports.join('\n')}
`;
}

/**
 * Each area's part and the address under which its pages are (its first
 * page's), read from the one list of areas and pages, src/ui/pages/areas.rs
 * (`AREA changing <kinds>, part <part>, fetched by …, named "…" {` then `"<address>" => …`),
 * so an area is declared there alone.
 */
function areaPaths() {
  const source = readFileSync(new URL('../src/ui/pages/areas.rs', import.meta.url), 'utf8');
  const found = [...source.matchAll(/\bpart (\w+), fetched by \w+, named "[^"]*" \{\s*"([^"]+)"/g)];
  if (!found.length) throw new Error('scripts/fingerprint-app.mjs: no areas found in src/ui/pages/areas.rs');
  return Object.fromEntries(found.map(([, part, path]) => [part, path]));
}

/**
 * Parts that are not an area's pages: the banners' way to the saver
 * (src/ui/saver.rs, `from_banner`; the saver's code itself is in chunks the
 * areas' parts share), fetched with the first change or when a banner on the
 * home page writes; and the reader for an older or unreadable stored workbook
 * (src/ui/storage.rs), fetched at start only when one is stored. (The
 * saver's part is also fetched at start in a browser that linked a backup
 * file: it holds the code that keeps the file, src/ui/linked_file.rs.) And
 * the code that copies the page last shown (src/ui/page_copy.rs), fetched
 * in idle time after the start. And the save made when another tab of an
 * older version saved last (src/ui/saver.rs, `other_form_part`), fetched when
 * that tab's save is heard of.
 */
const PARTS_WITHOUT_PAGES = new Set(['saver', 'unusual_storage', 'page_copy', 'other_form']);

/**
 * An inline script that, at a deep link, asks for the page's area's parts
 * (its split_<area>.wasm and the chunk_<n>.wasm it needs) alongside the main
 * part, instead of after the main part has arrived and started. The files
 * each area needs are read from the loader wasm-split-cli wrote.
 */
/** The digits of `chunkBits`, each six bits (base64url's). */
export const CHUNK_BIT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Chunk numbers as a bitmap written six bits to a digit of CHUNK_BIT_DIGITS,
 * the lowest bit first: digit i holds chunks 6i to 6i + 5. [1, 6, 7] is "CD".
 */
export function chunkBits(numbers) {
  const digits = [];
  for (const n of numbers) {
    const at = Math.floor(n / 6);
    while (digits.length <= at) digits.push(0);
    digits[at] |= 1 << (n % 6);
  }
  return digits.map((d) => CHUNK_BIT_DIGITS[d]).join('');
}

/** The chunk numbers a `chunkBits` text holds. */
export function chunksOfBits(text) {
  return [...text].flatMap((c, i) => [0, 1, 2, 3, 4, 5].filter((b) => (CHUNK_BIT_DIGITS.indexOf(c) >> b) & 1).map((b) => i * 6 + b));
}

export function areaPreloadScript(loader, folder) {
  const AREA_PATHS = areaPaths();
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map(([, name, file]) => [name, file]),
  );
  const areas = {};
  for (const [, area, file, deps] of loader.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g,
  )) {
    if (PARTS_WITHOUT_PAGES.has(area)) continue;
    const path = AREA_PATHS[area];
    if (!path) throw new Error(`scripts/fingerprint-app.mjs: the app has a part "${area}" that src/ui/pages/areas.rs does not list as an area`);
    const chunks = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      if (!chunkFile.has(d)) throw new Error(`__wasm_split.js: ${area} needs ${d}, which it does not define`);
      return chunkFile.get(d);
    });
    // Written short, as the script is in every first download: the area's
    // part by its name, each chunk by its number.
    const numbers = chunks.map((c) => Number(c.replace(/^chunk_(\d+)\.wasm$/, '$1'))).sort((x, y) => x - y);
    const name = file.replace(/^split_(\w+)\.wasm$/, '$1');
    if (name.includes('.') || numbers.some(Number.isNaN)) {
      throw new Error(`__wasm_split.js: ${area}'s parts are not named split_<area>.wasm and chunk_<n>.wasm`);
    }
    // The chunks as a bitmap, six chunks to a character (chunkBits): an
    // area needs dozens of the 170 or so, and written as runs of numbers
    // ("12-17,21,26-32") they cost every first download 0.6 KiB gzipped.
    areas[path] = [name, chunkBits(numbers)];
  }
  const missing = Object.values(AREA_PATHS).filter((p) => !areas[p]);
  if (missing.length) throw new Error(`__wasm_split.js: no part for ${missing.join(', ')}`);
  // S(area): the area's two stylesheets as trim-css.mjs named them in the
  // meta tag first in the head ("-" for none): its share of the design
  // system's rules, then of the app's own.
  return `<script>(function(){var d=document,S=function(n){var m=d.querySelector("meta[name=app-area-styles]"),` +
    `e=m&&m.content.split(" ").filter(function(x){return x.indexOf(n+"=")===0})[0];return e?e.slice(n.length+1).split(","):[]};` +
    // Links an area's stylesheets as the app asks for its page
    // (src/ui/area_styles.rs), once: the first before the main stylesheet's
    // second half (#app-styles), the second last, so every rule keeps its
    // place in the whole stylesheet's order. Here rather than in the first
    // download's module, where it cost more.
    // With `b` (index.html's adoption script, drawing a copy of an area's
    // page before the body is parsed) the page is not drawn before them.
    `window.appAreaStyles=function(n,b){S(n).forEach(function(f,i){if(f=="-"||d.querySelector('link[rel=stylesheet][href="'+f+'"]'))return;` +
    `var l=d.createElement("link");l.rel="stylesheet";l.href=f;l.setAttribute("data-area-styles",n);if(b)l.setAttribute("blocking","render");` +
    `d.head.insertBefore(l,i?null:d.getElementById("app-styles"))})};` +
    `var p=location.hash.slice(1).split("?")[0],a=${JSON.stringify(areas)};` +
    // window.appArea: the area the address opens, for the adoption script.
    `for(var k in a)if(p===k||p.indexOf(k+"/")===0){var n=[a[k][0]];window.appArea=n[0].replace(/_area$/,"");a[k][1].split("").forEach(function(c,i){` +
    `for(var v=${JSON.stringify(CHUNK_BIT_DIGITS)}.indexOf(c),b=0;b<6;b++)if(v>>b&1)n.push(i*6+b)});` +
    // The area's own stylesheets first, so the page is never drawn before
    // them. This script runs before the main stylesheets' links are read, so
    // both are only fetched here (rel=preload); the app links each in its
    // place (or index.html's adoption script, for a copy of the page).
    `S(window.appArea).forEach(function(h){if(h=="-")return;var c=d.createElement("link");c.rel="preload";c.as="style";c.href=h;d.head.appendChild(c)});` +
    `var P=function(){n.forEach(function(f){var l=d.createElement("link");` +
    `l.rel="preload";l.as="fetch";l.type="application/wasm";l.crossOrigin="anonymous";` +
    `l.href="./${folder}/"+(typeof f=="number"?"chunk_"+f:"split_"+f)+".wasm";d.head.appendChild(l)})},` +
    // When a copy of this page is stored (index.html draws it, and the app
    // starts only once it is drawn), the parts are fetched from then on:
    // fetched at once, even at low priority, they held the area's
    // stylesheets back, and the copy of the heavy self-assessment page was
    // drawn at 230 ms instead of 105 (its static page: 107).
    `c=null;try{c=localStorage.getItem("commissioning-workbook.page-copy")}catch(e){}` +
    `if(c&&c.split(String.fromCharCode(10),5)[4]===location.hash)requestAnimationFrame(function(){setTimeout(P,0)});else P()}})()</script>`;
}
