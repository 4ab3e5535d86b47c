import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, toGeoJson, type AnyFeature } from '../../../src/lib/analysis';
import { at, feature, line, point, rectRing, square } from './fixtures';

const BOM = '\uFEFF';

/** The CSV read back by a real parser, so quoting is checked by what a reader gets. */
function readBack(csv: string): string[][] {
	expect(csv.startsWith(BOM)).toBe(true);
	const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

describe('toCsv', () => {
	it('writes a header of every property key in first-seen order, then lon, lat, geometry_type', () => {
		const rows = readBack(toCsv([point('a', 0, 0, { name: 'x' }), point('b', 0, 0, { status: 'completed', name: 'y' })]));
		expect(rows[0]).toEqual(['id', 'name', 'status', 'lon', 'lat', 'geometry_type']);
		expect(rows[1].slice(0, 3)).toEqual(['a', 'x', '']);
		expect(rows[2].slice(0, 3)).toEqual(['b', 'y', 'completed']);
	});
	it('quotes commas, quotes and newlines (RFC 4180) with CRLF rows', () => {
		const nasty = 'a, "quoted"\nsecond line\r\nthird';
		const csv = toCsv([point('a', 0, 0, { note: nasty })]);
		expect(csv).toContain('"a, ""quoted""\nsecond line\r\nthird"');
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(readBack(csv)[1][1]).toBe(nasty);
	});
	it('defuses formulas in text, but leaves numbers alone', () => {
		const rows = readBack(toCsv([point('=1+1', 0, 0, { a: '+SUM(A1)', b: '-2+3', c: '@cmd', d: '\t=x', e: 'a=b', n: -3, t: true })]));
		expect(rows[1].slice(0, 8)).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\t=x", 'a=b', '-3', 'true']);
	});
	it('writes Chinese as UTF-8 after a BOM, nulls empty, objects as JSON', () => {
		const csv = toCsv([point('b', 0, 0, { name_zh: '武康大楼', relic_level: null, facts: { stalls: 71 } })]);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(readBack(csv)[1].slice(0, 4)).toEqual(['b', '武康大楼', '', '{"stalls":71}']);
	});
	it('places each row: the point itself, halfway along a line, a polygon’s centroid', () => {
		const rows = readBack(toCsv([point('p', 10, 20), line('l', [[0, 0], [100, 0], [100, 200]]), square('s', 0, 0, 40)]));
		const lonLat = (row: string[]) => [Number(row[1]), Number(row[2])];
		const near = (got: number[], want: [number, number]) => {
			expect(got[0]).toBeCloseTo(want[0], 6);
			expect(got[1]).toBeCloseTo(want[1], 6);
		};
		near(lonLat(rows[1]), at(10, 20));
		near(lonLat(rows[2]), at(100, 50));
		near(lonLat(rows[3]), at(20, 20));
		expect(rows.slice(1).map((r) => r[3])).toEqual(['Point', 'LineString', 'Polygon']);
	});
	it('keeps a property named like a geometry column under properties.<key>', () => {
		const rows = readBack(toCsv([point('p', 0, 0, { lon: 121, lat: 31 })]));
		expect(rows[0]).toEqual(['id', 'properties.lon', 'properties.lat', 'lon', 'lat', 'geometry_type']);
		expect(rows[1].slice(1, 3)).toEqual(['121', '31']);
	});
	it('writes a header alone for no features and empty cells for no geometry', () => {
		expect(toCsv([])).toBe(`${BOM}lon,lat,geometry_type\r\n`);
		expect(readBack(toCsv([{ type: 'Feature', geometry: null as never, properties: { id: 'x' } }]))[1]).toEqual(['x', '', '', '']);
	});
});

describe('toGeoJson', () => {
	it('round-trips a FeatureCollection, Chinese and all', () => {
		const features: AnyFeature[] = [
			point('p', 10, 20, { name_zh: '武康大楼', note: 'a, "b"\n', n: 3, none: null }),
			line('l', [[0, 0], [100, 0]]),
			feature('mp', { type: 'MultiPolygon', coordinates: [[rectRing(0, 0, 10, 10)], [rectRing(20, 0, 30, 10)]] })
		];
		const text = toGeoJson(features);
		expect(JSON.parse(text)).toEqual({ type: 'FeatureCollection', features });
		expect(text.split('\n').length).toBe(features.length + 3);
		expect(JSON.parse(toGeoJson([]))).toEqual({ type: 'FeatureCollection', features: [] });
	});
});
