// Size benchmark: the raw and gzipped size of each file of the release build.
// The first load is what a new visitor's browser fetches before the app runs
// (index.html, the CSS, the JavaScript and the WebAssembly's main part); each
// area's part (split_*.wasm, with chunk_*.wasm for code areas share) comes
// when one of its pages is first opened, with its own stylesheet where it has
// one (area-*.css; tests/e2e/split-loading.test.mjs checks which); the service worker caches them all, and the manifest and
// icons, in the background.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

const dist = process.env.DIST_DIR ?? new URL('../dist/', import.meta.url).pathname;
const FIRST_LOAD = /^(index\.html|[^/]+\.(js|css)|app-[0-9a-f]+\/[^/]+\.js|app-[0-9a-f]+\/[^/]+_bg\.wasm)$/;
const AREA_PART = /\/(split|chunk)_[^/]+\.wasm$|^area-[^/]+\.css$/;

const rows = [];
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = relative(dist, join(entry.parentPath ?? entry.path, entry.name));
  if (path.split('/').some((part) => part.startsWith('.'))) continue;
  const bytes = await readFile(join(dist, path));
  rows.push({
    asset: path.replace(/-[0-9a-f]{10,16}(?=[._/])/, ''),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    firstLoad: FIRST_LOAD.test(path) && path !== 'sw.js' && !AREA_PART.test(path),
    areaPart: AREA_PART.test(path),
  });
}
rows.sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || a.asset.localeCompare(b.asset));

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log('| file | raw | gzipped |\n| --- | ---: | ---: |');
for (const r of rows.filter((r) => r.firstLoad)) console.log(`| ${r.asset} | ${kib(r.raw)} | ${kib(r.gzip)} |`);
const first = sum(rows.filter((r) => r.firstLoad));
console.log(`| **first load** | ${kib(first.raw)} | **${kib(first.gzip)}** |`);
for (const r of rows.filter((r) => r.areaPart)) console.log(`| ${r.asset} (when an area first opens) | ${kib(r.raw)} | ${kib(r.gzip)} |`);
for (const r of rows.filter((r) => !r.firstLoad && !r.areaPart)) console.log(`| ${r.asset} (cached later) | ${kib(r.raw)} | ${kib(r.gzip)} |`);
const all = sum(rows);
console.log(`| everything | ${kib(all.raw)} | ${kib(all.gzip)} |`);
