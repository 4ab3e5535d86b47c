import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { startFixtureSite, type FixtureSite } from './fixture-site';
import { clickAt, renderedCount, waitForMap } from './map';

/**
 * What the sources the first bundle lacked bring, once `npm run sources:refresh -- osm-buildings
 * osm-pois` has fetched them (here from recorded answers: a site built from them beside the real
 * one), and what the real site says while they wait.
 */
let browser: Browser;
let site: FixtureSite;
beforeAll(async () => {
	[browser, site] = await Promise.all([launchBrowser(), startFixtureSite()]);
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const built = (file: string) => JSON.parse(readFileSync(join(site.root, 'data', file), 'utf8'));
const footprint = (id: string): [number, number] => {
	const f = (built('buildings.geojson').features as Feature<Polygon, { id: string }>[]).find((b) => b.properties.id === id)!;
	return pointOnFeature(f).geometry.coordinates as [number, number];
};

describe('building footprints from osm-buildings', () => {
	it('draws them from z14 and opens a footprint’s panel, in both languages', async () => {
		const at = footprint('osm-way-9000000101');
		const { page, context, requests, errors } = await openPage(browser, `/?c=${at[0]},${at[1]}&z=18&layers=buildings`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			expect(await renderedCount(page, 'buildings')).toBeGreaterThan(0);
			// The layer panel lists it, with its count in the district.
			const row = page.locator('li[data-layer="buildings"]');
			await expect.poll(() => row.locator('[data-count="in-district"]').textContent()).toBe(String(built('facets.json').layers.buildings.in_district));
			await clickAt(page, at);
			await expect.poll(() => page.locator('aside.feature').getAttribute('data-feature-id')).toBe('osm-way-9000000101');
			expect(await page.locator('aside.feature p.layer').textContent()).toBe('建筑轮廓');
			expect(await page.locator('#feature-title').textContent()).toBe('未命名');
			// The selection is the footprint's outline, not a ring at each of its corners.
			await expect.poll(() => page.evaluate(() => (window as unknown as { hengfuMap: { getLayer(id: string): { type: string } | undefined } }).hengfuMap.getLayer('buildings-selected')?.type)).toBe('line');
			await expect.poll(() => page.locator('dd[data-field="levels"]').textContent()).toBe('3');
			expect(await page.locator('dd[data-field="osm_id"]').textContent()).toBe('way/9000000101');
			expect(await page.locator('aside.feature').textContent()).toContain('© OpenStreetMap contributors (ODbL 1.0)');
			await saveScreenshot(page, 'sources-building-panel-zh');

			await page.locator('button[data-action="lang"]').click();
			await expect.poll(() => page.locator('aside.feature p.layer').textContent()).toBe('Building footprints');
			expect(await page.locator('#feature-title').textContent()).toBe('Unnamed');
			expect(await page.locator('dt', { hasText: 'Levels' }).count()).toBe(1);
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('names the protected building a footprint is', async () => {
		const at = footprint('osm-way-494546178');
		const { page, context } = await openPage(browser, `/?c=${at[0]},${at[1]}&z=18&layers=buildings`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			await clickAt(page, at);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('西湖公寓');
			expect(await page.locator('dd[data-field="protected_name"]').textContent()).toBe('西湖公寓');
			expect(await page.locator('dd[data-field="levels"]').textContent()).toBe('11');
		} finally {
			await context.close();
		}
	});
});

describe('points of interest from osm-pois', () => {
	it('lists an OSM clinic within reach in the walk panel', async () => {
		const clinic = (built('walk-facilities.json') as Array<{ id: string; point: [number, number] }>).find((f) => f.id === 'osm-node-9000000201')!;
		const from = [clinic.point[0] + 0.002, clinic.point[1] + 0.001];
		const { page, context } = await openPage(browser, `/?c=${from[0]},${from[1]}&z=16&walk=1&from=${from[0]},${from[1]}`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			const item = page.locator('[data-walk="reachable"] [data-facility="osm-node-9000000201"]');
			await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
			expect(await item.textContent()).toContain('天平测试诊所');
			await saveScreenshot(page, 'sources-walk-osm-clinic');
		} finally {
			await context.close();
		}
	});

	it('reaches the catalogue: the facilities credit OSM with its share-alike note, and the download holds the POI', async () => {
		const { page, context } = await openPage(browser, '/datasets/facilities', { baseURL: site.baseURL });
		try {
			const row = page.locator('table[data-sources] tr', { hasText: 'osm-pois' });
			expect(await row.count()).toBe(1);
			expect(await row.textContent()).toContain('ODbL 1.0');
			expect(await page.locator('[data-licence-note]').textContent()).toContain('相同方式共享');
			expect(await page.locator('[data-waiting]').count()).toBe(0);
			const csv = await (await page.request.get(`${site.baseURL}/api/datasets/facilities.csv`)).text();
			expect(csv).toMatch(/osm-node-9000000201.*天平测试诊所|天平测试诊所.*osm-node-9000000201/);
		} finally {
			await context.close();
		}
	});
});

describe('while the sources wait (the real build)', () => {
	it('/about names the layers that wait and the command that fetches their sources', async () => {
		const { page, context } = await openPage(browser, '/about');
		try {
			expect(await page.locator('[data-pending="osm-buildings"]').textContent()).toContain('npm run sources:refresh -- osm-buildings');
			expect(await page.locator('[data-pending="osm-pois"]').textContent()).toContain('15分钟生活圈设施');
			expect(await page.locator('table[data-about="sources"] tr[data-source="osm-streets"]').textContent()).toContain('2026-03-08');
			await saveScreenshot(page, 'sources-about-pending');
		} finally {
			await context.close();
		}
		const fetched = await openPage(browser, '/about', { baseURL: site.baseURL });
		try {
			expect(await fetched.page.locator('[data-about="pending"]').count()).toBe(0);
		} finally {
			await fetched.context.close();
		}
	});

	it('the map leaves the empty buildings layer out of its panel; its catalogue page says why', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			expect(await page.locator('li[data-layer="buildings"]').count()).toBe(0);
			expect(await page.locator('li[data-layer="facilities"]').count()).toBe(1);
		} finally {
			await context.close();
		}
		const dataset = await openPage(browser, '/datasets/buildings?lang=en');
		try {
			expect(await dataset.page.locator('[data-waiting]').textContent()).toContain('npm run sources:refresh -- osm-buildings');
			expect(await dataset.page.locator('[data-licence-note]').textContent()).toContain('share-alike');
		} finally {
			await dataset.context.close();
		}
	});
});
