import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACILITY_CATEGORY_KEYS } from '../../src/lib/schema/register';
import { WalkEngine, type FacilityInput } from '../../src/lib/walk/engine';
import { decodeWalkGraph } from '../../src/lib/walk/graph';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { clickAt, waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const facilities: FacilityInput[] = JSON.parse(readFileSync('build/data/walk-facilities.json', 'utf8'));
const start = facilities.find((f) => f.id === 'facility-66-wutong-yuan')!.point;

/** A facility 7–13 minutes' walk from the start at 60 m/min, found by the same engine on the built files. */
function facilityBetween7And13(): { id: string; minutes: number } {
	const graph = decodeWalkGraph(new Uint8Array(readFileSync('build/data/walk-graph.bin')));
	const engine = new WalkEngine(graph, facilities, [...FACILITY_CATEGORY_KEYS]);
	const answer = engine.isochrone({ start, minutes: [5, 10, 15], metresPerMinute: 60 })!;
	const pick = answer.reachable.find((f) => f.minutes >= 7 && f.minutes <= 13 && f.category !== 'transport');
	if (!pick) throw new Error('no facility 7–13 minutes from 66梧桐院 in the built data');
	return pick;
}

const drawn = (page: Page, layer: string) =>
	page.evaluate((id) => (window as unknown as { hengfuMap: { queryRenderedFeatures(o: unknown): unknown[] } }).hengfuMap.queryRenderedFeatures({ layers: [id] }).length, layer);

describe('walking from a door', () => {
	it('draws isochrones on the streets from a click, lists what is in reach, and drops it when the time is cut', async () => {
		const target = facilityBetween7And13();
		const { page, context, requests, errors } = await openPage(browser, `/?c=${start[0]},${start[1]}&z=15`);
		try {
			await waitForMap(page);
			await page.locator('button[data-action="walk"]').click();
			await expect.poll(() => page.locator('section.walk').count()).toBe(1);
			await clickAt(page, start);
			await expect.poll(() => page.locator(`[data-walk="reachable"] [data-facility="${target.id}"]`).count(), { timeout: 20_000 }).toBe(1);
			await waitForMap(page);
			expect(await drawn(page, 'walk-bands')).toBeGreaterThan(0);
			expect(await page.locator('[data-walk="snap"]').textContent()).toMatch(/\d+ m/);
			await saveScreenshot(page, 'walk-isochrone');

			// choosing it draws the walking route, with its length
			await page.locator(`[data-facility="${target.id}"]`).click();
			await expect.poll(() => page.locator('[data-walk="route"]').textContent()).toMatch(/\d+ m/);
			await waitForMap(page);
			expect(await drawn(page, 'walk-route')).toBeGreaterThan(0);

			await page.locator('select[data-walk="minutes"]').selectOption('5');
			await expect.poll(() => page.locator(`[data-walk="reachable"] [data-facility="${target.id}"]`).count()).toBe(0);
			await expect.poll(() => new URL(page.url()).searchParams.get('wt')).toBe('5');
			const url = new URL(page.url());
			expect(url.searchParams.get('walk')).toBe('1');
			expect(url.searchParams.get('from')).toMatch(/^121\.\d+,31\.\d+$/);
			const listed = await page.locator('[data-walk="reachable"] [data-facility]').count();

			// the URL alone reproduces the query
			const again = await openPage(browser, url.pathname + url.search);
			try {
				await waitForMap(again.page);
				await expect.poll(() => again.page.locator('[data-walk="reachable"] [data-facility]').count(), { timeout: 20_000 }).toBe(listed);
				expect(await again.page.locator('select[data-walk="minutes"]').inputValue()).toBe('5');
			} finally {
				await again.context.close();
			}
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('starts from a typed address through the geocoder, and maps the blind spots of a category', async () => {
		const { page, context, requests } = await openPage(browser, '/?walk=1');
		try {
			await waitForMap(page);
			await page.locator('#walk-address').fill('广元路153号');
			await page.locator('.walk form button[type=submit]').click();
			await expect.poll(() => page.locator('[data-walk="reachable"] [data-facility]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
			expect(await page.locator('.walk .message').textContent()).toMatch(/广元路153号: (门牌锚点|沿街门牌插值|道路中点（低精度）) · 可信度 \d+%/);

			await page.locator('select[data-walk="coverage"]').selectOption('health');
			await expect.poll(() => page.locator('[data-walk="shares"] tr[data-category="health"] td').textContent(), { timeout: 20_000 }).toMatch(/^\d+%$/);
			await waitForMap(page);
			expect(await drawn(page, 'walk-coverage')).toBeGreaterThan(0);
			expect(new URL(page.url()).searchParams.get('cov')).toBe('health');
			await saveScreenshot(page, 'walk-coverage');
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('starts from the browser’s location, and labels a start outside the district', async () => {
		// 华山路 north of 延安西路 lies outside 天平路街道 but on the network.
		const outside = { longitude: 121.4405, latitude: 31.2235 };
		const { page, context, requests } = await openPage(browser, '/?walk=1', { geolocation: outside });
		try {
			await waitForMap(page);
			await page.locator('.walk button', { hasText: '使用我的位置' }).click();
			await expect.poll(() => page.locator('[data-walk="outside"]').count(), { timeout: 20_000 }).toBe(1);
			await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/,/);
			const from = new URL(page.url()).searchParams.get('from')!.split(',').map(Number);
			expect(from[0]).toBeCloseTo(outside.longitude, 5);
			expect(from[1]).toBeCloseTo(outside.latitude, 5);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});
