import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { fromWgs84 } from '../../../src/lib/geo/crs';
import type { GeocodeResult } from '../../../src/lib/geo/geocode';
import { importCsv, type ImportCrs } from '../../../src/lib/import';
import { registerColumns, registerFileName, toRegisterCsv, type RegisterSource } from '../../../src/lib/import/register-rows';
import { rowColumns } from '../../../src/lib/schema/register-row';
import { moveFeature } from '../../../src/lib/state/moves';
import type { ImportedLayer } from '../../../src/lib/state/imported';

const BOM = '\uFEFF';
const GAOAN: [number, number] = [121.4431, 31.2041];
const YONGJIA: [number, number] = [121.4452, 31.2072];
const answers: Record<string, GeocodeResult> = {
	高安路50弄: { ok: true, point: GAOAN, method: 'exact', confidence: 0.94, anchors: ['a'], road: '高安路' },
	永嘉路492弄: { ok: true, point: YONGJIA, method: 'interpolated', confidence: 0.6, anchors: ['b', 'c'], road: '永嘉路' }
};
const geocode = (a: string): GeocodeResult => answers[a] ?? { ok: false, code: 'unknown-road', reason: 'unknown' };

/** A CSV through the planning panel's importer into a layer as the panel keeps it. */
function imported(csv: string, crs: ImportCrs = 'WGS84'): ImportedLayer {
	const r = importCsv(csv, { crs, geocode });
	expect(r.fatal).toBeNull();
	return { id: 'l1', name: '加梯台账.csv', crs, created: '2026-12-01T00:00:00Z', features: r.features, errors: r.errors, colour: '#d6336c', columns: r.columns, format: 'csv' };
}

