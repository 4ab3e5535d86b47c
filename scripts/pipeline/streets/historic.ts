import type { Feature, Geometry } from 'geojson';
import type { Position } from '../../../src/lib/geo/crs';
import type { StreetFeature, StreetProperties } from './overpass';
import { axis, axisDiff, lineLength, meanLatitude, projector, sampleLine, segmentOffset, SegmentGrid, type XY } from './planar';

/**
 * A historic road, already in WGS84. Typed loosely on purpose so validated source features can be
 * passed straight in: only LineString / MultiLineString features with a non-empty string `title` are used.
 */
export type HistoricRoad = Feature<Geometry | null, Record<string, unknown> | null>;

export interface HistoricMatchOptions {
	/** Metres between samples along each OSM way. */
	spacing?: number;
	/** A sample is covered only within this many metres of the historic centreline. */
	maxDistance?: number;
	/** …and only if the two lines run within this many degrees of each other (so a crossing road does not count). */
	maxAngle?: number;
	/** Share of a way's samples a historic road must cover for its name to be attached to the way. */
	minShare?: number;
	/** Share of a modern street's whole length a historic road must cover to become its street-level name. */
	minStreetShare?: number;
	/** A way with no match of its own takes the street-level name if that road still covers this share of it. */
	fillShare?: number;
}

export const HISTORIC_DEFAULTS: Required<HistoricMatchOptions> = {
	spacing: 10,
	maxDistance: 25,
	maxAngle: 30,
	minShare: 0.5,
	minStreetShare: 0.5,
	fillShare: 0.2
};

export interface HistoricProperties {
	/** Historic names, most overlapping first, joined with '；'. */
	name_historic: string | null;
	/** How the name was attached: 'overlap:<share>[,<share>…]' by this way's own geometry, 'street:<share>' from its street's mapping. */
	historic_match: string | null;
}

export interface HistoricNameRow {
	modern: string;
	historic: string;
	/** Share of the modern street's total OSM length covered by the historic road. */
	overlapShare: number;
}

/**
 * Attaches historic road names by geometric overlap, never by name: names changed, lines did not.
 * Then lifts the result to street level (modern name → historic name by share of length) and
 * uses that mapping to fill ways that barely missed on their own (short links, kinks at junctions).
 */
export function attachHistoricNames<P extends StreetProperties>(
	streets: StreetFeature<P>[],
	historicRoads: HistoricRoad[],
	options: HistoricMatchOptions = {}
): { features: StreetFeature<P & HistoricProperties>[]; table: HistoricNameRow[] } {
	const o = { ...HISTORIC_DEFAULTS, ...options };
	const toXY = projector(meanLatitude(streets.map((s) => s.geometry.coordinates as Position[])));
	const grid = historicGrid(historicRoads, toXY, o.maxDistance, streets);

	// Per way: its length and, per historic title, the share of its samples that title covers.
	const perWay = streets.map((street) => {
		const line = street.geometry.coordinates.map((p) => toXY(p as Position));
		const samples = sampleLine(line, o.spacing);
		const covered = new Map<string, number>();
		for (const s of samples) {
			const titles: string[] = []; // rarely more than two: a plain array beats a Set here
			for (const seg of grid.near(s.x, s.y)) {
				if (titles.includes(seg.owner) || axisDiff(s.bearing, seg.axis) > o.maxAngle) continue;
				const { distance, overshoot } = segmentOffset(s.x, s.y, seg.a, seg.b);
				// Half a sample spacing past an end still counts: consecutive segments share ends, so no gap opens at bends.
				if (distance <= o.maxDistance && overshoot <= o.spacing / 2) titles.push(seg.owner);
			}
			for (const t of titles) covered.set(t, (covered.get(t) ?? 0) + 1);
		}
		const shares = new Map([...covered].map(([t, n]) => [t, n / samples.length]));
		return { length: lineLength(line), shares };
	});

	const table = streetTable(streets, perWay, o.minStreetShare);
	const byModern = new Map(table.map((r) => [r.modern, r]));

	const features = streets.map((street, i) => {
		const { shares } = perWay[i];
		const row = street.properties.name ? byModern.get(street.properties.name) : undefined;
		// The street's own historic name leads whenever this way matched it: short ways at junctions often
		// match the crossing or continuing road equally well, and 淮海中路 should read 霞飞路 first throughout.
		const rank = ([t, s]: [string, number]) => (t === row?.historic ? 2 : s);
		const own = [...shares].filter(([, s]) => s >= o.minShare).sort((a, b) => rank(b) - rank(a) || b[1] - a[1] || a[0].localeCompare(b[0]));
		let extra: HistoricProperties = { name_historic: null, historic_match: null };
		if (own.length) {
			extra = { name_historic: own.map(([t]) => t).join('；'), historic_match: `overlap:${own.map(([, s]) => s.toFixed(2)).join(',')}` };
		} else if (row && (shares.get(row.historic) ?? 0) >= o.fillShare) {
			extra = { name_historic: row.historic, historic_match: `street:${row.overlapShare.toFixed(2)}` };
		}
		return { ...street, properties: { ...street.properties, ...extra } };
	});
	return { features, table };
}

