import { describe, expect, it } from 'vitest';
import { cacheNames, isCacheable, precacheList, routeOf, staleCaches } from '../../../src/lib/offline/policy';

const origin = 'http://127.0.0.1:4173';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${origin}${path}`, mode });

describe('cache names and cleanup', () => {
	it('names both caches after the build', () => {
		expect(cacheNames('1733222222')).toEqual({ precache: 'hengfu-precache-1733222222', runtime: 'hengfu-runtime-1733222222' });
	});

	it("deletes the site's caches of other builds and leaves this build's and others' alone", () => {
		const existing = ['hengfu-precache-old', 'hengfu-runtime-old', 'hengfu-precache-new', 'hengfu-runtime-new', 'someone-else', 'workbox-precache'];
		expect(staleCaches(existing, 'new')).toEqual(['hengfu-precache-old', 'hengfu-runtime-old']);
		expect(staleCaches(['hengfu-precache-new'], 'new')).toEqual([]);
	});
});

describe('what is stored', () => {
	const ok = { ok: true, status: 200, type: 'basic' as ResponseType, redirected: false };
	it('stores only complete first-hand answers', () => {
		expect(isCacheable(ok)).toBe(true);
		expect(isCacheable({ ...ok, type: 'cors' })).toBe(true);
		expect(isCacheable({ ...ok, ok: false, status: 404 })).toBe(false);
		expect(isCacheable({ ...ok, ok: false, status: 500 })).toBe(false);
		expect(isCacheable({ ...ok, status: 206 })).toBe(false);
		expect(isCacheable({ ok: false, status: 0, type: 'opaque', redirected: false })).toBe(false);
		expect(isCacheable({ ...ok, redirected: true })).toBe(false);
	});

	it('precaches the map page, the shell, every tile archive and the map data the build has', () => {
		const kept = [
			'/favicon.svg',
			'/manifest.webmanifest',
			'/icons/icon-192.png',
			'/tiles/basemap.pmtiles',
			'/tiles/thematic.pmtiles',
			'/tiles/thematic-tianping.pmtiles',
			'/data/search-index.json',
			'/data/tours.json',
			'/data/walk-graph.bin',
			'/data/walk-facilities.json',
			'/data/districts.json',
			'/data/facets.json',
			'/data/places.json',
			'/data/features/buildings/0a.json'
		];
		// The geocoder, downloads, the build report, stray HTML and photos are fetched when asked for, not before.
		const left = ['/data/geocoder.json', '/data/buildings.geojson', '/data/build-report.json', '/data/features/buildings/index.html', '/photos/a.jpg'];
		const shell = ['/_app/immutable/entry/app.js', '/_app/immutable/workers/walk.worker-x.js'];
		const list = precacheList({ shell, files: [...kept, ...left], prerendered: ['/', '/about', '/datasets'] });
		expect(list).toEqual(['/', ...shell, ...kept].sort());
	});

	it('leaves out what the build lacks', () => {
		expect(precacheList({ shell: [], files: ['/favicon.svg'], prerendered: ['/about'] })).toEqual(['/favicon.svg']);
	});
});

describe('how a request is answered', () => {
	const stored = new Set(['/', '/data/tours.json', '/_app/immutable/entry/app.js']);
	it('routes by method, origin, mode and path', () => {
		expect(routeOf(get('/tiles/basemap.pmtiles'), origin, stored)).toBe('range');
		expect(routeOf(get('/data/tours.json'), origin, stored)).toBe('precached');
		expect(routeOf(get('/_app/immutable/entry/app.js'), origin, stored)).toBe('precached');
		expect(routeOf(get('/data/tours.json?v=2'), origin, stored)).toBe('network-first');
		expect(routeOf(get('/data/buildings.geojson'), origin, stored)).toBe('network-first');
		expect(routeOf(get('/', 'navigate'), origin, stored)).toBe('navigate');
		expect(routeOf(get('/places/ehb-1?lang=en', 'navigate'), origin, stored)).toBe('navigate');
	});

	it('leaves other origins, other methods and its own script to the browser', () => {
		expect(routeOf({ method: 'GET', url: 'https://example.org/tiles/x.pmtiles' }, origin, stored)).toBe('ignore');
		expect(routeOf({ method: 'POST', url: `${origin}/api/client-error` }, origin, stored)).toBe('ignore');
		expect(routeOf(get('/service-worker.js'), origin, stored)).toBe('ignore');
	});
});
