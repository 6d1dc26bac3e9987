// Size benchmark: the raw and gzipped size of each asset of the release build.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const rows = [];
for (const name of (await readdir(dist)).sort()) {
  const bytes = await readFile(join(dist, name));
  rows.push({ asset: name.replace(/-[0-9a-f]{12,16}(?=[._])/, ''), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| asset | raw | gzipped |\n| --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.asset} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`| **total** | ${kb(total.raw)} | ${kb(total.gzip)} |`);
