import { METRES_PER_DEGREE } from '../geo/distance';
import type { Source, ShortestPaths } from './dijkstra';
import type { WalkGraph } from './graph';

/** Where a point meets the network: on edge `edge`, a share `t` of the way from its A end to its B end. */
export interface Snap {
	edge: number;
	t: number;
	point: [number, number];
	/** Metres from the point to the network: walked too, and told to the user. */
	distance: number;
}

/**
 * The nearest point of the network, by projection onto every edge. A linear scan: the district's
 * graph has a few thousand edges, which is well under a millisecond — an index would cost more
 * to build than it saves for one click.
 */
export function snapToGraph(graph: WalkGraph, [lon, lat]: [number, number]): Snap | null {
	const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
	const ky = METRES_PER_DEGREE;
	let best: Snap | null = null;
	let bestD2 = Infinity;
	for (let e = 0; e < graph.edgeCount; e++) {
		const a = graph.edgeA[e];
		const b = graph.edgeB[e];
		const ax = (graph.lon[a] - lon) * kx;
		const ay = (graph.lat[a] - lat) * ky;
		const dx = (graph.lon[b] - graph.lon[a]) * kx;
		const dy = (graph.lat[b] - graph.lat[a]) * ky;
		const len2 = dx * dx + dy * dy;
		const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
		const px = ax + t * dx;
		const py = ay + t * dy;
		const d2 = px * px + py * py;
		if (d2 < bestD2) {
			bestD2 = d2;
			best = { edge: e, t, point: [graph.lon[a] + t * (graph.lon[b] - graph.lon[a]), graph.lat[a] + t * (graph.lat[b] - graph.lat[a])], distance: Math.sqrt(d2) };
		}
	}
	return best;
}

/** The two ends of a snapped point's edge, with the metres walked to reach each. */
export function sourcesOf(graph: WalkGraph, snap: Snap): Source[] {
	const len = graph.edgeLength[snap.edge];
	return [
		{ node: graph.edgeA[snap.edge], distance: snap.distance + snap.t * len },
		{ node: graph.edgeB[snap.edge], distance: snap.distance + (1 - snap.t) * len }
	];
}

/**
 * Metres walked from the search's start to a snapped point: through either end of its edge,
 * or straight along the edge when the start lies on the same one.
 */
export function walkDistanceTo(graph: WalkGraph, paths: ShortestPaths, to: Snap, from?: Snap): number {
	const len = graph.edgeLength[to.edge];
	let d = Math.min(paths.distance[graph.edgeA[to.edge]] + to.t * len, paths.distance[graph.edgeB[to.edge]] + (1 - to.t) * len);
	if (from && from.edge === to.edge) d = Math.min(d, from.distance + Math.abs(from.t - to.t) * len);
	return d + to.distance;
}
