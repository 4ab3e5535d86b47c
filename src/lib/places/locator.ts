/**
 * A locator map drawn at build time: the place (footprint, line or point), the named streets
 * around it with their names, the district's edge, a scale bar — as a small model of SVG path
 * strings and label positions that a Svelte component turns into inline SVG. No map library,
 * no tiles: a place's page can be read (and printed) without JavaScript.
 */
import type { Lang } from '../layers/types';
import { placeLabels, type Box, type LabelCandidate, type PlacedLabel } from './labels';
import { bboxOf, boxesMeet, clipPolyline, fitProjection, pathData, r1, type LonLat, type Projection, type XY } from './project';

export interface LocatorStreet {
	line: LonLat[];
	name_zh: string | null;
	name_en: string | null;
	/** 3 main roads … 0 lanes: main roads are drawn wider and named first. */
	rank: number;
	/** [west, south, east, north], to skip streets far from the picture cheaply. */
	bbox: [number, number, number, number];
}

/** What the map is about: a footprint, a street, or a point; a tour's route and its numbered stops. */
export interface LocatorSubject {
	areas?: LonLat[][][];
	lines?: LonLat[][];
	points?: LonLat[];
	/** Numbers the points (a tour's stops) instead of drawing one marker. */
	numbered?: boolean;
}

export interface LocatorModel {
	width: number;
	height: number;
	/** Streets by rank, minor first (drawn under the main roads). */
	streets: string[];
	district: string;
	area: string | null;
	line: string | null;
	points: Array<{ x: number; y: number; n?: number }>;
	labels: Record<Lang, PlacedLabel[]>;
	scale: { x: number; y: number; px: number; metres: number };
}

/**
 * The size street names are placed for, in the picture's units: what a phone draws them at, where
 * the picture (480 or 600 units wide) is shrunk to about 343 px, so they read at about 12 px
 * (Locator.svelte's media rule). Wider screens draw them smaller, in the room kept for these.
 */
export const PHONE_LABEL_SIZE = { place: 17, route: 21 } as const;

export const RANK_OF_HIGHWAY: Record<string, number> = { primary: 3, secondary: 3, tertiary: 2, secondary_link: 1, residential: 1, living_street: 0 };

export interface LocatorOptions {
	width?: number;
	height?: number;
	/** The shortest distance across the picture, in metres. */
	minMetres?: number;
	labelSize?: number;
}

/**
 * Draws `subject` with the streets and district edges around it. Streets are clipped to the
 * picture; each named street's visible ways are joined end to end before a name is placed, so a
 * street cut into many OSM ways still gets one well-placed name.
 */
export function drawLocator(subject: LocatorSubject, streets: readonly LocatorStreet[], districtRings: readonly LonLat[][], opts: LocatorOptions = {}): LocatorModel {
	const width = opts.width ?? 480;
	const height = opts.height ?? 320;
	const size = opts.labelSize ?? 13;
	const all: LonLat[] = [...(subject.areas ?? []).flat(2), ...(subject.lines ?? []).flat(), ...(subject.points ?? [])];
	if (all.length === 0) throw new Error('drawLocator: the subject has no coordinates');
	const projection = fitProjection(bboxOf(all), width, height, 28, opts.minMetres ?? 300);
	const { project } = projection;

	const byRank: XY[][][] = [[], [], [], []];
	const named = new Map<string, { zh: string; en: string; rank: number; pieces: XY[][] }>();
	for (const s of streets) {
		if (!boxesMeet(s.bbox, projection.bounds)) continue;
		const pieces = clipPolyline(s.line.map(project), width, height);
		if (pieces.length === 0) continue;
		const rank = Math.max(0, Math.min(3, s.rank));
		byRank[rank].push(...pieces);
		if (!s.name_zh) continue;
		const entry = named.get(s.name_zh) ?? { zh: s.name_zh, en: s.name_en ?? s.name_zh, rank, pieces: [] };
		entry.rank = Math.max(entry.rank, rank);
		entry.pieces.push(...pieces);
		named.set(s.name_zh, entry);
	}

	const area = subject.areas?.length ? subject.areas.map((poly) => pathData(poly.map((ring) => ring.map(project)), true)).join('') : null;
	const line = subject.lines?.length ? pathData(subject.lines.map((l) => l.map(project))) : null;
	const points = (subject.points ?? []).map((p, i) => {
		const [x, y] = project(p);
		return subject.numbered ? { x: r1(x), y: r1(y), n: i + 1 } : { x: r1(x), y: r1(y) };
	});

	// Names keep off the place itself and the scale bar.
	const avoid: Box[] = points.map(({ x, y }) => [x - 12, y - 12, x + 12, y + 12]);
	if (subject.areas?.length) {
		const [w, s, e, n] = bboxOf(subject.areas.flat(2));
		const [x0, y0] = project([w, n]);
		const [x1, y1] = project([e, s]);
		avoid.push([x0 - 4, y0 - 4, x1 + 4, y1 + 4]);
	}
	const scale = scaleBar(projection);
	avoid.push([scale.x - 4, scale.y - 18, scale.x + scale.px + 40, height]);
	const labels = {} as Record<Lang, PlacedLabel[]>;
	for (const lang of ['zh', 'en'] as const) {
		const candidates: LabelCandidate[] = [...named.values()].map((n) => ({ text: n[lang], rank: n.rank, pieces: joinPieces(n.pieces) }));
		labels[lang] = placeLabels(candidates, width, height, size, avoid);
	}

	const district = pathData(districtRings.flatMap((ring) => clipPolyline(ring.map(project), width, height)));
	return { width, height, streets: byRank.map((pieces) => pathData(pieces)), district, area, line, points, labels, scale };
}

/** A scale bar of a round length (25, 50, 100, 200 … m) about a fifth of the picture wide, bottom left. */
export function scaleBar(projection: Projection): LocatorModel['scale'] {
	const target = projection.width / 5 / projection.scale;
	const steps = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000];
	const metres = steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]);
	return { x: 12, y: projection.height - 12, px: r1(metres * projection.scale), metres };
}

/**
 * Joins pieces that meet end to end (within `tolerance` units) into longer lines, reversing one
 * where needed: OSM cuts a street into a way per block, and a name wants the whole street.
 */
export function joinPieces(pieces: readonly XY[][], tolerance = 0.5): XY[][] {
	const open = pieces.map((p) => [...p]);
	const near = (a: XY, b: XY) => Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
	let joined = true;
	while (joined) {
		joined = false;
		outer: for (let i = 0; i < open.length; i++) {
			for (let j = 0; j < open.length; j++) {
				if (i === j) continue;
				const a = open[i];
				const b = open[j];
				let merged: XY[] | null = null;
				if (near(a[a.length - 1], b[0])) merged = [...a, ...b.slice(1)];
				else if (near(a[a.length - 1], b[b.length - 1])) merged = [...a, ...[...b].reverse().slice(1)];
				else if (near(a[0], b[b.length - 1])) merged = [...b, ...a.slice(1)];
				else if (near(a[0], b[0])) merged = [...[...b].reverse(), ...a.slice(1)];
				if (merged) {
					open[i] = merged;
					open.splice(j, 1);
					joined = true;
					break outer;
				}
			}
		}
	}
	return open;
}
