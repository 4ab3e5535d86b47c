import { metres, METRES_PER_DEGREE } from '../geo/distance';

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

/** Metres between two lon/lat points: geo/distance's `metres`, under the name this module's callers use. */
export function pointToPoint(a: Position, b: Position): number {
	return metres(a, b);
}

export { pathsCross } from '../geo/geometry';
