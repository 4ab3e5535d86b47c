import { describe, expect, it } from 'vitest';
import { fromWgs84, isInShanghai, toWgs84 } from '../../../src/lib/geo/crs';
import { metres } from '../../../scripts/pipeline/conflate/geo';

const wukang: [number, number] = [121.4335303, 31.2061976];

describe('crs', () => {
	it('round-trips GCJ-02 and BD-09 to within a metre', () => {
		for (const crs of ['GCJ02', 'BD09'] as const) {
			expect(metres(toWgs84(fromWgs84(wukang, crs), crs), wukang)).toBeLessThan(1);
		}
	});
	it('moves Shanghai points by the known offsets (~490 m GCJ-02, ~1.15 km BD-09)', () => {
		expect(metres(fromWgs84(wukang, 'GCJ02'), wukang)).toBeGreaterThan(400);
		expect(metres(fromWgs84(wukang, 'GCJ02'), wukang)).toBeLessThan(600);
		expect(metres(fromWgs84(wukang, 'BD09'), wukang)).toBeGreaterThan(1000);
		expect(metres(fromWgs84(wukang, 'BD09'), wukang)).toBeLessThan(1300);
	});
	it('leaves WGS84 alone but rounds to 1e-7', () => {
		expect(toWgs84([121.123456789, 31.987654321], 'WGS84')).toEqual([121.1234568, 31.9876543]);
	});
	it('knows what is in Shanghai', () => {
		expect(isInShanghai(wukang)).toBe(true);
		expect(isInShanghai([31.2, 121.4])).toBe(false);
		expect(isInShanghai([0, 0])).toBe(false);
	});
});