/** Only historic segments near the street network are indexed: the 645 table covers all of Shanghai. */
function historicGrid<P extends StreetProperties>(roads: HistoricRoad[], toXY: (p: Position) => XY, reach: number, streets: StreetFeature<P>[]) {
	const grid = new SegmentGrid<string>(50, reach);
	const [w, s, e, n] = bboxXY(streets.flatMap((f) => f.geometry.coordinates.map((p) => toXY(p as Position))), reach);
	for (const road of roads) {
		const title = typeof road.properties?.title === 'string' ? road.properties.title.trim() : '';
		const g = road.geometry;
		if (!title || (g?.type !== 'LineString' && g?.type !== 'MultiLineString')) continue;
		const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
		for (const part of parts) {
			const line = part.map((p) => toXY(p as Position));
			for (let i = 1; i < line.length; i++) {
				const [a, b] = [line[i - 1], line[i]];
				if (Math.max(a[0], b[0]) < w || Math.min(a[0], b[0]) > e || Math.max(a[1], b[1]) < s || Math.min(a[1], b[1]) > n) continue;
				grid.add({ a, b, axis: axis(a, b), owner: title });
			}
		}
	}
	return grid;
}

function bboxXY(points: XY[], pad: number): [number, number, number, number] {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) (w = Math.min(w, x)), (s = Math.min(s, y)), (e = Math.max(e, x)), (n = Math.max(n, y));
	return [w - pad, s - pad, e + pad, n + pad];
}

/** Modern name → the historic road covering the largest share of its total length, if at least `minShare`. */
function streetTable<P extends StreetProperties>(
	streets: StreetFeature<P>[],
	perWay: { length: number; shares: Map<string, number> }[],
	minShare: number
): HistoricNameRow[] {
	const streetsByName = new Map<string, { total: number; covered: Map<string, number> }>();
	streets.forEach((street, i) => {
		const name = street.properties.name;
		if (!name) return;
		const acc = streetsByName.get(name) ?? { total: 0, covered: new Map() };
		const { length, shares } = perWay[i];
		acc.total += length;
		for (const [t, share] of shares) acc.covered.set(t, (acc.covered.get(t) ?? 0) + share * length);
		streetsByName.set(name, acc);
	});
	const rows: HistoricNameRow[] = [];
	for (const [modern, { total, covered }] of streetsByName) {
		const best = [...covered].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
		if (!best || total === 0) continue;
		const overlapShare = Math.round((best[1] / total) * 1000) / 1000;
		if (overlapShare >= minShare) rows.push({ modern, historic: best[0], overlapShare });
	}
	return rows.sort((a, b) => a.modern.localeCompare(b.modern, 'zh'));
}
