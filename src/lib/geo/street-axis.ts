/**
 * One 1-D axis per named road, so a house number can be placed "so far along 淮海中路".
 *
 * OSM draws a road as many ways: pieces split at every junction, two one-way carriageways,
 * gaps where the name changes for a block. The axis is the route between the two
 * farthest-apart nodes of the road's longest connected piece; other pieces extend it at an
 * end, after dropping the part that runs alongside what is already there (the other
 * carriageway). Measures are metres along that axis; offsets, metres to its left.
 */
import { roadKey } from './address';
import type { Position } from './crs';
import { METRES_PER_DEGREE } from './distance';

export interface StreetLine {
	name: string;
	/** One OSM way, WGS84. */
	coordinates: Position[];
}

/** Where a point lies against an axis: metres along it, metres to its left (negative: right), distance to it. */
export interface AxisLocation {
	measure: number;
	offset: number;
	distance: number;
}

export interface StreetAxis {
	/** The road's name as OSM writes it. */
	name: string;
	length: number;
	locate(point: Position): AxisLocation;
	/** The point `measure` metres along the axis (clamped to it), `offset` metres to its left. */
	pointAt(measure: number, offset: number): Position;
	/** Axis vertices, WGS84 (for drawing and debugging). */
	line(): Position[];
}

type XY = [number, number];

/** Two carriageways of one road lie within this of each other; a piece nearer than this to the axis adds nothing. */
const ALONGSIDE_M = 60;
/** Shorter leftovers of a trimmed piece are junction stubs, not an extension of the road. */
const MIN_EXTENSION_M = 30;

/** Equirectangular metres about a fixed origin: within a metre of geodesic over a few kilometres. */
export class Plane {
	private readonly kx: number;
	constructor(private readonly origin: Position) {
		this.kx = METRES_PER_DEGREE * Math.cos((origin[1] * Math.PI) / 180);
	}
	toXY([lon, lat]: Position): XY {
		return [(lon - this.origin[0]) * this.kx, (lat - this.origin[1]) * METRES_PER_DEGREE];
	}
	toLonLat([x, y]: XY): Position {
		return [round7(this.origin[0] + x / this.kx), round7(this.origin[1] + y / METRES_PER_DEGREE)];
	}
}

/** Road key (see `roadKey`) → its axis. Ways without a name are left out by the caller. */
export function buildStreetAxes(streets: readonly StreetLine[], plane = new Plane(streets[0]?.coordinates[0] ?? [0, 0])): Map<string, StreetAxis> {
	const byRoad = new Map<string, { name: string; ways: XY[][] }>();
	for (const s of streets) {
		const key = roadKey(s.name);
		if (!key || s.coordinates.length < 2) continue;
		const group = byRoad.get(key) ?? byRoad.set(key, { name: s.name, ways: [] }).get(key)!;
		group.ways.push(s.coordinates.map((p) => plane.toXY(p)));
	}
	const axes = new Map<string, StreetAxis>();
	for (const [key, { name, ways }] of byRoad) {
		const line = chainPieces(ways);
		// A road drawn as a single point has no direction to number along.
		if (line.length >= 2) axes.set(key, new Axis(name, line, plane));
	}
	return axes;
}

class Axis implements StreetAxis {
	readonly length: number;
	private readonly cum: number[];
	constructor(
		readonly name: string,
		private readonly xy: XY[],
		private readonly plane: Plane
	) {
		this.cum = [0];
		for (let i = 1; i < xy.length; i++) this.cum.push(this.cum[i - 1] + dist(xy[i - 1], xy[i]));
		this.length = this.cum[this.cum.length - 1];
	}

