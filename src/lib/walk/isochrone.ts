import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { ShortestPaths } from './dijkstra';
import type { WalkGraph } from './graph';
import type { Snap } from './snap';

export interface BandProperties {
	/** The band's time limit in minutes (5, 10, 15…). */
	minutes: number;
}

/**
 * The streets reachable within each time limit, as lines: every edge whose two ends are in
 * reach is whole; an edge reached from one end (or both, not meeting) is cut where the time
 * runs out. Drawn on the streets themselves, not as circles, because that is where people walk.
 */
export function isochroneBands(graph: WalkGraph, paths: ShortestPaths, start: Snap, minutes: readonly number[], metresPerMinute: number): FeatureCollection<MultiLineString, BandProperties> {
	const features: Array<Feature<MultiLineString, BandProperties>> = [];
	// Widest band first, so the narrower ones draw on top.
	for (const limit of [...minutes].sort((a, b) => b - a)) {
		const budget = limit * metresPerMinute;
		const lines: Array<Array<[number, number]>> = [];
		for (let e = 0; e < graph.edgeCount; e++) {
			const len = graph.edgeLength[e];
			const fromA = Math.min(len, Math.max(0, budget - paths.distance[graph.edgeA[e]]));
			const fromB = Math.min(len, Math.max(0, budget - paths.distance[graph.edgeB[e]]));
			if (fromA + fromB >= len) lines.push(piece(graph, e, 0, 1));
			else {
				if (fromA > 0) lines.push(piece(graph, e, 0, fromA / len));
				if (fromB > 0) lines.push(piece(graph, e, 1 - fromB / len, 1));
			}
		}
		// The start's own edge is walked from the start point, not only from its ends.
		const left = budget - start.distance;
		if (left > 0) {
			const len = graph.edgeLength[start.edge];
			const reach = len > 0 ? left / len : 1;
			lines.push(piece(graph, start.edge, Math.max(0, start.t - reach), Math.min(1, start.t + reach)));
		}
		// One MultiLineString per band keeps the source small and the map layer simple.
		if (lines.length) features.push({ type: 'Feature', properties: { minutes: limit }, geometry: { type: 'MultiLineString', coordinates: lines } });
	}
	return { type: 'FeatureCollection', features };
}

function piece(graph: WalkGraph, edge: number, t0: number, t1: number): Array<[number, number]> {
	const a = graph.edgeA[edge];
	const b = graph.edgeB[edge];
	const at = (t: number): [number, number] => [round(graph.lon[a] + t * (graph.lon[b] - graph.lon[a])), round(graph.lat[a] + t * (graph.lat[b] - graph.lat[a]))];
	return [at(t0), at(t1)];
}

function round(v: number): number {
	return Math.round(v * 1e6) / 1e6;
}
