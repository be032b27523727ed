/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Offline use of "Check before you buy" (/check, /en/check): the app's built files, the check pages and
 * their data are cached, so a check can be taken with no network (the page scores it and queues the
 * anonymous count). The help pages (/help/…) are cached as they are visited and read from the cache
 * when offline. Nothing else is touched: every other request goes to the network as if there were no
 * service worker, and staff or report pages are never cached.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `forebygg-check-${version}`;
const ASSETS = [...build, ...files];

function isCheckPath(path: string): boolean {
  return /^\/(en\/)?check(\/|$)/.test(path) || /^\/api\/v1\/checklists(\/|$)/.test(path);
}

/** The help pages (issue 14): kept offline once visited, so a person can read them again with no network. */
function isHelpPath(path: string): boolean {
  return /^\/(en\/)?help(\/|$)/.test(path);
}

/** The check pages in both languages, and the data SvelteKit's client router loads for them. */
async function checkPages(): Promise<string[]> {
  const pages = ['/check', '/en/check', '/check/ask-a-company', '/en/check/ask-a-company'];
  try {
    const res = await fetch('/api/v1/checklists');
    const list = (await res.json()) as { data: { id: string }[] };
    for (const { id } of list.data) pages.push(`/check/${id}`, `/en/check/${id}`);
  } catch {
    // Offline while installing: the pages are cached as they are visited instead.
  }
  return [...pages, ...pages.map((p) => `${p}/__data.json`), '/api/v1/checklists'];
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(ASSETS);
      // One page failing must not stop the worker from installing.
      await Promise.allSettled((await checkPages()).map((p) => cache.add(p)));
      await sw.skipWaiting();
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith('forebygg-check-') && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })()
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  const isAsset = ASSETS.includes(url.pathname);
  if (!isAsset && !isCheckPath(url.pathname) && !isHelpPath(url.pathname)) return;

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (isAsset) {
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
      }
      // Check and help pages: the network first (fresh content), the cache when offline.
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
        return response;
      } catch (e) {
        const hit = (await cache.match(request)) ?? (await cache.match(url.pathname, { ignoreSearch: true }));
        if (hit) return hit;
        throw e;
      }
    })()
  );
});
