import type { Geometry } from 'geojson';
import type { Position } from './planar';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/**
 * A geometry taken apart once for the distance loops: its isolated points, its paths
 * (lines and every polygon ring, whose segments are what one measures to), and its
 * polygons (for "inside is 0"). Preparing it once per feature keeps the pair loops free
 * of allocation.
 */
export interface Shape {
	points: Position[];
	paths: Position[][];
	polygons: Position[][][];
	bbox: BBox;
}

/** A geometry's shape; null or empty geometries give an empty shape (bbox of Infinities). */
export function shapeOf(geometry: Geometry | null | undefined): Shape {
	const shape: Shape = { points: [], paths: [], polygons: [], bbox: [Infinity, Infinity, -Infinity, -Infinity] };
	if (geometry) addGeometry(shape, geometry);
	shape.bbox = bboxOf(shape);
	return shape;
}

function addGeometry(shape: Shape, geometry: Geometry): void {
	switch (geometry.type) {
		case 'Point':
			shape.points.push(geometry.coordinates as Position);
			return;
		case 'MultiPoint':
			shape.points.push(...(geometry.coordinates as Position[]));
			return;
		case 'LineString':
			shape.paths.push(geometry.coordinates as Position[]);
			return;
		case 'MultiLineString':
			shape.paths.push(...(geometry.coordinates as Position[][]));
			return;
		case 'Polygon':
			addPolygon(shape, geometry.coordinates as Position[][]);
			return;
		case 'MultiPolygon':
			for (const polygon of geometry.coordinates) addPolygon(shape, polygon as Position[][]);
			return;
		case 'GeometryCollection':
			for (const part of geometry.geometries) addGeometry(shape, part);
			return;
	}
}

function addPolygon(shape: Shape, rings: Position[][]): void {
	if (!rings.length) return;
	shape.polygons.push(rings);
	shape.paths.push(...rings);
}

/** Every vertex of a shape: its points and the vertices of its paths. */
export function verticesOf(shape: Shape): Position[] {
	return shape.points.concat(...shape.paths);
}

/** Whether the shape is nothing but points (the cheap case in the proximity loops). */
export function isPointsOnly(shape: Shape): boolean {
	return shape.paths.length === 0;
}

function bboxOf(shape: Shape): BBox {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const p of verticesOf(shape)) {
		if (p[0] < minX) minX = p[0];
		if (p[1] < minY) minY = p[1];
		if (p[0] > maxX) maxX = p[0];
		if (p[1] > maxY) maxY = p[1];
	}
	return [minX, minY, maxX, maxY];
}

/** Whether two boxes share any point. */
export function bboxesTouch(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
