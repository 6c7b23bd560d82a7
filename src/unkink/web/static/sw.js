// unkink's service worker: the player keeps working without a network from the first visit.
// - install: the shell (styles, scripts, icons, an offline page) is cached at once;
// - the page that registered the worker was fetched before the worker existed, so pages send
//   it the addresses they need ("cache" messages: the page itself, its routine's figures,
//   home, history and the library), and it fetches and keeps them;
// - pages and API reads: network first, the last good copy when offline;
// - static files and figures: from the cache, refreshed in the background.
const CACHE = "unkink-__VERSION__";
const PRECACHE = [__PRECACHE__];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function sameOrigin(url) {
  try { return new URL(url, self.location.origin).origin === self.location.origin; } catch { return false; }
}

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(urls.filter(sameOrigin).map(async (url) => {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok) await cache.put(url, response);
    } catch { /* offline already: keep what we have */ }
  }));
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls.slice(0, 200)).then(() => {
      if (event.source) event.source.postMessage({ type: "cached", count: data.urls.length });
    }));
  }
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(request);
    if (hit) return hit;
    if (request.mode === "navigate") {
      const fallback = (await cache.match("/")) || (await cache.match("/offline"));
      if (fallback) return fallback;
    }
    throw err;
  }
}

function figureKey(url) {
  // a moving figure's ?shown=N only restarts its animation; it is the same drawing
  const key = new URL(url);
  key.searchParams.delete("shown");
  return key.href;
}

async function cacheFirst(request, url) {
  const cache = await caches.open(CACHE);
  const key = url.pathname.startsWith("/figures/") ? figureKey(url) : request;
  // one cache per version, so a file's ?v= query never picks an older copy
  const hit = await cache.match(key, { ignoreSearch: url.pathname.startsWith("/static/") });
  const refresh = fetch(key)
    .then((response) => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    })
    .catch(() => undefined);
  return hit || (await refresh) || Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/") || url.pathname.startsWith("/figures/")) {
    event.respondWith(cacheFirst(request, url));
  } else {
    event.respondWith(networkFirst(request));
  }
});
