import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mergeImport } from '../../../../scripts/registers/import/merge';
import { recordOf, stableId, type DistrictArea, type RecordInput } from '../../../../scripts/registers/import/records';
import type { GeocodeResult } from '../../../../src/lib/geo/geocode';
import type { RegisterRecord } from '../../../../src/lib/schema/register';
import { msg } from '../../../../src/lib/i18n/messages';

const square = (w: number, s: number, e: number, n: number): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
const districts: DistrictArea[] = [
	{ id: 'tianping', boundary: square(121.43, 31.19, 121.46, 31.215), context: square(121.427, 31.187, 121.463, 31.218) },
	{ id: 'hunan', boundary: square(121.43, 31.215, 121.46, 31.23), context: square(121.427, 31.212, 121.463, 31.233) }
];
const answers: Record<string, GeocodeResult> = {
	高安路50弄: { ok: true, point: [121.44, 31.2], method: 'exact', confidence: 0.94, anchors: ['shl:1'], road: '高安路' },
	高安路: { ok: true, point: [121.441, 31.201], method: 'street', confidence: 0.3, anchors: [], road: '高安路', note: 'no anchor on 高安路' },
	远方路1号: { ok: true, point: [121.5, 31.1], method: 'exact', confidence: 0.9, anchors: ['x'], road: '远方路' }
};
const input = (extra: Partial<RecordInput> = {}): RecordInput => ({
	register: 'elevator-retrofits',
	geocode: (a) => answers[a] ?? { ok: false, reason: `${a.replace(/\d.*/, '')} is not in the street network`, code: 'unknown-road', message: msg('geocode.unknownRoad', { road: a.replace(/\d.*/, '') }) },
	districts,
	crs: 'WGS84',
	file: '加梯台账.xlsx',
	today: '2026-12-03',
	acceptReview: false,
	...extra
});
const row = (values: Record<string, unknown>, n = 3) => ({ sheet: '台账', row: n, values: { name_zh: '某弄加梯', kind: 'retrofit', status: 'construction', status_date: '2026-10', ...values } });

describe('a row becomes a record', () => {
	it('placed by the geocoder, cited to its file, sheet and row, in the subdistrict its point lies in', () => {
		const out = recordOf(row({ address: '高安路50弄' }), input());
		if (!('record' in out)) throw new Error(JSON.stringify(out));
		expect(out.record).toMatchObject({
			id: stableId('elevator-retrofits', { kind: 'retrofit', address: '高安路50弄' }),
			district: 'tianping',
			address: '高安路50弄',
			placement: { lon: 121.44, lat: 31.2, method: 'exact', confidence: 0.94, note: 'anchors: shl:1' },
			source: 'import',
			date: '2026-10',
			imported: { file: '加梯台账.xlsx', sheet: '台账', row: 3, date: '2026-12-03' },
			status_history: [{ status: 'construction', source: 'import', date: '2026-10' }]
		});
	});

	it('makes the same id from the same address and kind, with or without a district prefix', () => {
		expect(stableId('elevator-retrofits', { kind: 'retrofit', address: '徐汇区高安路50弄' })).toBe(stableId('elevator-retrofits', { kind: 'retrofit', address: '高安路 50弄' }));
		expect(stableId('elevator-retrofits', { kind: 'guidance-centre', address: '高安路50弄' })).not.toBe(stableId('elevator-retrofits', { kind: 'retrofit', address: '高安路50弄' }));
		expect(stableId('elevator-retrofits', { id: 'my-own-7' })).toBe('my-own-7');
	});

	it('pins coordinates in the declared system and converts them for the district test', () => {
		const out = recordOf(row({ lon: 121.4446, lat: 31.1982, crs: 'GCJ02' }), input());
		if (!('record' in out)) throw new Error(JSON.stringify(out));
		expect(out.record.pin).toEqual({ lon: 121.4446, lat: 31.1982, crs: 'GCJ02', source: 'import: 加梯台账.xlsx › 台账 › row 3 (imported 2026-12-03)' });
		expect(out.record.district).toBe('tianping');
	});

	it('names the row and the reason when the address cannot be placed', () => {
		expect(recordOf(row({ address: '不存在路12号' }, 9), input())).toEqual({
			problem: { sheet: '台账', row: 9, column: '地址', zh: '地址“不存在路12号”无法定位：不存在路不在道路网中', en: 'the address "不存在路12号" cannot be placed: 不存在路 is not in the street network' }
		});
	});

	it('holds back an unsure placement and a point outside the subdistricts until confirmed', () => {
		const unsure = recordOf(row({ address: '高安路' }), input());
		expect('review' in unsure && unsure.review.en).toBe('the geocoder is unsure of this address (only the street was found: its middle)');
		const far = recordOf(row({ address: '远方路1号' }), input());
		expect('review' in far && far.review.en).toBe('the point lies in no subdistrict the portal covers');
		const confirmed = recordOf(row({ address: '高安路', confirmed: true }), input());
		expect('record' in confirmed && confirmed.record.placement?.confirmed).toBe(true);
		expect('record' in recordOf(row({ address: '高安路' }), input({ acceptReview: true }))).toBe(true);
	});

	it('holds back a point outside the subdistrict the row claims, beyond its 300 m context', () => {
		const out = recordOf(row({ address: '高安路50弄', district: 'hunan' }), input());
		expect('review' in out && out.review.en).toBe('the point lies outside hunan and the 300 m around it');
	});
});

