import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayers, type BuildResult } from '../../../scripts/pipeline/build';
import { writeOutputs } from '../../../scripts/pipeline/write';
import { checkSources } from '../../../scripts/sources/check';
import { layerById } from '../../../src/lib/layers';
import { readArchive } from '../../../src/lib/tiles/read-archive';
import { refreshedFixtureSources } from '../../support/fixture-sources';

/**
 * The optional OSM sources end to end: recorded Overpass answers → sources:refresh → the build →
 * tiles, the layer data, the walk feature's facilities and the catalogue. Names starting with
 * 测试 and ids from 9000000000 are the fixtures' own (tests/fixtures/refresh/README.md).
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
let sources: string;
let out: string;
let result: BuildResult;
const read = (file: string) => JSON.parse(readFileSync(join(out, 'data', file), 'utf8'));
const props = (layer: string) => (read(`${layer}.geojson`).features as Array<{ properties: Record<string, unknown> }>).map((f) => f.properties);

beforeAll(async () => {
	sources = await refreshedFixtureSources();
	out = mkdtempSync(join(tmpdir(), 'refreshed-build-'));
	result = buildLayers({ repoRoot, sourcesDir: sources, districtId: 'tianping' });
	writeOutputs(result, out, sources);
	process.env.HENGFU_DATA_DIR = join(out, 'data');
});
afterAll(() => {
	delete process.env.HENGFU_DATA_DIR;
});

describe('a build after osm-buildings and osm-pois were fetched', () => {
	it('finds the folder matching its manifest, reads both sources and waits for nothing', () => {
		expect(checkSources(sources)).toMatchObject({ problems: [], pending: [] });
		for (const id of ['osm-buildings', 'osm-pois']) {
			const count = result.counts.find((c) => c.source === id)!;
			expect(count.read, id).toBeGreaterThan(0);
			expect(count.read).toBe(count.accepted + count.rejected);
		}
		expect(read('build-report.json').pending).toEqual([]);
	});

	it('puts every footprint in the buildings layer, joined to its protected building', () => {
		const buildings = props('buildings');
		expect(buildings.map((b) => b.osm_id).sort()).toEqual(['relation/9000000001', 'way/1272941794', 'way/205186467', 'way/494546178', 'way/495925111', 'way/9000000101', 'way/9000000102']);
		const westLake = buildings.find((b) => b.id === 'osm-way-494546178')!;
		expect(westLake).toMatchObject({ name_zh: '西湖公寓', building: 'apartments', levels: 11, address: '衡山路303号', protected_name: '西湖公寓', in_district: true });
		const listing = props('protected-buildings').find((p) => p.id === westLake.protected_id)!;
		expect(listing.name_zh).toBe('西湖公寓');
		expect(String(listing.match)).toContain('osm-buildings:same-osm-object');
		expect(buildings.find((b) => b.id === 'osm-way-9000000101')).toMatchObject({ osm_id: 'way/9000000101', levels: 3, protected_id: null });
		expect(result.matches.find((m) => m.source === 'osm-buildings')).toMatchObject({ candidates: 7 });
	});

	it('writes the footprints into the basemap tiles from z14, with the properties the map styles by', async () => {
		const archive = await readArchive(new Uint8Array(readFileSync(join(out, 'tiles/basemap.pmtiles'))));
		const seen = new Map<string, Record<string, unknown>>();
		const zooms = new Set<number>();
		for await (const { z, tile } of archive.tiles()) {
			const layer = tile.layers.buildings;
			if (!layer) continue;
			zooms.add(z);
			for (let i = 0; i < layer.length; i++) {
				const p = layer.feature(i).properties;
				seen.set(String(p.id), p);
			}
		}
		expect(Math.min(...zooms)).toBe(layerById('buildings')!.minzoom);
		expect(seen.get('osm-way-9000000101')).toEqual({ id: 'osm-way-9000000101', building: 'yes', levels: 3, in_district: true, district: 'tianping' });
		expect(seen.get('osm-way-494546178')).toMatchObject({ levels: 11, protected_id: String(props('buildings').find((b) => b.id === 'osm-way-494546178')!.protected_id) });
	});

	it('adds the life-circle POIs to the facilities, keeping their OSM id and dataset, and leaves the rest out', () => {
		const osm = props('facilities').filter((f) => f.dataset === 'osm-pois');
		const byId = new Map(osm.map((f) => [f.id, f]));
		expect(byId.get('osm-node-9000000201')).toMatchObject({ name_zh: '天平测试诊所', name_en: 'Tianping Test Clinic', category: 'health', origin: 'open-data', note_en: 'OpenStreetMap node/9000000201 (amenity=clinic)' });
		expect(byId.get('osm-node-9000000205')).toMatchObject({ category: 'elderly' });
		expect(byId.get('osm-way-9000000213')).toMatchObject({ name_zh: '测试幼儿园', category: 'education' });
		expect(byId.has('osm-node-9000000211')).toBe(false); // a restaurant
		expect(byId.has('osm-node-9000000212')).toBe(false); // a bench
		expect(osm).toHaveLength(11);
		expect(result.registers.open.find((o) => o.dataset === 'osm-pois')).toEqual({ dataset: 'osm-pois', read: 13, facilities: 11, notFacilities: 2, duplicates: 0 });
	});

	it('gives the walk feature the POIs, beyond the district too', () => {
		const walk = read('walk-facilities.json') as Array<{ id: string; category: string; point: number[] }>;
		expect(walk.find((f) => f.id === 'osm-node-9000000201')).toMatchObject({ category: 'health', point: [121.4421, 31.2049] });
	});

	it('shows in the catalogue: the buildings dataset counted, the facilities crediting OSM with its share-alike note', async () => {
		const { datasetSummary, datasetsIndex } = await import('../../../src/lib/server/catalogue');
		const index = datasetsIndex();
		const buildings = index.datasets.find((d) => d.id === 'buildings')!;
		expect(buildings.count.total).toBe(7);
		expect(buildings.waiting).toEqual([]);
		expect(buildings.licence_note?.en).toMatch(/Open Database License.*\(share-alike\)/);
		const facilities = datasetSummary(layerById('facilities')!);
		const osmSource = facilities.sources.find((s) => s.id === 'osm-pois')!;
		expect(osmSource).toMatchObject({ licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', retrieved: '2026-12-03', file: 'osm/pois_hengfu.geojson' });
		expect(facilities.licence_note).not.toBeNull();
	});

	it('counts the district’s buildings from the footprints, beside the published 1,366', () => {
		const figure = result.figures.tianping.find((f) => f.key === 'buildings')!;
		expect(figure.published).toBe(1366);
		expect(figure.computed).toBe(props('buildings').filter((b) => b.district === 'tianping').length);
		expect(figure.note).toMatch(/OSM building outlines in the district/);
	});
});
