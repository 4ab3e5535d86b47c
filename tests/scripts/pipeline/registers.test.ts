import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/lib/geo/crs';
import { metres } from '../../../src/lib/geo/distance';
import type { GeocodeResult } from '../../../src/lib/geo/geocode';
import { classifyWikidata, openFacilities } from '../../../scripts/pipeline/registers/open-facilities';
import { placeRegister } from '../../../scripts/pipeline/registers/place';
import { parseRegister } from '../../../scripts/pipeline/registers/read';
import { SourceError } from '../../../scripts/pipeline/report';

const SEED = 'tianping-2021-people-city';
const FILE = 'data/registers/elevator-retrofits.json';

function retrofit(over: Record<string, unknown> = {}) {
	return {
		id: 'elevator-test',
		kind: 'retrofit',
		district: 'tianping',
		name_zh: '测试加梯',
		name_en: 'Test retrofit',
		address: '高安路50弄',
		source: SEED,
		date: '2021-11',
		quote: '前不久',
		status_history: [{ status: 'completed', source: SEED, date: '2021', quote: '竣工' }],
		...over
	};
}
const doc = (records: unknown[]) => JSON.stringify({ register: 'elevator-retrofits', records });

describe('parseRegister', () => {
	it('accepts a valid record', () => {
		const read = parseRegister('elevator-retrofits', FILE, doc([retrofit()]));
		expect(read.records).toHaveLength(1);
		expect(read.count).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
	});

	it('rejects bad records one by one, naming index, id and reason, and keeps the rest', () => {
		const read = parseRegister('elevator-retrofits', FILE, doc([
			retrofit({ id: 'a' }),
			retrofit({ id: 'b', source: 'the newspaper' }),
			retrofit({ id: 'c', status_history: [
				{ status: 'completed', source: SEED, date: '2021', quote: 'x' },
				{ status: 'consultation', source: SEED, date: '2022', quote: 'y' }
			] }),
			retrofit({ id: 'a' }),
			retrofit({ id: 'd', date: 'last spring' }),
			null
		]));
		expect(read.records.map((r) => r.id)).toEqual(['a']);
		expect(read.count).toMatchObject({ read: 6, accepted: 1, rejected: 5 });
		const reasons = Object.fromEntries(read.rejected.map((r) => [r.index, r.reason]));
		expect(reasons[1]).toMatch(/source.*newsletter by its key/);
		expect(reasons[2]).toMatch(/consultation → design → construction → completed/);
		expect(reasons[3]).toMatch(/duplicate id "a" \(first at record 0\)/);
		expect(reasons[4]).toMatch(/date.*YYYY/);
		expect(read.rejected.every((r) => r.file === FILE)).toBe(true);
		expect(read.rejected.find((r) => r.index === 2)?.id).toBe('c');
	});

	it('rejects a record citing a newsletter the bibliography does not list, in its source, a status event or its address', () => {
		const known = new Set([SEED]);
		const read = parseRegister('elevator-retrofits', FILE, doc([
			retrofit({ id: 'a' }),
			retrofit({ id: 'b', source: 'tianping-1999-unknown' }),
			retrofit({ id: 'c', status_history: [{ status: 'completed', source: 'hunan-1999-nowhere', date: '2021', quote: 'x' }] }),
			retrofit({ id: 'd', address_source: 'tianping-1999-unknown' })
		]), known);
		expect(read.records.map((r) => r.id)).toEqual(['a']);
		expect(read.rejected.map((r) => r.reason)).toEqual([
			'cites the newsletter "tianping-1999-unknown", which data/bibliography.json does not list',
			'cites the newsletter "hunan-1999-nowhere", which data/bibliography.json does not list',
			'cites the newsletter "tianping-1999-unknown", which data/bibliography.json does not list'
		]);
		expect(read.rejected[0].message).toEqual({ key: 'report.unknownNewsletter', params: { key: 'tianping-1999-unknown' } });
	});

	it('stops with the file named on broken JSON or the wrong register', () => {
		expect(() => parseRegister('elevator-retrofits', FILE, '{"register": ')).toThrow(SourceError);
		expect(() => parseRegister('elevator-retrofits', FILE, '{"register": ')).toThrow(/elevator-retrofits\.json: is not valid JSON/);
		expect(() => parseRegister('elevator-retrofits', FILE, JSON.stringify({ register: 'facilities', records: [] }))).toThrow(/says it is register "facilities"/);
		expect(() => parseRegister('elevator-retrofits', FILE, JSON.stringify({ register: 'elevator-retrofits' }))).toThrow(/records/);
	});
});

