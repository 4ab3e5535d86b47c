import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../src/lib/layers';
import type { MapDistricts } from '../../src/lib/map/districts';
import { readArchive } from '../../src/lib/tiles/read-archive';
import { ARCHIVE_ZOOMS } from '../../src/lib/tiles/archives';
import { expectOnlyLocalRequests, launchBrowser, openPage } from './browser';
import { builtFeatures } from './built';
import { waitForMap } from './map';

/**
 * Progressive loading (src/lib/map/first-archives.ts): the map of one district draws its first
 * view from that district's first archives alone, then reads the full archives and shows the other
 * district's records; `d=all` reads the full archives from the start. What is expected is read
 * from the built site (districts.json, the archives, the layers' GeoJSON).
 */
const registry: MapDistricts = JSON.parse(readFileSync('build/data/districts.json', 'utf8'));
const THEMATIC = LAYERS.filter((l) => l.archive === 'thematic' && l.style.visible).map((l) => l.id);

/** The record ids an archive holds per layer (at its last zoom, where every record is). */
async function archiveIds(name: string): Promise<Map<string, Set<string>>> {
	const archive = await readArchive(new Uint8Array(readFileSync(`build/tiles/${name}.pmtiles`)));
	const ids = new Map<string, Set<string>>();
	for await (const { tile } of archive.tiles(ARCHIVE_ZOOMS.maxZoom)) {
		for (const [layer, features] of Object.entries(tile.layers)) {
			const set = ids.get(layer) ?? ids.set(layer, new Set()).get(layer)!;
			for (let i = 0; i < features.length; i++) set.add(String(features.feature(i).properties.id));
		}
	}
	return ids;
}

type FirstIdle = { sources: Record<string, string>; state: string | undefined; rendered: Record<string, string[]> };

/**
 * Put in before the page's scripts: at the map's first 'idle' (its first full view) it notes which
 * archive each source reads, the container's state and the records drawn of each layer.
 */
const HOOK = (layers: string[]) => `(() => {
	let value;
	Object.defineProperty(window, 'hengfuMap', { configurable: true, get() { return value; }, set(map) {
		value = map;
		map.once('idle', () => {
			const styleLayers = map.getStyle().layers.filter((l) => l.type !== 'symbol' && !l.id.endsWith('-selected'));
			const rendered = {};
			for (const id of ${JSON.stringify(layers)}) {
				const ids = styleLayers.filter((l) => l['source-layer'] === id).map((l) => l.id);
				rendered[id] = [...new Set(map.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.id)))];
			}
			const sources = map.getStyle().sources;
			window.__firstIdle = { sources: { basemap: sources.basemap.tiles[0], thematic: sources.thematic.tiles[0] }, state: map.getContainer().dataset.thematic, rendered };
		});
	} });
})();`;

/** Records of a layer drawn in the viewport now, by id. */
function renderedIds(page: Page, layer: string): Promise<string[]> {
	return page.evaluate((id) => {
		const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string; type: string; 'source-layer'?: string }[] }; queryRenderedFeatures(o: unknown): { properties: { id?: string } }[] } }).hengfuMap;
		const layers = map.getStyle().layers.filter((l) => l['source-layer'] === id && l.type !== 'symbol' && !l.id.endsWith('-selected')).map((l) => l.id);
		return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id)))];
	}, layer);
}

const archiveOf = (url: string) => /\/tiles\/([^/]+)\.pmtiles/.exec(url)?.[1];

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the thematic layers load the reader’s district first', () => {
	for (const [path, district] of [['/', registry.default], ['/?d=hunan', 'hunan']] as const) {
		it(`${path}: the first view reads ${district}'s first archives alone, then the full archives show the other district’s records`, async () => {
			expect(registry.districts.find((d) => d.id === district)!.first_archives).toEqual(['basemap', 'thematic']);
			const first = `thematic-${district}`;
			const [firstIds, fullIds] = [await archiveIds(first), await archiveIds('thematic')];
			const { page, context, requests, errors } = await openPage(browser, path, { initScript: HOOK(THEMATIC) });
			try {
				const atIdle = (await (await page.waitForFunction(() => (window as unknown as { __firstIdle?: FirstIdle }).__firstIdle, null, { timeout: 60_000 })).jsonValue()) as FirstIdle;
				expect(archiveOf(atIdle.sources.basemap)).toBe(`basemap-${district}`);
				expect(archiveOf(atIdle.sources.thematic)).toBe(first);
				expect(atIdle.state).toBe('district');
				// Everything drawn in the first view is in the district's first archive.
				for (const layer of THEMATIC) for (const id of atIdle.rendered[layer]) expect(firstIds.get(layer)?.has(id), `${layer} ${id}`).toBe(true);
				expect(Object.values(atIdle.rendered).flat().length).toBeGreaterThan(0);

				// Then the full archives, in place: the state says so once their tiles are drawn.
				await waitForMap(page);
				expect(await page.locator('#map').getAttribute('data-thematic')).toBe('full');
				const now = await page.evaluate(() => {
					const { sources } = (window as unknown as { hengfuMap: { getStyle(): { sources: Record<string, { tiles: string[] }> } } }).hengfuMap.getStyle();
					return [sources.basemap.tiles[0], sources.thematic.tiles[0]];
				});
				expect(now.map(archiveOf)).toEqual(['basemap', 'thematic']);
				// The archives asked for, of each source: the district's first, then the full one, never the other way round.
				for (const archive of ['basemap', 'thematic']) {
					const asked = requests.map(archiveOf).filter((a): a is string => a !== undefined && a.startsWith(archive));
					expect(asked[0], archive).toBe(`${archive}-${district}`);
					expect(asked.lastIndexOf(`${archive}-${district}`), archive).toBeLessThan(asked.indexOf(archive));
					expect(new Set(asked), archive).toEqual(new Set([`${archive}-${district}`, archive]));
				}

				// Records the first archive lacks are drawn now: of the other district, as the built layers say.
				const district_of = new Map<string, unknown>(THEMATIC.flatMap((l) => builtFeatures(l).map((f) => [`${l} ${f.properties.id}`, f.properties.district] as const)));
				const added: string[] = [];
				for (const layer of THEMATIC) for (const id of await renderedIds(page, layer)) if (!firstIds.get(layer)?.has(id)) added.push(`${layer} ${id}`);
				expect(added.length).toBeGreaterThan(0);
				for (const key of added) {
					expect(fullIds.get(key.split(' ')[0])?.has(key.split(' ')[1]), key).toBe(true);
					expect(district_of.get(key), key).not.toBe(district);
				}
				expectOnlyLocalRequests(requests);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		});
	}

	it('/?d=all reads the full archives from the start', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/?d=all', { initScript: HOOK(THEMATIC) });
		try {
			const atIdle = (await (await page.waitForFunction(() => (window as unknown as { __firstIdle?: FirstIdle }).__firstIdle, null, { timeout: 60_000 })).jsonValue()) as FirstIdle;
			expect([archiveOf(atIdle.sources.basemap), archiveOf(atIdle.sources.thematic)]).toEqual(['basemap', 'thematic']);
			expect(atIdle.state).toBe('full');
			await waitForMap(page);
			const asked = requests.map(archiveOf).filter((a): a is string => a !== undefined);
			expect(asked.length).toBeGreaterThan(0);
			expect(new Set(asked)).toEqual(new Set(['basemap', 'thematic']));
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
