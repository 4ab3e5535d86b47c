import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { clipToCoverage, clipToDistrict, contextArea, coverage, coverDistricts, loadDistrictRegistry, outsideMask, selectDistrict } from '../../../scripts/pipeline/districts';
import { SourceError } from '../../../scripts/pipeline/report';

// A 1 km × ~1.1 km square district around Tianping.
const square: Feature<Polygon> = {
	type: 'Feature',
	properties: {},
	geometry: { type: 'Polygon', coordinates: [[[121.44, 31.2], [121.45, 31.2], [121.45, 31.21], [121.44, 31.21], [121.44, 31.2]]] }
};
const point = (lon: number, lat: number, id: string): Feature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('clipToDistrict', () => {
	const context = contextArea(square, 300);
	it('keeps features in the district and its 300 m buffer, flagging which are inside', () => {
		const inside = point(121.445, 31.205, 'in');
		const inBuffer = point(121.45 + 0.002, 31.205, 'buffer'); // ~190 m east
		const outside = point(121.45 + 0.005, 31.205, 'out'); // ~475 m east
		const clipped = clipToDistrict([inside, inBuffer, outside], square, context);
		expect(clipped.map((f) => [f.properties.id, f.properties.in_district])).toEqual([
			['in', true],
			['buffer', false]
		]);
	});
	it('keeps a line that crosses the boundary whole, flagged inside', () => {
		const line: Feature = { type: 'Feature', properties: { id: 'l' }, geometry: { type: 'LineString', coordinates: [[121.43, 31.205], [121.445, 31.205]] } };
		const [clipped] = clipToDistrict([line], square, context);
		expect(clipped.properties.in_district).toBe(true);
		expect(clipped.geometry).toEqual(line.geometry);
	});
	it('masks the outside but not the district', () => {
		const mask = outsideMask(square);
		expect(booleanPointInPolygon([121.445, 31.205], mask)).toBe(false);
		expect(booleanPointInPolygon([121.46, 31.205], mask)).toBe(true);
		expect(area(mask)).toBeGreaterThan(area(square));
	});
});

