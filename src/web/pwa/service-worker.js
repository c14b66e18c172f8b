/* 城运巡查's service worker. The build (scripts/vite-service-worker.ts) prepends
 * `const VERSION = '…'; const PRECACHE = [...]`: the app shell (index.html and every built asset).
 * Pages open from the cache when there is no network; the API is never cached (requests under
 * /api/ are not even looked at, so the browser sends them as usual). */
/* global self, caches, fetch, VERSION, PRECACHE */
const CACHE = `cityops-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cityops-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // the network first (a new deploy is seen at once); the cached shell when offline
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  // built assets have content hashes in their names: the cache answers, the network fills gaps
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
