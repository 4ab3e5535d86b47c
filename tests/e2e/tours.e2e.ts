import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { hengshanHotel } from './built';
import { clickAt, waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const tours = JSON.parse(readFileSync('build/data/tours.json', 'utf8')).tours as Array<{ id: string; title_zh: string; stops: Array<{ id: string; name_zh: string; point: [number, number] }> }>;
const centre = (page: Page) => page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number; lat: number } } }).hengfuMap.getCenter());

describe('walking tours', () => {
	it('steps through every stop of a tour with the arrow keys, the map following, then prints', async () => {
		const tour = tours.find((t) => t.id === 'red-heritage')!;
		const { page, context, requests, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await page.locator('button[data-action="tours"]').click();
			await page.locator(`button[data-tour="${tour.id}"]`).click();
			await expect.poll(() => page.locator('[data-tour="length"]').textContent(), { timeout: 20_000 }).toMatch(/7 站 · [\d.]+ (km|m) · \d+ 分钟/);
			await page.locator('#tour-heading').click(); // focus away from any input, as a reader would
			for (let i = 0; i < tour.stops.length; i++) {
				await page.keyboard.press('ArrowRight');
				await expect.poll(() => page.locator('[data-tour="position"]').textContent()).toBe(`${i + 1} / ${tour.stops.length}`);
				await expect.poll(() => page.locator('article.stop').getAttribute('data-stop')).toBe(tour.stops[i].id);
				await page.waitForTimeout(400);
				const c = await centre(page);
				const [lon, lat] = tour.stops[i].point;
				expect(Math.abs(c.lng - lon), `stop ${i + 1} lon`).toBeLessThan(0.0005);
				expect(Math.abs(c.lat - lat), `stop ${i + 1} lat`).toBeLessThan(0.0005);
				if (i < tour.stops.length - 1) expect(await page.locator('[data-tour="next-leg"]').textContent()).toMatch(/[\d.]+ k?m · \d+ 分钟/);
			}
			await page.keyboard.press('ArrowLeft');
			await expect.poll(() => page.locator('[data-tour="position"]').textContent()).toBe(`${tour.stops.length - 1} / ${tour.stops.length}`);
			// historic street names along the way
			await page.keyboard.press('ArrowLeft');
			await page.keyboard.press('ArrowLeft');
			expect(await page.locator('[data-tour="next-leg"]').textContent()).toMatch(/（[^）]+）/);
			await waitForMap(page);
			await saveScreenshot(page, 'tour-stop');

			await page.locator('button[data-action="print-view"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.get('print')).toBe('1');
			expect(await page.locator('[data-tour="stops"] li').count()).toBe(tour.stops.length);
			expect(await page.locator('[data-tour="stops"] .why').count()).toBe(tour.stops.length);
			expect(await page.locator('svg.north').count()).toBe(1);
			expect(await page.locator('.maplibregl-ctrl-scale').count()).toBe(1);
			expect(await page.locator('.tour .credits').textContent()).toContain('OpenStreetMap');
			await waitForMap(page);
			await saveScreenshot(page, 'tour-print');

			// the link reproduces the tour at the same stop
			const url = new URL(page.url());
			expect(url.searchParams.get('tour')).toBe(tour.id);
			const again = await openPage(browser, url.pathname + url.search);
			try {
				await expect.poll(() => again.page.locator('[data-tour="position"]').textContent(), { timeout: 20_000 }).toBe(`${Number(url.searchParams.get('stop'))} / ${tour.stops.length}`);
			} finally {
				await again.context.close();
			}
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('orders a visitor’s own stops into a walk no longer than the order picked', async () => {
		// Three stops picked in a zig-zag order: west, east, west.
		const picks = ['protected-buildings:ehb-u80rjtz57e4mls4a', 'protected-buildings:relic-vrragpixw3u64cfl', 'former-residences:residence-159907785'];
		const { page, context } = await openPage(browser, `/?tour=custom&stops=${picks.join('|')}`);
		try {
			await waitForMap(page);
			const length = () => page.locator('[data-tour="length"]').textContent();
			await expect.poll(length, { timeout: 20_000 }).toMatch(/3 站/);
			const before = await length();
			const km = (s: string | null) => {
				const m = /([\d.]+) (km|m)/.exec(s ?? '')!;
				return Number(m[1]) * (m[2] === 'km' ? 1000 : 1);
			};
			await page.locator('button[data-action="order-stops"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.get('stops')).not.toBe(picks.join('|'));
			await expect.poll(async () => km(await length())).toBeLessThan(km(before));
			expect(await page.locator('[data-tour="stops"] li').count()).toBe(3);
		} finally {
			await context.close();
		}
	});

	it('adds a stop by clicking a building on the map, and one found by search', async () => {
		const hotel = hengshanHotel();
		const { page, context } = await openPage(browser, `/?tour=custom&c=${hotel.lon},${hotel.lat}&z=17.5`);
		try {
			await waitForMap(page);
			await clickAt(page, [hotel.lon, hotel.lat]);
			await expect.poll(() => page.locator('[data-tour="stops"] li').count()).toBe(1);
			expect(await page.locator('[data-tour="stops"] li').textContent()).toContain('衡山宾馆');
			expect(await page.locator('aside.feature').count()).toBe(0);
			await page.locator('#search-input').fill('张澜旧居');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('张澜旧居');
			await page.locator('#search-input').press('Enter');
			await expect.poll(() => page.locator('[data-tour="stops"] li').count()).toBe(2);
			await expect.poll(() => page.locator('[data-tour="length"]').textContent(), { timeout: 20_000 }).toMatch(/2 站/);
		} finally {
			await context.close();
		}
	});
});
