/**
 * The locator maps' geometry, pure: a local projection that fits an extent into a picture, and
 * clipping of lines and rings to that picture. At the scale of a few hundred metres an
 * equirectangular projection centred on the place is exact to well under a pixel, and it keeps
 * north up, which the map's north arrow says.
 */
import { METRES_PER_DEGREE } from '../geo/distance';

export type LonLat = [number, number];
export type XY = [number, number];

export interface Projection {
	width: number;
	height: number;
	/** Picture units per metre on the ground. */
	scale: number;
	project(p: LonLat): XY;
	/** The lon/lat box the picture shows: [west, south, east, north]. */
	bounds: [number, number, number, number];
}

/**
 * Fits `bbox` (west, south, east, north) into `width` × `height` with `padding` units on every
 * side, showing at least `minMetres` across the shorter side, so a single door or a small
 * footprint still shows the streets around it.
 */
export function fitProjection(bbox: [number, number, number, number], width: number, height: number, padding = 24, minMetres = 360): Projection {
	const [w, s, e, n] = bbox;
	const lat0 = (s + n) / 2;
	const lon0 = (w + e) / 2;
	const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
	const ky = METRES_PER_DEGREE;
	const spanX = Math.max((e - w) * kx, 1);
	const spanY = Math.max((n - s) * ky, 1);
	const innerW = width - 2 * padding;
	const innerH = height - 2 * padding;
	const fit = Math.min(innerW / spanX, innerH / spanY);
	const cap = Math.min(innerW, innerH) / minMetres;
	const scale = Math.min(fit, cap);
	const project = ([lon, lat]: LonLat): XY => [width / 2 + (lon - lon0) * kx * scale, height / 2 - (lat - lat0) * ky * scale];
	const halfLon = width / 2 / (kx * scale);
	const halfLat = height / 2 / (ky * scale);
	return { width, height, scale, project, bounds: [lon0 - halfLon, lat0 - halfLat, lon0 + halfLon, lat0 + halfLat] };
}

/** Whether two lon/lat boxes overlap. */
export function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The lon/lat box of some coordinates. */
export function bboxOf(points: readonly LonLat[]): [number, number, number, number] {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) {
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return [w, s, e, n];
}

/**
 * Clips a polyline to the rectangle [0, width] × [0, height] (Liang–Barsky per segment): the
 * pieces inside, each at least two points. A line leaving and re-entering gives two pieces.
 */
export function clipPolyline(line: readonly XY[], width: number, height: number): XY[][] {
	const pieces: XY[][] = [];
	let current: XY[] = [];
	for (let i = 1; i < line.length; i++) {
		const seg = clipSegment(line[i - 1], line[i], width, height);
		if (!seg) {
			if (current.length > 1) pieces.push(current);
			current = [];
			continue;
		}
		const [a, b] = seg;
		const last = current[current.length - 1];
		if (!last || last[0] !== a[0] || last[1] !== a[1]) {
			if (current.length > 1) pieces.push(current);
			current = [a];
		}
		current.push(b);
		// The segment was cut at its end: the line leaves here, and a later part starts a new piece.
		if (b[0] !== line[i][0] || b[1] !== line[i][1]) {
			pieces.push(current);
			current = [];
		}
	}
	if (current.length > 1) pieces.push(current);
	return pieces;
}

function clipSegment(a: XY, b: XY, width: number, height: number): [XY, XY] | null {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	let t0 = 0;
	let t1 = 1;
	const edges: Array<[number, number]> = [
		[-dx, a[0]],
		[dx, width - a[0]],
		[-dy, a[1]],
		[dy, height - a[1]]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return null;
			continue;
		}
		const r = q / p;
		if (p < 0) {
			if (r > t1) return null;
			if (r > t0) t0 = r;
		} else {
			if (r < t0) return null;
			if (r < t1) t1 = r;
		}
	}
	const at = (t: number): XY => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
	return [at(t0), at(t1)];
}

/** An SVG path for pieces of polylines (closed with Z when `close`), to one decimal: a tenth of a unit is invisible and halves the bytes. */
export function pathData(pieces: readonly (readonly XY[])[], close = false): string {
	return pieces
		.filter((p) => p.length > 1)
		.map((p) => p.map(([x, y], i) => `${i ? 'L' : 'M'}${r1(x)} ${r1(y)}`).join('') + (close ? 'Z' : ''))
		.join('');
}

export function r1(v: number): number {
	return Math.round(v * 10) / 10;
}

/** Length of a polyline in picture units. */
export function lineLength(line: readonly XY[]): number {
	let sum = 0;
	for (let i = 1; i < line.length; i++) sum += Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
	return sum;
}

/** The point `distance` units along a polyline, and the direction of the segment there (radians). */
export function along(line: readonly XY[], distance: number): { point: XY; angle: number } {
	let left = distance;
	for (let i = 1; i < line.length; i++) {
		const [ax, ay] = line[i - 1];
		const [bx, by] = line[i];
		const len = Math.hypot(bx - ax, by - ay);
		if (left <= len || i === line.length - 1) {
			const t = len === 0 ? 0 : Math.min(1, Math.max(0, left / len));
			return { point: [ax + t * (bx - ax), ay + t * (by - ay)], angle: Math.atan2(by - ay, bx - ax) };
		}
		left -= len;
	}
	return { point: line[0] ?? [0, 0], angle: 0 };
}