	locate(point: Position): AxisLocation {
		const p = this.plane.toXY(point);
		let best = { measure: 0, offset: 0, distance: Infinity };
		for (let i = 1; i < this.xy.length; i++) {
			const [a, b] = [this.xy[i - 1], this.xy[i]];
			const len = this.cum[i] - this.cum[i - 1];
			if (len === 0) continue;
			const t = clamp(((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (len * len), 0, 1);
			const q: XY = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
			const d = dist(p, q);
			if (d < best.distance) {
				const side = Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) || 1;
				best = { measure: this.cum[i - 1] + t * len, offset: side * d, distance: d };
			}
		}
		return best;
	}

	pointAt(measure: number, offset: number): Position {
		const m = clamp(measure, 0, this.length);
		let i = 1;
		while (i < this.cum.length - 1 && this.cum[i] < m) i++;
		const [a, b] = [this.xy[i - 1], this.xy[i]];
		const len = this.cum[i] - this.cum[i - 1] || 1;
		const t = (m - this.cum[i - 1]) / len;
		const [ux, uy] = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
		return this.plane.toLonLat([a[0] + t * (b[0] - a[0]) - uy * offset, a[1] + t * (b[1] - a[1]) + ux * offset]);
	}

	line(): Position[] {
		return this.xy.map((p) => this.plane.toLonLat(p));
	}
}

/** The main route of each connected piece, longest first; the others trimmed and joined on at the nearer end. */
function chainPieces(ways: XY[][]): XY[] {
	const routes = components(ways)
		.map(longestRoute)
		.sort((a, b) => polylineLength(b) - polylineLength(a));
	let axis = routes[0];
	for (const route of routes.slice(1)) {
		const rest = trimAlongside(route, axis);
		if (rest.length < 2 || polylineLength(rest) < MIN_EXTENSION_M) continue;
		axis = join(axis, rest);
	}
	return axis;
}

interface Graph {
	xy: XY[];
	edges: Array<Array<[number, number]>>;
}

/** Ways → graph pieces; ways meet where they share a node (same coordinates). */
function components(ways: XY[][]): Graph[] {
	const index = new Map<string, number>();
	const xy: XY[] = [];
	const edges: Array<Array<[number, number]>> = [];
	const node = (p: XY) => {
		const k = `${p[0].toFixed(3)},${p[1].toFixed(3)}`;
		let i = index.get(k);
		if (i === undefined) {
			index.set(k, (i = xy.length));
			xy.push(p);
			edges.push([]);
		}
		return i;
	};
	for (const way of ways) {
		for (let j = 1; j < way.length; j++) {
			const [a, b] = [node(way[j - 1]), node(way[j])];
			if (a === b) continue;
			const w = dist(xy[a], xy[b]);
			edges[a].push([b, w]);
			edges[b].push([a, w]);
		}
	}
	const piece = new Array<number>(xy.length).fill(-1);
	const graphs: Graph[] = [];
	for (let start = 0; start < xy.length; start++) {
		if (piece[start] >= 0) continue;
		const members = [start];
		piece[start] = graphs.length;
		for (let k = 0; k < members.length; k++) {
			for (const [n] of edges[members[k]]) if (piece[n] < 0) (piece[n] = graphs.length), members.push(n);
		}
		const local = new Map(members.map((m, i) => [m, i]));
		graphs.push({ xy: members.map((m) => xy[m]), edges: members.map((m) => edges[m].map(([n, w]) => [local.get(n)!, w] as [number, number])) });
	}
	return graphs;
}

/**
 * The route between the piece's two farthest-apart nodes (straight-line distance: by route
 * distance, two carriageways joined at one end would make a U twice the road's length).
 */
function longestRoute(g: Graph): XY[] {
	const farthestFrom = (p: XY) => g.xy.reduce((best, q, i) => (dist(p, q) > dist(p, g.xy[best]) ? i : best), 0);
	const a = farthestFrom(g.xy[0]);
	const b = farthestFrom(g.xy[a]);
	const d = new Array<number>(g.xy.length).fill(Infinity);
	const prev = new Array<number>(g.xy.length).fill(-1);
	const done = new Array<boolean>(g.xy.length).fill(false);
	d[a] = 0;
	// Pieces have at most a few hundred nodes: a linear scan beats a heap here.
	for (;;) {
		let u = -1;
		for (let i = 0; i < d.length; i++) if (!done[i] && d[i] < Infinity && (u < 0 || d[i] < d[u])) u = i;
		if (u < 0 || u === b) break;
		done[u] = true;
		for (const [v, w] of g.edges[u]) if (d[u] + w < d[v]) (d[v] = d[u] + w), (prev[v] = u);
	}
	const route: XY[] = [];
	for (let v = b; v >= 0; v = prev[v]) route.push(g.xy[v]);
	return route.reverse();
}

/** The route without its leading and trailing vertices that lie alongside the axis. */
function trimAlongside(route: XY[], axis: XY[]): XY[] {
	const near = route.map((p) => distanceToPolyline(p, axis) < ALONGSIDE_M);
	let [i, j] = [0, route.length - 1];
	while (i <= j && near[i]) i++;
	while (j >= i && near[j]) j--;
	// Keep the vertex where the route leaves the axis, so the join starts where the road does.
	return route.slice(Math.max(0, i - 1), Math.min(route.length, j + 2));
}

/** Appends or prepends `piece` at whichever axis end is nearer to one of its ends. */
function join(axis: XY[], piece: XY[]): XY[] {
	const [a0, a1] = [axis[0], axis[axis.length - 1]];
	const [p0, p1] = [piece[0], piece[piece.length - 1]];
	const options: Array<[number, () => XY[]]> = [
		[dist(a1, p0), () => [...axis, ...piece]],
		[dist(a1, p1), () => [...axis, ...[...piece].reverse()]],
		[dist(a0, p1), () => [...piece, ...axis]],
		[dist(a0, p0), () => [...[...piece].reverse(), ...axis]]
	];
	return options.sort((x, y) => x[0] - y[0])[0][1]();
}

function distanceToPolyline(p: XY, line: XY[]): number {
	let best = Infinity;
	for (let i = 1; i < line.length; i++) best = Math.min(best, distanceToSegment(p, line[i - 1], line[i]));
	return best;
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0, 1);
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function polylineLength(line: XY[]): number {
	let total = 0;
	for (let i = 1; i < line.length; i++) total += dist(line[i - 1], line[i]);
	return total;
}

function dist(a: XY, b: XY): number {
	return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function clamp(v: number, lo: number, hi: number): number {
	return v < lo ? lo : v > hi ? hi : v;
}

function round7(v: number): number {
	return Math.round(v * 1e7) / 1e7;
}