describe('district registry', () => {
	const dir = mkdtempSync(join(tmpdir(), 'districts-'));
	const write = (name: string, value: unknown) => {
		const path = join(dir, name);
		writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
		return path;
	};
	it('loads the real registry with Tianping as default and Hunan beside it', () => {
		const registry = loadDistrictRegistry(join(import.meta.dirname, '../../../data/districts.json'));
		expect(selectDistrict(registry, undefined).id).toBe('tianping');
		expect(selectDistrict(registry, 'hunan').boundary_source).toBe('osm-boundary-hunan');
		const figures = Object.fromEntries(selectDistrict(registry, undefined).figures.map((f) => [f.key, f.value]));
		expect(figures).toMatchObject({ area_km2: 2.68, buildings: 1366, protected_buildings: 113, never_widened_roads: 17, residents_committees: 21, elevator_entrances_surveyed: 303, elevator_entrances_suitable: 56, elevator_entrances_difficult: 136 });
	});
	it('names the file and field of a bad registry', () => {
		expect(() => loadDistrictRegistry(write('bad.json', '{'))).toThrowError(/bad\.json: cannot be read as JSON/);
		// The default district itself invalid: nothing to open the map on.
		expect(() => loadDistrictRegistry(write('nofig.json', { default: 'a', districts: [{ id: 'a', name_zh: 'A', name_en: 'A', boundary_source: 'x', context_buffer_m: 300 }] }))).toThrowError(/nofig\.json: default: no valid district "a" \(.*districts\.0\.figures/);
		expect(() => loadDistrictRegistry(write('nodefault.json', { default: 'b', districts: [] }))).toThrowError(/nodefault\.json/);
	});
	it('says which districts exist when asked for an unknown one', () => {
		const registry = loadDistrictRegistry(join(import.meta.dirname, '../../../data/districts.json'));
		expect(() => selectDistrict(registry, 'xujiahui')).toThrowError(/no district "xujiahui" \(known: tianping, hunan\)/);
	});
});

describe('clipToDistrict edge cases', () => {
	const context = contextArea(square, 300);
	it('keeps a line that crosses the area with no vertex inside it', () => {
		const through: Feature = { type: 'Feature', properties: { id: 't' }, geometry: { type: 'LineString', coordinates: [[121.43, 31.205], [121.46, 31.205]] } };
		const [clipped] = clipToDistrict([through], square, context);
		expect(clipped.properties.in_district).toBe(true);
	});
	it('keeps a polygon that contains the whole district', () => {
		const big: Feature = { type: 'Feature', properties: { id: 'b' }, geometry: { type: 'Polygon', coordinates: [[[121.4, 31.1], [121.5, 31.1], [121.5, 31.3], [121.4, 31.3], [121.4, 31.1]]] } };
		expect(clipToDistrict([big], square, context)[0].properties.in_district).toBe(true);
	});
	it('drops a line in the bounding box but outside the buffered area', () => {
		const corner: Feature = { type: 'Feature', properties: { id: 'c' }, geometry: { type: 'LineString', coordinates: [[121.4355, 31.2145], [121.4365, 31.2135]] } };
		expect(clipToDistrict([corner], square, context)).toEqual([]);
	});
});

describe('a build of several districts', () => {
	const east: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[121.45, 31.2], [121.46, 31.2], [121.46, 31.21], [121.45, 31.21], [121.45, 31.2]]] } };
	const entry = (id: string) => ({ id, name_zh: id, name_en: id, boundary_source: `b-${id}`, context_buffer_m: 300, figures: [] });
	const boundaries: Record<string, Feature<Polygon> | null> = { west: square, east, again: square, broken: null };

	it('covers each district with a boundary, and leaves out, with the reason, one that cannot be read, does not close or overlaps another', () => {
		const { covered, problems } = coverDistricts([entry('west'), entry('east'), entry('again'), entry('broken'), entry('missing')], (d) => {
			if (d.id === 'missing') throw new SourceError('osm/missing.geojson', 'not found in data/sources.');
			return boundaries[d.id] ?? null;
		});
		expect(covered.map((c) => c.district.id)).toEqual(['west', 'east']);
		expect(problems.map((p) => [p.district, p.reason])).toEqual([
			['again', "its boundary overlaps west's by more than 1% of the smaller: a place would belong to two districts"],
			['broken', expect.stringMatching(/^boundary source b-broken holds no valid polygon \(a ring that does not close is rejected/)],
			['missing', 'boundary source b-missing: osm/missing.geojson: not found in data/sources.']
		]);
	});

	it('says which district each feature lies in: a point its own, a line across the line by its middle, the context none', () => {
		const { covered } = coverDistricts([entry('west'), entry('east')], (d) => boundaries[d.id]!);
		const cov = coverage(covered);
		const across: Feature = { type: 'Feature', properties: { id: 'road' }, geometry: { type: 'LineString', coordinates: [[121.448, 31.205], [121.458, 31.205]] } };
		const clipped = clipToCoverage([point(121.445, 31.205, 'w'), point(121.455, 31.205, 'e'), point(121.4405, 31.2103, 'edge-w'), across, point(121.4625, 31.205, 'beyond'), point(121.5, 31.3, 'far')], cov);
		expect(clipped.map((f) => [f.properties.id, f.properties.district, f.properties.in_district])).toEqual([
			['w', 'west', true],
			['e', 'east', true],
			['edge-w', null, false],
			['road', 'east', true],
			['beyond', null, false]
		]);
	});

	it('reads each registry entry on its own: a figure without its source leaves that district out, not the build', () => {
		const dir = mkdtempSync(join(tmpdir(), 'registry-'));
		const path = join(dir, 'districts.json');
		const bad = { ...entry('b'), figures: [{ key: 'x', value: 1, unit: 'u', label_zh: 'x', label_en: 'x', quote: 'q', date: '2021' }] };
		writeFileSync(path, JSON.stringify({ default: 'a', districts: [entry('a'), bad] }));
		const registry = loadDistrictRegistry(path);
		expect(registry.districts.map((d) => d.id)).toEqual(['a']);
		expect(registry.problems).toEqual([{ district: 'b', reason: expect.stringMatching(/districts\.1\.figures\.0\.source: /) }]);
	});
});
