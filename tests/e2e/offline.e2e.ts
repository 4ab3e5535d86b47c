/**
 * Offline after one visit (src/service-worker.ts): the map, its search, a tour and a place link work
 * with the network gone; archives answer byte ranges from the stored file; a new build's worker
 * replaces the old caches. Each test serves its own copy of build/ (tests/support/site.ts), so the
 * worker (one per origin) and the edits of the "new build" test touch nothing else.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { builtFeatures, hengshanHotel } from './built';
import { renderedCount, waitForMap } from './map';
import { serveSite, type ServedSite } from '../support/site';

let browser: Browser;
let base: string;
let site: ServedSite;
beforeAll(async () => {
	browser = await launchBrowser();
	base = mkdtempSync(join(tmpdir(), 'hengfu-offline-'));
	cpSync('build', join(base, 'site'), { recursive: true });
	site = await serveSite(join(base, 'site'));
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (base) rmSync(base, { recursive: true, force: true });
});

const version = () => (JSON.parse(readFileSync(join(site.root, '_app/version.json'), 'utf8')) as { version: string }).version;
const cacheKeys = (page: Page) => page.evaluate(() => caches.keys().then((k) => k.sort()));
const tours = JSON.parse(readFileSync('build/data/tours.json', 'utf8')).tours as Array<{ id: string; title_zh: string; stops: Array<{ id: string; point: [number, number] }> }>;

/** Opens the map with its service worker allowed and waits until the page says it is ready offline. */
async function visitOnce(path = '/') {
	const opened = await openPage(browser, path, { baseURL: site.baseURL, serviceWorkers: 'allow' });
	await waitForMap(opened.page);
	await expect.poll(() => opened.page.locator('[data-offline]').getAttribute('data-offline'), { timeout: 60_000 }).toBe('ready');
	expect(await opened.page.locator('[data-offline]').textContent()).toBe('可离线使用');
	expect(await opened.page.locator('[data-offline]').getAttribute('aria-live')).toBe('polite');
	// Ready means the worker controls the page: its requests from now on pass through it.
	await expect.poll(() => opened.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
	return opened;
}

describe('offline after one visit', () => {
	it('shows the map, a search answer, a tour and a place link with the network gone', async () => {
		const { page, context, errors } = await visitOnce();
		try {
			expect(await cacheKeys(page)).toContain(`hengfu-precache-${version()}`);
			const online = await renderedCount(page, 'protected-buildings');
			expect(online).toBeGreaterThan(0);

			await context.setOffline(true);
			// Truly offline: a file the worker never stored cannot be had.
			expect(await page.evaluate(() => fetch('/data/build-report.json').then((r) => r.status, () => 'failed'))).toBe('failed');
			await page.reload({ waitUntil: 'load' });
			await waitForMap(page);
			expect(await renderedCount(page, 'protected-buildings')).toBe(online);
			expect(await page.locator('[data-offline]').getAttribute('data-offline')).toBe('ready');
			await saveScreenshot(page, 'offline-map');

			// search, from the stored index
			const hotel = hengshanHotel();
			await page.locator('#search-input').fill('衡山宾馆');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent(), { timeout: 20_000 }).toContain('衡山宾馆');

			await page.locator('#search-input').fill('');
			await page.locator('#search-input').press('Escape');

			// a tour, routed on the stored walk graph, steps to its next stop
			const tour = tours[0];
			await page.locator('button[data-action="tours"]').click();
			await page.locator(`button[data-tour="${tour.id}"]`).click();
			await expect.poll(() => page.locator('[data-tour="length"]').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${tour.stops.length} 站 · [\\d.]+ (km|m)`));
			await page.locator('button[data-action="next"]').click();
			await page.locator('button[data-action="next"]').click();
			await expect.poll(() => page.locator('[data-tour="position"]').textContent()).toBe(`2 / ${tour.stops.length}`);
			await expect.poll(() => page.locator('article.stop').getAttribute('data-stop')).toBe(tour.stops[1].id);
			await waitForMap(page);
			const centre = await page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number; lat: number } } }).hengfuMap.getCenter());
			expect(Math.abs(centre.lng - tour.stops[1].point[0])).toBeLessThan(0.0005);
			expect(Math.abs(centre.lat - tour.stops[1].point[1])).toBeLessThan(0.0005);
			await saveScreenshot(page, 'offline-tour');

			// A place page never visited: the stored map opens with that place selected.
			await page.goto(`${site.baseURL}/places/${hotel.id}?lang=en`);
			await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`protected-buildings:${hotel.id}`);
			expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
			await expect.poll(() => page.locator('aside.feature').getAttribute('data-feature-id'), { timeout: 20_000 }).toBe(hotel.id);
			// its record, from the stored place data, and the map framed on it
			const record = builtFeatures('protected-buildings').find((f) => f.properties.id === hotel.id)!.properties;
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe(String(record.name_en ?? record.name_zh));
			await waitForMap(page);
			const framed = await page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number; lat: number } } }).hengfuMap.getCenter());
			expect(Math.abs(framed.lng - hotel.lon) + Math.abs(framed.lat - hotel.lat)).toBeLessThan(0.002);
			await saveScreenshot(page, 'offline-place');

			// Any other page never visited says the site is offline, and links to the map.
			const about = await page.goto(`${site.baseURL}/about`);
			expect(about?.status()).toBe(503);
			expect(await page.locator('[data-offline-page] h1').textContent()).toBe('当前处于离线状态');
			await page.locator('[data-offline-page] a').click();
			await waitForMap(page);
			expect(new URL(page.url()).pathname).toBe('/');
			expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|build-report/.test(e))).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('answers the archives’ byte ranges from the stored file: 206, 416, 200', async () => {
		const { page, context } = await visitOnce();
		try {
			await context.setOffline(true);
			const file = readFileSync(join(site.root, 'tiles/basemap.pmtiles'));
			const size = statSync(join(site.root, 'tiles/basemap.pmtiles')).size;
			const answer = (range?: string) =>
				page.evaluate(async (r) => {
					const res = await fetch('/tiles/basemap.pmtiles', r ? { headers: { range: r } } : {});
					return { status: res.status, range: res.headers.get('content-range'), type: res.headers.get('content-type'), etag: res.headers.get('etag'), bytes: [...new Uint8Array(await res.arrayBuffer())] };
				}, range);
			const slice = await answer('bytes=100-226');
			expect([slice.status, slice.range, slice.type]).toEqual([206, `bytes 100-226/${size}`, 'application/vnd.pmtiles']);
			expect(slice.bytes).toEqual([...file.subarray(100, 227)]);
			expect(slice.etag).toMatch(/^"/);
			const tail = await answer('bytes=-10');
			expect([tail.status, tail.range, tail.bytes]).toEqual([206, `bytes ${size - 10}-${size - 1}/${size}`, [...file.subarray(size - 10)]]);
			const past = await answer(`bytes=${size}-`);
			expect([past.status, past.range, past.bytes.length]).toEqual([416, `bytes */${size}`, 0]);
			const whole = await answer();
			expect([whole.status, whole.bytes.length]).toEqual([200, size]);
		} finally {
			await context.close();
		}
	});

	it('never stores an error, and replaces the old caches when a new build is deployed', async () => {
		const { page, context } = await visitOnce();
		try {
			const old = version();
			expect(await page.evaluate(() => fetch('/data/no-such-file.json').then((r) => r.status))).toBe(404);
			const stored = await page.evaluate(async () => {
				const urls: string[] = [];
				for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
				return urls;
			});
			expect(stored).toContain('/tiles/thematic.pmtiles');
			expect(stored).not.toContain('/data/no-such-file.json');
			// Bodies are kept gzipped (src/lib/offline/stored.ts): the Cache holds fewer bytes than the file, which decompress to it.
			const held = await page.evaluate(async (name) => {
				const answer = (await caches.match('/tiles/basemap.pmtiles', { cacheName: name }))!;
				const body = await answer.blob();
				const decoded = new Uint8Array(await new Response(body.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
				return { marker: answer.headers.get('x-hengfu-stored'), type: answer.headers.get('content-type'), stored: body.size, decoded: [...decoded] };
			}, `hengfu-precache-${old}`);
			const basemap = readFileSync(join(site.root, 'tiles/basemap.pmtiles'));
			expect([held.marker, held.type]).toEqual(['gzip', 'application/vnd.pmtiles']);
			expect(held.stored).toBeLessThan(basemap.byteLength);
			expect(held.decoded).toEqual([...basemap]);

			// A new build: the worker's version changes (and with it its bytes), the rest stays.
			const next = String(Number(old) + 1);
			const workerFile = join(site.root, 'service-worker.js');
			writeFileSync(workerFile, readFileSync(workerFile, 'utf8').replaceAll(old, next));
			writeFileSync(join(site.root, '_app/version.json'), JSON.stringify({ version: next }));
			await page.reload({ waitUntil: 'load' });
			await waitForMap(page);
			// The new worker stores the new build, then takes over and deletes the old caches.
			await expect.poll(() => cacheKeys(page), { timeout: 90_000 }).not.toContain(`hengfu-precache-${old}`);
			expect(await cacheKeys(page)).toContain(`hengfu-precache-${next}`);
			expect((await cacheKeys(page)).filter((k) => !k.endsWith(`-${next}`))).toEqual([]);
			expect(await page.locator('[data-offline]').getAttribute('data-offline')).toBe('ready');
		} finally {
			await context.close();
		}
	});
});
