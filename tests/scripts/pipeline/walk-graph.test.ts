import { describe, expect, it } from 'vitest';
import { buildWalkGraph, notWalkable } from '../../../scripts/pipeline/walk/build-graph';
import { shortestPaths } from '../../../src/lib/walk/dijkstra';
import { createWalkGraph } from '../../../src/lib/walk/graph';

const node = (id: number, lon: number, lat: number) => ({ type: 'node', id, lon, lat });
const way = (id: number, nodes: number[], tags: Record<string, string>) => ({ type: 'way', id, nodes, tags: { highway: 'residential', ...tags } });

// 1 — 2 — 3 is a one-way street crossed at 2 by a footway 4 — 2 — 5; a motorway 3 — 6;
// an island 7 — 8 that touches nothing.
const doc = {
	elements: [
		...[[1, 121.44, 31.2], [2, 121.441, 31.2], [3, 121.442, 31.2], [4, 121.441, 31.199], [5, 121.441, 31.201], [6, 121.45, 31.2], [7, 121.46, 31.21], [8, 121.461, 31.21]].map(([id, x, y]) => node(id, x, y)),
		way(10, [1, 2, 3], { oneway: 'yes', name: '单行路' }),
		way(11, [4, 2, 5], { highway: 'footway' }),
		way(12, [3, 6], { highway: 'motorway' }),
		way(13, [7, 8], { name: '孤岛路' }),
		way(14, [1, 9], {})
	]
};

describe('buildWalkGraph', () => {
	const built = buildWalkGraph(doc);

	it('joins ways at shared node ids, keeps footways and one-way streets, drops motorways', () => {
		expect(built.report.nodes).toBe(5);
		expect(built.edges).toHaveLength(4);
		const degreeOf2 = built.edges.filter(([a, b]) => a === 1 || b === 1).length; // OSM node 2 is the second node indexed
		expect(degreeOf2).toBe(4);
		expect(built.report.dropped).toEqual({ 'highway=motorway': 1, 'references a missing or invalid node': 1 });
	});

	it('lets pedestrians walk a one-way street against its direction', () => {
		const graph = createWalkGraph(built.lon, built.lat, built.edges);
		// OSM node 3 is the one-way street's end (index 2), node 1 its start (index 0).
		const back = shortestPaths(graph, [{ node: 2, distance: 0 }]);
		expect(back.distance[0]).toBeGreaterThan(0);
		expect(Number.isFinite(back.distance[0])).toBe(true);
	});

	it('reports the island it leaves out, with its ways', () => {
		expect(built.report.islands).toEqual([{ nodes: 2, ways: [13] }]);
		expect(built.report.waysRead).toBe(built.report.waysKept + Object.values(built.report.dropped).reduce((a, b) => a + b, 0));
	});

	it('says what is not walkable and why', () => {
		expect(notWalkable({ highway: 'trunk', bridge: 'yes' })).toBe('trunk on a bridge');
		expect(notWalkable({ highway: 'trunk' })).toBeNull();
		expect(notWalkable({ highway: 'primary', foot: 'no' })).toBe('foot=no');
		expect(notWalkable({ highway: 'motorway', foot: 'yes' })).toBeNull();
		expect(notWalkable({ highway: 'service', access: 'private' })).toBe('access=private');
	});

	it('refuses a file that is not Overpass JSON', () => {
		expect(() => buildWalkGraph({ type: 'FeatureCollection' })).toThrow(/not Overpass JSON/);
	});
});