describe('placeRegister', () => {
	const hit: GeocodeResult = { ok: true, point: [121.44, 31.2], method: 'interpolated', confidence: 0.8123, anchors: ['a1', 'a2'], road: '高安路' };
	const geocodeAll = () => hit;

	it('geocodes addresses and carries method, confidence and anchors', () => {
		const { features, unplaced } = placeRegister('elevator-retrofits', [retrofit() as never], geocodeAll);
		expect(unplaced).toEqual([]);
		expect(features[0].geometry.coordinates).toEqual([121.44, 31.2]);
		expect(features[0].properties).toMatchObject({ geocode_method: 'interpolated', geocode_confidence: 0.81, status: 'completed', status_date: '2021', year: '2021' });
		expect(String(features[0].properties.geocode_note)).toContain('a1, a2');
	});

	it('a pin wins over the address, converted to WGS84', () => {
		const pinned = retrofit({ pin: { lon: 121.4512, lat: 31.2068, crs: 'GCJ02', source: 'test' } });
		const { features } = placeRegister('elevator-retrofits', [pinned as never], () => ({ ok: false, reason: 'unused' }));
		expect(features[0].properties.geocode_method).toBe('pinned');
		expect(features[0].geometry.coordinates).toEqual(toWgs84([121.4512, 31.2068], 'GCJ02'));
		// and the shift is real (hundreds of metres), not a no-op
		expect(metres(features[0].geometry.coordinates as [number, number], [121.4512, 31.2068])).toBeGreaterThan(300);
	});

	it('never drops a record: no address and geocoder failures become reasons', () => {
		const records = [retrofit({ id: 'no-address', address: null }), retrofit({ id: 'unknown-road', address: '火星路1号' })];
		const { features, unplaced } = placeRegister('elevator-retrofits', records as never, (a) => ({ ok: false, reason: `road not found in "${a}"` }));
		expect(features).toEqual([]);
		expect(unplaced).toEqual([
			expect.objectContaining({ id: 'no-address', code: 'no-address', reason: 'the source names the place without an address' }),
			expect.objectContaining({ id: 'unknown-road', address: '火星路1号', reason: 'geocoder: road not found in "火星路1号"' })
		]);
	});
});

describe('open-data facilities', () => {
	it.each([
		['上海交响乐团音乐厅', '位于上海的交响乐团音乐厅', 'culture'],
		['上海市第六人民医院', 'hospital in China', 'health'],
		['上海市第二中学', '上海市完全中学校', 'education'],
		['国际礼拜堂', 'church in Shanghai', 'culture'],
		['襄阳公园', '中国上海市黄浦区的公园', 'park'],
		['武康大楼', 'building in Xuhui District, China', null],
		['天平路街道', '徐汇区的一个街道', null]
	])('%s (%s) → %s', (label, description, category) => {
		expect(classifyWikidata(label, description)).toBe(category);
	});

	it('counts what it keeps and what is not a facility', () => {
		const out = openFacilities({
			wikidata: [
				{ id: 'q1', properties: { item: 'http://www.wikidata.org/entity/Q1', itemLabel: '某医院', itemDescription: 'hospital in China' }, geometry: { type: 'Point', coordinates: [121.44, 31.2] } },
				{ id: 'q2', properties: { item: 'http://www.wikidata.org/entity/Q2', itemLabel: '某大楼', itemDescription: 'skyscraper' }, geometry: { type: 'Point', coordinates: [121.44, 31.2] } }
			],
			busStops: [{ id: 'osm-node-1', name: '衡山路宛平路', name_en: null, point: [121.44, 31.2] }],
			metroStations: [],
			parks: [{ id: '9', properties: { title: '某花园' }, geometry: { type: 'Polygon', coordinates: [[[121.44, 31.2], [121.441, 31.2], [121.441, 31.201], [121.44, 31.2]]] } }]
		});
		expect(out.features.map((f) => [f.properties.id, f.properties.category])).toEqual([
			['wikidata-Q1', 'health'],
			['bus-osm-node-1', 'transport'],
			['park-9', 'park']
		]);
		expect(out.counts).toContainEqual({ dataset: 'wikidata-places', read: 2, facilities: 1, notFacilities: 1 });
		expect(out.features.every((f) => f.properties.origin === 'open-data' && f.properties.geocode_method === 'source')).toBe(true);
	});
});
