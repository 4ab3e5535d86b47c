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

/** Every position of a geometry, flattened. */
export function positionsOf(geometry: Geometry): Position[] {
	const out: Position[] = [];
	mapPositions(geometry, (p) => (out.push(p), p));
	return out;
}
