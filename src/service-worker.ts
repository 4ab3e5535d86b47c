/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The site's service worker: after one visit to the map, the map, its search, tours and walks work
 * offline. Registered by the map page once its first view is drawn (src/lib/offline/register.ts),
 * so it never competes with that view. The rules (what is stored, how each request is answered)
 * live in src/lib/offline/, where they are tested.
 *
 * - install: stores this build's map page, code (`_app/offline-shell.json`), data and tile archives
 *   in a cache named after the build's version, bodies gzipped (src/lib/offline/stored.ts); any
 *   failure fails the install, so the page never says "ready offline" over a partial cache.
 * - activate: deletes the caches of other builds, and takes over open pages.
 * - fetch: archives get byte ranges cut from the stored file; stored files come from the cache;
 *   pages and everything else go to the network first, stored on success, the cache when offline.
 */
import { build, files, prerendered, version } from '$service-worker';
import { offlinePage, placeFallback, type IndexedFeature } from '$lib/offline/fallback';
import { cacheNames, isCacheable, precacheList, routeOf, staleCaches } from '$lib/offline/policy';
import { answerRange } from '$lib/offline/range';
import { compressForCache, fromStored, storesCompressed } from '$lib/offline/stored';
import { SECURITY_HEADERS } from '../scripts/server/headers';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHES = cacheNames(version);
const SHELL = '/_app/offline-shell.json';
const INSTALL_FETCHES = 6;
let precached = new Set<string>();

async function install(): Promise<void> {
	const shellAnswer = await fetch(SHELL, { cache: 'no-cache' });
	if (!shellAnswer.ok) throw new Error(`${SHELL}: HTTP ${shellAnswer.status}`);
	const shell = ((await shellAnswer.json()) as { files: string[] }).files;
	// The shell is this build's code: every name in it must be one of the build's files.
	const unknown = shell.filter((f) => !build.includes(f) && !f.startsWith('/_app/immutable/workers/'));
	if (unknown.length) throw new Error(`${SHELL} names files this build does not have: ${unknown.join(', ')}`);
	const list = precacheList({ shell, files, prerendered });
	const cache = await caches.open(CACHES.precache);
	// A few at a time: the list has hundreds of small record files, and an open page still uses the network.
	const queue = [...list];
	const store = async (): Promise<void> => {
		for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
			// Unhashed files are revalidated so that a file the HTTP cache kept from an older build is not stored.
			const response = await fetch(path, { cache: path.startsWith('/_app/immutable/') ? 'default' : 'no-cache' });
			if (!isCacheable(response)) throw new Error(`${path}: HTTP ${response.status}, not stored`);
			await cache.put(path, storesCompressed(path) ? compressForCache(response) : response);
		}
	};
	await Promise.all(Array.from({ length: INSTALL_FETCHES }, store));
}

sw.addEventListener('install', (event) => {
	// A new build takes over at once: its pages, code and data are stored together, and the pages it
	// takes over read their archives' ETags and reopen them if they changed.
	event.waitUntil(
		install().then(
			() => sw.skipWaiting(),
			(err) => {
				console.error('The site could not be stored for offline use:', err);
				throw err;
			}
		)
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys(), version).map((name) => caches.delete(name)));
			await sw.clients.claim();
		})()
	);
});

/** The stored paths, read once per worker start (a worker is stopped and restarted often). */
async function storedPaths(): Promise<Set<string>> {
	if (precached.size) return precached;
	const cache = await caches.open(CACHES.precache);
	precached = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
	return precached;
}

/** A stored answer, as the page expects it: decompressed if install gzipped it. */
async function fromCache(request: Request | string, ignoreSearch = false): Promise<Response | undefined> {
	const stored = (await caches.match(request, { ignoreSearch, cacheName: CACHES.precache })) ?? (await caches.match(request, { ignoreSearch, cacheName: CACHES.runtime }));
	return stored && fromStored(stored);
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (isCacheable(response)) {
			const copy = response.clone();
			caches.open(CACHES.runtime).then((cache) => cache.put(request, copy)).catch(() => {});
		}
		return response;
	} catch (err) {
		const stored = await fromCache(request);
		if (stored) return stored;
		throw err;
	}
}

/**
 * Archives read whole (and decompressed) from the cache once per worker start: the map asks each for
 * many small ranges. A worker serves one build, so one copy per path; the archives are a few hundred kB.
 */
const archives = new Map<string, Promise<{ bytes: ArrayBuffer; headers: Headers } | null>>();

async function archiveRange(request: Request): Promise<Response> {
	const path = new URL(request.url).pathname;
	let read = archives.get(path);
	if (!read) {
		read = fromCache(path).then(async (stored) => (stored ? { bytes: await stored.arrayBuffer(), headers: stored.headers } : null));
		archives.set(path, read);
		read.then((file) => file ?? archives.delete(path), () => archives.delete(path));
	}
	const file = await read;
	if (!file) return fetch(request);
	const answer = answerRange(file.bytes, request.headers.get('range'), file.headers);
	return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

async function navigate(request: Request): Promise<Response> {
	try {
		return await networkFirst(request);
	} catch {
		const url = new URL(request.url);
		// Prerendered pages read their query in the browser: the stored page answers any query.
		const stored = await fromCache(request, true);
		if (stored) return stored;
		const index = await fromCache('/data/search-index.json');
		const place = index ? placeFallback(url, (await index.json().catch(() => [])) as IndexedFeature[]) : null;
		if (place) return Response.redirect(new URL(place, url.origin).href, 302);
		return new Response(offlinePage(url), { status: 503, headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
	}
}

async function precachedFile(request: Request): Promise<Response> {
	return (await fromCache(request)) ?? networkFirst(request);
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	// Decided synchronously (respondWith must be called before the handler returns); whether a file
	// was stored is known once the stored paths are read.
	const route = routeOf(request, sw.location.origin, precached);
	if (route === 'ignore') return;
	if (route === 'range') event.respondWith(archiveRange(request));
	else if (route === 'navigate') event.respondWith(navigate(request));
	else event.respondWith(storedPaths().then((paths) => (routeOf(request, sw.location.origin, paths) === 'precached' ? precachedFile(request) : networkFirst(request))));
});
