import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { fromWgs84, toWgs84 } from '../../../src/lib/geo/crs';
import { importCsv } from '../../../src/lib/import';
import { guessDelimiter, parseCsvRows } from '../../../src/lib/import/csv-parse';
import { metres } from '../../../scripts/pipeline/conflate/geo';

const WGS = { crs: 'WGS84' } as const;
const wukang: [number, number] = [121.4335303, 31.2061976];
const coordinates = (r: ReturnType<typeof importCsv>) => r.features.map((f) => (f.geometry as Point).coordinates);

describe('CSV parsing', () => {
	it('imports 3 good rows and lists the 2 bad ones with their file lines', () => {
		const csv = ['name,lon,lat', 'good1,121.44,31.21', 'bad1,abc,31.2', 'good2,121.45,31.22', 'bad2,121.45,', 'good3,121.43,31.20'].join('\n');
		const r = importCsv(csv, WGS);
		expect(r.fatal).toBeNull();
		expect(r.format).toBe('csv');
		expect(r.features.map((f) => f.properties!.name)).toEqual(['good1', 'good2', 'good3']);
		expect(r.errors.map((e) => [e.line, e.record])).toEqual([
			[3, 1],
			[5, 3]
		]);
		expect(r.errors[0].reason).toBe('lon "abc" is not a number');
		expect(r.errors[1].reason).toBe('lat is empty');
		expect(r.stats).toEqual({ records: 5, imported: 3, rejected: 2, geocoded: 0, byMethod: {} });
		expect(r.columns).toEqual(['name', 'lon', 'lat']);
		expect(r.features.map((f) => f.properties!._record)).toEqual([0, 2, 4]);
	});

	it('counts real file lines across quoted newlines, blank lines and CRLF', () => {
		const csv = 'name,lon,lat\r\n"two\r\nline",121.44,31.21\r\n\r\n   \r\nbad,x,y\r\n"a ""quoted"" name",121.44,31.21\r\nbad2,1,2\r\n';
		const r = importCsv(csv, WGS);
		expect(r.features.map((f) => f.properties!.name)).toEqual(['two\r\nline', 'a "quoted" name']);
		expect(r.errors.map((e) => e.line)).toEqual([6, 8]);
		expect(r.errors.map((e) => e.record)).toEqual([1, 3]);
		expect(r.stats.records).toBe(4); // blank lines are neither records nor errors
	});

	it('counts lines in old Mac files (CR only) and after blank lines before the header', () => {
		expect(importCsv('name,lon,lat\ra,121.44,31.21\rbad,x,31.21\r', WGS).errors[0].line).toBe(3);
		const r = importCsv('\n\nname,lon,lat\na,121.44,31.21\nbad,x,31.21\n', WGS);
		expect(r.columns).toEqual(['name', 'lon', 'lat']);
		expect(r.errors[0]).toMatchObject({ line: 5, record: 1 });
	});

	it('reports an unterminated quote on the row where it opens', () => {
		const r = importCsv('name,lon,lat\nok,121.44,31.21\n"broken,121.44,31.21\nlater,121.44,31.21\n', WGS);
		expect(r.stats.imported).toBe(1);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0].line).toBe(3);
		expect(r.errors[0].reason).toMatch(/never closed/);
	});

	it('rejects rows with more values than the header has columns, but not trailing empty ones', () => {
		const r = importCsv('name,lon,lat\na,121.44,31.21,,\nb,121,44,31.21\n', WGS);
		expect(r.stats.imported).toBe(1);
		expect(r.errors[0]).toMatchObject({ line: 3, record: 1 });
		expect(r.errors[0].reason).toMatch(/4 values where the header has 3 columns/);
	});

	it('detects comma, semicolon and tab delimiters from the header', () => {
		expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(guessDelimiter('a\tb\n1\t2')).toBe('\t');
		expect(guessDelimiter('"x;y",b,c\n')).toBe(',');
		expect(guessDelimiter('address\n武康路1号')).toBe(',');
		for (const d of [',', ';', '\t']) {
			const r = importCsv(['name', 'lon', 'lat'].join(d) + '\n' + ['a', '121.44', '31.21'].join(d), WGS);
			expect(r.stats.imported).toBe(1);
		}
	});

	it('finds coordinate and address columns by Chinese and English names, case and notes ignored', () => {
		for (const [lon, lat] of [['经度', '纬度'], ['LNG', 'Lat'], ['Longitude', 'LATITUDE'], ['x', 'y'], ['经度(GCJ02)', '纬度（GCJ02）'], ['lon [deg]', 'lat [deg]']]) {
			const r = importCsv(`名称,${lon},${lat}\n武康大楼,121.4335,31.2062`, WGS);
			expect(r.stats.imported, `${lon}/${lat}`).toBe(1);
		}
	});

	it('says what is missing when no location column is found', () => {
		const none = importCsv('name,value\na,1', WGS);
		expect(none.fatal).toMatch(/No location columns.*"name", "value"/);
		const half = importCsv('name,lon\na,121.4', WGS);
		expect(half.fatal).toMatch(/no latitude column/);
		const halfWithAddress = importCsv('name,lon,地址\na,121.4,武康路1号', { crs: 'WGS84', geocode: () => ({ ok: true, point: wukang, method: 'exact', confidence: 1, anchors: [] }) as never });
		expect(halfWithAddress.fatal).toBeNull();
		expect(halfWithAddress.notes[0]).toMatch(/placed by their address only/);
	});

	it('gives whole-file messages for empty, header-only and all-blank files', () => {
		expect(importCsv('', WGS).fatal).toMatch(/empty/);
		expect(importCsv('\uFEFF', WGS).fatal).toMatch(/empty/);
		expect(importCsv('\n\n ,, \n', WGS).fatal).toMatch(/empty|no rows/);
		expect(importCsv('name,lon,lat\n\n', WGS).fatal).toMatch(/header \(3 columns\) but no rows/);
	});

	it('keeps every column as a property: numbers that read back the same, blanks as null', () => {
		const r = importCsv('id,code,name,lon,lat,note\n12,007,Wukang,121.44,31.21,\n', WGS);
		expect(r.features[0].properties).toEqual({ id: 12, code: '007', name: 'Wukang', lon: 121.44, lat: 31.21, note: null, _record: 0 });
	});

	it('renames blank, duplicate and reserved column names, and cuts long values', () => {
		const r = importCsv(`name,name,,_record,lon,lat\na,b,c,d,121.44,31.21\n"${'长'.repeat(50)}",,,,121.44,31.21`, { crs: 'WGS84', limits: { maxStringLength: 10 } });
		expect(r.columns).toEqual(['name', 'name_2', 'column_3', '_record_2', 'lon', 'lat']);
		expect(r.features[0].properties).toMatchObject({ name: 'a', name_2: 'b', column_3: 'c', _record_2: 'd', _record: 0 });
		expect(r.features[1].properties!.name).toBe('长'.repeat(10));
		expect(r.notes.join(' ')).toMatch(/renamed/);
		expect(r.notes.join(' ')).toMatch(/1 value was longer than 10 characters/);
	});

	it('rejects the whole file beyond maxFeatures rows', () => {
		const rows = Array.from({ length: 6 }, (_, i) => `p${i},121.44,31.21`);
		expect(importCsv(['name,lon,lat', ...rows].join('\n'), { crs: 'WGS84', limits: { maxFeatures: 6 } }).fatal).toBeNull();
		const r = importCsv(['name,lon,lat', ...rows, 'p6,121.44,31.21'].join('\n'), { crs: 'WGS84', limits: { maxFeatures: 6 } });
		expect(r.fatal).toMatch(/more than 6 rows; the limit is 6/);
		expect(r.features).toEqual([]);
	});

	it('gives parseCsvRows its file lines', () => {
		const rows = parseCsvRows('a,b\n\n1,"x\ny"\n2,3', 100);
		expect(rows.header!.line).toBe(1);
		expect(rows.rows.map((r) => r.line)).toEqual([3, 5]);
	});
});