function readBack(csv: string): string[][] {
	expect(csv.startsWith(BOM)).toBe(true);
	expect(csv.endsWith('\r\n')).toBe(true);
	const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const MOVED_AT = new Date('2026-12-03T08:00:00Z');
const ADDRESS_CSV = '名称,类型,进度,进度日期,地址\n高安路50弄加装电梯,加梯项目,已完成,2021-11-01,高安路50弄\n永嘉路492弄加装电梯,retrofit,施工中,2024-03,永嘉路492弄\n';

describe('the register CSV of an imported layer', () => {
	it('keeps the file’s columns and headers, adds WGS84 经度/纬度/坐标系, and 定位方式 = hand for a point moved by hand', () => {
		const layer = imported(ADDRESS_CSV);
		const moved = moveFeature(layer, 0, [121.4442, 31.2043], MOVED_AT)!.layer;
		const csv = toRegisterCsv(moved);
		expect(csv).toBe(
			BOM +
				'名称,类型,进度,进度日期,地址,经度,纬度,坐标系,定位方式\r\n' +
				'高安路50弄加装电梯,加梯项目,已完成,2021-11-01,高安路50弄,121.4442,31.2043,WGS84,hand\r\n' +
				'永嘉路492弄加装电梯,retrofit,施工中,2024-03,永嘉路492弄,121.4452,31.2072,WGS84,\r\n'
		);
	});

	it('writes the headers the register import knows the location columns by', () => {
		const zh = Object.fromEntries(rowColumns('elevator-retrofits').map((c) => [c.key, c.header.zh]));
		expect(registerColumns(imported(ADDRESS_CSV)).slice(-4).map((c) => c.header)).toEqual([zh.lon, zh.lat, zh.crs, zh.placed_by]);
	});

	it('overwrites the file’s coordinate columns in place, whatever they were called, in WGS84, and drops a second pair', () => {
		const gcj = fromWgs84(GAOAN, 'GCJ02');
		const csv = `名称,lng,lat(GCJ02),坐标系,x,备注\n甲,${gcj[0]},${gcj[1]},GCJ02,3,门口\n`;
		const rows = readBack(toRegisterCsv(imported(csv, 'GCJ02')));
		expect(rows[0]).toEqual(['名称', '经度', '纬度', '坐标系', '备注', '定位方式']);
		expect(rows[1][0]).toBe('甲');
		expect(Number(rows[1][1])).toBeCloseTo(GAOAN[0], 6);
		expect(Number(rows[1][2])).toBeCloseTo(GAOAN[1], 6);
		expect(rows[1].slice(3)).toEqual(['WGS84', '门口', '']);
	});

	it('leaves out the importer’s own properties and the marks of a move, but keeps a file column it renamed', () => {
		const layer = imported('_record,名称,地址\nA-7,甲,高安路50弄\n');
		const moved = moveFeature(layer, 0, YONGJIA, MOVED_AT)!.layer;
		expect(Object.keys(moved.features[0].properties!)).toEqual(expect.arrayContaining(['_record', '_geocode_method', '_geocode_confidence', '_placed_by', '_moved_from', '_moved_at', '_record_2']));
		const rows = readBack(toRegisterCsv(moved));
		expect(rows[0]).toEqual(['_record_2', '名称', '地址', '经度', '纬度', '坐标系', '定位方式']);
		expect(rows[1]).toEqual(['A-7', '甲', '高安路50弄', '121.4452', '31.2072', 'WGS84', 'hand']);
	});

	it('writes values as the file had them: numbers, leading zeros, quotes, commas; formulas defused', () => {
		const rows = readBack(toRegisterCsv(imported('名称,门洞数,编号,说明,地址\n"甲, 乙",6,007,"说 ""好""",高安路50弄\n=1+2,,1.50,@x,永嘉路492弄\n')));
		expect(rows[1].slice(0, 4)).toEqual(['甲, 乙', '6', '007', '说 "好"']);
		expect(rows[2].slice(0, 4)).toEqual(["'=1+2", '', '1.50', "'@x"]);
	});

	it('keeps 定位方式 = hand of a file row placed by its own coordinates, not of one the geocoder placed', () => {
		const csv = `名称,经度,纬度,地址,定位方式\n甲,${GAOAN[0]},${GAOAN[1]},,手工\n乙,,,永嘉路492弄,hand\n丙,${YONGJIA[0]},${YONGJIA[1]},,\n`;
		const rows = readBack(toRegisterCsv(imported(csv)));
		expect(rows[0]).toEqual(['名称', '经度', '纬度', '地址', '定位方式', '坐标系']);
		expect(rows.slice(1).map((r) => r[4])).toEqual(['hand', '', '']);
	});

	it('reads back through the panel’s importer to the same positions', () => {
		const moved = moveFeature(imported(ADDRESS_CSV), 1, [121.44612, 31.20755], MOVED_AT)!.layer;
		const again = importCsv(toRegisterCsv(moved), { crs: 'WGS84' });
		expect(again.errors).toEqual([]);
		expect(again.features.map((f) => (f.geometry as Point).coordinates)).toEqual(moved.features.map((f) => (f.geometry as Point).coordinates));
	});

	it('works for a layer saved before its columns were kept, and for GeoJSON points', () => {
		const old: RegisterSource = { ...imported('名称,lon,lat\n甲,121.4431,31.2041\n'), columns: undefined, format: undefined };
		expect(readBack(toRegisterCsv(old))).toEqual([
			['名称', '经度', '纬度', '坐标系', '定位方式'],
			['甲', '121.4431', '31.2041', 'WGS84', '']
		]);
		const point = (x: number, y: number, p: Record<string, unknown>): Feature => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [x, y] } });
		const geojson: RegisterSource = { name: 'sites.geojson', format: 'geojson', columns: ['name', 'x'], features: [point(121.44, 31.2, { name: 'a', x: 'keep?', _record: 0 })] };
		// In GeoJSON "x" is not a coordinate column, but the register would read it as one: it goes.
		expect(readBack(toRegisterCsv(geojson))).toEqual([
			['name', '经度', '纬度', '坐标系', '定位方式'],
			['a', '121.44', '31.2', 'WGS84', '']
		]);
	});

	it('names the download after the file', () => {
		expect(registerFileName('加梯台账.csv')).toBe('加梯台账-register.csv');
		expect(registerFileName('sites.v2.geojson')).toBe('sites.v2-register.csv');
		expect(registerFileName('.csv')).toBe('imported-register.csv');
	});
});
