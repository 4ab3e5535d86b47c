import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot, seriousAxeViolations, type OpenedPage } from './browser';
import { builtFeatures, hengshanHotel } from './built';
import { clickAt, paintedShare, renderedCount, waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the map page', () => {
	let opened: OpenedPage;
	beforeAll(async () => {
		opened = await openPage(browser, '/');
		await waitForMap(opened.page);
	});
	afterAll(async () => {
		await opened.context.close();
	});

	it('draws the district from local PMTiles: the canvas is not blank and the map has loaded', async () => {
		const { page } = opened;
		expect(await page.evaluate(() => (window as unknown as { hengfuMap: { loaded(): boolean } }).hengfuMap.loaded())).toBe(true);
		expect(await paintedShare(page)).toBeGreaterThan(0.3);
		expect(await renderedCount(page, 'protected-buildings')).toBeGreaterThan(50);
		expect(await renderedCount(page, 'streets')).toBeGreaterThan(50);
		await saveScreenshot(page, 'map-home');
	});

	it('changes what each layer toggle draws', async () => {
		const { page } = opened;
		for (const id of ['protected-buildings', 'streets', 'never-widened-roads', 'former-residences', 'historic-parks', 'metro-stations', 'metro-lines', 'historic-area']) {
			const box = page.locator(`li[data-layer="${id}"] > label input[type=checkbox]`);
			const before = await renderedCount(page, id);
			await box.click();
			await waitForMap(page);
			const after = await renderedCount(page, id);
			expect(after, id).not.toBe(before);
			expect(Math.min(before, after), id).toBe(0);
			await box.click();
			await waitForMap(page);
			expect(await renderedCount(page, id), id).toBe(before);
		}
	});

	it('filters protected buildings by batch, and the count follows', async () => {
		const { page } = opened;
		const shown = page.locator('li[data-layer="protected-buildings"] [data-count="shown"]');
		const all = Number(await shown.textContent());
		// The filters fold until asked for.
		const fold = page.locator('li[data-layer="protected-buildings"] button[data-action="filters"]');
		expect(await fold.getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('select[data-filter="batch"]').count()).toBe(0);
		await fold.click();
		expect(await fold.getAttribute('aria-expanded')).toBe('true');
		await page.locator('select[data-filter="batch"]').selectOption('第二批');
		await waitForMap(page);
		const filtered = Number(await shown.textContent());
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(all);
		expect(page.url()).toContain('f.protected-buildings.batch=');
		await page.locator('select[data-filter="batch"]').selectOption('');
		await waitForMap(page);
		expect(Number(await shown.textContent())).toBe(all);
	});

	it('opens 衡山宾馆’s panel when it is clicked', async () => {
		const { page } = opened;
		const hotel = hengshanHotel();
		await page.evaluate(([lon, lat]) => (window as unknown as { hengfuMap: { jumpTo(o: unknown): void } }).hengfuMap.jumpTo({ center: [lon, lat], zoom: 17.5 }), [hotel.lon, hotel.lat]);
		await waitForMap(page);
		await clickAt(page, [hotel.lon, hotel.lat]);
		await expect.poll(() => page.locator('#feature-title').textContent()).toBe('衡山宾馆');
		// Its concession-era name, from Virtual Shanghai's record at the same door (534 Avenue Pétain).
		await expect.poll(() => page.locator('dd[data-field="name_historic_en"]').textContent()).toBe('Picardie Apartments');
		await expect.poll(() => page.locator('dd[data-field="address"]').textContent()).toBe('衡山路534号');
		await expect.poll(() => page.locator('dd[data-field="architect"]').count()).toBe(1);
		expect(await page.locator('figure figcaption a').getAttribute('href')).toMatch(/^https:\/\/commons\.wikimedia\.org\/wiki\/File:/);
		await page.waitForTimeout(400);
		expect(page.url()).toContain(`sel=protected-buildings%3A${hotel.id}`);
		await saveScreenshot(page, 'map-feature-panel');
		await page.locator('button.close').click();
	});

	it('sent no request to any host but this one', () => {
		expectOnlyLocalRequests(opened.requests);
		expect(opened.requests.some((u) => u.endsWith('.pmtiles'))).toBe(true);
		expect(opened.errors).toEqual([]);
	});
});

