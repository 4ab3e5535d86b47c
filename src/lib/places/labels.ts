/**
 * Street names on a locator map: each named street once, along its longest visible piece, turned
 * to run with the street and never upside down, and only where it fits the picture and overlaps
 * no name already placed nor the place itself. Pure, so the build and the tests agree.
 */
import { along, lineLength, r1, type XY } from './project';

export interface LabelCandidate {
	text: string;
	/** The street's visible pieces, in picture units. */
	pieces: XY[][];
	/** Higher first: main roads before lanes. */
	rank: number;
}

export interface PlacedLabel {
	text: string;
	x: number;
	y: number;
	/** Degrees, within (-90, 90]: text reads left to right or bottom to top. */
	angle: number;
}

export type Box = [number, number, number, number];

/** Width of a text in picture units: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string, size: number): number {
	let em = 0;
	for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
	return em * size;
}

/** The axis-aligned box of a label of `w` × `h` centred at (x, y) turned by `angle` degrees. */
export function labelBox(x: number, y: number, w: number, h: number, angle: number): Box {
	const a = (angle * Math.PI) / 180;
	const c = Math.abs(Math.cos(a));
	const s = Math.abs(Math.sin(a));
	const hw = (w * c + h * s) / 2;
	const hh = (w * s + h * c) / 2;
	return [x - hw, y - hh, x + hw, y + hh];
}

export function boxesOverlap(a: Box, b: Box): boolean {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** An angle in degrees turned to read upright: (-90, 90]. */
export function upright(deg: number): number {
	let a = deg % 360;
	if (a > 180) a -= 360;
	if (a <= -180) a += 360;
	if (a > 90) a -= 180;
	else if (a <= -90) a += 180;
	return a;
}

/** Where along a piece a name is tried, as shares of its length: the middle first. */
const TRIES = [0.5, 0.35, 0.65, 0.2, 0.8];

/**
 * Places names greedily, best-ranked and longest streets first. A name goes where the street
 * runs straight enough for it (the chord across the label's width is nearly as long as the
 * label), inside the picture with `margin` to spare, clear of `avoid` and of other names.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number, size: number, avoid: readonly Box[] = [], margin = 2): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const taken: Box[] = [...avoid];
	const ordered = candidates
		.map((c) => ({ c, piece: longest(c.pieces) }))
		.filter((x) => x.piece !== null)
		.sort((a, b) => b.c.rank - a.c.rank || lineLength(b.piece!) - lineLength(a.piece!) || (a.c.text < b.c.text ? -1 : 1));
	const h = size * 1.3;
	for (const { c, piece } of ordered) {
		const line = piece!;
		const length = lineLength(line);
		const w = textWidth(c.text, size) + size * 0.6;
		if (w > length) continue;
		for (const share of TRIES) {
			const mid = share * length;
			if (mid - w / 2 < 0 || mid + w / 2 > length) continue;
			const start = along(line, mid - w / 2).point;
			const end = along(line, mid + w / 2).point;
			// A bend under the name would set it off the street: ask for a nearly straight stretch.
			if (Math.hypot(end[0] - start[0], end[1] - start[1]) < 0.92 * w) continue;
			const { point } = along(line, mid);
			const angle = upright((Math.atan2(end[1] - start[1], end[0] - start[0]) * 180) / Math.PI);
			const box = labelBox(point[0], point[1], w, h, angle);
			if (box[0] < margin || box[1] < margin || box[2] > width - margin || box[3] > height - margin) continue;
			if (taken.some((t) => boxesOverlap(t, box))) continue;
			taken.push(box);
			placed.push({ text: c.text, x: r1(point[0]), y: r1(point[1]), angle: Math.round(angle) });
			break;
		}
	}
	return placed;
}

function longest(pieces: readonly XY[][]): XY[] | null {
	let best: XY[] | null = null;
	let bestLength = 0;
	for (const p of pieces) {
		const l = lineLength(p);
		if (l > bestLength) {
			best = p;
			bestLength = l;
		}
	}
	return best;
}