describe('CSV coordinates', () => {
	it('converts GCJ-02 and BD-09 rows exactly as toWgs84 does', () => {
		for (const crs of ['GCJ02', 'BD09'] as const) {
			const [lon, lat] = fromWgs84(wukang, crs);
			const r = importCsv(`name,lon,lat\nwukang,${lon},${lat}`, { crs });
			expect(coordinates(r)[0]).toEqual(toWgs84([lon, lat], crs));
			expect(metres(coordinates(r)[0] as [number, number], wukang)).toBeLessThan(1);
		}
	});

	it('moves the same numbers by the declared system', () => {
		const csv = 'name,lon,lat\nw,121.4335303,31.2061976';
		const wgs = coordinates(importCsv(csv, { crs: 'WGS84' }))[0] as [number, number];
		const gcj = coordinates(importCsv(csv, { crs: 'GCJ02' }))[0] as [number, number];
		const bd = coordinates(importCsv(csv, { crs: 'BD09' }))[0] as [number, number];
		expect(wgs).toEqual(wukang);
		expect(metres(gcj, wukang)).toBeGreaterThan(400);
		expect(metres(bd, wukang)).toBeGreaterThan(1000);
	});

	it('reads full-width digits and rejects NaN, Infinity, 1e400 and hex', () => {
		expect(importCsv('name,lon,lat\na,１２１．４４,３１．２１', WGS).stats.imported).toBe(1);
		const r = importCsv('name,lon,lat\na,NaN,31.2\nb,Infinity,31.2\nc,1e400,31.2\nd,-Infinity,31.2\ne,0x79,31.2', WGS);
		expect(r.stats.imported).toBe(0);
		expect(r.errors.map((e) => e.reason)).toEqual([
			'lon "NaN" is not a number',
			'lon "Infinity" is not a number',
			'lon "1e400" is not a finite number',
			'lon "-Infinity" is not a number',
			'lon "0x79" is not a number'
		]);
	});

	it('rejects points outside Shanghai, with a hint when lon and lat are swapped or projected', () => {
		const r = importCsv('name,lon,lat\nparis,2.35,48.85\nswapped,31.21,121.44\nmetres,-3500.2,-12000.5\nbeijing,116.4,39.9', { crs: 'GCJ02' });
		expect(r.stats.imported).toBe(0);
		expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
		expect(r.errors[0].reason).toMatch(/^2\.35, 48\.85 .*lies outside Shanghai/);
		expect(r.errors[1].reason).toMatch(/swapped/);
		expect(r.errors[2].reason).toMatch(/projected metres/);
		expect(r.errors[3].reason).toMatch(/116\.4, 39\.9 \(GCJ02; .* in WGS84\) lies outside Shanghai/);
	});
});
