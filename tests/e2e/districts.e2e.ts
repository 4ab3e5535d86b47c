import { readFileSync } from 'node:fs';
import type { Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRings } from '../../src/lib/geo/geometry';
import { LAYERS } from '../../src/lib/layers';
import type { LayerFacets } from '../../src/lib/map/facets';
import { choiceRings, type MapDistricts } from '../../src/lib/map/districts';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { builtFeatures } from './built';
import { clickAt, paintedShare, renderedCount, waitForMap } from './map';

/**
 * The district choice (`d=`) on the map, against the built site: every number expected here is
 * read from build/data (districts.json, facets.json, the layers' GeoJSON), never written down.
 */
const registry: MapDistricts = JSON.parse(readFileSync('build/data/districts.json', 'utf8'));
const facets: Record<string, LayerFacets> = JSON.parse(readFileSync('build/data/facets.json', 'utf8')).layers;
const byId = (id: string) => registry.districts.find((d) => d.id === id)!;
const tianping = byId('tianping');
const hunan = byId('hunan');
const rings = { tianping: choiceRings(registry, 'tianping'), hunan: choiceRings(registry, 'hunan') };

/** A point well inside one district and outside the other: the grid point nearest its box's centre whose neighbours 150 m round are all in it. */
function inside(id: 'tianping' | 'hunan'): [number, number] {
	const other = id === 'tianping' ? rings.hunan : rings.tianping;
	const [w, s, e, n] = byId(id).bbox;
	const centre = [(w + e) / 2, (s + n) / 2];
	const r = 0.0015;
	const ok = (p: [number, number]) => [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r]].every(([dx, dy]) => inRings([p[0] + dx, p[1] + dy], rings[id]) && !inRings([p[0] + dx, p[1] + dy], other));
	const points: Array<[number, number]> = [];
	for (let x = w; x <= e; x += 0.0005) for (let y = s; y <= n; y += 0.0005) if (ok([x, y])) points.push([x, y]);
	expect(points.length, id).toBeGreaterThan(0);
	return points.sort((a, b) => Math.hypot(a[0] - centre[0], a[1] - centre[1]) - Math.hypot(b[0] - centre[0], b[1] - centre[1]))[0];
}

/** The layers the panel lists, with what it should count for a choice: in the district, and shown (visible layers, no filter). */
function expectedCounts(choice: string, visible: ReadonlySet<string>): Record<string, { shown: number; inDistrict: number }> {
	const listed = LAYERS.filter((l) => l.id !== 'district-mask' && facets[l.id] && !(facets[l.id].waiting && facets[l.id].total === 0));
	return Object.fromEntries(
		listed.map((l) => {
			const f = facets[l.id];
			const inDistrict = choice === 'all' ? f.in_district : (f.by_district?.[choice] ?? 0);
			return [l.id, { shown: visible.has(l.id) ? inDistrict : 0, inDistrict }];
		})
	);
}
const defaultVisible = new Set(LAYERS.filter((l) => l.style.visible).map((l) => l.id));

async function panelCounts(page: Page): Promise<Record<string, { shown: number; inDistrict: number }>> {
	return page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('section.layers li[data-layer]')]
				.filter((li) => li.querySelector('[data-count="shown"]'))
				.map((li) => [li.getAttribute('data-layer'), { shown: Number(li.querySelector('[data-count="shown"]')!.textContent), inDistrict: Number(li.querySelector('[data-count="in-district"]')!.textContent) }])
		)
	);
}

type MapWindow = Window & {
	hengfuMap: {
		getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
		getCenter(): { lng: number; lat: number };
		project(p: [number, number]): { x: number; y: number };
		queryRenderedFeatures(geometry: unknown, o?: { layers: string[] }): Array<{ properties: Record<string, unknown> }>;
	};
};

