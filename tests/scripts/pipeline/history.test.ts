import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { join } from 'node:path';
import { buildHistoryLayers, linesPassing } from '../../../scripts/pipeline/history';
import { loadSource } from '../../../scripts/pipeline/load';
import { sourceById, type SourceEntry } from '../../../scripts/pipeline/manifest';
import type { SourceFeature } from '../../../scripts/pipeline/validate';
import { chineseNumber, decodeLine, lineNameEn, parseLineTitle, yearsText } from '../../../src/lib/schema/history-vocabulary';
import { layerSchema } from '../../../src/lib/layers/schemas';

const fixtures = join(import.meta.dirname, '../../fixtures/bundle');
const at = (id: string, file: string): SourceEntry => ({ ...sourceById(id), file });

describe('reading a line’s title', () => {
	it('reads Chinese numerals up to the twenties', () => {
		expect(['一', '四', '十', '十七', '二十', '二十一'].map(chineseNumber)).toEqual([1, 4, 10, 17, 20, 21]);
		expect(['', '四五', '百', '十十'].map(chineseNumber)).toEqual([null, null, null, null]);
	});

	it('splits a title into network, mode and numbers, and renders it in English', () => {
		const shared = parseLineTitle('法租界有轨电车第一、二路');
		expect(shared).toEqual({ network: 'french', mode: 'tram', numbers: [1, 2] });
		expect(lineNameEn(shared as Exclude<typeof shared, string>)).toBe('French Concession tram lines 1 & 2');
		const trolley = parseLineTitle('公共租界无轨电车第二十路');
		expect(lineNameEn(trolley as Exclude<typeof trolley, string>)).toBe('International Settlement trolleybus line 20');
		expect(parseLineTitle('霞飞路电车')).toMatch(/is not "<network>/);
		expect(parseLineTitle('华商有轨电车第甲路')).toMatch(/not a Chinese numeral/);
	});

	it('decodes the operator id only where it agrees with the title, and says why not', () => {
		expect(decodeLine('华商有轨电车第三路', '136736644', 'tram')).toEqual({ network: 'chinese', mode: 'tram', name_en: 'Chinese-run tram line 3' });
		expect(decodeLine('华商有轨电车第三路', '999', 'tram')).toMatch(/unknown operator id "999"/);
		expect(decodeLine('华商有轨电车第三路', '136736498', 'tram')).toMatch(/is the 法租界 network's, but the title names 华商/);
		expect(decodeLine('华商有轨电车第三路', null, 'tram')).toBe('missing operator id');
		expect(decodeLine('法租界无轨电车第十七路', '136736498', 'tram')).toMatch(/names a trolleybus line in the tram table/);
	});

	it('writes the years the guide gives, and nothing where it gives none', () => {
		expect(yearsText(null, null)).toBeNull();
		expect(yearsText(1905, 1937)).toBe('1905–1937');
		expect(yearsText('1905', '')).toBe('1905–');
		expect(yearsText(1928, 1928)).toBe('1928');
	});
});

describe('validating the tables (fixtures)', () => {
	it('rejects a line it cannot read with file, record and reason, and counts in = accepted + rejected', () => {
		const { features, rejected, count } = loadSource(fixtures, at('645-trams', '645/tram_lines.geojson'));
		expect(count).toMatchObject({ read: 7, accepted: 2, rejected: 5 });
		expect(count.read).toBe(count.accepted + count.rejected);
		expect(rejected.map((r) => [r.file, r.index, r.id, r.reason])).toEqual([
			['645/tram_lines.geojson', 1, '1004', expect.stringMatching(/^title: unknown operator id "999"/)],
			['645/tram_lines.geojson', 2, '1005', expect.stringMatching(/^title: operator id "136736352" is the 公共租界 network's, but the title names 法租界/)],
			['645/tram_lines.geojson', 3, '1001', expect.stringMatching(/names a trolleybus line in the tram table/)],
			['645/tram_lines.geojson', 4, '1002', expect.stringMatching(/title "霞飞路电车" is not/)],
			['645/tram_lines.geojson', 5, '1003', 'title: missing name (title)']
		]);
		// Decoded: no raw operator or route id travels on.
		expect(features.map((f) => f.properties)).toEqual([
			{ _id: '133710722', title: '法租界有轨电车第一、二路', network: 'french', mode: 'tram', name_en: 'French Concession tram lines 1 & 2' },
			{ _id: '134795085', title: '法租界有轨电车第四路', network: 'french', mode: 'tram', name_en: 'French Concession tram line 4' }
		]);
		// GCJ-02 in, WGS84 out: the atlas's offset (~500 m in Shanghai) is taken off.
		const raw = [121.438536, 31.193842];
		const [x, y] = (features[0].geometry as { coordinates: number[][] }).coordinates[0];
		expect(Math.hypot((x - raw[0]) * 95_000, (y - raw[1]) * 111_000)).toBeGreaterThan(400);
	});

	it('keeps a 1928 place named in one language, trims names, and rejects one with no name or no position', () => {
		const { features, rejected, count } = loadSource(fixtures, at('645-places-1928', '645/places_1928.geojson'));
		expect(count).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
		expect(rejected.map((r) => [r.index, r.id, r.reason])).toEqual([
			[2, '2002', 'missing name (NAME_CN / NAME_EN)'],
			[4, '2004', 'missing geometry']
		]);
		expect(features.map((f) => f.properties)).toEqual([
			{ _id: '165642181', name_zh: '国际礼拜堂', name_en: 'American Community Church', years: null },
			{ _id: '2001', name_zh: null, name_en: 'Test place, English name only', years: null },
			{ _id: '2003', name_zh: '测试地点', name_en: 'Test place with years', years: '1905–1937' }
		]);
	});
});

describe('the History stage', () => {
	const line = (id: string, title: string, network: string, name_en: string, coordinates: number[][]): SourceFeature => ({
		type: 'Feature',
		id,
		index: 0,
		geometry: { type: 'LineString', coordinates },
		properties: { _id: id, title, network, mode: 'tram', name_en }
	});
	const stop = (id: string, title: string, coordinates: number[]): SourceFeature => ({ type: 'Feature', id, index: 0, geometry: { type: 'Point', coordinates }, properties: { _id: id, title } });
	// Two lines along one street, a third 300 m north.
	const lines = [
		line('2', '公共租界有轨电车第四路', 'settlement', 'International Settlement tram line 4', [[121.44, 31.2], [121.45, 31.2]]),
		line('1', '法租界有轨电车第四路', 'french', 'French Concession tram line 4', [[121.44, 31.2], [121.45, 31.2]]),
		line('3', '法租界有轨电车第十路', 'french', 'French Concession tram line 10', [[121.44, 31.2027], [121.45, 31.2027]])
	];

	it('names the lines passing a stop within 20 m, French Concession first, and no line 300 m off', () => {
		const at10m = { type: 'Point' as const, coordinates: [121.445, 31.20009] };
		expect(linesPassing(at10m, lines).map((l) => l.properties.title)).toEqual(['法租界有轨电车第四路', '公共租界有轨电车第四路']);
		expect(linesPassing({ type: 'Point', coordinates: [121.445, 31.2014] }, lines)).toEqual([]);
	});

	it('writes features that fit the layer schemas, with the clip’s district', () => {
		const sources: Record<string, SourceFeature[]> = {
			'645-trams': lines,
			'645-tram-stops': [stop('7', '杜美路', [121.445, 31.2]), stop('8', '远处', [121.445, 31.21])],
			'645-trolleybuses': [],
			'645-trolleybus-stops': [],
			'645-places-1928': [{ type: 'Feature', id: '9', index: 0, geometry: { type: 'Point', coordinates: [121.445, 31.2] }, properties: { _id: '9', name_zh: '国际礼拜堂', name_en: 'American Community Church', years: null } }]
		};
		// The clip keeps what lies south of 31.205, in "tianping".
		const clip = <F extends Feature>(fs: F[]) =>
			fs.filter((f) => JSON.stringify(f.geometry).match(/31\.2[0-9]*/g)!.every((y) => Number(y) < 31.205)).map((f) => ({ ...f, properties: { ...f.properties, in_district: true, district: 'tianping' } }));
		const layers = buildHistoryLayers({ features: (id) => sources[id] ?? [], clip });
		for (const [id, fs] of layers) for (const f of fs) expect(layerSchema(id).safeParse(f.properties).error, id).toBeUndefined();
		expect(layers.get('historic-transit-lines')!.map((f) => f.properties.id)).toEqual(['tram-2', 'tram-1', 'tram-3']);
		expect(layers.get('historic-transit-stops')!.map((f) => f.properties)).toEqual([
			{
				id: 'tram-stop-7',
				name_zh: '杜美路',
				mode: 'tram',
				lines_zh: '法租界有轨电车第四路；公共租界有轨电车第四路',
				lines_en: 'French Concession tram line 4; International Settlement tram line 4',
				in_district: true,
				district: 'tianping'
			}
		]);
		expect(layers.get('places-1928')![0].properties).toMatchObject({ id: 'place1928-9', name_en: 'American Community Church', district: 'tianping' });
	});
});
