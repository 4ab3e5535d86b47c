import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeocoder, type GeocodeResult } from '../../../src/lib/geo/geocode';
import { importCsv } from '../../../src/lib/import';

const HERE: [number, number] = [121.4335, 31.2062];

/** Answers by address, like the real geocoder, and records what it was asked. */
function stubGeocoder(answers: Record<string, GeocodeResult>) {
	const asked: string[] = [];
	const geocode = (address: string): GeocodeResult => {
		asked.push(address);
		return answers[address] ?? { ok: false, code: 'unknown-road', reason: `${address} is not in the street network` };
	};
	return { geocode, asked };
}

const exact: GeocodeResult = { ok: true, point: HERE, method: 'exact', confidence: 0.94, anchors: ['a'], road: '淮海中路' };
const interpolated: GeocodeResult = { ok: true, point: [121.44, 31.21], method: 'interpolated', confidence: 0.6, anchors: ['b', 'c'], road: '武康路' };
const street: GeocodeResult = { ok: true, point: [121.45, 31.22], method: 'street', confidence: 0.19, anchors: [], road: '永嘉路' };

describe('address rows', () => {
	it('places address-only rows with the geocoder, carrying method and confidence', () => {
		const { geocode } = stubGeocoder({ '淮海中路1842号': exact, '武康路100号': interpolated, '永嘉路9号': street });
		const csv = '名称,地址\n武康大楼,淮海中路1842号\nb,武康路100号\nc,永嘉路9号\nd,乌有路1号\ne,\n';
		const r = importCsv(csv, { crs: 'WGS84', geocode });
		expect(r.features.map((f) => [f.properties!['名称'], f.properties!._geocode_method, f.properties!._geocode_confidence])).toEqual([
			['武康大楼', 'exact', 0.94],
			['b', 'interpolated', 0.6],
			['c', 'street', 0.19]
		]);
		expect((r.features[0].geometry as { coordinates: number[] }).coordinates).toEqual(HERE);
		expect(r.errors).toMatchObject([
			{ line: 5, record: 3, reason: '"乌有路1号" could not be placed: 乌有路1号 is not in the street network' },
			{ line: 6, record: 4, reason: 'no location: 地址 is empty' }
		]);
		expect(r.stats).toEqual({ records: 5, imported: 3, rejected: 2, geocoded: 3, byMethod: { exact: 1, interpolated: 1, street: 1 } });
	});

	it('does not convert geocoded points: the geocoder answers WGS84 whatever the file declares', () => {
		const { geocode } = stubGeocoder({ '淮海中路1842号': exact });
		const r = importCsv('address\n淮海中路1842号', { crs: 'BD09', geocode });
		expect((r.features[0].geometry as { coordinates: number[] }).coordinates).toEqual(HERE);
	});

	it('prefers coordinates when a row has both, and does not ask the geocoder', () => {
		const { geocode, asked } = stubGeocoder({ '淮海中路1842号': exact });
		const r = importCsv('lon,lat,address\n121.44,31.21,淮海中路1842号\n,,淮海中路1842号\nabc,31.2,淮海中路1842号', { crs: 'WGS84', geocode });
		expect(r.features.map((f) => f.properties!._geocode_method ?? null)).toEqual([null, 'exact']);
		expect(asked).toEqual(['淮海中路1842号']);
		expect(r.errors[0]).toMatchObject({ line: 4, reason: 'lon "abc" is not a number' }); // wrong coordinates are shown, not hidden by the address
		expect(r.stats.geocoded).toBe(1);
	});

	it('lists address rows as errors when no geocoder is given, or when it fails', () => {
		const none = importCsv('地址\n淮海中路1842号', { crs: 'WGS84' });
		expect(none.errors[0]).toMatchObject({ line: 2, record: 0, reason: 'no coordinates and no geocoder to place the address "淮海中路1842号"' });
		const throwing = importCsv('地址\n淮海中路1842号', {
			crs: 'WGS84',
			geocode: () => {
				throw new Error('boom');
			}
		});
		expect(throwing.errors[0].reason).toMatch(/the geocoder failed on "淮海中路1842号" \(boom\)/);
		const lost = importCsv('地址\n淮海中路1842号', { crs: 'WGS84', geocode: () => ({ ...exact, point: [2.35, 48.85] }) });
		expect(lost.errors[0].reason).toMatch(/outside Shanghai/);
		const long = importCsv(`地址\n"${'路'.repeat(300)}"`, { crs: 'WGS84', geocode: () => exact });
		expect(long.errors[0].reason).toMatch(/300 characters long/);
	});

	const geocoderFile = resolve(import.meta.dirname, '../../../static/data/geocoder.json');
	it.skipIf(!existsSync(geocoderFile))('works with the geocoder the site ships (static/data/geocoder.json)', () => {
		const { streets, anchors } = JSON.parse(readFileSync(geocoderFile, 'utf8'));
		const geocoder = createGeocoder(streets, anchors);
		const address = geocoder.anchors[0].address;
		const r = importCsv(`name,address\nfirst,"${address}"\nnowhere,不存在路1号`, { crs: 'WGS84', geocode: (a) => geocoder.geocode(a) });
		expect(r.stats).toMatchObject({ imported: 1, rejected: 1, geocoded: 1 });
		expect(r.features[0].properties!._geocode_method).toBe('exact');
		expect(r.errors[0].reason).toMatch(/not in the street network/);
	});
});
