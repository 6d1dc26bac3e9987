// Service worker of the Commissioning Workbook: keeps a copy of the whole app
// so it starts and works with no network, say on patchy hospital wi-fi or on
// a train. The app sends nothing anywhere (its data is in localStorage), so
// once its files are cached it needs the network only to fetch a new version.
//
// scripts/add-service-worker.mjs writes this file into each build as sw.js,
// filling in that build's version (a hash of all its files) and the list of
// its files. A changed build therefore gives a changed sw.js, which the
// browser notices when it next checks for updates (on each visit), installing
// the new version beside the old one.

const VERSION = '__VERSION__';
const FILES = ['__FILES__'];

const CACHE_PREFIX = 'commissioning-workbook-';
const CACHE_NAME = CACHE_PREFIX + VERSION;

// Every path is relative to this file, so the app works from any sub-path
// (say /tools/workbook/). './' is the scope root, which the server answers
// with index.html.
const INDEX = new URL('./index.html', self.registration.scope).href;
const ROOT = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // cache: 'reload' skips the browser's HTTP cache, so a stale copy of a
      // file left there by an earlier version cannot end up in this version.
      await cache.addAll(['./', ...FILES].map((url) => new Request(url, { cache: 'reload' })));
      // Take over at once rather than waiting for every tab of the old version
      // to close. That is safe: the app loads all its JavaScript, WebAssembly
      // and CSS when it starts, so a page of the old version never asks for an
      // old file afterwards; and the page shows a notice when a new version
      // takes over, offering to reload.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Remove earlier versions' copies, leaving caches other code may own.
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
          .map((name) => caches.delete(name)),
      );
      // Serve the pages already open too, not only ones opened from now on.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only this app's own files: anything else (other methods, other origins,
  // other apps on this origin outside our folder) goes to the network as if
  // there were no service worker.
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;

  if (request.mode === 'navigate') {
    // The app routes with the URL's hash (#/development-plan/...), which never
    // reaches the server, so every page of it is the one index.html. (A file
    // of the app opened in a tab of its own, say an icon, is still that file.)
    event.respondWith(fromCacheOr(request, [request, INDEX, ROOT]));
  } else {
    event.respondWith(fromCacheOr(request, [request]));
  }
});

/** The first of `candidates` found in this version's cache, else the network. */
async function fromCacheOr(request, candidates) {
  const cache = await caches.open(CACHE_NAME);
  for (const candidate of candidates) {
    const cached = await cache.match(candidate, { ignoreSearch: false });
    if (cached) return request.mode === 'navigate' ? unredirected(cached) : cached;
  }
  return fetch(request);
}

/**
 * A navigation may not be answered with a response that came through a
 * redirect (some servers send index.html to the folder's address), so such a
 * response is copied into a fresh one.
 */
function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
