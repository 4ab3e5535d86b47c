import Flatbush from 'flatbush';
import { METRES_PER_DEGREE } from '../geo/distance';
import { inRings } from '../geo/geometry';
import { metresPerLonDegree, pathsCross, pointToPath, pointToPoint, type Position } from './planar';
import { isPointsOnly, shapeOf, verticesOf, type BBox, type Shape } from './shape';
import { featureId, type AnyFeature } from './types';

/** A feature of layer A, the nearest feature of layer B to it, and how far that is. */
export interface NearMatch {
	feature: AnyFeature;
	nearest: AnyFeature;
	metres: number;
}

/**
 * Metres from a lon/lat point to a feature: 0 inside a polygon (holes are outside), else
 * to the nearest point, segment of a line, or polygon ring. Infinity when it has no geometry.
 */
export function distanceToFeature(point: [number, number], feature: AnyFeature): number {
	return pointToShape(point, shapeOf(feature.geometry));
}

/**
 * Metres between two features' geometries: 0 when they touch, cross or overlap, else the
 * least distance between them. Infinity when either has no geometry.
 */
export function featureDistance(a: AnyFeature, b: AnyFeature): number {
	return shapeDistance(shapeOf(a.geometry), shapeOf(b.geometry));
}

/**
 * Every feature of `a` with some feature of `b` within `metres` (inclusive), with its
 * nearest and the distance; sorted by distance, then id. A feature is never its own
 * neighbour, so `withinDistance(x, x, m)` asks for *other* features of the same layer.
 * B is indexed once (Flatbush over its boxes grown by `metres`), so each A feature
 * measures exactly only to the few B features whose grown box it touches.
 */
export function withinDistance(a: AnyFeature[], b: AnyFeature[], metres: number): NearMatch[] {
	if (!(metres >= 0)) return [];
	const near = nearIndex(b, metres);
	if (!near) return [];
	const matches: NearMatch[] = [];
	for (const feature of a) {
		const shape = shapeOf(feature.geometry);
		if (!hasExtent(shape.bbox)) continue;
		const found = nearestOf(feature, shape, near);
		if (found && found.metres <= metres) matches.push({ feature, nearest: found.feature, metres: found.metres });
	}
	return sortByDistanceThenId(matches);
}

interface NearIndex {
	index: Flatbush;
	features: AnyFeature[];
	shapes: Shape[];
}

/** B's features with geometry, indexed by their boxes grown by `metres`; null when none. */
function nearIndex(b: AnyFeature[], metres: number): NearIndex | null {
	const features: AnyFeature[] = [];
	const shapes: Shape[] = [];
	for (const feature of b) {
		const shape = shapeOf(feature.geometry);
		if (!hasExtent(shape.bbox)) continue;
		features.push(feature);
		shapes.push(shape);
	}
	if (!features.length) return null;
	const index = new Flatbush(features.length);
	for (const shape of shapes) index.add(...grow(shape.bbox, metres));
	index.finish();
	return { index, features, shapes };
}

function nearestOf(feature: AnyFeature, shape: Shape, near: NearIndex): { feature: AnyFeature; metres: number } | null {
	let best: { feature: AnyFeature; metres: number } | null = null;
	for (const i of near.index.search(...shape.bbox)) {
		const candidate = near.features[i];
		if (candidate === feature) continue;
		const d = shapeDistance(shape, near.shapes[i]);
		// Ties go to the lower id, so the answer does not depend on the index's order.
		if (!best || d < best.metres || (d === best.metres && featureId(candidate) < featureId(best.feature))) best = { feature: candidate, metres: d };
	}
	return best;
}

/**
 * A box grown by `metres` on every side, in degrees. Longitude degrees shrink towards the
 * poles, so the scale is taken at the box's most poleward latitude; the 1% margin covers
 * the exact distances' own choice of latitude, so the box never misses a true match.
 */
function grow([minX, minY, maxX, maxY]: BBox, metres: number): BBox {
	const dLat = (metres / METRES_PER_DEGREE) * 1.01 + 1e-9;
	const poleward = Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)) + dLat);
	const dLon = (metres / metresPerLonDegree(poleward)) * 1.01 + 1e-9;
	return [minX - dLon, minY - dLat, maxX + dLon, maxY + dLat];
}

function hasExtent(bbox: BBox): boolean {
	return bbox[0] <= bbox[2] && bbox[1] <= bbox[3];
}

function sortByDistanceThenId(matches: NearMatch[]): NearMatch[] {
	const ids = new Map(matches.map((m) => [m, featureId(m.feature)]));
	return matches.sort((x, y) => x.metres - y.metres || compare(ids.get(x)!, ids.get(y)!));
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Metres from a point to a prepared shape (see `distanceToFeature`). */
export function pointToShape(point: Position, shape: Shape): number {
	if (shape.polygons.length && inRings(point, shape.polygons)) return 0;
	let best = Infinity;
	for (const q of shape.points) best = Math.min(best, pointToPoint(point, q));
	for (const path of shape.paths) best = Math.min(best, pointToPath(point, path));
	return best;
}

/**
 * Metres between two prepared shapes. Unless their outlines cross (0), the least distance
 * between two sets of segments is reached at a vertex of one of them, and a vertex inside
 * the other's polygon is 0 — so measuring every vertex of each to the other is exact.
 */
export function shapeDistance(a: Shape, b: Shape): number {
	if (isPointsOnly(a)) return minOver(a.points, b);
	if (isPointsOnly(b)) return minOver(b.points, a);
	if (a.paths.some((pa) => b.paths.some((pb) => pathsCross(pa, pb)))) return 0;
	return Math.min(minOver(verticesOf(a), b), minOver(verticesOf(b), a));
}

function minOver(points: Position[], shape: Shape): number {
	let best = Infinity;
	for (const p of points) {
		best = Math.min(best, pointToShape(p, shape));
		if (best === 0) break;
	}
	return best;
}
