import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { builtFeatures } from './built';
import { waitForMap } from './map';
import { descriptiveTitle } from '../../scripts/pipeline/conflate/english-title';

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
			// In English the address is read out, the door plate's own words beside it.
			expect(chapel.address_en).toBe('53 Hengshan Road');
			await expect.poll(() => page.locator('dd[data-field="address"]').textContent()).toBe('53 Hengshan Road (衡山路53号)');
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

describe('English that reads as English', () => {
	it('labels no protected building in Chinese only where its kind and address can be said in English', async () => {
		const streets = builtFeatures('streets');
		const en = new Map<string, Set<string>>();
		for (const { properties: p } of streets) if (typeof p.name === 'string' && typeof p.name_en === 'string') en.set(p.name, (en.get(p.name) ?? new Set()).add(p.name_en));
		const streetEn = (zh: string) => (en.get(zh)?.size === 1 ? [...en.get(zh)!][0] : null);
		const byId = new Map(builtFeatures('protected-buildings').map((f) => [String(f.properties.id), f.properties]));
		// Where most listings are titled only by their kind (住宅, 花园住宅): the one with most such neighbours within ~150 m.
		const described = [...byId.values()].filter((p) => p.name_en_source === 'descriptive' && p.in_district);
		const near = (a: Record<string, unknown>, b: Record<string, unknown>) => Math.hypot(Number(a.lon) - Number(b.lon), Number(a.lat) - Number(b.lat)) < 0.0015;
		const centre = described.map((p) => ({ p, n: described.filter((q) => near(p, q)).length })).sort((x, y) => y.n - x.n)[0].p;
		const { page, context, requests } = await openPage(browser, `/?lang=en&c=${Number(centre.lon).toFixed(5)},${Number(centre.lat).toFixed(5)}&z=17&layers=protected-buildings,streets`);
		try {
			await waitForMap(page);
			const labels = await page.evaluate(() => {
				const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string; type: string; 'source-layer'?: string; layout?: Record<string, unknown> }[] }; queryRenderedFeatures(o: unknown): { properties: { id?: string } }[] } }).hengfuMap;
				const layers = map.getStyle().layers.filter((l) => l['source-layer'] === 'protected-buildings' && l.type === 'symbol');
				return { textField: JSON.stringify(layers[0]?.layout?.['text-field']), ids: [...new Set(map.queryRenderedFeatures({ layers: layers.map((l) => l.id) }).map((f) => String(f.properties.id)))] };
			});
			// The English label reads name_en first: the title the build gave each building.
			expect(labels.textField).toMatch(/^\["coalesce",\["get","name_en"\]/);
			expect(labels.ids.length).toBeGreaterThan(10);
			const han = /\p{Script=Han}/u;
			const inChinese = labels.ids.map((id) => byId.get(id)!).filter((p) => han.test(String(p.name_en ?? p.name_zh)));
			for (const p of inChinese) {
				expect(p.name_en_source, String(p.id)).toBeNull();
				expect(descriptiveTitle(String(p.name_zh), p.address as string | null, streetEn).ok, `${p.name_zh} ${p.address}`).toBe(false);
			}
			const descriptive = labels.ids.map((id) => byId.get(id)!).filter((p) => p.name_en_source === 'descriptive');
			expect(descriptive.length).toBeGreaterThanOrEqual(3);
			for (const p of descriptive) {
				expect(String(p.name_en)).not.toMatch(han);
				expect(descriptiveTitle(String(p.name_zh), p.address as string | null, streetEn)).toEqual({ ok: true, title: p.name_en });
			}
			await saveScreenshot(page, 'names-english-labels');
			// The panel is titled in English too.
			const one = descriptive[0];
			await page.goto(`${new URL(page.url()).origin}/?lang=en&c=${Number(one.lon).toFixed(5)},${Number(one.lat).toFixed(5)}&z=17.5&sel=protected-buildings:${one.id}`);
			await waitForMap(page);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe(String(one.name_en));
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});
