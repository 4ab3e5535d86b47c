import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

export { metres } from '../../../src/lib/geo/distance';

/** A representative point: the point itself, or the centroid of a line or area. */
export function anchorOf(geometry: Geometry): [number, number] {
	if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
	const c = centroid({ type: 'Feature', geometry, properties: {} }).geometry.coordinates;
	return [c[0], c[1]];
}

export function isArea(f: Feature): f is Feature<Polygon | MultiPolygon> {
	return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

export function contains(area: Feature<Polygon | MultiPolygon>, point: [number, number]): boolean {
	return booleanPointInPolygon(point, area);
}