const camera = (page: Page) =>
	page.evaluate(() => {
		const map = (window as unknown as MapWindow).hengfuMap;
		const b = map.getBounds();
		const c = map.getCenter();
		return { bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], centre: [c.lng, c.lat] as [number, number] };
	});

function expectFramed(view: { bounds: number[]; centre: [number, number] }, box: number[], centreRings?: typeof rings.hunan): void {
	const [w, s, e, n] = view.bounds;
	expect(w).toBeLessThanOrEqual(box[0]);
	expect(s).toBeLessThanOrEqual(box[1]);
	expect(e).toBeGreaterThanOrEqual(box[2]);
	expect(n).toBeGreaterThanOrEqual(box[3]);
	// Framed, not merely somewhere far out: the box fills much of the view.
	expect((box[2] - box[0]) / (e - w) + (box[3] - box[1]) / (n - s)).toBeGreaterThan(0.8);
	if (centreRings) expect(inRings(view.centre, centreRings)).toBe(true);
}

/** The `d` of the mask features drawn at a point of the map (none where nothing is dimmed). */
const maskAt = (page: Page, point: [number, number]) =>
	page.evaluate((p) => {
		const map = (window as unknown as MapWindow).hengfuMap;
		const at = map.project(p);
		return map.queryRenderedFeatures([at.x, at.y], { layers: ['district-mask'] }).map((f) => f.properties.d);
	}, point);

/** The mean brightness (0–255) of the 5×5 pixels drawn round a point, from a real screenshot. */
async function brightnessAt(page: Page, point: [number, number]): Promise<number> {
	const p = await page.evaluate((pt) => (window as unknown as MapWindow).hengfuMap.project(pt), point);
	const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	const png = (await page.screenshot({ clip: { x: box.x + Math.round(p.x) - 2, y: box.y + Math.round(p.y) - 2, width: 5, height: 5 } })).toString('base64');
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const c = document.createElement('canvas');
		[c.width, c.height] = [5, 5];
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const { data } = ctx.getImageData(0, 0, 5, 5);
		let sum = 0;
		for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
		return sum / 25;
	}, png);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the build covers both districts', () => {
	it('has 天平 as its default, and 湖南 with its own counts', () => {
		expect(registry.default).toBe('tianping');
		expect(registry.districts.map((d) => d.id).sort()).toEqual(['hunan', 'tianping']);
		expect(facets['protected-buildings'].by_district?.hunan).toBeGreaterThan(0);
		expect(facets['protected-buildings'].by_district?.hunan).not.toBe(facets['protected-buildings'].by_district?.tianping);
	});
});

