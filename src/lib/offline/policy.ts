/**
 * What the service worker (src/service-worker.ts) stores, under which names, and how it answers
 * each request. Pure, so that the rules are tested without a browser.
 */

/** Every cache of this site starts so; caches named otherwise are not ours to delete. */
export const CACHE_PREFIX = 'hengfu-';

/** One build's caches: what install stores, and what visits add (place pages, dataset files…). */
export function cacheNames(version: string): { precache: string; runtime: string } {
	return { precache: `${CACHE_PREFIX}precache-${version}`, runtime: `${CACHE_PREFIX}runtime-${version}` };
}

/** Ours, from another build: deleted when this build's worker takes over. */
export function staleCaches(existing: readonly string[], version: string): string[] {
	const current = Object.values(cacheNames(version));
	return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !current.includes(name));
}

/**
 * Only a complete, readable, first-hand answer is stored: never an error (404, 500), a partial
 * (206) or an opaque one, nor a redirected one (a browser refuses it as the answer to a navigation).
 */
export function isCacheable(response: Pick<Response, 'status' | 'ok' | 'type' | 'redirected'>): boolean {
	return response.ok && response.status === 200 && response.type !== 'opaque' && response.type !== 'opaqueredirect' && !response.redirected;
}

/**
 * Static files the map needs offline, when the build has them: the districts and layer counts the
 * page loads, the search index, the tours and the walk graph with its facilities (tours are routed
 * on it), the place data (the records the side panel reads for layers whose tiles carry only some
 * fields, src/lib/layers/details.ts, and any places file), every tile archive (the basemap, the
 * thematic layers, and any per-district archive), the icon and the app manifest.
 */
const OFFLINE_FILES = [
	/^\/data\/(districts|facets|search-index|tours|walk-facilities)\.json$/,
	/^\/data\/walk-graph\.bin$/,
	/^\/data\/features\/[^/]+\/[0-9a-f]{2}\.json$/,
	/^\/data\/places[^/]*$/,
	/^\/tiles\/[^/]+\.pmtiles$/,
	/^\/favicon\.svg$/,
	/^\/manifest\.webmanifest$/,
	/^\/icons\/[^/]+\.(png|svg)$/
];

/** The map page: its HTML is what every navigation falls back on offline. */
export const MAP_PAGE = '/';

/**
 * What install stores: the map page, the shell (its code, from `_app/offline-shell.json`, see
 * scripts/vite/offline-shell.ts) and the static files above among `files` ($service-worker's list
 * of the static folder). Sorted, without repeats.
 */
export function precacheList(input: { shell: readonly string[]; files: readonly string[]; prerendered: readonly string[] }): string[] {
	const list = new Set(input.shell);
	if (input.prerendered.includes(MAP_PAGE)) list.add(MAP_PAGE);
	for (const file of input.files) if (OFFLINE_FILES.some((re) => re.test(file))) list.add(file);
	return [...list].sort();
}

export type Route =
	/** Not ours to answer (another origin, not a GET, the worker's own script): the browser goes to the network. */
	| 'ignore'
	/** A tile archive: byte ranges cut from the stored file. */
	| 'range'
	/** Stored at install for this build: from the cache, the network if missing. */
	| 'precached'
	/** A page: the network first (a new build shows at once), then the cache, then a fallback. */
	| 'navigate'
	/** Anything else: the network first, stored on success, the cache when offline. */
	| 'network-first';

export interface RequestLike {
	method: string;
	url: string;
	mode?: string;
}

export function routeOf(request: RequestLike, origin: string, precached: ReadonlySet<string>): Route {
	if (request.method !== 'GET') return 'ignore';
	const url = new URL(request.url);
	if (url.origin !== origin || url.pathname === '/service-worker.js') return 'ignore';
	if (request.mode === 'navigate') return 'navigate';
	if (url.pathname.endsWith('.pmtiles')) return 'range';
	// The files stored at install have no query; a query asks for something else (e.g. `?v=` busting).
	if (!url.search && precached.has(url.pathname)) return 'precached';
	return 'network-first';
}
