// Post-build step: writes sw.js, the service worker that lets the app start
// with no network (scripts/service-worker.template.js says how it works).
// It fills the template's two blanks from the build itself:
//   __VERSION__  the first 16 hex digits of a SHA-256 over every file of the
//                build (path and content, in path order), so any change to
//                any file makes a new version and a new cache;
//   __FILES__    every file of the build but sw.js and hidden ones, as
//                './relative/path'.
//
// Trunk runs the hooks of one stage all at once, not one after the other, and
// the version must cover the final index.html, so this is not a hook of its
// own: scripts/add-csp.mjs calls addServiceWorker() once the policy is in.
// Run on its own, it works on $TRUNK_STAGING_DIR (else dist/).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVICE_WORKER = 'sw.js';
const TEMPLATE = fileURLToPath(new URL('service-worker.template.js', import.meta.url));

/** Writes `sw.js` into the build in `dir` and returns its version. */
export function addServiceWorker(dir) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    // Not sw.js itself (the browser keeps that apart), nor hidden files, such
    // as trunk's dist/.stage when this is run on dist/ during a rebuild.
    .filter((path) => path !== SERVICE_WORKER && !path.split('/').some((part) => part.startsWith('.')))
    .sort();
  if (!files.includes('index.html')) throw new Error(`${dir}: no index.html, so no build to cache`);

  const hash = createHash('sha256');
  for (const path of files) {
    const content = readFileSync(join(dir, path));
    // Lengths first, so no two different builds can feed the hash the same bytes.
    hash.update(`${Buffer.byteLength(path)}:${path}\n${content.length}:`).update(content).update('\n');
  }
  const version = hash.digest('hex').slice(0, 16);

  const list = `[\n${files.map((path) => `  ${JSON.stringify(`./${path}`)},`).join('\n')}\n]`;
  let script = readFileSync(TEMPLATE, 'utf8');
  for (const blank of ["'__VERSION__'", "['__FILES__']"]) {
    if (script.split(blank).length !== 2) throw new Error(`${TEMPLATE}: ${blank} should appear exactly once`);
  }
  script = script.replace("'__VERSION__'", () => `'${version}'`).replace("['__FILES__']", () => list);
  writeFileSync(join(dir, SERVICE_WORKER), script);
  console.log(`Service worker ${version} written to ${join(dir, SERVICE_WORKER)} (${files.length} files to cache)`);
  return version;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  addServiceWorker(process.env.TRUNK_STAGING_DIR ?? 'dist');
}
