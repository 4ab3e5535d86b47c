import { toWgs84 } from '../../../src/lib/geo/crs';
import { overpassFile, overpassNode, overpassWay, type OverpassWay } from '../../../src/lib/schema/overpass';
import { NO_NAME } from '../../../src/lib/walk/graph';

/**
 * OSM ways → the pedestrian graph. Intersections are the nodes ways share (OSM's own
 * topology), so nothing is snapped or guessed. Ways pedestrians cannot use are dropped with
 * their reason; pieces of the network not connected to the main one are dropped too and
 * reported, so a start there is never silently "unreachable from everywhere".
 */

/** Why a way is not walkable, or null when it is. */
export function notWalkable(tags: Record<string, string | undefined>): string | null {
	const highway = tags.highway ?? '';
	if (tags.foot === 'yes' || tags.foot === 'designated' || tags.foot === 'permissive') return null;
	if (tags.foot === 'no') return 'foot=no';
	if (tags.access === 'no' || tags.access === 'private') return `access=${tags.access}`;
	if (['motorway', 'motorway_link', 'construction', 'proposed', 'raceway', 'bus_guideway', 'busway'].includes(highway)) return `highway=${highway}`;
	if (tags.motorroad === 'yes') return 'motorroad=yes';
	// Shanghai's trunk roads run on viaducts over the streets people walk: the street below is mapped apart.
	if ((highway === 'trunk' || highway === 'trunk_link') && (tags.bridge === 'yes' || tags.tunnel === 'yes')) return `${highway} on a ${tags.bridge === 'yes' ? 'bridge' : 'tunnel'}`;
	return null;
}

export interface WalkGraphBuild {
	lon: number[];
	lat: number[];
	edges: Array<[number, number]>;
	/** Street names, and per edge the index of its way's name (NO_NAME when unnamed). */
	names: string[];
	edgeName: number[];
	report: {
		waysRead: number;
		waysKept: number;
		dropped: Record<string, number>;
		nodes: number;
		edges: number;
		/** Connected pieces left out, largest first, with the ways they hold. */
		islands: Array<{ nodes: number; ways: number[] }>;
	};
}

export function buildWalkGraph(overpass: unknown): WalkGraphBuild {
	const doc = overpassFile.safeParse(overpass);
	if (!doc.success) throw new Error('walk graph: the street network is not Overpass JSON (no "elements" array)');
	const positions = new Map<number, [number, number]>();
	const ways: OverpassWay[] = [];
	const dropped: Record<string, number> = {};
	let waysRead = 0;
	// Nodes first, wherever they sit in the file: Overpass lists them first, but nothing requires it.
	for (const element of doc.data.elements) {
		const node = (element as { type?: unknown } | null)?.type === 'node' ? overpassNode.safeParse(element) : null;
		if (node?.success) positions.set(node.data.id, toWgs84([node.data.lon, node.data.lat], 'WGS84'));
	}
	for (const element of doc.data.elements) {
		if ((element as { type?: unknown } | null)?.type === 'node') continue;
		waysRead++;
		const way = overpassWay.safeParse(element);
		const reason = !way.success ? 'invalid way (see the streets report)' : notWalkable(way.data.tags as Record<string, string | undefined>) ?? (way.data.nodes.every((n) => positions.has(n)) ? null : 'references a missing or invalid node');
		if (reason || !way.success) {
			dropped[reason!] = (dropped[reason!] ?? 0) + 1;
			continue;
		}
		ways.push(way.data);
	}

	// Union-find over OSM node ids, to find the connected pieces.
	const parent = new Map<number, number>();
	const find = (x: number): number => {
		let root = x;
		// Path halving keeps the trees shallow without a second pass.
		while (parent.get(root) !== root) {
			parent.set(root, parent.get(parent.get(root)!)!);
			root = parent.get(root)!;
		}
		return root;
	};
	for (const way of ways) {
		for (const n of way.nodes) if (!parent.has(n)) parent.set(n, n);
		for (let i = 1; i < way.nodes.length; i++) parent.set(find(way.nodes[i]), find(way.nodes[i - 1]));
	}
	const pieces = new Map<number, { nodes: Set<number>; ways: number[] }>();
	for (const way of ways) {
		const root = find(way.nodes[0]);
		const piece = pieces.get(root) ?? { nodes: new Set<number>(), ways: [] };
		way.nodes.forEach((n) => piece.nodes.add(n));
		piece.ways.push(way.id);
		pieces.set(root, piece);
	}
	const ranked = [...pieces.entries()].sort((a, b) => b[1].nodes.size - a[1].nodes.size || a[0] - b[0]);
	const mainRoot = ranked[0]?.[0];

	const index = new Map<number, number>();
	const lon: number[] = [];
	const lat: number[] = [];
	const edges: Array<[number, number]> = [];
	const names: string[] = [];
	const nameIndex = new Map<string, number>();
	const edgeName: number[] = [];
	const seen = new Set<string>();
	const idOf = (osmId: number) => {
		let i = index.get(osmId);
		if (i === undefined) {
			i = lon.length;
			index.set(osmId, i);
			const [x, y] = positions.get(osmId)!;
			lon.push(x);
			lat.push(y);
		}
		return i;
	};
	for (const way of [...ways].sort((a, b) => a.id - b.id)) {
		if (find(way.nodes[0]) !== mainRoot) continue;
		const name = way.tags.name?.trim() || way.tags['name:zh']?.trim() || null;
		if (name && !nameIndex.has(name)) nameIndex.set(name, names.push(name) - 1);
		for (let i = 1; i < way.nodes.length; i++) {
			const [a, b] = [idOf(way.nodes[i - 1]), idOf(way.nodes[i])];
			const key = a < b ? `${a},${b}` : `${b},${a}`;
			if (a === b || seen.has(key)) continue; // a repeated node, or two ways sharing a piece
			seen.add(key);
			edges.push([a, b]);
			edgeName.push(name ? nameIndex.get(name)! : NO_NAME);
		}
	}
	return {
		lon,
		lat,
		edges,
		names,
		edgeName,
		report: {
			waysRead,
			waysKept: ways.length,
			dropped,
			nodes: lon.length,
			edges: edges.length,
			islands: ranked.slice(1).map(([, p]) => ({ nodes: p.nodes.size, ways: p.ways.sort((a, b) => a - b) }))
		}
	};
}
