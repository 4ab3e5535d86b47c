import { METRES_PER_DEGREE } from '../geo/distance';

/**
 * Planar arithmetic in metres on a local equirectangular frame. Over the few kilometres of
 * a district it stays within centimetres of the geodesic and is far cheaper than turf's
 * spherical formulas, which matters in the proximity loops (10,000 × candidates).
 */

export type Position = [number, number];

/** Metres per degree of longitude at a latitude. */
export function metresPerLonDegree(lat: number): number {
	return METRES_PER_DEGREE * Math.cos(lat * (Math.PI / 180));
}

/** Metres from the origin to the segment (ax, ay)–(bx, by), all in metres. */
export function originToSegment(ax: number, ay: number, bx: number, by: number): number {
	const dx = bx - ax;
	const dy = by - ay;
	const lengthSq = dx * dx + dy * dy;
	// Degenerate segments (repeated vertices) are a point.
	const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Metres from a lon/lat point to a path's nearest segment, measured on a frame centred on
 * the point (so the point's own latitude sets the scale).
 */
export function pointToPath(point: Position, path: Position[]): number {
	const [px, py] = point;
	const kx = metresPerLonDegree(py);
	const ky = METRES_PER_DEGREE;
	if (path.length === 1) return Math.hypot((path[0][0] - px) * kx, (path[0][1] - py) * ky);
	let best = Infinity;
	for (let i = 1; i < path.length; i++) {
		const a = path[i - 1];
		const b = path[i];
		const d = originToSegment((a[0] - px) * kx, (a[1] - py) * ky, (b[0] - px) * kx, (b[1] - py) * ky);
		if (d < best) best = d;
	}
	return best;
}

/** Metres between two lon/lat points (the same formula as geo/distance's `metres`). */
export function pointToPoint(a: Position, b: Position): number {
	const kx = metresPerLonDegree((a[1] + b[1]) / 2);
	return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * METRES_PER_DEGREE);
}

/**
 * Whether two paths properly cross somewhere (segments intersecting in their interiors).
 * Touching at a vertex or overlapping along a line is left to the vertex distances, which
 * find those as 0; only an X-crossing between vertices needs this test.
 */
export function pathsCross(a: Position[], b: Position[]): boolean {
	for (let i = 1; i < a.length; i++) {
		const [ax, ay] = a[i - 1];
		const [bx, by] = a[i];
		for (let j = 1; j < b.length; j++) {
			const [cx, cy] = b[j - 1];
			const [dx, dy] = b[j];
			// Boxes first: most segment pairs are far apart.
			if (Math.max(ax, bx) < Math.min(cx, dx) || Math.min(ax, bx) > Math.max(cx, dx)) continue;
			if (Math.max(ay, by) < Math.min(cy, dy) || Math.min(ay, by) > Math.max(cy, dy)) continue;
			const d1 = orient(cx, cy, dx, dy, ax, ay);
			const d2 = orient(cx, cy, dx, dy, bx, by);
			const d3 = orient(ax, ay, bx, by, cx, cy);
			const d4 = orient(ax, ay, bx, by, dx, dy);
			if (d1 * d2 < 0 && d3 * d4 < 0) return true;
		}
	}
	return false;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