describe('merging an import into the register', () => {
	const imported = (id: string, status: string, date: string, extra: object = {}): RegisterRecord =>
		({ id, kind: 'retrofit', district: 'tianping', name_zh: id, address: `${id}路1号`, source: 'import', date, imported: { file: 'a.xlsx', sheet: null, row: 2, date: '2026-11-01' }, status_history: [{ status, source: 'import', date, imported: { file: 'a.xlsx', sheet: null, row: 2, date: '2026-11-01' } }], ...extra }) as RegisterRecord;
	const seed = { id: 'elevator-gaoan-50', source: 'tianping-2021-people-city', quote: '…', date: '2021' } as unknown as RegisterRecord;

	it('adds, updates field by field, keeps what did not change, and keeps what the file lacks unless replacing', () => {
		const current = [seed, imported('a', 'design', '2026-05'), imported('b', 'design', '2026-05'), imported('c', 'completed', '2025')];
		const incoming = [imported('a', 'construction', '2026-10'), { ...imported('b', 'design', '2026-05'), imported: { file: 'new.xlsx', sheet: null, row: 9, date: '2026-12-03' } } as RegisterRecord, imported('d', 'consultation', '2026-11')];
		const kept = mergeImport(current, incoming, false);
		expect(kept.diff).toMatchObject({ added: ['d'], unchanged: ['b'], missing: ['c'], removed: [] });
		expect(kept.diff.changed.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([['a', ['status_history']]]);
		const a = kept.records.find((r) => r.id === 'a') as { status_history: Array<{ status: string }> };
		expect(a.status_history.map((e) => e.status)).toEqual(['design', 'construction']);
		// An unchanged record keeps its earlier provenance: importing the same file twice changes nothing.
		expect((kept.records.find((r) => r.id === 'b') as { imported: { file: string } }).imported.file).toBe('a.xlsx');
		expect(kept.records.map((r) => r.id)).toEqual(['elevator-gaoan-50', 'a', 'b', 'c', 'd']);
		const replaced = mergeImport(current, incoming, true);
		expect(replaced.diff.removed).toEqual(['c']);
		expect(replaced.records.map((r) => r.id)).toEqual(['elevator-gaoan-50', 'a', 'b', 'd']);
	});

	it('never overwrites a record cited from a newsletter, and --replace never removes one', () => {
		const out = mergeImport([seed], [imported('elevator-gaoan-50', 'completed', '2026')], true);
		expect(out.refused).toEqual([{ id: 'elevator-gaoan-50', source: 'tianping-2021-people-city' }]);
		expect(out.records).toEqual([seed]);
	});
});
