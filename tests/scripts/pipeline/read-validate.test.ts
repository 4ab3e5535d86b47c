import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadSource } from '../../../scripts/pipeline/load';
import type { SourceEntry } from '../../../scripts/pipeline/manifest';
import { sourceById } from '../../../scripts/pipeline/manifest';
import { readJson, sourcesDir, toRecords } from '../../../scripts/pipeline/read';
import { SourceError } from '../../../scripts/pipeline/report';
import { validateRecords } from '../../../scripts/pipeline/validate';
import * as s from '../../../src/lib/schema/sources';

const fixtures = join(import.meta.dirname, '../../fixtures/bundle');
const shl: SourceEntry = { ...sourceById('shl-excellent-buildings'), file: 'shl/five_records.json' };
const geo = (file: string): SourceEntry => ({ ...sourceById('osm-metro-stations'), file });

describe('read', () => {
	it('names the file and what to do when it is missing', () => {
		expect(() => readJson(fixtures, geo('osm/nope.geojson'))).toThrowError(/osm\/nope\.geojson: not found in .*HENGFU_SOURCES/);
	});
	it('stops on broken JSON, naming the file', () => {
		expect(() => readJson(fixtures, geo('osm/broken.geojson'))).toThrowError(SourceError);
		expect(() => readJson(fixtures, geo('osm/broken.geojson'))).toThrowError(/osm\/broken\.geojson: is not valid JSON/);
	});
	it('stops on an empty file', () => {
		expect(() => readJson(fixtures, geo('osm/empty.geojson'))).toThrowError(/osm\/empty\.geojson: is empty/);
	});
	it('refuses a file of the wrong shape', () => {
		expect(() => toRecords(geo('x.geojson'), { type: 'Topology' })).toThrowError(/x\.geojson: is not a GeoJSON Feature or FeatureCollection/);
		expect(() => toRecords(shl, [1, 2])).toThrowError(/not a Shanghai Library export/);
	});
	it('reads a lone Feature as one record', () => {
		const records = toRecords(geo('b.geojson'), { type: 'Feature', geometry: { type: 'Point', coordinates: [121.44, 31.2] }, properties: { name: 'x' } });
		expect(records).toHaveLength(1);
	});
	it('reads the repository’s own data/sources, unless HENGFU_SOURCES names another folder', () => {
		expect(sourcesDir('/repo', { HENGFU_SOURCES: '/data/src' })).toBe('/data/src');
		expect(sourcesDir('/repo', {})).toBe('/repo/data/sources');
	});
});

describe('validate + reproject', () => {
	it('rejects bad records with index, id and reason, and keeps count', () => {
		const { features, rejected, count } = loadSource(fixtures, shl);
		expect(count).toEqual({ source: 'shl-excellent-buildings', file: 'shl/five_records.json', read: 5, accepted: 1, rejected: 4, outsideArea: 0 });
		expect(features[0].properties.nameS).toBe('武康大楼');
		expect(rejected.map((r) => [r.index, r.reason.split(' (')[0]])).toEqual([
			[1, 'nameS: missing name'],
			[2, 'duplicate id "http://data.library.sh.cn/entity/architecture/aaa"'],
			[3, 'missing coordinates'],
			[4, 'long: Invalid input: expected number, received NaN']
		]);
		expect(rejected[1].id).toBe('http://data.library.sh.cn/entity/architecture/aaa');
	});

	it('rejects a self-intersecting polygon', () => {
		const entry: SourceEntry = { ...sourceById('645-parks'), file: 'parks.geojson' };
		const bowtie = [[[121.44, 31.2], [121.45, 31.21], [121.45, 31.2], [121.44, 31.21], [121.44, 31.2]]];
		const square = [[[121.44, 31.2], [121.45, 31.2], [121.45, 31.21], [121.44, 31.21], [121.44, 31.2]]];
		const records = [
			{ index: 0, geometry: { type: 'Polygon', coordinates: bowtie }, properties: { _id: '1', title: '蝴蝶' } },
			{ index: 1, geometry: { type: 'Polygon', coordinates: square }, properties: { _id: '2', title: '方' } }
		];
		const { accepted, rejected } = validateRecords(entry, records);
		expect(accepted.map((f) => f.id)).toEqual(['2']);
		expect(rejected[0]).toMatchObject({ index: 0, id: '1', reason: 'self-intersecting polygon' });
	});

	it('rejects missing names, wrong geometry types and missing geometry', () => {
		const entry: SourceEntry = { ...sourceById('645-residences'), file: 'res.geojson' };
		const point = { type: 'Point', coordinates: [121.44, 31.2] };
		const { rejected } = validateRecords(entry, [
			{ index: 0, geometry: point, properties: { _id: '1', title: '  ' } },
			{ index: 1, geometry: { type: 'LineString', coordinates: [[121.44, 31.2], [121.45, 31.2]] }, properties: { _id: '2', title: '某' } },
			{ index: 2, geometry: null, properties: { _id: '3', title: '某' } }
		]);
		expect(rejected.map((r) => r.reason)).toEqual(['title: missing name (title)', expect.stringMatching(/^bad geometry/), 'missing geometry']);
	});

	it('schemas accept the optional fields as published', () => {
		expect(s.building645.safeParse({ _id: 5, title: '某', she_ji_zhe: null, kai_shi_jian_zao_shi_jian: 1930 }).success).toBe(true);
	});
});
