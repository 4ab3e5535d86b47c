import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

const M_PER_DEG_LAT = 111_320;

/** Equirectangular distance in metres: exact enough below a few kilometres, and fast. */
export function metres(a: [number, number], b: [number, number]): number {
	const kx = M_PER_DEG_LAT * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
	return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * M_PER_DEG_LAT);
}

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
