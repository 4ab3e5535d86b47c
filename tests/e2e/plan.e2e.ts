import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withinDistance } from '../../src/lib/analysis';
import { builtFeatures } from './built';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { clickAt, waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const rendered = (page: Page, prefix: string) =>
	page.evaluate((p) => {
		const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: unknown): unknown[] } }).hengfuMap;
		const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith(p));
		return layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
	}, prefix);
describe('the planner', () => {
	it('imports a CSV: 3 good rows on the map, 2 bad ones listed with their lines; it stays after a reload', async () => {
		const csv = ['name,lon,lat', '甲,121.4440,31.2060', '乙,abc,31.2050', '丙,121.4460,31.2040', '丁,121.4400,40.0', '戊,121.4470,31.2070'].join('\n');
		const { page, context, requests } = await openPage(browser, '/?plan=1&c=121.4445,31.2055&z=15.5');
		try {
			await waitForMap(page);
			await page.locator('input[data-plan="file"]').setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
			await expect.poll(() => page.locator('[data-plan="import-report"]').textContent(), { timeout: 20_000 }).toContain('已导入 3 · 未导入 2');
			const errors = await page.locator('[data-plan="import-errors"] li').allTextContents();
			expect(errors).toHaveLength(2);
			expect(errors[0]).toMatch(/^第 3 行：/);
			expect(errors[1]).toMatch(/^第 5 行：/);
			await waitForMap(page);
			await expect.poll(() => rendered(page, 'imported-')).toBe(3);
			await saveScreenshot(page, 'plan-import');

			await page.reload();
			await waitForMap(page);
			await expect.poll(() => page.locator('[data-plan="imported"] li').count(), { timeout: 20_000 }).toBe(1);
			await expect.poll(() => rendered(page, 'imported-')).toBe(3);
			await page.locator('[data-plan="imported"] button[data-action="delete-imported"]').click();
			await expect.poll(() => page.locator('[data-plan="imported"] li').count()).toBe(0);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('counts what lies in a drawn area', async () => {
		const { page, context } = await openPage(browser, '/?plan=1&c=121.4445,31.2055&z=15.5');
		try {
			await waitForMap(page);
			const count = (layer: string) => page.locator(`[data-plan="stats"] tr.layer[data-layer="${layer}"] td`).textContent().then(Number);
			await expect.poll(() => count('protected-buildings'), { timeout: 20_000 }).toBeGreaterThan(0);
			const district = await count('protected-buildings');
			await page.locator('button[data-action="draw-area"]').click();
			const d = 0.004;
			for (const [x, y] of [[-d, -d], [d, -d], [d, d], [-d, d]]) await clickAt(page, [121.4445 + x, 31.2055 + y]);
			await page.locator('button[data-action="finish-area"]').click();
			await expect.poll(() => page.locator('[data-plan="scope"]').textContent()).toContain('画出的区域');
			const inArea = await count('protected-buildings');
			expect(inArea).toBeGreaterThan(0);
			expect(inArea).toBeLessThan(district);
			await expect.poll(() => new URL(page.url()).searchParams.get('area') ?? '').toMatch(/;!$/);
			await waitForMap(page);
			await saveScreenshot(page, 'plan-area');
		} finally {
			await context.close();
		}
	});

	it('finds elevator projects within 50 m of a protected building, as the analysis does on the built files', async () => {
		const expected = withinDistance(builtFeatures('elevator-retrofits'), builtFeatures('protected-buildings'), 50).length;
		const { page, context } = await openPage(browser, '/?plan=1&near=elevator-retrofits,protected-buildings,50');
		try {
			await waitForMap(page);
			await expect.poll(() => page.locator('[data-plan="near-count"]').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${expected} / `));
		} finally {
			await context.close();
		}
	});

	it('exports the filtered selection as GeoJSON that validates', async () => {
		const { page, context } = await openPage(browser, '/?plan=1&f.protected-buildings.batch=第二批');
		try {
			await waitForMap(page);
			await expect.poll(() => page.locator('[data-plan="export-count"]').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* /);
			const shown = parseInt((await page.locator('[data-plan="export-count"]').textContent())!, 10);
			const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-geojson"]').click()]);
			const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
			expect(doc.type).toBe('FeatureCollection');
			expect(doc.features).toHaveLength(shown);
			expect(shown).toBe(builtFeatures('protected-buildings').filter((f) => f.properties.batch === '第二批').length);
			for (const f of doc.features) {
				expect(f.type).toBe('Feature');
				expect(f.properties.batch).toBe('第二批');
				expect(['Point', 'Polygon', 'MultiPolygon']).toContain(f.geometry.type);
			}
		} finally {
			await context.close();
		}
	});

	it('renders hostile imported properties as text: no dialog, no injected element', async () => {
		const hostile = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties: { name: '<img src=x onerror=alert(1)>', note: '<script>alert(2)</script>' }, geometry: { type: 'Point', coordinates: [121.4445, 31.2055] } }]
		};
		const { page, context } = await openPage(browser, '/?plan=1&c=121.4445,31.2055&z=17');
		let dialogs = 0;
		page.on('dialog', async (d) => {
			dialogs++;
			await d.dismiss();
		});
		try {
			await waitForMap(page);
			await page.locator('input[data-plan="file"]').setInputFiles({ name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(hostile)) });
			await expect.poll(() => rendered(page, 'imported-'), { timeout: 20_000 }).toBe(1);
			await clickAt(page, [121.4445, 31.2055]);
			await expect.poll(() => page.locator('[data-plan="imported-feature"]').textContent()).toContain('<img src=x onerror=alert(1)>');
			expect(await page.locator('[data-plan="imported-feature"] img, [data-plan="imported-feature"] script').count()).toBe(0);
			await page.waitForTimeout(500);
			expect(dialogs).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('exports the map as a PNG, and shows a print layout with legend, scale, north arrow, date and credits', async () => {
		const { page, context } = await openPage(browser, '/?plan=1');
		try {
			await waitForMap(page);
			const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-png"]').click()]);
			const png = readFileSync((await download.path())!);
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			// Width and height from the IHDR chunk: the canvas's own size, not an empty image.
			expect(png.readUInt32BE(16)).toBeGreaterThan(500);
			expect(png.readUInt32BE(20)).toBeGreaterThan(300);
			expect(png.length).toBeGreaterThan(20_000);

			await page.locator('button[data-action="plan-print"]').click();
			await expect.poll(() => page.locator('[data-plan="print-sheet"]').count()).toBe(1);
			expect(await page.locator('[data-plan="legend"] li').count()).toBeGreaterThan(5);
			expect(await page.locator('[data-plan="credits"]').textContent()).toContain('OpenStreetMap');
			expect(await page.locator('[data-plan="print-sheet"]').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
			expect(await page.locator('svg.north').count()).toBe(1);
			expect(await page.locator('.maplibregl-ctrl-scale').count()).toBe(1);
			await expect.poll(() => new URL(page.url()).searchParams.get('print')).toBe('1');
			await saveScreenshot(page, 'plan-print');
		} finally {
			await context.close();
		}
	});

	it('loads deck.gl only when an analytic overlay is switched on, then draws it', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/?plan=1');
		try {
			await waitForMap(page);
			await page.waitForTimeout(500);
			// The chunk that holds the overlays (hashed names: find it by its content).
			const dir = 'build/_app/immutable/chunks';
			const chunk = readdirSync(dir).find((f) => readFileSync(`${dir}/${f}`, 'utf8').includes('facility-density'))!;
			expect(chunk).toBeTruthy();
			const deckChunks = () => requests.filter((u) => u.endsWith(`/${chunk}`));
			expect(deckChunks()).toEqual([]);
			await page.locator('input[data-plan="deck-hexagons"]').check();
			await expect.poll(() => deckChunks().length, { timeout: 20_000 }).toBeGreaterThan(0);
			await expect.poll(() => page.locator('#deckgl-overlay').count(), { timeout: 20_000 }).toBe(1);
			await page.locator('input[data-plan="deck-extrusion"]').check();
			await expect.poll(() => page.evaluate(() => (window as unknown as { hengfuMap: { getPitch(): number } }).hengfuMap.getPitch())).toBeGreaterThan(30);
			await page.waitForTimeout(1500);
			await saveScreenshot(page, 'plan-deck');
			await page.locator('input[data-plan="deck-hexagons"]').uncheck();
			await page.locator('input[data-plan="deck-extrusion"]').uncheck();
			await expect.poll(() => page.locator('#deckgl-overlay').count()).toBe(0);
			expect(errors).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('moves a layer up in the drawing order and fades it, in the URL too', async () => {
		const { page, context } = await openPage(browser, '/?plan=1');
		try {
			await waitForMap(page);
			const index = (id: string) => page.evaluate((l) => (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string }[] } } }).hengfuMap.getStyle().layers.findIndex((x) => x.id === l), id);
			const before = await index('protected-buildings-footprint');
			const top = await index('elevator-retrofits');
			expect(before).toBeLessThan(top);
			// Four steps up put protected buildings (second of the six thematic layers) on top.
			for (let i = 0; i < 4; i++) await page.locator('[data-plan="order"] li[data-layer="protected-buildings"] button[data-move="up"]').click();
			expect(await page.locator('[data-plan="order"] li[data-layer="protected-buildings"] button[data-move="up"]').isDisabled()).toBe(true);
			await expect.poll(() => index('protected-buildings-footprint')).toBeGreaterThan(await index('elevator-retrofits'));
			expect(await page.locator('[data-plan="order"] li').first().getAttribute('data-layer')).toBe('protected-buildings');
			await page.locator('[data-plan="order"] input[data-opacity="protected-buildings"]').fill('0.3');
			await expect.poll(() => page.evaluate(() => (window as unknown as { hengfuMap: { getPaintProperty(l: string, p: string): unknown } }).hengfuMap.getPaintProperty('protected-buildings-footprint', 'fill-opacity'))).toBeCloseTo(0.55 * 0.3, 5);
			await expect.poll(() => new URL(page.url()).searchParams.get('order') ?? '').toMatch(/protected-buildings$/);
			// The address bar is written 200 ms after the last change (debounced), which the order's poll can beat.
			await expect.poll(() => new URL(page.url()).searchParams.get('op')).toBe('protected-buildings:0.3');
		} finally {
			await context.close();
		}
	});
});
