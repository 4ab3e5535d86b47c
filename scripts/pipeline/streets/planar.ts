import type { Position } from '../../../src/lib/geo/crs';
import { METRES_PER_DEGREE } from '../../../src/lib/geo/distance';

/**
 * Small planar toolkit for street matching. Over a few kilometres an equirectangular
 * projection around the area's latitude is accurate to well under a metre, and it is
 * two orders of magnitude faster than geodesic turf calls inside the sampling loops.
 */

export type XY = [number, number];


export function projector(lat0: number): (p: Position) => XY {
	const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
	return ([lon, lat]) => [lon * kx, lat * METRES_PER_DEGREE];
}

/** Mean latitude of a set of lines: the reference latitude for `projector`. */
export function meanLatitude(lines: Position[][]): number {
	let sum = 0;
	let n = 0;
	for (const line of lines) for (const p of line) (sum += p[1]), n++;
	return n ? sum / n : 31.2;
}

export interface Sample {
	x: number;
	y: number;
	/** Direction of the line at the sample, degrees in [0, 180): lines have no direction here. */
	bearing: number;
}

/** Undirected direction of a segment, degrees in [0, 180). */
export function axis(a: XY, b: XY): number {
	const deg = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
	return ((deg % 180) + 180) % 180;
}

/** Smallest angle between two undirected directions, 0–90°. */
export function axisDiff(a: number, b: number): number {
	const d = Math.abs(a - b) % 180;
	return Math.min(d, 180 - d);
}

export function lineLength(line: XY[]): number {
	let len = 0;
	for (let i = 1; i < line.length; i++) len += Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
	return len;
}

/**
 * Samples at the centres of ⌈length / spacing⌉ equal pieces, so every sample stands for
 * the same length and a share of samples is a share of length. Short ways get one sample.
 */
export function sampleLine(line: XY[], spacing: number): Sample[] {
	const total = lineLength(line);
	const n = Math.max(1, Math.ceil(total / spacing - 1e-6)); // tolerance: 200.0000001 m is 20 pieces, not 21
	const step = total / n;
	const out: Sample[] = [];
	let seg = 0;
	let segStart = 0;
	for (let i = 0; i < n; i++) {
		const at = (i + 0.5) * step;
		while (seg < line.length - 2 && segStart + segLen(line, seg) < at) segStart += segLen(line, seg++);
		const a = line[seg];
		const b = line[seg + 1];
		const len = segLen(line, seg);
		const t = len === 0 ? 0 : Math.min(1, (at - segStart) / len);
		out.push({ x: a[0] + (b[0] - a[0]) * t, y: a[1] + (b[1] - a[1]) * t, bearing: axis(a, b) });
	}
	return out;
}

function segLen(line: XY[], i: number): number {
	return Math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1]);
}

export function pointSegmentDistance(px: number, py: number, a: XY, b: XY): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
	return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/**
 * Distance from a point to a segment, and how far the point's foot lies beyond the segment's
 * ends (0 when it falls on the segment). Matching uses the overshoot so a historic road that
 * stops does not keep "covering" the next 25 m of street past its end.
 */
export function segmentOffset(px: number, py: number, a: XY, b: XY): { distance: number; overshoot: number } {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len = Math.hypot(dx, dy);
	if (len === 0) return { distance: Math.hypot(px - a[0], py - a[1]), overshoot: 0 };
	const along = ((px - a[0]) * dx + (py - a[1]) * dy) / len;
	const overshoot = along < 0 ? -along : along > len ? along - len : 0;
	return { distance: pointSegmentDistance(px, py, a, b), overshoot };
}

export interface Segment<T> {
	a: XY;
	b: XY;
	axis: number;
	owner: T;
}

/**
 * Uniform grid of segments. Each segment is filed in every cell its bbox, grown by `reach`,
 * touches; so one cell lookup returns every segment that can lie within `reach` of a point,
 * each exactly once. A plain grid beats a tree here: segments are short and evenly spread.
 */
export class SegmentGrid<T> {
	private cells = new Map<number, Segment<T>[]>();

	constructor(
		private readonly cell: number,
		private readonly reach: number
	) {}

	addLine(line: XY[], owner: T): void {
		for (let i = 1; i < line.length; i++) this.add({ a: line[i - 1], b: line[i], axis: axis(line[i - 1], line[i]), owner });
	}

	add(segment: Segment<T>): void {
		const { a, b } = segment;
		const x0 = Math.floor((Math.min(a[0], b[0]) - this.reach) / this.cell);
		const x1 = Math.floor((Math.max(a[0], b[0]) + this.reach) / this.cell);
		const y0 = Math.floor((Math.min(a[1], b[1]) - this.reach) / this.cell);
		const y1 = Math.floor((Math.max(a[1], b[1]) + this.reach) / this.cell);
		for (let x = x0; x <= x1; x++) {
			for (let y = y0; y <= y1; y++) {
				// Skip cells the segment's reach band cannot touch: long diagonal segments would fill their whole bbox.
				const cx = (x + 0.5) * this.cell;
				const cy = (y + 0.5) * this.cell;
				if (pointSegmentDistance(cx, cy, a, b) > this.reach + this.cell * Math.SQRT1_2) continue;
				const key = cellKey(x, y);
				const list = this.cells.get(key);
				if (list) list.push(segment);
				else this.cells.set(key, [segment]);
			}
		}
	}

	/** Segments that may lie within `reach` of (x, y); callers still measure the exact distance. */
	near(x: number, y: number): readonly Segment<T>[] {
		return this.cells.get(cellKey(Math.floor(x / this.cell), Math.floor(y / this.cell))) ?? [];
	}
}

/** Numeric cell key: cell indices stay far below 2^26 in projected metres / cell size, so this is collision-free and allocation-free. */
function cellKey(x: number, y: number): number {
	return x * 67_108_864 + y;
}
