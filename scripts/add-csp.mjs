// Trunk post-build hook: gives the built index.html a Content-Security-Policy
// that lets the page load and connect only to its own origin. The app's
// start-up script is inline, and its text names the app's folder, hashed per
// build (scripts/fingerprint-app.mjs, run first), so the policy allows exactly
// that script by its SHA-256 hash, worked out here after each build.
// WebAssembly needs 'wasm-unsafe-eval' to compile.
//
// Before that, the stylesheet loses the rules for classes the app never
// uses (scripts/trim-css.mjs).
//
// Then it adds the service worker (scripts/add-service-worker.mjs), whose
// version must cover this final index.html. Trunk starts all hooks of a stage
// at once, so that step is called from here rather than being a second hook.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addServiceWorker } from './add-service-worker.mjs';
import { fingerprintApp } from './fingerprint-app.mjs';
import { trimBuiltCss } from './trim-css.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
// First, as it changes the start-up script the policy allows by its hash.
console.log(`The app's WebAssembly parts are in ${fingerprintApp(dir)}/`);
// Also before the policy and the service worker, as it renames the stylesheet.
const trimmed = trimBuiltCss(dir);
console.log(`Unused design-system rules dropped: ${trimmed.named}, ${trimmed.before} -> ${trimmed.after} characters`);
for (const area of trimmed.areas) console.log(`The ${area.area} area's own stylesheet: ${area.name}, ${area.size} characters`);
let html = readFileSync(file, 'utf8');
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// Release builds are minified (`<meta charset=utf-8>`), others are not.
const charsetTag = /<meta charset="?utf-8"?\s*\/?>/i;
if (!charsetTag.test(html)) throw new Error(`${file}: no <meta charset> to put the policy after`);
html = html.replace(charsetTag, (charset) => `${charset}\n    ${meta}`);
writeFileSync(file, html);
console.log(`Content-Security-Policy added to ${file} (${hashes.length} inline script allowed by hash)`);

addServiceWorker(dir);
