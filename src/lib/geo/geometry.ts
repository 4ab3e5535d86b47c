import type { Geometry, Position as GeoPosition } from 'geojson';
import type { Position } from './crs';

/** Applies `fn` to every position of a geometry, returning a new geometry of the same type. */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
	const one = (p: GeoPosition) => fn([p[0], p[1]]) as GeoPosition;
	const many = (ps: GeoPosition[]) => ps.map(one);
	switch (geometry.type) {
		case 'Point':
			return { ...geometry, coordinates: one(geometry.coordinates) };
		case 'MultiPoint':
		case 'LineString':
			return { ...geometry, coordinates: many(geometry.coordinates) };
		case 'MultiLineString':
		case 'Polygon':
			return { ...geometry, coordinates: geometry.coordinates.map(many) };
		case 'MultiPolygon':
			return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(many)) };
		case 'GeometryCollection':
			return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
	}
}

/** Every position of a geometry, flattened (the arrays themselves, not copies). */
export function positionsOf(geometry: Geometry): Position[] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates as Position];
		case 'MultiPoint':
		case 'LineString':
			return geometry.coordinates as Position[];
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.flat() as Position[];
		case 'MultiPolygon':
			return geometry.coordinates.flat(2) as Position[];
		case 'GeometryCollection':
			return geometry.geometries.flatMap(positionsOf);
	}
}

type Ring = Position[];

/**
 * Whether a geometry shares any point with an area (its rings given): a vertex inside the
 * area, an area vertex inside the geometry (when it is itself an area), or two crossing
 * segments. Equivalent to turf's booleanIntersects for these cases, at a fraction of the
 * cost: the pipeline asks it for every feature near a district.
 */
export function intersectsArea(geometry: Geometry, areaRings: Ring[][]): boolean {
	const points = positionsOf(geometry);
	if (points.some((p) => inRings(p, areaRings))) return true;
	const ownRings = ringsOf(geometry);
	if (ownRings.length && areaRings.some((poly) => poly.some((ring) => ring.some((p) => inRings(p, ownRings))))) return true;
	const lines = linesOf(geometry);
	return areaRings.some((poly) => poly.some((ring) => lines.some((line) => pathsCross(line, ring))));
}

/** The polygons of an area geometry as lists of rings (outer first). */
export function ringsOf(geometry: Geometry): Ring[][] {
	if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
	return [];
}

function linesOf(geometry: Geometry): Ring[] {
	switch (geometry.type) {
		case 'LineString':
			return [geometry.coordinates as Ring];
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates as Ring[];
		case 'MultiPolygon':
			return geometry.coordinates.flat() as Ring[];
		default:
			return [];
	}
}

/** Even-odd point in polygon over every polygon's rings (holes excluded). */
/** Whether a point lies inside any of the polygons (rings as from `ringsOf`; holes respected). */
export function inRings([x, y]: Position, polygons: Ring[][]): boolean {
	return polygons.some((rings) => {
		let inside = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
			}
		}
		return inside;
	});
}

/**
 * Whether two paths properly cross somewhere (segments intersecting in their interiors).
 * Touching at a vertex or running along each other is not a crossing: callers find those by
 * their vertices.
 */
export function pathsCross(a: readonly Position[], b: readonly Position[]): boolean {
	for (let i = 1; i < a.length; i++) {
		const [ax, ay] = a[i - 1];
		const [bx, by] = a[i];
		for (let j = 1; j < b.length; j++) {
			const [cx, cy] = b[j - 1];
			const [dx, dy] = b[j];
			// Skip segment pairs whose boxes miss each other before any arithmetic on orientation.
			if (Math.max(ax, bx) < Math.min(cx, dx) || Math.min(ax, bx) > Math.max(cx, dx)) continue;
			if (Math.max(ay, by) < Math.min(cy, dy) || Math.min(ay, by) > Math.max(cy, dy)) continue;
			const d1 = orient(cx, cy, dx, dy, ax, ay);
			const d2 = orient(cx, cy, dx, dy, bx, by);
			const d3 = orient(ax, ay, bx, by, cx, cy);
			const d4 = orient(ax, ay, bx, by, dx, dy);
			if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
		}
	}
	return false;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
