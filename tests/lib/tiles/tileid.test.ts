import { describe, expect, it } from 'vitest';
import * as reference from 'pmtiles';
import { tileIdToZxy, zxyToTileId } from '../../../src/lib/tiles/tileid';

describe('PMTiles tile ids', () => {
	it('matches the values given by the spec', () => {
		const known: [number, number, number, number][] = [
			[0, 0, 0, 0],
			[1, 0, 0, 1],
			[1, 0, 1, 2],
			[1, 1, 1, 3],
			[1, 1, 0, 4],
			[2, 0, 0, 5]
		];
		for (const [z, x, y, id] of known) {
			expect(zxyToTileId(z, x, y)).toBe(id);
			expect(tileIdToZxy(id)).toEqual([z, x, y]);
		}
	});

	it('numbers zoom 20 from (4^20 - 1) / 3 to (4^21 - 1) / 3 - 1', () => {
		const first = (4 ** 20 - 1) / 3;
		const last = (4 ** 21 - 1) / 3 - 1;
		expect(zxyToTileId(20, 0, 0)).toBe(first);
		expect(tileIdToZxy(first)).toEqual([20, 0, 0]);
		// The curve starts at the top-left tile and ends at the top-right one.
		expect(zxyToTileId(20, 2 ** 20 - 1, 0)).toBe(last);
		expect(tileIdToZxy(last)).toEqual([20, 2 ** 20 - 1, 0]);
		expect(tileIdToZxy(last + 1)).toEqual([21, 0, 0]);
	});

	it('round-trips and agrees with the pmtiles package, including ids beyond 32 bits', () => {
		let seed = 7;
		const rand = () => {
			let t = (seed = (seed + 0x6d2b79f5) | 0); // mulberry32: deterministic test data
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
		};
		for (let i = 0; i < 2000; i++) {
			const z = Math.floor(rand() * 27);
			const x = Math.floor(rand() * 2 ** z);
			const y = Math.floor(rand() * 2 ** z);
			const id = zxyToTileId(z, x, y);
			expect(id).toBe(reference.zxyToTileId(z, x, y));
			expect(tileIdToZxy(id)).toEqual([z, x, y]);
		}
	});

	it('visits every tile of a zoom exactly once, in consecutive ids', () => {
		const z = 4;
		const ids = new Set<number>();
		for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) ids.add(zxyToTileId(z, x, y));
		const first = (4 ** z - 1) / 3;
		expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 256 }, (_, i) => first + i));
	});

	it('rejects tiles outside their zoom level', () => {
		expect(() => zxyToTileId(1, 2, 0)).toThrow(RangeError);
		expect(() => zxyToTileId(27, 0, 0)).toThrow(RangeError);
		expect(() => tileIdToZxy(-1)).toThrow(RangeError);
	});
});
