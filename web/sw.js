// The page's service worker: it makes the page work offline once loaded. On install it caches
// every file in dist/precache.json (written by the build: the page, its bundled modules, the
// wasm modules, the stubs); requests go to the network first and fall back to the cache, and every
// successful answer refreshes the cache. On each page load it checks precache.json's version
// and caches a new deploy whole, so modules loaded later (offline tools, the virtual device,
// other chips' stubs) are never a mix of two versions. The build puts it (minified) at the top of
// the static folder web/site/, so its scope covers page/ (the bundled page and its Workers) and
// dist/ (the wasm modules and stubs).
const kPrefix = 'esptool-wasm-';
const root = new URL('./', self.location.href);

async function precache() {
  const list = await (await fetch(new URL('dist/precache.json', root), { cache: 'no-store' })).json();
  const name = kPrefix + list.version;
  if (!(await caches.has(name))) {
    const cache = await caches.open(name);
    await cache.addAll(list.files.map((file) => new Request(new URL(file, root), { cache: 'reload' })));
  }
  for (const old of await caches.keys()) {
    if (old.startsWith(kPrefix) && old !== name) await caches.delete(old);
  }
  return name;
}

let current = null; // the cache of the version in use, once known

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then((name) => (current = name)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function cacheName() {
  if (current) return current;
  const names = (await caches.keys()).filter((n) => n.startsWith(kPrefix));
  current = names[0] ?? null;
  return current;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    const name = await cacheName();
    if (response.ok && name) {
      const copy = response.clone();
      caches.open(name).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.href.startsWith(root.href)) return;
  event.respondWith(networkFirst(request));
  // A new deploy is cached whole in the background when the page loads online.
  if (request.mode === 'navigate') event.waitUntil(precache().then((name) => (current = name)).catch(() => {}));
});
