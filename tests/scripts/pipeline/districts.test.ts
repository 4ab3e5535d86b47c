import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { clipToDistrict, contextArea, loadDistrictRegistry, outsideMask, selectDistrict } from '../../../scripts/pipeline/districts';

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
		expect(() => loadDistrictRegistry(write('nofig.json', { default: 'a', districts: [{ id: 'a', name_zh: 'A', name_en: 'A', boundary_source: 'x', context_buffer_m: 300 }] }))).toThrowError(/nofig\.json: districts\.0\.figures/);
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
