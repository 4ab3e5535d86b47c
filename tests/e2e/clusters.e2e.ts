import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Feature, Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayers } from '../../scripts/pipeline/build';
import { sourcesDir } from '../../scripts/pipeline/read';
import { layerById } from '../../src/lib/layers';
import { apart, dataWithRegister, districtPlaces, elevatorRecords, type Place } from '../support/generated-register';
import { buildDataFromRoot, buildPages, serveSite, siteDirs, type ServedSite } from '../support/site';
import { css, evaluate } from '../support/style-expression';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { clickAt, renderedCount, waitForMap } from './map';

/**
 * The registers at real sizes: a site built beside build/ with a generated elevator-retrofits
 * register (tests/support/generated-register.ts). Its records stand at a few addresses far apart
 * (each address its own group below z16, so what a group holds is known from the data alone)
 * and a few alone.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const elevators = layerById('elevator-retrofits')!;
const LAYERS = 'streets,district-boundary,elevator-retrofits';

let browser: Browser;
let site: ServedSite;
type Record = Feature<Point, { id: string; status: string | null; kind: string; in_district: boolean }>;
/** The built records at each address, by address. */
let at: Map<string, { place: Place; records: Record[] }>;
let hubs: Place[];
let singles: Place[];

beforeAll(async () => {
	const today = buildLayers({ repoRoot, sourcesDir: sourcesDir(repoRoot) });
	// Addresses 450 m apart: more than a group's reach at z14 (32 px ≈ 130 m) and z13.
	const spots = apart(districtPlaces(today, { seed: 3 }), 450);
	hubs = spots.slice(0, 6);
	singles = spots.slice(6, 10);
	const records = [...elevatorRecords(hubs, 300, { spread: 'each', seed: 5, prefix: 'hub' }), ...elevatorRecords(singles, singles.length, { spread: 'each', seed: 9, prefix: 'single' })];
	const base = mkdtempSync(join(tmpdir(), 'hengfu-clusters-'));
	const dirs = siteDirs(base);
	buildDataFromRoot(dirs, dataWithRegister(records, join(base, 'data-root')));
	buildPages(dirs);
	[browser, site] = await Promise.all([launchBrowser(), serveSite(dirs.root)]);
	const built = JSON.parse(readFileSync(join(dirs.root, 'data', 'elevator-retrofits.geojson'), 'utf8')).features as Record[];
	// Every record of an address stands where the geocoder puts it (the addresses are 450 m apart).
	const near = (f: Record, p: Place) => Math.hypot(f.geometry.coordinates[0] - p.point[0], f.geometry.coordinates[1] - p.point[1]) < 0.0003;
	at = new Map([...hubs, ...singles].map((place) => [place.address, { place, records: built.filter((f) => near(f, place)) }]));
	expect([...at.values()].reduce((s, a) => s + a.records.length, 0)).toBe(records.length);
}, 240_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

type MapWindow = Window & {
	hengfuMap: {
		project(p: [number, number]): { x: number; y: number };
		queryRenderedFeatures(box: [[number, number], [number, number]], o: { layers: string[] }): Array<{ properties: globalThis.Record<string, unknown> }>;
		getLayoutProperty(layer: string, prop: string): unknown;
		getZoom(): number;
		getCenter(): { lng: number; lat: number };
		jumpTo(o: unknown): void;
		getLayer(id: string): unknown;
	};
};

/** The rendered features of a style layer within 4 px of a point. */
function featuresAt(page: Page, layer: string, point: [number, number]) {
	return page.evaluate(
		([layer, point]) => {
			const map = (window as unknown as MapWindow).hengfuMap;
			const p = map.project(point as [number, number]);
			return map.queryRenderedFeatures([[p.x - 4, p.y - 4], [p.x + 4, p.y + 4]], { layers: [layer as string] }).map((f) => f.properties);
		},
		[layer, point] as const
	);
}

/** The number drawn on the group at a point (its count layer's text, as MapLibre computes it), or null where none is drawn. */
async function numberAt(page: Page, point: [number, number]): Promise<number | null> {
	const placed = await featuresAt(page, 'elevator-retrofits-group-count', point);
	if (placed.length === 0) return null;
	expect(placed).toHaveLength(1);
	const field = await page.evaluate(() => (window as unknown as MapWindow).hengfuMap.getLayoutProperty('elevator-retrofits-group-count', 'text-field'));
	return Number(evaluate(field, placed[0], 14, 'string'));
}

/** The colour drawn at a point of the map, as "rgb(r,g,b)" (read from a real screenshot: the canvas need not keep its buffer). */
async function colourAt(page: Page, point: [number, number]): Promise<string> {
	const p = await page.evaluate((pt) => (window as unknown as MapWindow).hengfuMap.project(pt), point);
	const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	const png = (await page.screenshot({ clip: { x: box.x + Math.round(p.x) - 1, y: box.y + Math.round(p.y) - 1, width: 3, height: 3 } })).toString('base64');
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const c = document.createElement('canvas');
		[c.width, c.height] = [3, 3];
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const [r, g, b] = ctx.getImageData(1, 1, 1, 1).data;
		return `rgb(${r},${g},${b})`;
	}, png);
}

const statusColour = (status: string) => elevators.style.classes!.find((c) => JSON.stringify(c.filter) === JSON.stringify(['==', ['get', 'status'], status]))!.color;
const centre = () => {
	const points = [...hubs, ...singles].map((p) => p.point);
	return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
};

