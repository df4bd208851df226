/*
 * The service worker, at scope "/": keeps the whole site of ONE build for reading offline.
 * src/offline/node/service-worker.ts writes it to dist/sw.js after the build, filling in
 * the precache list that workbox-build's getManifest() makes of every file of dist/ (pages,
 * CSS, JS, fonts, the Pagefind index, the CSV and JSON downloads, icons) and the build's id.
 * - install: the build's files are fetched afresh, BATCH at a time, into a cache of its own, "bao-cao-<build>";
 *   the first time, it takes over at once; when it replaces an earlier build it waits for the
 *   reader, whose pages offer "Đã có bản cập nhật — tải lại" (src/offline/client/register.ts);
 * - activate: the caches of every other build are deleted: the site is replaced as a whole;
 * - fetch: a file of the site is answered from this build's cache only (the query is ignored,
 *   e.g. /tim-kiem/?q=…), so that two builds are never mixed; anything else goes to the network.
 */
const BUILD = '__BUILD_ID__';
const MANIFEST = self.__WB_MANIFEST;
const PREFIX = 'bao-cao-';
/** Files fetched at once while installing. */
const BATCH = 6;
const CACHE = PREFIX + BUILD;
const URLS = new Set(MANIFEST.map((entry) => entry.url));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // A few files at a time, not the whole site at once: the page being read keeps its share
      // of the network and of the CPU. A file that cannot be fetched fails the install.
      for (let i = 0; i < MANIFEST.length; i += BATCH) {
        await cache.addAll(MANIFEST.slice(i, i + BATCH).map((entry) => new Request(entry.url, { cache: 'reload' })));
      }
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** The precache key of a URL of the site: its path, "/a" read as "/a/" when that is a page. */
function keyOf(url) {
  const path = decodeURI(url.pathname);
  if (URLS.has(path)) return path;
  if (URLS.has(`${path}/`)) return `${path}/`;
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = keyOf(url);
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (key) {
        const hit = await cache.match(key);
        if (hit) return hit;
      }
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === 'navigate') {
          const missing = await cache.match('/404.html');
          if (missing) return missing;
        }
        throw error;
      }
    })(),
  );
});
