import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAYERS, layerById } from '../../src/lib/layers';
import { layerSchema } from '../../src/lib/layers/schemas';
import { LOCAL_IDEOGRAPH_FONTS, styleLayerIds } from '../../src/lib/map/style';
import { builtFeatures } from './built';
import { paintedShare, renderedCount, waitForMap } from './map';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot, seriousAxeViolations } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const DATASET_IDS = LAYERS.filter((l) => l.catalogue !== false).map((l) => l.id);

/** A card's count in one district, as the page writes it ("天平路街道 123"). */
async function shownCount(page: Page, id: string, district: string): Promise<number> {
	const text = (await page.locator(`[data-dataset="${id}"] [data-count-district="${district}"]`).textContent())!;
	return parseInt(text.replace(/^\D*/, '').replace(/,/g, ''), 10);
}

describe('open data catalogue', () => {
	it('lists every dataset of the registry with its counts, licences and downloads; nothing leaves the site', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/datasets');
		try {
			await expect.poll(() => page.locator('[data-dataset]').count()).toBe(DATASET_IDS.length);
			for (const id of DATASET_IDS) {
				const card = page.locator(`[data-dataset="${id}"]`);
				// Counted per district, each read from the built data.
				for (const district of ['tianping', 'hunan']) {
					const inDistrict = builtFeatures(id).filter((f) => f.properties.district === district).length;
					expect(await shownCount(page, id, district), `${id} ${district}`).toBe(inDistrict);
				}
				for (const kind of ['geojson', 'csv', 'pmtiles']) expect(await card.locator(`[data-download="${kind}"]`).count(), `${id} ${kind}`).toBe(1);
			}
			expect(await page.locator('[data-dataset="streets"]').textContent()).toContain('ODbL');
			await saveScreenshot(page, 'catalogue');
			expect(await seriousAxeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('opens a dataset: the dictionary lists every schema field, the GeoJSON download validates, the preview pages, the small map draws', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/datasets');
		try {
			await page.locator('[data-dataset="protected-buildings"] h3 a').click();
			await page.waitForURL(/\/datasets\/protected-buildings$/);
			const schema = layerSchema('protected-buildings');
			const fields = await page.locator('[data-dictionary] [data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));
			expect(fields.sort()).toEqual(Object.keys(schema.shape).sort());
			// Allowed values come with their meaning.
			expect(await page.locator('[data-dictionary] [data-field="protection"]').textContent()).toContain('excellent');

			const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="geojson"]').first().click()]);
			const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
			expect(doc.type).toBe('FeatureCollection');
			expect(doc.features).toHaveLength(builtFeatures('protected-buildings').length);
			for (const f of doc.features) expect(schema.safeParse(f.properties).success, String(f.properties.id)).toBe(true);

			await expect.poll(() => page.locator('[data-page="next"]').isEnabled(), { timeout: 10_000 }).toBe(true);
			await page.locator('[data-page="next"]').click();
			expect(await page.locator('[data-page-status]').textContent()).toMatch(/21–40/);
			expect(await page.locator('[data-preview] tbody tr').count()).toBe(20);

			await expect
				.poll(() => page.evaluate((layers) => {
					const map = (window as unknown as { datasetMap?: { loaded(): boolean; queryRenderedFeatures(o: unknown): unknown[] } }).datasetMap;
					return map?.loaded() ? map.queryRenderedFeatures({ layers }).length : 0;
				}, styleLayerIds(layerById('protected-buildings')!)).catch(() => 0), { timeout: 30_000 })
				.toBeGreaterThan(0);
			// Its Chinese labels come from the same local fonts as the main map's (MapLibre keeps the option on its glyph manager).
			expect(await page.evaluate(() => (window as unknown as { datasetMap: { style: { glyphManager: { localIdeographFontFamily: unknown } } } }).datasetMap.style.glyphManager.localIdeographFontFamily)).toBe(LOCAL_IDEOGRAPH_FONTS);
			expect(await page.locator('[data-report="counts"] tbody tr').count()).toBeGreaterThan(0);
			await saveScreenshot(page, 'dataset-protected-buildings');
			expect(await seriousAxeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('switches to English and keeps the language in its links; the map links to the catalogue', async () => {
		const { page, context } = await openPage(browser, '/datasets/elevator-retrofits');
		try {
			await page.locator('button[data-action="lang"]').click();
			await expect.poll(() => page.locator('h1').textContent()).toContain('Elevator retrofits');
			expect(page.url()).toContain('lang=en');
			expect(await page.locator('nav a[href^="/datasets"]').first().getAttribute('href')).toContain('lang=en');
			await page.goto(page.url().replace(/\/datasets.*$/, '/?lang=en'));
			await page.waitForSelector('html[lang="en"]');
			await page.locator('a[data-action="data"]').click();
			await page.waitForURL(/\/datasets\?lang=en$/);
			await expect.poll(() => page.locator('h1').textContent()).toBe('Open data');
		} finally {
			await context.close();
		}
	});

	it('links back to the map, which draws when reached without a page load', async () => {
		const { page, context, errors } = await openPage(browser, '/datasets');
		try {
			const marker = await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
			await page.locator('nav a[href="/"]').click();
			await page.waitForURL((url) => url.pathname === '/');
			// Still the same document: SvelteKit rendered the map page in place.
			expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(marker);
			await waitForMap(page);
			expect(await paintedShare(page)).toBeGreaterThan(0.3);
			expect(await renderedCount(page, 'protected-buildings')).toBeGreaterThan(50);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('works at 375 px without sideways scrolling of the page', async () => {
		const { page, context } = await openPage(browser, '/datasets/streets', { width: 375 });
		try {
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			await saveScreenshot(page, 'dataset-streets-375');
		} finally {
			await context.close();
		}
	});
});

describe('about and methods', () => {
	it('sets each published figure beside the portal’s own count, for both districts, and quotes the geocoder’s measured accuracy', async () => {
		const { page, context, requests } = await openPage(browser, '/about');
		try {
			type Figure = { key: string; published: number; computed: number | null; note: string; note_zh: string };
			const report = JSON.parse(readFileSync('build/data/build-report.json', 'utf8')) as { figures: Record<string, Figure[]> };
			expect(Object.keys(report.figures)).toEqual(['tianping', 'hunan']);
			for (const [district, figures] of Object.entries(report.figures)) {
				for (const f of figures) {
					const row = page.locator(`[data-truth="${district}"] [data-figure="${f.key}"]`);
					expect(await row.locator('[data-computed]').textContent(), `${district} ${f.key}`).toBe(f.computed === null ? '—' : f.computed.toLocaleString('zh-CN'));
					expect(await row.locator('[data-note]').textContent(), `${district} ${f.key}`).toBe(f.note_zh);
				}
			}
			// Both are built: each has counts of its own, none says it is not built.
			expect(await page.locator('[data-not-built]').count()).toBe(0);
			expect(report.figures.hunan.some((f) => f.computed !== null)).toBe(true);
			const accuracy = JSON.parse(readFileSync('data/geocoder-accuracy.json', 'utf8'));
			expect(await page.locator('[data-about="geocode"]').textContent()).toContain(`${accuracy.median_m} m`);
			expect(await page.locator('[data-truth="hunan"] tbody tr').count()).toBeGreaterThan(5);
			await saveScreenshot(page, 'about');
			await page.goto(`${inject('baseURL')}/about?lang=en`);
			// The page is prerendered in Chinese; English arrives once the layout has read ?lang.
			await page.waitForSelector('html[lang="en"]');
			for (const [district, figures] of Object.entries(report.figures)) {
				for (const f of figures) expect(await page.locator(`[data-truth="${district}"] [data-figure="${f.key}"] [data-note]`).textContent(), `${district} ${f.key}`).toBe(f.note);
			}
			expect(await seriousAxeViolations(page)).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});

describe('the prerendered site serves every dataset page and API document', () => {
	it.each(DATASET_IDS)('%s', async (id) => {
		const base = inject('baseURL');
		const page = await fetch(`${base}/datasets/${id}`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		const geojson = await fetch(`${base}/api/datasets/${id}.geojson`);
		expect(geojson.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		expect((await geojson.json()).features).toHaveLength(builtFeatures(id).length);
		const csv = await fetch(`${base}/api/datasets/${id}.csv`);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect((await csv.text()).split('\r\n').filter(Boolean).length).toBe(builtFeatures(id).length + 1);
	});

	it('the catalogue, the districts and the OpenAPI document', async () => {
		const base = inject('baseURL');
		const index = await (await fetch(`${base}/api/datasets.json`)).json();
		expect(index.datasets.map((d: { id: string }) => d.id)).toEqual(DATASET_IDS);
		expect((await (await fetch(`${base}/api/districts/tianping.json`)).json()).built).toBe(true);
		expect((await (await fetch(`${base}/api/openapi.json`)).json()).openapi).toBe('3.1.0');
	});
});
