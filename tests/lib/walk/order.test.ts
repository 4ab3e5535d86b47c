import { describe, expect, it } from 'vitest';
import { orderStops, pathLength, twoOpt } from '../../../src/lib/walk/order';

// Stops on a line at these positions: the best open walk from the first is a sweep.
const line = (xs: number[]) => xs.map((a) => xs.map((b) => Math.abs(a - b)));

describe('orderStops', () => {
	it('sweeps stops on a line from the first', () => {
		const d = line([0, 30, 10, 20]);
		expect(orderStops(d)).toEqual([0, 2, 3, 1]);
	});

	it('2-opt uncrosses a crossing route', () => {
		// Corners of a square, visited 0 → 2 → 1 → 3 : the two diagonals cross.
		const pts = [[0, 0], [100, 0], [100, 100], [0, 100]];
		const d = pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
		const crossing = [0, 2, 1, 3];
		const fixed = twoOpt(crossing, d);
		expect(pathLength(fixed, d)).toBeLessThan(pathLength(crossing, d));
		expect(pathLength(fixed, d)).toBeCloseTo(300, 6);
	});

	it('is never worse than the order given, on random matrices', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		for (let trial = 0; trial < 200; trial++) {
			const n = 3 + (trial % 8);
			const pts = Array.from({ length: n }, () => [random() * 1000, random() * 1000]);
			// Asymmetric-free walking distances: straight line times a detour factor per pair.
			const d = pts.map((a, i) => pts.map((b, j) => (i === j ? 0 : Math.hypot(a[0] - b[0], a[1] - b[1]) * (1.2 + ((i + j) % 3) * 0.1))));
			const given = [...Array(n).keys()];
			const order = orderStops(d);
			expect(order[0]).toBe(0);
			expect([...order].sort((a, b) => a - b)).toEqual(given);
			expect(pathLength(order, d)).toBeLessThanOrEqual(pathLength(given, d) + 1e-9);
		}
	});

	it('handles one and two stops', () => {
		expect(orderStops([[0]])).toEqual([0]);
		expect(orderStops([[0, 5], [5, 0]])).toEqual([0, 1]);
	});
});
