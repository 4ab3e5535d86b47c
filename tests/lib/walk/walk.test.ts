import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE } from '../../../src/lib/geo/distance';
import { pathTo, shortestPaths } from '../../../src/lib/walk/dijkstra';
import { WalkEngine } from '../../../src/lib/walk/engine';
import { createWalkGraph, decodeWalkGraph, encodeWalkGraph } from '../../../src/lib/walk/graph';
import { isochroneBands } from '../../../src/lib/walk/isochrone';
import { snapToGraph, sourcesOf } from '../../../src/lib/walk/snap';

// A fixture street grid near the equator-free origin: 100 m apart east-west and north-south.
const LAT0 = 31.2;
const dLat = 100 / METRES_PER_DEGREE;
const dLon = 100 / (METRES_PER_DEGREE * Math.cos((LAT0 * Math.PI) / 180));
//  3 — 4 — 5
//  |       |
//  0 — 1 — 2        6 (isolated from the rest in the fixture)
const lon = [0, 1, 2, 0, 1, 2, 5].map((i) => 121 + i * dLon);
const lat = [0, 0, 0, 1, 1, 1, 0].map((j) => LAT0 + j * dLat);
const edges: Array<[number, number]> = [[0, 1], [1, 2], [0, 3], [3, 4], [4, 5], [5, 2]];
const graph = createWalkGraph(lon, lat, edges);

