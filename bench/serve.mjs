// A loopback server for the benchmarks: serves a build directory (DIST_DIR,
// default dist/), answering unknown paths with its index.html as the app
// routes itself, plus pages held in memory (the "static floor" pages of
// bench/heavy.mjs), for profiling, files swapped for others, and, for
// Lighthouse, answers gzipped as any static host would send them.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contentTypes } from '../tests/e2e/support.mjs';

/** The build to measure: $DIST_DIR (relative to the working directory), else the repository's dist/. */
export const distDir = `${resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url)))}/`;

/**
 * Starts the server. `pages` maps a path such as `/floor-home.html` to HTML
 * text; `swap` maps a path to a file to send instead (both may change later);
 * `gzip` compresses answers for clients that accept it.
 */
export async function startBenchServer({ dir = distDir, pages = new Map(), swap = new Map(), gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body;
    let type;
    if (pages.has(path)) {
      body = pages.get(path);
      type = contentTypes['.html'];
    } else {
      const file = swap.get(path) ?? normalize(join(dir, path));
      try {
        if ((!swap.has(path) && !file.startsWith(dir)) || path.endsWith('/')) throw new Error('not a file');
        body = await readFile(file);
        type = contentTypes[extname(file)] ?? 'application/octet-stream';
      } catch {
        body = await readFile(join(dir, 'index.html'));
        type = contentTypes['.html'];
      }
    }
    const headers = { 'content-type': type };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(body)) compressed.set(body, gzipSync(body, { level: 9 }));
      body = compressed.get(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, pages, swap, close: () => new Promise((done) => server.close(done)) };
}
