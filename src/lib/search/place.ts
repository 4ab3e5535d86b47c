import { along, bbox as turfBbox, centroid, length, nearestPointOnLine, pointOnFeature } from '@turf/turf';
import type { Geometry, LineString, Position } from 'geojson';

export type LonLat = [number, number];
export type Bbox = [west: number, south: number, east: number, north: number];

/** Where a search result's pin goes: on the point, inside the polygon, halfway along the line. */
export function representativePoint(geometry: Geometry): LonLat {
	switch (geometry.type) {
		case 'Point':
			return round(geometry.coordinates);
		case 'LineString':
		case 'MultiLineString': {
			const parts = lineParts(geometry);
			if (parts.length === 0) break;
			const longest: LineString = { type: 'LineString', coordinates: parts.reduce((a, b) => (lineLength(b) > lineLength(a) ? b : a)) };
			return round(along(longest, lineLength(longest.coordinates) / 2).geometry.coordinates);
		}
		case 'Polygon':
		case 'MultiPolygon':
			return round(pointOnFeature(geometry).geometry.coordinates);
	}
	return round(centroid(geometry).geometry.coordinates);
}

export function bboxOf(geometry: Geometry): Bbox {
	const b = turfBbox(geometry);
	return [r6(b[0]), r6(b[1]), r6(b[2]), r6(b[3])];
}

/**
 * The bbox of several geometries (the ways of one street) and a pin for them: the bbox
 * centre snapped onto the nearest line, so it lands on the street, not between two arms.
 */
export function placeOfGroup(geometries: Geometry[]): { center: LonLat; bbox: Bbox } {
	const bbox = bboxOf({ type: 'GeometryCollection', geometries });
	const lines = geometries.flatMap(lineParts);
	if (lines.length === 0) return { center: representativePoint(geometries[0]), bbox };
	const middle = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
	return { center: round(nearestPointOnLine({ type: 'MultiLineString', coordinates: lines }, middle).geometry.coordinates), bbox };
}

function lineParts(geometry: Geometry): Position[][] {
	if (geometry.type === 'LineString') return geometry.coordinates.length > 1 ? [geometry.coordinates] : [];
	if (geometry.type === 'MultiLineString') return geometry.coordinates.filter((c) => c.length > 1);
	return [];
}

function lineLength(coordinates: Position[]): number {
	return length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
}

/** Six decimals is ~0.1 m: finer only grows the index. */
const r6 = (n: number) => Math.round(n * 1e6) / 1e6;
const round = (p: Position): LonLat => [r6(p[0]), r6(p[1])];
