import { inRings, ringsOf } from '../geo/geometry';
import { pathsCross, type Position } from './planar';
import { bboxesTouch, shapeOf, verticesOf, type Shape } from './shape';
import type { AnyFeature, Area } from './types';

/**
 * "What is in this block?": a feature counts when any part of it is inside the area — a
 * point inside, a line running into or across it, a polygon overlapping it or holding it.
 * Holes are outside. Contact along the boundary alone (a point exactly on an edge, a road
 * that only grazes a corner) is not a part inside and may go either way.
 */
export function featureInArea(feature: AnyFeature, area: Area): boolean {
	return shapeInArea(shapeOf(feature.geometry), preparedArea(area));
}

/** The features with any part inside the area, in their order. */
export function featuresInArea(features: AnyFeature[], area: Area): AnyFeature[] {
	const prepared = preparedArea(area);
	return features.filter((feature) => shapeInArea(shapeOf(feature.geometry), prepared));
}

interface PreparedArea {
	polygons: Position[][][];
	shape: Shape;
}

function preparedArea(area: Area): PreparedArea {
	return { polygons: ringsOf(area) as Position[][][], shape: shapeOf(area) };
}

function shapeInArea(shape: Shape, area: PreparedArea): boolean {
	if (!bboxesTouch(shape.bbox, area.shape.bbox)) return false;
	if (verticesOf(shape).some((p) => inRings(p, area.polygons))) return true;
	// The area may sit wholly inside a polygon feature (a block inside a park).
	if (shape.polygons.length && area.shape.paths.some((ring) => ring.some((p) => inRings(p, shape.polygons)))) return true;
	// Or a line or outline crosses it with every vertex outside (a long road through a small block).
	return shape.paths.some((path) => area.shape.paths.some((ring) => pathsCross(path, ring)));
}
