// The offline worker: on install it caches every file of this build (the list and the
// build id are written in by scripts/finalize-dist.mjs), then serves them cache-first, so
// the playground works offline after the first visit. A new build has a new list and id,
// so the browser installs the new worker, which caches the new files under a new name and
// deletes the caches of older builds. All URLs are relative to this file, so the site works
// from any sub-path; requests for other origins or files not listed go to the network.
const BUILD = "__STSPLAY_BUILD__";
const FILES = __STSPLAY_FILES__;
const CACHE = `stsplay-${BUILD}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("stsplay-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page address with a query (a shared link) is still the page.
    const hit = request.mode === "navigate"
      ? await cache.match(request, { ignoreSearch: true }) ?? await cache.match("./")
      : await cache.match(request);
    return hit ?? fetch(request);
  })());
});
