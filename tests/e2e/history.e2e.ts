import type { Geometry } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../src/lib/layers';
import { builtFeatures } from './built';
import { clickAt, renderedCount, waitForMap } from './map';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot, seriousAxeViolations } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const HISTORY = LAYERS.filter((l) => l.group === 'history').map((l) => l.id);

/** Ids of a registry layer's features drawn in the viewport (labels left out). */
function renderedIds(page: Page, layerId: string): Promise<string[]> {
	return page.evaluate((id) => {
		const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string; type: string; 'source-layer'?: string }[] }; queryRenderedFeatures(o: unknown): { properties: { id?: string } }[] } }).hengfuMap;
		const layers = map.getStyle().layers.filter((l) => l['source-layer'] === id && l.type !== 'symbol' && !l.id.endsWith('-selected')).map((l) => l.id);
		return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id)))];
	}, layerId);
}

/** A vertex of a built line, the one nearest a point: somewhere the line is surely drawn. */
function vertexNear(line: { geometry: Geometry }, [x, y]: number[]): [number, number] {
	const g = line.geometry;
	const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
	const all = parts.flat();
	return all.reduce((best, p) => (Math.hypot(p[0] - x, p[1] - y) < Math.hypot(best[0] - x, best[1] - y) ? p : best)) as [number, number];
}

describe('the History group', () => {
	it('is folded and off at first; its box turns every History layer on and a tram line is drawn', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			expect(HISTORY.length).toBe(3);
			const group = page.locator('[data-group="history"] details');
			const groupBox = page.locator('[data-group="history"] > label > input[type=checkbox]');
			expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
			for (const id of HISTORY) {
				expect(await page.locator(`li[data-layer="${id}"] > label input[type=checkbox]`).isChecked(), id).toBe(false);
				expect(await renderedCount(page, id), id).toBe(0);
			}
			expect(new URL(page.url()).searchParams.get('layers') ?? '').not.toContain('historic-transit-lines');

			await groupBox.check();
			await expect.poll(() => group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
			for (const id of HISTORY) await expect.poll(() => page.locator(`li[data-layer="${id}"] > label input[type=checkbox]`).isChecked(), { message: id }).toBe(true);
			await expect.poll(() => (new URL(page.url()).searchParams.get('layers') ?? '').split(',')).toEqual(expect.arrayContaining(HISTORY));
			await waitForMap(page);

			// The first view frames 天平: the French Concession's tram along 衡山路 crosses it.
			const built = builtFeatures('historic-transit-lines');
			const inView = await renderedIds(page, 'historic-transit-lines');
			expect(inView.length).toBeGreaterThan(0);
			for (const id of inView) expect(built.map((f) => f.properties.id)).toContain(id);
			const tram = built.find((f) => f.properties.id === inView[0])!;
			expect(tram.properties.mode).toBe('tram');
			// The counts beside each title are the built data's, in the chosen district (天平).
			for (const id of HISTORY) {
				const inTianping = builtFeatures(id).filter((f) => f.properties.district === 'tianping').length;
				expect(Number(await page.locator(`li[data-layer="${id}"] [data-count="in-district"]`).textContent()), id).toBe(inTianping);
			}
			await group.scrollIntoViewIfNeeded();
			await saveScreenshot(page, 'history-group-on');
			expect(await seriousAxeViolations(page)).toEqual([]);

			await groupBox.uncheck();
			await waitForMap(page);
			expect(await renderedCount(page, 'historic-transit-lines')).toBe(0);
			expect(errors).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	for (const lang of ['zh', 'en'] as const) {
		it(`opens a tram line’s panel with its historic name and network (${lang}), from a shared link`, async () => {
			const line = builtFeatures('historic-transit-lines').find((f) => f.properties.district === 'tianping')!;
			const stop = builtFeatures('historic-transit-stops').find((f) => f.properties.district === 'tianping')!;
			const at = vertexNear(line, (stop.geometry as { coordinates: number[] }).coordinates);
			// The stops stay off, so the click lands on the line; some of the group is on.
			const layers = ['streets', 'district-boundary', 'historic-transit-lines', 'places-1928'].join(',');
			const { page, context, errors } = await openPage(browser, `/?lang=${lang}&c=${at[0].toFixed(5)},${at[1].toFixed(5)}&z=16&layers=${layers}`);
			try {
				await waitForMap(page);
				// A shared link that turns the group on opens it.
				await expect.poll(() => page.locator('[data-group="history"] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
				expect(await renderedIds(page, 'historic-transit-lines')).toContain(line.properties.id);
				await saveScreenshot(page, `history-rails-${lang}`);
				await clickAt(page, at);
				const title = lang === 'zh' ? line.properties.name_zh : line.properties.name_en;
				await expect.poll(() => page.locator('#feature-title').textContent()).toBe(title);
				await expect.poll(() => page.locator('dd[data-field="network"]').textContent()).toBe(lang === 'zh' ? '法租界' : 'French Concession');
				// In English the historic name stays beside its rendering.
				if (lang === 'en') expect(await page.locator('aside .subtitle').textContent()).toBe(line.properties.name_zh);
				expect(await page.locator('aside footer').textContent()).toContain('645');
				await saveScreenshot(page, `history-tram-line-${lang}`);
				expect(await seriousAxeViolations(page)).toEqual([]);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		});
	}

	it('opens a stop’s panel with the lines passing it, read from the built data', async () => {
		const stop = builtFeatures('historic-transit-stops').find((f) => f.properties.district === 'tianping' && f.properties.lines_zh)!;
		const at = (stop.geometry as { coordinates: number[] }).coordinates as [number, number];
		const { page, context, errors } = await openPage(browser, `/?lang=en&c=${at[0].toFixed(6)},${at[1].toFixed(6)}&z=17&layers=streets,historic-transit-stops`);
		try {
			await waitForMap(page);
			await clickAt(page, at);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe(stop.properties.name_zh);
			await expect.poll(() => page.locator('dd[data-field="lines"]').textContent()).toBe(stop.properties.lines_en);
			expect(await page.locator('dd[data-field="mode"]').textContent()).toBe('Tram');
			await saveScreenshot(page, 'history-stop-en');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('is listed in the catalogue under 历史, each layer counted per district from the built data', async () => {
		const { page, context, errors } = await openPage(browser, '/datasets');
		try {
			const section = page.locator('section', { has: page.locator('h2', { hasText: /^历史$/ }) });
			await expect.poll(() => section.locator('[data-dataset]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-dataset')))).toEqual(HISTORY);
			for (const id of HISTORY) {
				for (const district of ['tianping', 'hunan']) {
					const text = (await section.locator(`[data-dataset="${id}"] [data-count-district="${district}"]`).textContent())!;
					const built = builtFeatures(id).filter((f) => f.properties.district === district).length;
					expect(parseInt(text.replace(/^\D*/, ''), 10), `${id} ${district}`).toBe(built);
				}
				expect(await section.locator(`[data-dataset="${id}"]`).textContent()).toContain('645');
			}
			await saveScreenshot(page, 'history-catalogue');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
