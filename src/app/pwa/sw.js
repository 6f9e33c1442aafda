// Container Sandbox's service worker. The build writes it out with the list of the build's own files
// (precachePlugin.ts fills in the manifest), so after one visit the whole app — Monaco and its workers, the
// API models, the lessons — loads and runs with no network. It answers only requests for its own origin.
/* global PRECACHE_MANIFEST -- filled in by precachePlugin.ts */
const PRECACHE = PRECACHE_MANIFEST
const PREFIX = 'container-sandbox-'
const CACHE = PREFIX + PRECACHE.version

self.addEventListener('install', (event) => {
  // Relative URLs resolve against this script, so the app works under any sub-path. A new version waits (no
  // skipWaiting here) until the page's "Reload to update" asks, so one page never mixes two builds' chunks.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files)))
})

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(answer(request))
})

async function answer(request) {
  const cache = await caches.open(CACHE)
  // A page address with ?audience (or a share link's #s=…) is still index.html.
  const navigate = request.mode === 'navigate'
  const hit = await cache.match(request, { ignoreSearch: navigate })
  if (hit) return hit
  try {
    const response = await fetch(request)
    if (response.ok && response.type === 'basic') void cache.put(request, response.clone())
    return response
  } catch (error) {
    const page = navigate ? await cache.match('./') : undefined
    if (page) return page
    throw error
  }
}
