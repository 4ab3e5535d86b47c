import type { Geometry } from 'geojson';
import { pointToPoint, type Position } from './planar';

/**
 * One lon/lat to stand for a geometry in a table row:
 * - Point: itself; MultiPoint: its first point.
 * - LineString / MultiLineString: the point halfway along the (longest) line, so it lies
 *   on the road rather than off a bend as a centroid would.
 * - Polygon / MultiPolygon: the area centroid of the (largest) outer ring; it can fall
 *   outside a strongly concave footprint, which is acceptable for locating a row.
 * - GeometryCollection: its first part's. Null when there is no geometry.
 */
export function representativePoint(geometry: Geometry | null | undefined): Position | null {
	if (!geometry) return null;
	switch (geometry.type) {
		case 'Point':
			return geometry.coordinates.length >= 2 ? (geometry.coordinates as Position) : null;
		case 'MultiPoint':
			return (geometry.coordinates[0] as Position | undefined) ?? null;
		case 'LineString':
			return halfwayAlong(geometry.coordinates as Position[]);
		case 'MultiLineString':
			return halfwayAlong(largest(geometry.coordinates as Position[][], lineLength));
		case 'Polygon':
			return ringCentroid((geometry.coordinates[0] ?? []) as Position[]);
		case 'MultiPolygon':
			return ringCentroid(largest(geometry.coordinates.map((p) => (p[0] ?? []) as Position[]), (r) => Math.abs(signedArea(localised(r)))));
		case 'GeometryCollection':
			return representativePoint(geometry.geometries[0]);
	}
}

function largest<T>(items: T[], size: (item: T) => number): T | [] {
	let best: T | [] = [];
	let bestSize = -Infinity;
	for (const item of items) {
		const s = size(item);
		if (s > bestSize) [best, bestSize] = [item, s];
	}
	return best;
}

function lineLength(line: Position[]): number {
	let total = 0;
	for (let i = 1; i < line.length; i++) total += pointToPoint(line[i - 1], line[i]);
	return total;
}

function halfwayAlong(line: Position[] | []): Position | null {
	if (!line.length) return null;
	let remaining = lineLength(line) / 2;
	for (let i = 1; i < line.length; i++) {
		const step = pointToPoint(line[i - 1], line[i]);
		if (step >= remaining && step > 0) {
			const t = remaining / step;
			return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
		}
		remaining -= step;
	}
	return line[0];
}

/** Shoelace area in square degrees: only its sign and ratio to the moments matter here. */
function signedArea(ring: Position[] | []): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
	return sum / 2;
}

/** A ring measured from its first vertex, so the shoelace products stay precise at lon ≈ 121. */
function localised(ring: Position[]): Position[] {
	if (!ring.length) return [];
	const [ox, oy] = ring[0];
	return ring.map(([x, y]) => [x - ox, y - oy] as Position);
}

function ringCentroid(ring: Position[] | []): Position | null {
	if (!ring.length) return null;
	const [ox, oy] = ring[0];
	const local = localised(ring);
	const area = signedArea(local);
	if (area === 0) return vertexMean(ring);
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = local.length - 1; i < local.length; j = i++) {
		const cross = local[j][0] * local[i][1] - local[i][0] * local[j][1];
		cx += (local[j][0] + local[i][0]) * cross;
		cy += (local[j][1] + local[i][1]) * cross;
	}
	return [ox + cx / (6 * area), oy + cy / (6 * area)];
}

function vertexMean(ring: Position[]): Position {
	const n = ring.length;
	return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
}
