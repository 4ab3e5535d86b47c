import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { builtFeatures } from './built';
import { waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('one record per building', () => {
	it('shows 国际礼拜堂 once, at 衡山路53号 on its footprint, with where its two listings put it', async () => {
		const chapels = builtFeatures('protected-buildings').filter((f) => f.properties.name_zh === '国际礼拜堂');
		expect(chapels).toHaveLength(1);
		const chapel = chapels[0].properties;
		const url = `/?lang=en&c=${Number(chapel.lon).toFixed(5)},${Number(chapel.lat).toFixed(5)}&z=17.5&sel=protected-buildings:${chapel.id}`;
		const { page, context, requests } = await openPage(browser, url);
		try {
			await waitForMap(page);
			const drawn = await page.evaluate(() => {
				const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string; type: string; 'source-layer'?: string }[] }; queryRenderedFeatures(o: unknown): { properties: { name_zh?: string; id?: string } }[] } }).hengfuMap;
				const layers = map.getStyle().layers.filter((l) => l['source-layer'] === 'protected-buildings' && l.type !== 'symbol').map((l) => l.id);
				return [...new Set(map.queryRenderedFeatures({ layers }).filter((f) => f.properties.name_zh === '国际礼拜堂').map((f) => f.properties.id))];
			});
			expect(drawn).toEqual([chapel.id]);
			await expect.poll(() => page.locator('dd[data-field="address"]').textContent()).toBe('衡山路53号');
			const merged = page.locator('dd[data-field="merged_listings"]');
			await expect.poll(() => merged.textContent()).toContain('徐汇区衡山路58号');
			expect(await merged.textContent()).toMatch(/\d+ m apart, the OSM footprint at 衡山路53号 is kept/);
			await saveScreenshot(page, 'names-merged-chapel');
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});
