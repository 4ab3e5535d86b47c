import { describe, expect, it } from 'vitest';
import { featureDistance, withinDistance, type AnyFeature, type NearMatch } from '../../../src/lib/analysis';
import { feature, line, point, random, rectRing, square } from './fixtures';

const ids = (matches: NearMatch[]) => matches.map((m) => [m.feature.properties.id, m.nearest.properties.id, Math.round(m.metres * 100) / 100]);

describe('withinDistance', () => {
	// Protected buildings: a 20 m footprint at (0,0)–(20,20) and a listed point at (200, 0).
	const buildings = [square('villa', 0, 0, 20), point('house', 200, 0)];
	const elevators = [
		point('e-far', 100, 100), // 80 m up-right of the villa's corner: sqrt(80²+80²) ≈ 113
		point('e-30', 50, 10), // 30 m east of the villa
		point('e-in', 10, 10), // inside the villa
		point('e-house', 200, 45), // 45 m north of the house
		point('e-edge', 10, 70) // exactly 50 m north of the villa
	];

	it('lists the features of A within the distance of B, nearest first, with their nearest', () => {
		expect(ids(withinDistance(elevators, buildings, 50))).toEqual([
			['e-in', 'villa', 0],
			['e-30', 'villa', 30],
			['e-house', 'house', 45],
			['e-edge', 'villa', 50]
		]);
	});
	it('picks the nearest of several candidates', () => {
		const b = [point('b-40', 40, 0), point('b-10', 0, 10), line('b-road', [[-100, -20], [100, -20]])];
		const [match] = withinDistance([point('a', 0, 0)], b, 50);
		expect(match.nearest.properties.id).toBe('b-10');
		expect(match.metres).toBeCloseTo(10, 2);
	});
	it('breaks ties by id, whatever the order of B', () => {
		const b = [point('z', 10, 0), point('m', -10, 0), point('a', 0, 10)];
		expect(withinDistance([point('q', 0, 0)], b, 50)[0].nearest.properties.id).toBe('a');
		expect(withinDistance([point('q', 0, 0)], [...b].reverse(), 50)[0].nearest.properties.id).toBe('a');
		const sameDistance = withinDistance([point('y', 0, 0), point('x', 0, 0)], [point('b', 5, 0)], 10);
		expect(sameDistance.map((m) => m.feature.properties.id)).toEqual(['x', 'y']);
	});
	it('finds nothing when B or A is empty, or nothing is near', () => {
		expect(withinDistance(elevators, [], 50)).toEqual([]);
		expect(withinDistance([], buildings, 50)).toEqual([]);
		expect(withinDistance(elevators, buildings, 5)).toHaveLength(1);
		expect(withinDistance(elevators, buildings, -1)).toEqual([]);
	});
	it('skips features without geometry on either side', () => {
		const empty: AnyFeature = { type: 'Feature', geometry: null as never, properties: { id: 'empty' } };
		expect(ids(withinDistance([empty, point('a', 0, 0)], [empty, point('b', 3, 4)], 10))).toEqual([['a', 'b', 5]]);
	});
	it('never counts a feature as its own neighbour', () => {
		const layer = [point('a', 0, 0), point('b', 30, 0), point('c', 500, 0)];
		expect(ids(withinDistance(layer, layer, 50))).toEqual([['a', 'b', 30], ['b', 'a', 30]]);
	});
	it('measures lines and polygons on both sides (charging sites on never-widened roads)', () => {
		const roads = [line('road-1', [[0, 0], [300, 0]]), line('road-2', [[0, 100], [0, 300]])];
		const sites = [point('on-road', 150, 0.5), point('near-2', 8, 200), point('off', 150, 60), square('yard', 100, -10, 20), square('yard-off', 100, -40, 20)];
		// The road runs through the yard with no vertex inside it: 0. The other yard is 20 m off.
		expect(ids(withinDistance(sites, roads, 10))).toEqual([['yard', 'road-1', 0], ['on-road', 'road-1', 0.5], ['near-2', 'road-2', 8]]);
		expect(ids(withinDistance(roads, sites, 10))).toEqual([['road-1', 'yard', 0], ['road-2', 'near-2', 8]]);
	});

	it('matches a brute-force check on a large random mix of points, lines and polygons', () => {
		const rand = random(42);
		const r = () => rand() * 3000;
		const shapes = (n: number, prefix: string): AnyFeature[] =>
			Array.from({ length: n }, (_, i) => {
				const [x, y] = [r(), r()];
				const id = `${prefix}${i}`;
				if (i % 10 === 1) return line(id, [[x, y], [x + rand() * 80 - 40, y + rand() * 80 - 40], [x + rand() * 80, y]]);
				if (i % 10 === 2) return feature(id, { type: 'Polygon', coordinates: [rectRing(x, y, x + 5 + rand() * 30, y + 5 + rand() * 30)] });
				return point(id, x, y);
			});
		const a = shapes(1500, 'a');
		const b = shapes(1500, 'b');
		const fast = withinDistance(a, b, 50);
		const brute = bruteForce(a, b, 50);
		expect(fast.length).toBeGreaterThan(100);
		expect(fast.length).toBe(brute.length);
		fast.forEach((m, i) => {
			expect(m.feature).toBe(brute[i].feature);
			expect(m.metres).toBeCloseTo(brute[i].metres, 9);
		});
	});
});

/** Every pair measured: what the index must reproduce. */
function bruteForce(a: AnyFeature[], b: AnyFeature[], metres: number): NearMatch[] {
	const out: NearMatch[] = [];
	for (const f of a) {
		let best: NearMatch | null = null;
		for (const g of b) {
			const d = featureDistance(f, g);
			if (!best || d < best.metres) best = { feature: f, nearest: g, metres: d };
		}
		if (best && best.metres <= metres) out.push(best);
	}
	const id = (m: NearMatch) => String(m.feature.properties.id);
	return out.sort((x, y) => x.metres - y.metres || (id(x) < id(y) ? -1 : 1));
}
