import type { Geometry } from 'geojson';
import { METRES_PER_DEGREE } from '../../../src/lib/geo/distance';
import type { AnyFeature } from '../../../src/lib/analysis';

/** Fixtures are drawn in metres east/north of a point in the district, then turned to lon/lat. */
export const ORIGIN: [number, number] = [121.445, 31.21];
const KX = METRES_PER_DEGREE * Math.cos((ORIGIN[1] * Math.PI) / 180);

/** The lon/lat `east` and `north` metres from ORIGIN. */
export function at(east: number, north: number): [number, number] {
	return [ORIGIN[0] + east / KX, ORIGIN[1] + north / METRES_PER_DEGREE];
}

export function feature(id: string, geometry: Geometry, properties: Record<string, unknown> = {}): AnyFeature {
	return { type: 'Feature', geometry, properties: { id, ...properties } };
}

export function point(id: string, east: number, north: number, properties: Record<string, unknown> = {}): AnyFeature {
	return feature(id, { type: 'Point', coordinates: at(east, north) }, properties);
}

export function line(id: string, metres: Array<[number, number]>, properties: Record<string, unknown> = {}): AnyFeature {
	return feature(id, { type: 'LineString', coordinates: metres.map(([e, n]) => at(e, n)) }, properties);
}

/** A closed ring of an axis-aligned rectangle, anticlockwise, in metres from ORIGIN. */
export function rectRing(west: number, south: number, east: number, north: number): [number, number][] {
	return [at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)];
}

export function square(id: string, west: number, south: number, size: number, properties: Record<string, unknown> = {}): AnyFeature {
	return feature(id, { type: 'Polygon', coordinates: [rectRing(west, south, west + size, south + size)] }, properties);
}

/** A deterministic generator (mulberry32), so a failing random case can be replayed. */
export function random(seed: number): () => number {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