describe('a register of hundreds of sites on the map', () => {
	it('draws groups with their numbers at z14, and a site alone as the point it is', async () => {
		const [lon, lat] = centre();
		const { page, context, requests, errors } = await openPage(browser, `/?c=${lon},${lat}&z=14&d=all&layers=${LAYERS}`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			// Below z16 only the sites alone are drawn as points; the rest are in groups.
			expect(await renderedCount(page, 'elevator-retrofits')).toBe(singles.length);
			for (const hub of hubs) {
				expect(await numberAt(page, hub.point), hub.address).toBe(at.get(hub.address)!.records.length);
				expect(await featuresAt(page, 'elevator-retrofits', hub.point), hub.address).toEqual([]);
			}
			for (const single of singles) {
				expect(await numberAt(page, single.point), single.address).toBeNull();
				expect(await featuresAt(page, 'elevator-retrofits-groups', single.point), single.address).toEqual([]);
				expect(await featuresAt(page, 'elevator-retrofits', single.point), single.address).toEqual([expect.objectContaining({ id: at.get(single.address)!.records[0].properties.id, alone: true })]);
			}
			// The legend says what the numbered circles are.
			expect(await page.locator('[data-legend="groups"]').textContent()).toContain('一组点位');
			await saveScreenshot(page, 'clusters-z14');
			// A site alone opens its record when clicked.
			await clickAt(page, singles[0].point);
			await expect.poll(() => page.locator('aside.feature').getAttribute('data-feature-id')).toBe(at.get(singles[0].address)!.records[0].properties.id);
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('a status filter changes each group’s number to exactly its matching records', async () => {
		const [lon, lat] = centre();
		const { page, context, errors } = await openPage(browser, `/?c=${lon},${lat}&z=14&d=all&layers=${LAYERS}`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			await page.locator('li[data-layer="elevator-retrofits"] button[data-action="filters"]').click();
			for (const status of ['completed', 'consultation']) {
				await page.locator('li[data-layer="elevator-retrofits"] select[data-filter="status"]').selectOption(status);
				await waitForMap(page);
				expect(page.url()).toContain(`f.elevator-retrofits.status=${status}`);
				for (const hub of hubs) {
					const { records } = at.get(hub.address)!;
					const matching = records.filter((r) => r.properties.status === status).length;
					expect(matching).toBeLessThan(records.length);
					// From 2 a number; a group of one is drawn like a point; a group of none not at all.
					expect(await numberAt(page, hub.point), `${hub.address} ${status}`).toBe(matching >= 2 ? matching : null);
					expect((await featuresAt(page, 'elevator-retrofits-groups', hub.point)).length, `${hub.address} ${status}`).toBe(matching > 0 ? 1 : 0);
				}
				// A site alone shows only if it matches.
				for (const single of singles) {
					const matches = at.get(single.address)!.records[0].properties.status === status;
					expect((await featuresAt(page, 'elevator-retrofits', single.point)).length, `${single.address} ${status}`).toBe(matches ? 1 : 0);
				}
				// The panel counts the same records: those in the district with that status.
				const inDistrict = [...at.values()].flatMap((a) => a.records).filter((r) => r.properties.in_district && r.properties.status === status).length;
				expect(Number(await page.locator('li[data-layer="elevator-retrofits"] [data-count="shown"]').textContent())).toBe(inDistrict);
				if (status === 'completed') await saveScreenshot(page, 'clusters-z14-completed');
			}
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('draws each point from z16 in its status colour', async () => {
		const single = singles.find((s) => at.get(s.address)!.records[0]?.properties.status)!;
		const record = at.get(single.address)!.records[0];
		const [lon, lat] = single.point;
		const { page, context, errors } = await openPage(browser, `/?c=${lon},${lat}&z=16.5&d=all&layers=${LAYERS}`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			expect(await renderedCount(page, 'elevator-retrofits')).toBeGreaterThan(0);
			expect(await featuresAt(page, 'elevator-retrofits', single.point)).toEqual([expect.objectContaining({ id: record.properties.id, status: record.properties.status })]);
			expect(await featuresAt(page, 'elevator-retrofits-groups', single.point)).toEqual([]);
			expect(css(await colourAt(page, single.point))).toBe(css(statusColour(record.properties.status!)));
			await saveScreenshot(page, 'clusters-z16');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('zooms in when a group is clicked', async () => {
		const [lon, lat] = centre();
		const { page, context, errors } = await openPage(browser, `/?c=${lon},${lat}&z=13.5&d=all&layers=${LAYERS}`, { baseURL: site.baseURL });
		const hub = hubs[0];
		try {
			await waitForMap(page);
			const p = await page.evaluate((pt) => (window as unknown as MapWindow).hengfuMap.project(pt), hub.point);
			const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
			await page.mouse.click(box.x + p.x, box.y + p.y);
			await expect.poll(() => page.evaluate(() => (window as unknown as MapWindow).hengfuMap.getZoom()), { timeout: 10_000 }).toBeGreaterThanOrEqual(14);
			await waitForMap(page);
			const c = await page.evaluate(() => (window as unknown as MapWindow).hengfuMap.getCenter());
			expect(Math.abs(c.lng - hub.point[0]) + Math.abs(c.lat - hub.point[1])).toBeLessThan(0.0005);
			// No feature panel opened: a group is not a record.
			expect(await page.locator('aside.feature').count()).toBe(0);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('reads at 375 px', async () => {
		const [lon, lat] = centre();
		const { page, context, errors } = await openPage(browser, `/?c=${lon},${lat}&z=13.6&d=all&layers=${LAYERS}&f.elevator-retrofits.status=completed|construction`, { baseURL: site.baseURL, width: 375 });
		try {
			await waitForMap(page);
			expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
			await saveScreenshot(page, 'clusters-375');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