describe('search', () => {
	it('finds 淮海中路 for 霞飞路 and flies there', async () => {
		const { page, context, requests } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await page.locator('#search-input').fill('霞飞路');
			const first = page.locator('#search-results [role=option]').first();
			await expect.poll(() => first.textContent()).toContain('淮海中路');
			expect(await first.textContent()).toContain('霞飞路');
			const before = await page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number } } }).hengfuMap.getCenter().lng);
			await page.locator('#search-input').press('Enter');
			await page.waitForTimeout(1500);
			const after = await page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number } } }).hengfuMap.getCenter().lng);
			expect(after).not.toBeCloseTo(before, 4);
			await page.locator('#search-input').fill('Avenue Joffre');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('淮海中路');
			await saveScreenshot(page, 'map-search');
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});

describe('the URL', () => {
	it('restores centre, zoom, layers, filters and the selected feature on reload', async () => {
		const hotel = hengshanHotel();
		const url = `/?lang=en&c=121.44100,31.20300&z=16.5&layers=protected-buildings,streets,district-boundary&f.protected-buildings.batch=${encodeURIComponent('第二批')}&sel=protected-buildings:${hotel.id}`;
		const { page, context } = await openPage(browser, url);
		try {
			await waitForMap(page);
			const state = await page.evaluate(() => {
				const map = (window as unknown as { hengfuMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).hengfuMap;
				return { c: map.getCenter(), z: map.getZoom() };
			});
			expect(state.c.lng).toBeCloseTo(121.441, 4);
			expect(state.c.lat).toBeCloseTo(31.203, 4);
			expect(state.z).toBeCloseTo(16.5, 2);
			expect(await renderedCount(page, 'never-widened-roads')).toBe(0);
			// No English name is known from a source, so the English panel is titled by its kind and address, the Chinese name beneath.
			const titleEn = String(builtFeatures('protected-buildings').find((f) => f.properties.id === hotel.id)!.properties.name_en);
			expect(titleEn).toBe('Hotel, 534 Hengshan Road');
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe(titleEn);
			expect(await page.locator('.feature .subtitle').textContent()).toBe('衡山宾馆');
			await page.reload();
			await waitForMap(page);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe(titleEn);
			expect(await page.locator('dd[data-field="name_historic_en"]').textContent()).toBe('Picardie Apartments');
			const params = new URL(page.url()).searchParams;
			expect(params.get('f.protected-buildings.batch')).toBe('第二批');
			expect(params.get('layers')?.split(',').sort()).toEqual(['district-boundary', 'protected-buildings', 'streets']);
		} finally {
			await context.close();
		}
	});

	it('titles a feature a link selects with no view, as a click on it would (from its record, not the tiles)', async () => {
		// 巴金's homes are listed in the atlas as 巴金1, 巴金2 and 巴金3: the map names the person.
		const home = builtFeatures('former-residences').find((f) => f.properties.address === '武康路113号')!.properties;
		expect(home.name_zh).toBe('巴金');
		const { page, context, errors } = await openPage(browser, `/?layers=former-residences&sel=former-residences:${home.id}`);
		try {
			await waitForMap(page);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('巴金');
			expect(await page.locator('dd[data-field="address"]').textContent()).toBe('武康路113号');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('draws a shared link from the first frame: the map starts at its view and style, and is never moved or restyled while loading', async () => {
		// Records what the map was built with as the page publishes it, and every later jump or new style.
		const record = `window.__start = { jumps: 0, styles: 0 };
			let map;
			Object.defineProperty(window, 'hengfuMap', { configurable: true, get: () => map, set(m) {
				map = m;
				const c = m.getCenter();
				Object.assign(window.__start, { lng: c.lng, lat: c.lat, zoom: m.getZoom() });
				m.once('style.load', () => Object.assign(window.__start, { streetLabel: JSON.stringify(m.getLayoutProperty('streets-label', 'text-field')), visible: m.getStyle().layers.filter((l) => l.layout?.visibility === 'visible').map((l) => l.id) }));
				for (const name of ['jumpTo', 'easeTo', 'flyTo']) { const f = m[name]; m[name] = function (...a) { window.__start.jumps++; return f.apply(this, a); }; }
				const setStyle = m.setStyle; m.setStyle = function (...a) { window.__start.styles++; return setStyle.apply(this, a); };
			} });`;
		const { page, context, errors } = await openPage(browser, '/?lang=en&c=121.44100,31.20300&z=16.5&layers=protected-buildings,streets', { initScript: record });
		try {
			await waitForMap(page);
			const start = await page.evaluate(() => (window as unknown as { __start: { lng: number; lat: number; zoom: number; streetLabel: string; visible: string[]; jumps: number; styles: number } }).__start);
			expect(start.lng).toBeCloseTo(121.441, 4);
			expect(start.lat).toBeCloseTo(31.203, 4);
			expect(start.zoom).toBeCloseTo(16.5, 2);
			// English labels, and only the link's layers, from the style the map was built with.
			expect(start.streetLabel).toContain('name_en');
			expect(new Set(start.visible.map((id) => id.replace(/-(casing|label|footprint|outline)$/, '')))).toEqual(new Set(['protected-buildings', 'streets']));
			expect(start.jumps).toBe(0);
			expect(start.styles).toBe(0);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('the district in the URL', () => {
	it('leaves the default district out of the link, and keeps another one chosen', async () => {
		const { page, context, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await expect.poll(() => new URL(page.url()).searchParams.has('c')).toBe(true);
			expect(new URL(page.url()).searchParams.has('d')).toBe(false);
			expect(await page.locator('[data-district-switch] [aria-pressed="true"]').getAttribute('data-district')).toBe('tianping');
			await page.locator('[data-district-switch] [data-district="all"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.get('d')).toBe('all');
			await page.reload();
			await waitForMap(page);
			expect(await page.locator('[data-district-switch] [aria-pressed="true"]').getAttribute('data-district')).toBe('all');
			expect(new URL(page.url()).searchParams.get('d')).toBe('all');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

/** The text of every metro station label drawn, as MapLibre evaluated it. */
function stationLabels(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		(window as unknown as { hengfuMap: { queryRenderedFeatures(o: unknown): { layer: { layout?: Record<string, { sections: { text: string }[] }> } }[] } }).hengfuMap
			.queryRenderedFeatures({ layers: ['metro-stations-label'] })
			.map((f) => f.layer.layout?.['text-field']?.sections.map((x) => x.text).join('') ?? '')
	);
}

describe('languages', () => {
	it('switches every UI string and the map labels between zh and en', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			expect(await page.locator('#layers-heading').textContent()).toBe('图层');
			const zhLabel = await page.evaluate(() => JSON.stringify((window as unknown as { hengfuMap: { getLayoutProperty(l: string, p: string): unknown } }).hengfuMap.getLayoutProperty('streets-label', 'text-field')));
			await page.locator('button[data-action="lang"]').click();
			await waitForMap(page);
			expect(await page.locator('#layers-heading').textContent()).toBe('Layers');
			expect(await page.locator('#search-input').getAttribute('placeholder')).toMatch(/^Search/);
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
			const enLabel = await page.evaluate(() => JSON.stringify((window as unknown as { hengfuMap: { getLayoutProperty(l: string, p: string): unknown } }).hengfuMap.getLayoutProperty('streets-label', 'text-field')));
			expect(zhLabel).toContain('["coalesce",["get","name"],["get","name_en"]');
			expect(enLabel).toContain('["coalesce",["get","name_en"],["get","name"]');
			// The metro station named after 衡山路 is drawn as Hengshan Road, the street's English name.
			await expect.poll(() => stationLabels(page)).toContain('Hengshan Road');
			await page.locator('button[data-action="lang"]').click();
			await expect.poll(() => stationLabels(page)).toContain('衡山路');
			await saveScreenshot(page, 'map-english');
		} finally {
			await context.close();
		}
	});
});

describe('phones and accessibility', () => {
	it('works 375 px wide, with the layer panel behind a button', async () => {
		const { page, context, errors } = await openPage(browser, '/', { width: 375 });
		try {
			await waitForMap(page);
			expect(await paintedShare(page)).toBeGreaterThan(0.3);
			const toggle = page.locator('button.toggle-panel');
			expect(await toggle.isVisible()).toBe(true);
			await toggle.click();
			expect(await page.locator('#layers-heading').isVisible()).toBe(false);
			await toggle.click();
			expect(await page.locator('#layers-heading').isVisible()).toBe(true);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			await saveScreenshot(page, 'map-375');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('is reachable by keyboard: search, choose, and read the panel', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
			await page.keyboard.type('衡山宾馆');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('衡山宾馆');
			await page.keyboard.press('Enter');
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('衡山宾馆');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('feature-title');
		} finally {
			await context.close();
		}
	});

	it.each([
		['the map', '/'],
		['the walk panel with results and coverage', '/?walk=1&from=121.4440,31.2060&wt=15&ws=60&cov=health'],
		['a tour stop', '/?tour=architects&stop=2'],
		['a tour’s print sheet', '/?tour=red-heritage&print=1']
	])('has no serious or critical axe violations: %s', async (_, path) => {
		const { page, context } = await openPage(browser, path);
		try {
			await waitForMap(page);
			await page.waitForTimeout(1500); // the worker's answers
			await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
			const violations = await seriousAxeViolations(page);
			expect(violations).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('hostile property values', () => {
	it('renders them as text: no dialog, no injected element, no script link', async () => {
		const { page, context } = await openPage(browser, '/test/feature-panel');
		let dialogs = 0;
		page.on('dialog', async (d) => {
			dialogs++;
			await d.dismiss();
		});
		try {
			await page.waitForSelector('#feature-title');
			expect(await page.locator('#feature-title').textContent()).toBe('<img src=x onerror=alert(1)>');
			expect(await page.locator('aside img[src="x"]').count()).toBe(0);
			expect(await page.locator('aside b').count()).toBe(0);
			expect(await page.locator('aside script').count()).toBe(0);
			expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
			await page.waitForTimeout(300);
			expect(dialogs).toBe(0);
			await saveScreenshot(page, 'feature-panel-xss');
		} finally {
			await context.close();
		}
	});
});

describe('a browser without WebGL', () => {
	// WebGL turned off, or a graphics driver the browser blocks: every WebGL context is refused.
	const NO_WEBGL = `const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest); };`;
	const onlyTheMapFailed = (errors: string[]) => errors.filter((e) => !e.includes('The map could not start'));

	it('says the map cannot be shown, in the UI language, and keeps search, the panels and the dataset pages working', async () => {
		const { page, context, errors, requests } = await openPage(browser, '/', { initScript: NO_WEBGL });
		try {
			const notice = page.locator('[data-map-unavailable]');
			await expect.poll(() => notice.textContent()).toContain('WebGL');
			expect(await notice.textContent()).toContain('地图无法显示');
			expect(await notice.getAttribute('role')).toBe('alert');
			// It is said once, as an error in the console, and nothing else fails.
			expect(errors.some((e) => e.includes('The map could not start'))).toBe(true);
			expect(await seriousAxeViolations(page)).toEqual([]);

			// The layer panel still answers.
			await page.locator('li[data-layer="protected-buildings"] > label input[type=checkbox]').uncheck();
			await page.waitForTimeout(400);
			expect(page.url()).not.toMatch(/layers=[^&]*protected-buildings/);

			// Search still finds, and choosing a building opens its panel from its record.
			await page.locator('#search-input').fill('衡山宾馆');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('衡山宾馆');
			await page.locator('#search-input').press('Enter');
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('衡山宾馆');
			await expect.poll(() => page.locator('dd[data-field="address"]').textContent()).toBe('衡山路534号');
			await saveScreenshot(page, 'map-without-webgl');

			await page.locator('button.close').click();
			await page.locator('button[data-action="lang"]').click();
			await expect.poll(() => notice.textContent()).toContain('The map cannot be shown');

			await page.goto(page.url().replace(/\/\?.*$/, '/datasets/streets'));
			const small = page.locator('[data-dataset-map] [data-map-unavailable]');
			await expect.poll(() => small.textContent()).toContain('WebGL');
			expect(await page.locator('a[data-download="geojson"]').count()).toBe(1);
			expect(onlyTheMapFailed(errors)).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});
