// Size benchmark: the raw and gzipped size of each file of the release build.
// The first load is what a new visitor's browser fetches before the app runs
// (index.html, the JavaScript, the WebAssembly and the CSS); the service
// worker then caches those and the rest (manifest, icons) in the background.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

const dist = process.env.DIST_DIR ?? new URL('../dist/', import.meta.url).pathname;
const FIRST_LOAD = /^(index\.html|[^/]+\.(js|wasm|css))$/;

const rows = [];
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = relative(dist, join(entry.parentPath ?? entry.path, entry.name));
  if (path.split('/').some((part) => part.startsWith('.'))) continue;
  const bytes = await readFile(join(dist, path));
  rows.push({
    asset: path.replace(/-[0-9a-f]{12,16}(?=[._])/, ''),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    firstLoad: FIRST_LOAD.test(path) && path !== 'sw.js',
  });
}
rows.sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || a.asset.localeCompare(b.asset));

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log('| file | raw | gzipped |\n| --- | ---: | ---: |');
for (const r of rows.filter((r) => r.firstLoad)) console.log(`| ${r.asset} | ${kib(r.raw)} | ${kib(r.gzip)} |`);
const first = sum(rows.filter((r) => r.firstLoad));
console.log(`| **first load** | ${kib(first.raw)} | **${kib(first.gzip)}** |`);
for (const r of rows.filter((r) => !r.firstLoad)) console.log(`| ${r.asset} (cached later) | ${kib(r.raw)} | ${kib(r.gzip)} |`);
const all = sum(rows);
console.log(`| everything | ${kib(all.raw)} | ${kib(all.gzip)} |`);
