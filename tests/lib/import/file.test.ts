import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importCsv, importFile, importGeoJson } from '../../../src/lib/import';
import { decodeBytes } from '../../../src/lib/import/decode';
import { detectFormat } from '../../../src/lib/import/detect';

const WGS = { crs: 'WGS84' } as const;
const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
const CSV = 'name,lon,lat\nwukang,121.4335,31.2062\n';
const GEOJSON = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'w' }, geometry: { type: 'Point', coordinates: [121.4335, 31.2062] } }] });

// "名称,经度,纬度\r\n武康大楼,121.4353,31.2046\r\n宋庆龄故居,121.4378,31.2072\r\n" as Chinese Excel saves it (GB18030).
const GB18030_CSV = hex(
	'c3fbb3c62cbeadb6c82cceb3b6c80d0acee4bfb5b4f3c2a52c3132312e343335332c33312e323034360d0acbcec7ecc1e4b9cabed32c3132312e343337382c33312e323037320d0a'
);

describe('importFile', () => {
	it('reads UTF-8 CSV and GeoJSON by extension', () => {
		const csv = importFile('points.csv', utf8(CSV), WGS);
		expect([csv.format, csv.encoding, csv.stats.imported, csv.notes]).toEqual(['csv', 'utf-8', 1, []]);
		const geo = importFile('points.geojson', utf8(GEOJSON), WGS);
		expect([geo.format, geo.stats.imported]).toEqual(['geojson', 1]);
		expect(importFile('points.JSON', utf8(GEOJSON), WGS).format).toBe('geojson');
		expect(importFile('points.txt', utf8(CSV.replaceAll(',', '\t')), WGS).stats.imported).toBe(1);
	});

	it('strips a UTF-8 byte-order mark, so the first column keeps its name', () => {
		const r = importFile('points.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('经度,纬度,名称\n121.4335,31.2062,a')]), WGS);
		expect(r.columns).toEqual(['经度', '纬度', '名称']);
		expect(r.stats.imported).toBe(1);
	});

	it('falls back to GB18030 for Chinese Excel exports, and says so', () => {
		const r = importFile('建筑.csv', GB18030_CSV, WGS);
		expect(r.fatal).toBeNull();
		expect(r.encoding).toBe('gb18030');
		expect(r.columns).toEqual(['名称', '经度', '纬度']);
		expect(r.features.map((f) => f.properties!['名称'])).toEqual(['武康大楼', '宋庆龄故居']);
		expect(r.notes[0]).toMatch(/GB18030/);
	});

	it("reads Excel's UTF-16 \"Unicode text\" (tab-separated, with a byte-order mark)", () => {
		const text = '名称\t经度\t纬度\r\n武康大楼\t121.4353\t31.2046\r\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
		const r = importFile('export.txt', bytes, WGS);
		expect([r.encoding, r.stats.imported]).toEqual(['utf-16', 1]);
	});

	it('refuses bytes that are neither UTF-8 nor GB18030, and binary files', () => {
		expect(importFile('x.csv', new Uint8Array([0x6c, 0x6f, 0x6e, 0xff, 0xff, 0x0a]), WGS).fatal).toMatch(/neither UTF-8 nor GB18030/);
		expect(importFile('x.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), WGS).fatal).toMatch(/zipped file/);
		expect(importFile('x.csv', utf8('a\u0001b\u0002c\u0003d\u0004'), WGS).fatal).toMatch(/binary file/);
		expect(decodeBytes(utf8('name\u001a')).ok).toBe(true); // an old DOS end-of-file mark is not binary
	});

	it('refuses files over the size limit before reading them, saying by how much', () => {
		const r = importFile('big.csv', new Uint8Array(Math.round(7.2 * 1024 * 1024)), WGS);
		expect(r.fatal).toBe('The file is 7.2 MB; the limit is 5 MB: split it into smaller files (or keep only the columns you need) and import them one by one.');
		expect(importFile('big.csv', new Uint8Array(IMPORT_LIMITS.maxBytes + 1), WGS).fatal).toMatch(/5,242,881 bytes; the limit is 5,242,880 bytes/);
		expect(importFile('small.csv', utf8(CSV), { crs: 'WGS84', limits: { maxBytes: 10 } }).fatal).toMatch(/the limit is/);
	});

	it('counts the limit on the bytes as given, and on text passed directly as its UTF-8 size', () => {
		// 2 GB18030 bytes per Chinese character become 3 in UTF-8: a file under the limit stays under it.
		const limit = GB18030_CSV.byteLength;
		expect(importFile('x.csv', GB18030_CSV, { crs: 'WGS84', limits: { maxBytes: limit } }).stats.imported).toBe(2);
		expect(importFile('x.csv', GB18030_CSV, { crs: 'WGS84', limits: { maxBytes: limit - 1 } }).fatal).toMatch(/the limit is/);
		const text = '名称,经度,纬度\n' + '武康大楼,121.4353,31.2046\n'.repeat(10);
		const size = new TextEncoder().encode(text).byteLength;
		expect(importCsv(text, { crs: 'WGS84', limits: { maxBytes: size } }).stats.imported).toBe(10);
		expect(importCsv(text, { crs: 'WGS84', limits: { maxBytes: size - 1 } }).fatal).toMatch(/the limit is/);
		expect(importGeoJson(GEOJSON + ' '.repeat(100), { crs: 'WGS84', limits: { maxBytes: 100 } }).fatal).toMatch(/the limit is 100 bytes/);
	});

	it('names what to do with spreadsheets, shapefiles and KML', () => {
		expect(importFile('book.xlsx', new Uint8Array([1, 2, 3]), WGS).fatal).toMatch(/CSV UTF-8/);
		expect(importFile('roads.shp', new Uint8Array([1, 2, 3]), WGS).fatal).toMatch(/shapefile: convert it to GeoJSON/);
		expect(importFile('walk.kml', utf8('<kml/>'), WGS).fatal).toMatch(/KML/);
	});

	it('gives empty and BOM-only files a message', () => {
		expect(importFile('x.csv', new Uint8Array(), WGS).fatal).toMatch(/empty/);
		expect(importFile('x.csv', new Uint8Array([0xef, 0xbb, 0xbf]), WGS).fatal).toMatch(/empty/);
		expect(importFile('x.geojson', new Uint8Array([0xef, 0xbb, 0xbf]), WGS).fatal).toMatch(/empty/);
	});

	it('lets the content decide when the name does not', () => {
		expect(detectFormat('data', '{"type":"Point"}')).toMatchObject({ format: 'geojson' });
		expect(detectFormat('data.dat', 'lon,lat\n')).toMatchObject({ format: 'csv' });
		expect(detectFormat('data.txt', '  {"type":"Point"}').format).toBe('geojson');
		expect(detectFormat('data.csv', '[lon],[lat]\n').format).toBe('csv');
		const r = importFile('export', utf8(GEOJSON), WGS);
		expect([r.format, r.stats.imported]).toEqual(['geojson', 1]);
		expect(r.notes[0]).toMatch(/no extension.*read as GeoJSON/);
	});

	it('never throws on inputs that are not bytes at all', () => {
		expect(importFile('x.csv', null as unknown as Uint8Array, WGS).fatal).toMatch(/No file content/);
		expect(importFile(undefined as unknown as string, utf8(CSV), WGS).stats.imported).toBe(1);
		expect(importFile('x.csv', utf8(CSV), undefined as never).stats.imported).toBe(1); // WGS84 by default
		expect(importFile('x.csv', utf8(CSV), { crs: 'EPSG:3857' as never }).fatal).toMatch(/Unknown coordinate system "EPSG:3857"/);
	});
});