describe('a link with d=hunan', () => {
	it('opens framed on 湖南 from the first frame, the outside dimmed, and counts 湖南’s features', async () => {
		// What the map was built with, before the page could move it (as in map.e2e.ts).
		const record = `window.__start = { jumps: 0, styles: 0 };
			let map;
			Object.defineProperty(window, 'hengfuMap', { configurable: true, get: () => map, set(m) {
				map = m;
				const c = m.getCenter();
				Object.assign(window.__start, { lng: c.lng, lat: c.lat });
				for (const name of ['jumpTo', 'easeTo', 'flyTo', 'fitBounds']) { const f = m[name]; m[name] = function (...a) { window.__start.jumps++; return f.apply(this, a); }; }
				const setStyle = m.setStyle; m.setStyle = function (...a) { window.__start.styles++; return setStyle.apply(this, a); };
			} });`;
		const { page, context, requests, errors } = await openPage(browser, '/?d=hunan', { initScript: record });
		try {
			await waitForMap(page);
			const start = await page.evaluate(() => (window as unknown as { __start: { lng: number; lat: number; jumps: number; styles: number } }).__start);
			expect(inRings([start.lng, start.lat], rings.hunan)).toBe(true);
			expect(start.jumps).toBe(0);
			expect(start.styles).toBe(0);
			expectFramed(await camera(page), hunan.bbox, rings.hunan);
			// The link keeps its choice, and takes the camera the map framed.
			await expect.poll(() => new URL(page.url()).searchParams.get('c')).toMatch(/^121\./);
			expect(new URL(page.url()).searchParams.get('d')).toBe('hunan');

			// The mask drawn is 湖南’s: over 天平, not over 湖南.
			expect(await maskAt(page, inside('tianping'))).toEqual(['hunan']);
			expect(await maskAt(page, inside('hunan'))).toEqual([]);
			expect(await page.locator('[data-district-name]').textContent()).toBe('湖南路街道');
			expect(await page.title()).toContain('湖南路街道');
			expect(await page.locator('[data-district="hunan"]').getAttribute('aria-pressed')).toBe('true');

			expect(await panelCounts(page)).toEqual(expectedCounts('hunan', defaultVisible));
			expect(await paintedShare(page)).toBeGreaterThan(0.3);
			await saveScreenshot(page, 'districts-hunan-1280-zh');
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('dims 天平 and not 湖南, where d=tianping does the opposite (the same view, pixel by pixel)', async () => {
		const [t, h] = [inside('tianping'), inside('hunan')];
		const view = `c=${((t[0] + h[0]) / 2).toFixed(5)},${((t[1] + h[1]) / 2).toFixed(5)}&z=14.3&layers=district-mask,district-boundary`;
		const read = async (d: string) => {
			const { page, context } = await openPage(browser, `/?d=${d}&${view}`);
			try {
				await waitForMap(page);
				return { t: await brightnessAt(page, t), h: await brightnessAt(page, h) };
			} finally {
				await context.close();
			}
		};
		const [asHunan, asTianping] = [await read('hunan'), await read('tianping')];
		expect(asHunan.t).toBeLessThan(asTianping.t - 10);
		expect(asHunan.h).toBeGreaterThan(asTianping.h + 10);
	});

	it('draws 安福路167号’s guidance centre, a record of 湖南, and says where it lies when 天平 is chosen', async () => {
		const centre = builtFeatures('elevator-retrofits').find((f) => f.properties.id === 'elevator-centre-hunan')!;
		expect(centre.properties.address).toBe('安福路167号');
		expect(centre.properties.district).toBe('hunan');
		const [lon, lat] = (centre.geometry as Point).coordinates as [number, number];
		const at = (page: Page) =>
			page.evaluate((p) => {
				const map = (window as unknown as MapWindow).hengfuMap;
				const xy = map.project(p);
				return map.queryRenderedFeatures([[xy.x - 6, xy.y - 6], [xy.x + 6, xy.y + 6]], { layers: ['elevator-retrofits', 'elevator-retrofits-groups'] }).map((f) => f.properties.id ?? `group of ${f.properties.n}`);
			}, [lon, lat] as [number, number]);

		// Below z16, groups and points alone are the chosen district's: it is drawn for 湖南 (alone or in a group), not for 天平.
		for (const [d, drawn] of [['hunan', true], ['tianping', false]] as const) {
			const { page, context } = await openPage(browser, `/?d=${d}&c=${lon},${lat}&z=14&layers=elevator-retrofits`);
			try {
				await waitForMap(page);
				expect((await at(page)).length > 0, d).toBe(drawn);
			} finally {
				await context.close();
			}
		}
		const { page, context } = await openPage(browser, `/?d=hunan&c=${lon},${lat}&z=17&layers=elevator-retrofits`);
		try {
			await waitForMap(page);
			expect(await at(page)).toContain('elevator-centre-hunan');
			await clickAt(page, [lon, lat]);
			await expect.poll(() => page.locator('aside.feature').getAttribute('data-feature-id')).toBe('elevator-centre-hunan');
			// In the chosen district: no note.
			expect(await page.locator('[data-feature-where]').count()).toBe(0);
			// From z16 every record is drawn; with 天平 chosen the panel says it lies in 湖南.
			await page.locator('[data-district="tianping"]').click();
			await expect.poll(() => page.locator('[data-feature-where]').textContent()).toBe('（位于湖南路街道）');
			await page.locator('button[data-action="lang"]').click();
			await expect.poll(() => page.locator('[data-feature-where]').textContent()).toBe('(in Hunan Road Subdistrict)');
			await saveScreenshot(page, 'districts-feature-other-district');
		} finally {
			await context.close();
		}
	});
});

describe('the switcher', () => {
	it('switches in zh and en: the URL, the frame, the subtitle, the counts, the filters and the published figures follow', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			expect(await page.locator('[data-district-name]').textContent()).toBe('天平路街道');
			expect(await panelCounts(page)).toEqual(expectedCounts('tianping', defaultVisible));
			expect(await page.locator('[data-district-switch] button').allTextContents()).toEqual(['天平', '湖南', '全部']);

			await page.locator('[data-district="hunan"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.get('d')).toBe('hunan');
			await waitForMap(page);
			await expect.poll(async () => inRings((await camera(page)).centre, rings.hunan)).toBe(true);
			expectFramed(await camera(page), hunan.bbox, rings.hunan);
			expect(await page.locator('[data-district-name]').textContent()).toBe('湖南路街道');
			expect(await panelCounts(page)).toEqual(expectedCounts('hunan', defaultVisible));
			// A filter's values are counted in 湖南.
			const batches = new Map<string, number>();
			for (const f of builtFeatures('protected-buildings')) if (f.properties.district === 'hunan' && f.properties.batch) batches.set(String(f.properties.batch), (batches.get(String(f.properties.batch)) ?? 0) + 1);
			await page.locator('li[data-layer="protected-buildings"] button[data-action="filters"]').click();
			const options = await page.locator('li[data-layer="protected-buildings"] select[data-filter="batch"] option').allTextContents();
			for (const [batch, n] of batches) expect(options.some((o) => o.includes(batch) && o.endsWith(`(${n})`)), `${batch} ${n}`).toBe(true);
			// 湖南’s published totals beside its layers, not 天平’s.
			const sprinklers = page.locator('details[data-totals="fire-sprinklers"]');
			await sprinklers.locator('summary').click();
			const hunanSprinklers = hunan.figures.filter((f) => f.layer === 'fire-sprinklers').map((f) => f.key);
			expect(await sprinklers.locator('li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-figure-district')}:${li.getAttribute('data-figure')}`))).toEqual(hunanSprinklers.map((k) => `hunan:${k}`));
			await saveScreenshot(page, 'districts-switched-hunan-zh');

			await page.locator('button[data-action="lang"]').click();
			expect(await page.locator('[data-district-name]').textContent()).toBe('Hunan Road Subdistrict');
			expect(await page.locator('[data-district-switch] button').allTextContents()).toEqual(['Tianping', 'Hunan', 'All']);
			expect(await page.locator('[data-district-switch]').getAttribute('aria-label')).toBe('Subdistrict');
			await page.locator('[data-district="tianping"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.has('d')).toBe(false);
			await waitForMap(page);
			await expect.poll(async () => inRings((await camera(page)).centre, rings.tianping)).toBe(true);
			expectFramed(await camera(page), tianping.bbox);
			expect(await page.locator('[data-district-name]').textContent()).toBe('Tianping Road Subdistrict');
			expect(await panelCounts(page)).toEqual(expectedCounts('tianping', defaultVisible));
			await saveScreenshot(page, 'districts-switched-tianping-en');
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('keeps the choice in the share link', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await waitForMap(page);
			await page.locator('[data-district="hunan"]').click();
			await waitForMap(page);
			await expect.poll(() => new URL(page.url()).searchParams.get('c')).not.toBe(null);
			await page.waitForTimeout(400);
			await page.locator('button[data-action="share"]').click();
			const shared = await page.evaluate(() => navigator.clipboard.readText());
			expect(new URL(shared).searchParams.get('d')).toBe('hunan');
			// The shared link opens on 湖南, at the camera it was shared from.
			const again = await openPage(browser, new URL(shared).pathname + new URL(shared).search);
			try {
				await waitForMap(again.page);
				expect(await again.page.locator('[data-district-name]').textContent()).toBe('湖南路街道');
				expect(await maskAt(again.page, inside('hunan'))).toEqual([]);
				expect(await panelCounts(again.page)).toEqual(expectedCounts('hunan', defaultVisible));
			} finally {
				await again.context.close();
			}
		} finally {
			await context.close();
		}
	});

	it('reads at 375 px in zh and en, the page no wider than the screen', async () => {
		for (const lang of ['zh', 'en']) {
			const { page, context, errors } = await openPage(browser, `/?lang=${lang}&d=hunan`, { width: 375 });
			try {
				await waitForMap(page);
				// On a phone the switch sits in the header's menu, one press away.
				await page.locator('button[data-action="menu"]').click();
				expect(await page.locator('[data-district-switch]').isVisible()).toBe(true);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
				expectFramed(await camera(page), hunan.bbox);
				await saveScreenshot(page, `districts-hunan-375-${lang}`);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}
	});
});

describe('d=all', () => {
	it('frames both districts, dims only outside them, counts both, and lists both districts’ figures, each labelled', async () => {
		const { page, context, errors } = await openPage(browser, '/?d=all&lang=en');
		try {
			await waitForMap(page);
			const both = [Math.min(tianping.bbox[0], hunan.bbox[0]), Math.min(tianping.bbox[1], hunan.bbox[1]), Math.max(tianping.bbox[2], hunan.bbox[2]), Math.max(tianping.bbox[3], hunan.bbox[3])];
			expectFramed(await camera(page), both);
			expect(await page.locator('[data-district-name]').textContent()).toBe('Tianping Road Subdistrict · Hunan Road Subdistrict');
			expect(await maskAt(page, inside('tianping'))).toEqual([]);
			expect(await maskAt(page, inside('hunan'))).toEqual([]);
			expect(await panelCounts(page)).toEqual(expectedCounts('all', defaultVisible));
			const sprinklers = page.locator('details[data-totals="fire-sprinklers"]');
			await sprinklers.locator('summary').click();
			const figures = await sprinklers.locator('li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-figure-district') ?? '', li.textContent ?? ''] as const));
			const expected = registry.districts.flatMap((d) => d.figures.filter((f) => f.layer === 'fire-sprinklers').map((f) => d.id));
			expect(figures.map(([d]) => d)).toEqual(expected);
			for (const [d, text] of figures) expect(text.startsWith(`${byId(d).name_en} · `), text).toBe(true);
			await saveScreenshot(page, 'districts-all-1280-en');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('an unknown d', () => {
	it('shows the default district, with a note in the UI language that can be dismissed, never a blank map', async () => {
		for (const [lang, note] of [
			['zh', '未知的街道 “nowhere”，已显示天平路街道'],
			['en', 'Unknown subdistrict "nowhere": showing Tianping Road Subdistrict']
		]) {
			const { page, context, errors } = await openPage(browser, `/?lang=${lang}&d=nowhere`);
			try {
				await waitForMap(page);
				const shown = page.locator('[data-district-note]');
				await expect.poll(() => shown.textContent()).toContain(note);
				expect(await shown.getAttribute('role')).toBe('status');
				expect(await paintedShare(page)).toBeGreaterThan(0.3);
				expect(await renderedCount(page, 'protected-buildings')).toBeGreaterThan(50);
				expect(await maskAt(page, inside('hunan'))).toEqual(['tianping']);
				expect(await panelCounts(page)).toEqual(expectedCounts('tianping', defaultVisible));
				await expect.poll(() => new URL(page.url()).searchParams.has('d')).toBe(false);
				if (lang === 'zh') await saveScreenshot(page, 'districts-unknown-zh');
				await shown.locator('button').click();
				expect(await shown.count()).toBe(0);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}
	});
});

describe('the panels follow the choice', () => {
	it('the planner counts 湖南’s features and shows 湖南’s published figures', async () => {
		const { page, context, errors } = await openPage(browser, '/?d=hunan&plan=1');
		try {
			await waitForMap(page);
			const count = (layer: string) => page.locator(`[data-plan="stats"] tr.layer[data-layer="${layer}"] td`).textContent().then(Number);
			for (const layer of ['protected-buildings', 'facilities', 'elevator-retrofits']) {
				const expected = builtFeatures(layer).filter((f) => f.properties.district === 'hunan').length;
				await expect.poll(() => count(layer), { timeout: 20_000 }).toBe(expected);
			}
			expect(await page.locator('[data-plan="scope"]').textContent()).toContain('湖南路街道');
			const figures = await page.locator('ul.figures li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-figure-district')}:${li.getAttribute('data-figure')}`));
			expect(figures.length).toBeGreaterThan(0);
			expect(figures.every((f) => f.startsWith('hunan:'))).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('the walk panel’s coverage grid covers the chosen district', async () => {
		const [t, h] = [inside('tianping'), inside('hunan')];
		const view = `c=${((t[0] + h[0]) / 2).toFixed(5)},${((t[1] + h[1]) / 2).toFixed(5)}&z=14.3`;
		const cellsAt = (page: Page, p: [number, number]) =>
			page.evaluate((pt) => {
				const map = (window as unknown as MapWindow).hengfuMap;
				const xy = map.project(pt);
				return map.queryRenderedFeatures([[xy.x - 3, xy.y - 3], [xy.x + 3, xy.y + 3]], { layers: ['walk-coverage'] }).length;
			}, p);
		for (const [d, name, covered, bare] of [['hunan', '湖南路街道', h, t], ['tianping', '天平路街道', t, h]] as const) {
			const { page, context, errors } = await openPage(browser, `/?d=${d}&walk=1&cov=health&${view}`);
			try {
				await waitForMap(page);
				await expect.poll(() => page.locator('[data-walk="shares"] tr[data-category="health"] td').textContent(), { timeout: 30_000 }).toMatch(/^\d+%$/);
				await waitForMap(page);
				expect(await page.locator('[data-walk="coverage-area"]').textContent()).toContain(name);
				expect(await cellsAt(page, covered), d).toBeGreaterThan(0);
				expect(await cellsAt(page, bare), d).toBe(0);
				if (d === 'hunan') await saveScreenshot(page, 'districts-walk-coverage-hunan');
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}
		// Switched while the panel is open: the grid is made anew for the new choice.
		const { page, context, errors } = await openPage(browser, `/?walk=1&cov=health&${view}`);
		try {
			await waitForMap(page);
			await expect.poll(() => cellsAt(page, t), { timeout: 30_000 }).toBeGreaterThan(0);
			await page.locator('[data-district-switch] [data-district="hunan"]').click();
			await expect.poll(() => page.locator('[data-walk="coverage-area"]').textContent()).toContain('湖南路街道');
			await waitForMap(page);
			await expect.poll(() => cellsAt(page, h), { timeout: 30_000 }).toBeGreaterThan(0);
			await page.evaluate(([lon, lat]) => (window as unknown as { hengfuMap: { jumpTo(o: unknown): void } }).hengfuMap.jumpTo({ center: [lon, lat], zoom: 14.3 }), view.slice(2).split('&')[0].split(',').map(Number));
			await waitForMap(page);
			await expect.poll(() => cellsAt(page, t)).toBe(0);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
		// Three cold pages, each waiting for the full archives after its first view (waitForMap).
	}, 240_000);
});
