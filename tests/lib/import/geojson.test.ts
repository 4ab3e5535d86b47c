import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { fromWgs84, toWgs84 } from '../../../src/lib/geo/crs';
import { importGeoJson } from '../../../src/lib/import';

const WGS = { crs: 'WGS84' } as const;
const point = (lon: number, lat: number, properties: unknown = {}) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
const square = (x: number, y: number, d = 0.001) => [
	[x, y],
	[x + d, y],
	[x + d, y + d],
	[x, y + d],
	[x, y]
];
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('GeoJSON parsing', () => {
	it('imports a FeatureCollection with mixed geometry types, each feature on its own', () => {
		const r = importGeoJson(
			fc(
				point(121.44, 31.21, { name: 'p' }),
				{ type: 'Feature', properties: { name: 'l' }, geometry: { type: 'LineString', coordinates: [[121.44, 31.21], [121.45, 31.22]] } },
				{ type: 'Feature', properties: { name: 'poly' }, geometry: { type: 'Polygon', coordinates: [square(121.44, 31.21)] } },
				{ type: 'Feature', properties: null, geometry: { type: 'MultiPoint', coordinates: [[121.44, 31.21]] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[121.44, 31.21], [121.45, 31.22]]] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(121.44, 31.21)], [square(121.46, 31.21)]] } }
			),
			WGS
		);
		expect(r.fatal).toBeNull();
		expect(r.format).toBe('geojson');
		expect(r.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);
		expect(r.errors).toEqual([]);
		expect(r.stats).toEqual({ records: 6, imported: 6, rejected: 0, geocoded: 0, byMethod: {} });
		expect(r.columns).toEqual(['name']);
		expect(r.features[3].properties).toEqual({ _record: 3 });
	});

	it('reads a single Feature, a bare geometry and a bare list of features', () => {
		expect(importGeoJson(JSON.stringify(point(121.44, 31.21, { a: 1 })), WGS).features[0].properties).toEqual({ a: 1, _record: 0 });
		const bare = importGeoJson(JSON.stringify({ type: 'Point', coordinates: [121.44, 31.21] }), WGS);
		expect(bare.stats.imported).toBe(1);
		expect(bare.notes[0]).toMatch(/bare geometry/);
		expect(importGeoJson(JSON.stringify([point(121.44, 31.21), point(121.45, 31.21)]), WGS).stats.imported).toBe(2);
	});

	it('rejects features one by one with a reason, keeping the others', () => {
		const r = importGeoJson(
			fc(
				null,
				point(121.44, 31.21),
				{ type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } },
				{ type: 'Feature', properties: {}, geometry: null },
				{ type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [121.44, 31.21] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.44, '31.21'] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.44] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[121.44, 31.21]] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(121.44, 31.21).slice(0, 4)] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[121.44, 31.21], [121.45, 31.21], [121.44, 31.21]]] } },
				{ type: 'Feature', properties: 'text', geometry: { type: 'Point', coordinates: [121.44, 31.21] } },
				{ type: 'Point', coordinates: [121.44, 31.21] },
				{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [] } }
			),
			WGS
		);
		expect(r.stats).toMatchObject({ records: 13, imported: 1, rejected: 12 });
		expect(r.errors.every((e) => e.line === null)).toBe(true);
		expect(r.errors.map((e) => e.record)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		const reasons = r.errors.map((e) => e.reason);
		expect(reasons[0]).toBe('the feature is null, not an object');
		expect(reasons[1]).toMatch(/GeometryCollection is not supported/);
		expect(reasons[2]).toBe('the feature has no geometry');
		expect(reasons[3]).toMatch(/geometry type "Circle" is not one of Point/);
		expect(reasons[4]).toBe('geometry.coordinates[1]: expected a finite number, got the text "31.21"');
		expect(reasons[5]).toMatch(/both lon and lat/);
		expect(reasons[6]).toMatch(/at least 2 positions/);
		expect(reasons[7]).toMatch(/geometry.coordinates\[0\]: a polygon ring must be closed/);
		expect(reasons[8]).toMatch(/at least 4 positions/);
		expect(reasons[9]).toMatch(/^properties: expected an object/);
		expect(reasons[10]).toMatch(/must be "Feature"/);
		expect(reasons[11]).toMatch(/empty list of positions/);
	});

	it('rejects 1e400 (Infinity once parsed) and features outside Shanghai', () => {
		const r = importGeoJson(
			'{"type":"FeatureCollection","features":[' +
				'{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,31.2]}},' +
				'{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[2.35,48.85]}},' +
				'{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[121.44,31.21],[131.44,31.21]]}}]}',
			WGS
		);
		expect(r.stats.imported).toBe(0);
		expect(r.errors[0].reason).toMatch(/Infinity/);
		expect(r.errors[1].reason).toMatch(/2\.35, 48\.85 lies outside Shanghai/);
		expect(r.errors[2].reason).toMatch(/^position 2 of 2: 131\.44, 31\.21 lies outside Shanghai/);
	});

	it('flattens properties: nested values as JSON text, long strings cut, own names kept apart', () => {
		const r = importGeoJson(
			fc(point(121.44, 31.21, { nested: { a: [1, 2] }, list: [1, 'x'], flag: true, none: null, long: 'x'.repeat(30), _record: 'mine', __proto__x: 1 })),
			{ crs: 'WGS84', limits: { maxStringLength: 12 } }
		);
		expect(r.features[0].properties).toEqual({ nested: '{"a":[1,2]}', list: '[1,"x"]', flag: true, none: null, long: 'x'.repeat(12), _record_file: 'mine', __proto__x: 1, _record: 0 });
		expect(r.notes.join(' ')).toMatch(/longer than 12 characters/);
	});

	it('keeps a "__proto__" key as an ordinary property', () => {
		const r = importGeoJson('{"type":"Feature","properties":{"__proto__":{"polluted":1}},"geometry":{"type":"Point","coordinates":[121.44,31.21]}}', WGS);
		const props = r.features[0].properties!;
		expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
		expect(Object.keys(props)).toContain('__proto__');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('keeps feature ids and heights', () => {
		const r = importGeoJson(JSON.stringify({ type: 'Feature', id: 'a1', properties: {}, geometry: { type: 'Point', coordinates: [121.44, 31.21, 12.5, 99] } }), WGS);
		expect(r.features[0].id).toBe('a1');
		expect((r.features[0].geometry as { coordinates: number[] }).coordinates).toEqual([121.44, 31.21, 12.5]);
	});

	it('gives whole-file messages for broken JSON, non-GeoJSON and empty collections', () => {
		expect(importGeoJson('{"type": "FeatureCollection", "features": [', WGS).fatal).toMatch(/not valid JSON/);
		expect(importGeoJson('42', WGS).fatal).toMatch(/holds the number 42/);
		expect(importGeoJson('{"a":1}', WGS).fatal).toMatch(/has no "type"/);
		expect(importGeoJson('{"type":"Topology","objects":{}}', WGS).fatal).toMatch(/TopoJSON/);
		expect(importGeoJson('{"type":"FeatureCollection","features":{}}', WGS).fatal).toMatch(/"features" must be a list/);
		expect(importGeoJson('{"type":"FeatureCollection","features":[]}', WGS).fatal).toMatch(/no features/);
		expect(importGeoJson('   ', WGS).fatal).toMatch(/empty/);
	});

	it('rejects the whole file beyond maxFeatures features', () => {
		const features = Array.from({ length: 11 }, () => point(121.44, 31.21));
		const r = importGeoJson(fc(...features), { crs: 'WGS84', limits: { maxFeatures: 10 } });
		expect(r.fatal).toBe('The file has 11 features; the limit is 10: split it into smaller files or filter it.');
	});
});

describe('GeoJSON coordinates', () => {
	it('converts every position from the declared system, keeping rings closed', () => {
		for (const crs of ['GCJ02', 'BD09'] as const) {
			const ring = square(121.44, 31.21).map(([x, y]) => fromWgs84([x, y], crs));
			const r = importGeoJson(fc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }), { crs });
			const out = (r.features[0].geometry as Polygon).coordinates[0];
			expect(out).toEqual(ring.map((p) => toWgs84(p, crs)));
			expect(out[0]).toEqual(out[out.length - 1]);
		}
	});

	it('reads GeoJSON as WGS84 when told so, rounding to 1e-7', () => {
		const r = importGeoJson(fc(point(121.123456789, 31.123456789)), WGS);
		expect((r.features[0].geometry as { coordinates: number[] }).coordinates).toEqual([121.1234568, 31.1234568]);
	});
});