describe('walk graph', () => {
	it('computes edge lengths from coordinates and an adjacency both ways', () => {
		expect(graph.edgeLength[0]).toBeCloseTo(100, 0);
		const neighbours = (n: number) => [...graph.adjTarget.slice(graph.adjStart[n], graph.adjStart[n + 1])].sort();
		expect(neighbours(0)).toEqual([1, 3]);
		expect(neighbours(2)).toEqual([1, 5]);
		expect(neighbours(6)).toEqual([]);
	});

	it('round-trips through the binary format within 0.2 m', () => {
		const bytes = encodeWalkGraph(graph);
		const back = decodeWalkGraph(bytes);
		expect(back.edgeCount).toBe(graph.edgeCount);
		expect([...back.edgeA]).toEqual([...graph.edgeA]);
		for (let n = 0; n < graph.nodeCount; n++) expect(Math.abs(back.lon[n] - graph.lon[n]) * METRES_PER_DEGREE).toBeLessThan(0.2);
	});

	it('keeps street names per edge through the file', () => {
		const named = createWalkGraph(lon, lat, edges, ['衡山路', '武康路'], [0, 0, 1, 0xffff, 1, 0]);
		const back = decodeWalkGraph(encodeWalkGraph(named));
		expect(back.names).toEqual(['衡山路', '武康路']);
		expect([...back.edgeName]).toEqual([0, 0, 1, 0xffff, 1, 0]);
	});

	it('refuses a truncated or foreign file with a reason', () => {
		const bytes = encodeWalkGraph(graph);
		expect(() => decodeWalkGraph(bytes.slice(0, bytes.length - 1))).toThrow(/truncated or corrupt/);
		expect(() => decodeWalkGraph(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toThrow(/bad magic/);
		expect(() => createWalkGraph([0], [0], [[0, 1]])).toThrow(/edge 0/);
	});
});

describe('shortest paths', () => {
	it('gives the known distances on the fixture (both ways round the block)', () => {
		const { distance } = shortestPaths(graph, [{ node: 0, distance: 0 }]);
		const rounded = [...distance].map((d) => (Number.isFinite(d) ? Math.round(d) : d));
		expect(rounded).toEqual([0, 100, 200, 100, 200, 300, Infinity]);
	});

	it('stops at the cutoff and walks the path back', () => {
		const paths = shortestPaths(graph, [{ node: 0, distance: 0 }], 150);
		expect(paths.distance[2]).toBe(Infinity);
		const full = shortestPaths(graph, [{ node: 3, distance: 0 }]);
		expect(pathTo(graph, full, 1)).toEqual([3, 0, 1]);
		expect(pathTo(graph, full, 6)).toEqual([]);
	});

	it('takes the nearest of several sources (multi-source)', () => {
		const { distance } = shortestPaths(graph, [{ node: 0, distance: 0 }, { node: 5, distance: 0 }]);
		expect(Math.round(distance[4])).toBe(100);
		expect(Math.round(distance[1])).toBe(100);
	});
});

describe('isochrones', () => {
	const mpm = 60; // metres per minute
	const start = snapToGraph(graph, [lon[0], lat[0] - 10 / METRES_PER_DEGREE])!; // 10 m south of node 0

	it('snaps a point off the street and says how far', () => {
		expect(start.distance).toBeCloseTo(10, 0);
		expect([graph.edgeA[start.edge], graph.edgeB[start.edge]]).toContain(0);
	});

	it('cuts edges where the time runs out: 2 minutes = 120 m, 10 m of which to reach the street', () => {
		const paths = shortestPaths(graph, sourcesOf(graph, start));
		const bands = isochroneBands(graph, paths, start, [2], mpm);
		const lines = bands.features[0].geometry.coordinates;
		const length = lines.reduce((sum, [a, b]) => sum + Math.hypot((a[0] - b[0]) * dLon ** -1 * 100, (a[1] - b[1]) * dLat ** -1 * 100), 0);
		// 110 m east along 0–1 and 110 m north along 0–3 (plus the start's own edge, drawn again)
		expect(length).toBeGreaterThan(220 - 1);
		expect(length).toBeLessThan(220 + 110 + 1);
		const reach = Math.max(...lines.flat().map((p) => (p[0] - lon[0]) / dLon)) * 100;
		expect(reach).toBeCloseTo(110, 0);
	});

	it('lists facilities in reach, the nearest per category, and what is out of reach', () => {
		const engine = new WalkEngine(graph, [
			{ id: 'clinic', name_zh: '诊所', name_en: 'Clinic', category: 'health', categories: ['health'], point: [lon[2], lat[2]] },
			{ id: 'market', name_zh: '菜场', name_en: 'Market', category: 'market', categories: ['market', 'elderly'], point: [lon[3], lat[3]] },
			{ id: 'far', name_zh: '远处', name_en: 'Far away', category: 'park', categories: ['park'], point: [lon[6], lat[6]] }
		], ['health', 'market', 'elderly', 'park', 'legal']);
		const answer = engine.isochrone({ start: [lon[0], lat[0]], minutes: [2, 4], metresPerMinute: 60 })!;
		expect(answer.reachable.map((f) => [f.id, Math.round(f.metres)])).toEqual([['market', 100], ['clinic', 200]]);
		expect(answer.nearest.elderly?.id).toBe('market');
		expect(answer.unreachable).toEqual(['park', 'legal']);
		const shorter = engine.isochrone({ start: [lon[0], lat[0]], minutes: [2], metresPerMinute: 60 })!;
		expect(shorter.reachable.map((f) => f.id)).toEqual(['market']);
		const route = engine.route([lon[0], lat[0]], 'clinic', 60)!;
		expect(route.properties.metres).toBe(200);
		expect(route.geometry.coordinates.length).toBeGreaterThanOrEqual(3);
	});
});

describe('routes through stops', () => {
	const named = createWalkGraph(lon, lat, edges, ['南路', '北路'], [0, 0, 1, 1, 1, 1]);
	const engine = new WalkEngine(named, [], []);

	it('walks leg by leg, with lengths and the streets of each leg', () => {
		const r = engine.routeThrough([[lon[0], lat[0]], [lon[2], lat[2]], [lon[4], lat[4]]])!;
		expect(r.legs.map((l) => l.metres)).toEqual([200, 200]);
		expect(r.metres).toBe(400);
		expect(r.legs[0].streets).toEqual(['南路']);
		expect(r.legs[1].streets).toEqual(['北路']);
	});

	it('gives walking distances between every pair, and Infinity across a gap', () => {
		const m = engine.matrix([[lon[0], lat[0]], [lon[5], lat[5]], [lon[6], lat[6]]]);
		expect(m[0][1]).toBe(300);
		expect(m[1][0]).toBe(300);
		expect(m[0][0]).toBe(0);
		// node 6 has no edge: its nearest edge is elsewhere, so it is reached, but never at 0
		expect(m[0][2]).toBeGreaterThan(0);
	});
});
