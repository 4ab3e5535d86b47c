import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { toWgs84 } from '../../../src/lib/geo/crs';
import { mapPositions } from '../../../src/lib/geo/geometry';
import { sourcesDir } from '../../../scripts/pipeline/read';
import {
	attachForeignNames,
	attachHistoricNames,
	markNeverWidened,
	overpassToStreets,
	parseNeverWidenedCsv,
	type HistoricRoad
} from '../../../scripts/pipeline/streets';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const dir = sourcesDir(repoRoot);
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe.skipIf(!existsSync(dir))('streets stage on the real source bundle', () => {
	const STREETS = 'osm/streets_hengfu.overpass.json';
	// Loaded in beforeAll, not at collection: a skipped describe still runs its body to collect tests.
	let overpass: { elements: { type: string }[] };
	let streets: ReturnType<typeof overpassToStreets>['features'];
	let rejected: ReturnType<typeof overpassToStreets>['rejected'];
	beforeAll(() => {
		overpass = readJson(STREETS) as typeof overpass;
		({ features: streets, rejected } = overpassToStreets(overpass, STREETS));
	});

	it('accounts for every OSM way', () => {
		const waysIn = overpass.elements.filter((e) => e.type !== 'node').length;
		expect(streets.length + rejected.length).toBe(waysIn);
		expect(streets.length).toBeGreaterThan(600);
	});

	it('finds the historic names of the 衡复 main streets by geometric overlap, fast', () => {
		const table645 = readJson('645/table_li_shi_jiao_tong.geojson') as { features: Feature<Geometry | null, Record<string, unknown>>[] };
		const roads = table645.features
			.map((f): HistoricRoad => ({ ...f, geometry: f.geometry && mapPositions(f.geometry, (p) => toWgs84(p, 'GCJ02')) }));
		const t0 = performance.now();
		const { features, table } = attachHistoricNames(streets, roads);
		const ms = performance.now() - t0;
		const historicOf = (modern: string) => table.find((r) => r.modern === modern)?.historic;
		expect(historicOf('淮海中路')).toBe('霞飞路');
		expect(historicOf('武康路')).toBe('福开森路');
		expect(historicOf('衡山路')).toBe('贝当路');
		expect(features.filter((f) => f.properties.name === '武康路').every((f) => f.properties.name_historic?.startsWith('福开森路'))).toBe(true);
		// "well under a second" on an idle machine (~100–300 ms); the bound only catches an accidental O(n²).
		expect(ms).toBeLessThan(2000);
	});

	it('finds the French name of 淮海中路 from Virtual Shanghai addresses', () => {
		const vs = readJson('virtual_shanghai/buildings.geojson') as { features: Feature<Geometry | null, Record<string, unknown>>[] };
		const { features, table } = attachForeignNames(streets, vs.features);
		expect(table.find((r) => r.modern === '淮海中路')?.foreign).toMatch(/Joffre/);
		expect(features.find((f) => f.properties.name === '淮海中路')?.properties.name_fr).toMatch(/Joffre/);
	});

	it('finds every curated never-widened road among the OSM street names', () => {
		const csv = fileURLToPath(new URL('../../../data/never_widened_roads.csv', import.meta.url));
		const { entries, rejected: bad } = parseNeverWidenedCsv(readFileSync(csv, 'utf8'), 'data/never_widened_roads.csv');
		expect(bad).toEqual([]);
		const { features, unmatched } = markNeverWidened(streets, entries);
		expect(unmatched).toEqual([]);
		expect(features.filter((f) => f.properties.never_widened === 'confirmed')).toEqual([]);
		// 长乐路 is reported only between 常熟路 and 陕西南路: the ways west of 常熟路 and east of 陕西南路 stay unmarked.
		const changle = features.filter((f) => f.properties.name === '长乐路');
		const marked = changle.filter((f) => f.properties.never_widened === 'reported').map((f) => f.properties.osm_id).sort();
		expect(marked).toEqual([1068144843, 1068144844, 1068144849, 1118804251]);
		expect(changle.length).toBeGreaterThan(marked.length);
	});
});
