/**
 * Everything the walk feature computes, on one graph and one set of facilities: isochrones
 * from a start, routes to a facility, and the coverage (blind-spot) grid. Pure and
 * synchronous: the web worker wraps it, and the benchmark and tests call it directly.
 */
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { METRES_PER_DEGREE } from '../geo/distance';
import { inRings } from '../geo/geometry';
import { pathTo, shortestPaths, type ShortestPaths } from './dijkstra';
import { NO_NAME, type WalkGraph } from './graph';
import { isochroneBands, type BandProperties } from './isochrone';
import { snapToGraph, sourcesOf, walkDistanceTo, type Snap } from './snap';

export interface FacilityInput {
	id: string;
	name_zh: string;
	name_en: string;
	category: string;
	/** Every category the place serves, the main one first. */
	categories: string[];
	point: [number, number];
}

interface Facility extends FacilityInput {
	snap: Snap;
}

export interface WalkQuery {
	start: [number, number];
	/** Time limits of the bands, in minutes; the largest is the search's limit. */
	minutes: number[];
	metresPerMinute: number;
}

export interface ReachedFacility {
	id: string;
	name_zh: string;
	name_en: string;
	category: string;
	categories: string[];
	metres: number;
	minutes: number;
}

export interface WalkAnswer {
	start: [number, number];
	snapped: [number, number];
	/** How far the start lies from the nearest walkable street. */
	snapMetres: number;
	bands: FeatureCollection<import('geojson').MultiLineString, BandProperties>;
	/** Facilities within the limit, nearest first. */
	reachable: ReachedFacility[];
	/** Per category, its nearest facility even beyond the limit (within twice the limit), or null. */
	nearest: Record<string, ReachedFacility | null>;
	/** Categories with nothing within the limit. */
	unreachable: string[];
}

export interface Leg {
	line: Array<[number, number]>;
	metres: number;
	/** Named streets walked, in order, each once. */
	streets: string[];
}

export interface CoverageCell {
	polygon: Array<[number, number]>;
	snap: Snap;
}

export interface CoverageAnswer {
	category: string;
	minutes: number;
	/** One square per cell, `minutes` to the category's nearest facility (null: beyond twice the limit). */
	grid: FeatureCollection<Polygon, { minutes: number | null; covered: boolean }>;
	/** Share of the district's cells within the limit, per category. */
	shares: Record<string, number>;
}

export class WalkEngine {
	readonly facilities: Facility[];

	constructor(
		readonly graph: WalkGraph,
		facilities: FacilityInput[],
		readonly categories: readonly string[]
	) {
		this.facilities = facilities.flatMap((f) => {
			const snap = snapToGraph(graph, f.point);
			return snap ? [{ ...f, snap }] : [];
		});
	}

	isochrone({ start, minutes, metresPerMinute }: WalkQuery): WalkAnswer | null {
		const snap = snapToGraph(this.graph, start);
		if (!snap || minutes.length === 0) return null;
		const limit = Math.max(...minutes);
		const paths = shortestPaths(this.graph, sourcesOf(this.graph, snap), 2 * limit * metresPerMinute);
		const reached = this.facilities
			.map((f) => this.reach(f, walkDistanceTo(this.graph, paths, f.snap, snap), metresPerMinute))
			.filter((f) => Number.isFinite(f.metres))
			.sort((a, b) => a.metres - b.metres || (a.id < b.id ? -1 : 1));
		const nearest: Record<string, ReachedFacility | null> = {};
		for (const c of this.categories) nearest[c] = reached.find((f) => f.categories.includes(c)) ?? null;
		const reachable = reached.filter((f) => f.metres <= limit * metresPerMinute);
		return {
			start,
			snapped: snap.point,
			snapMetres: snap.distance,
			bands: isochroneBands(this.graph, paths, snap, minutes, metresPerMinute),
			reachable,
			nearest,
			unreachable: this.categories.filter((c) => !reachable.some((f) => f.categories.includes(c)))
		};
	}

	/** The walking route from a start to a facility, along the streets, with its length. */
	route(start: [number, number], facilityId: string, metresPerMinute: number): Feature<LineString, { metres: number; minutes: number; facility: string }> | null {
		const to = this.facilities.find((f) => f.id === facilityId);
		const leg = to ? this.leg(start, to.point) : null;
		if (!leg) return null;
		return { type: 'Feature', properties: { metres: leg.metres, minutes: round1(leg.metres / metresPerMinute), facility: facilityId }, geometry: { type: 'LineString', coordinates: leg.line } };
	}

	/** A walk through points in the order given: one leg per pair, each with its streets. */
	routeThrough(points: Array<[number, number]>): { legs: Leg[]; metres: number } | null {
		const legs: Leg[] = [];
		for (let i = 1; i < points.length; i++) {
			const leg = this.leg(points[i - 1], points[i]);
			if (!leg) return null;
			legs.push(leg);
		}
		return { legs, metres: legs.reduce((sum, l) => sum + l.metres, 0) };
	}

	/** Walking metres between every pair of points (for ordering a visitor's own stops). */
	matrix(points: Array<[number, number]>): number[][] {
		const snaps = points.map((p) => snapToGraph(this.graph, p));
		return snaps.map((from) => {
			if (!from) return points.map(() => Infinity);
			const paths = shortestPaths(this.graph, sourcesOf(this.graph, from));
			return snaps.map((to) => (to ? Math.round(walkDistanceTo(this.graph, paths, to, from)) : Infinity));
		});
	}

	/** One walk from a point to a point: onto the network, along it, off it again. */
	private leg(fromPoint: [number, number], toPoint: [number, number]): Leg | null {
		const { graph } = this;
		const from = snapToGraph(graph, fromPoint);
		const to = snapToGraph(graph, toPoint);
		if (!from || !to) return null;
		const paths = shortestPaths(graph, sourcesOf(graph, from));
		const metres = walkDistanceTo(graph, paths, to, from);
		if (!Number.isFinite(metres)) return null;
		const line: Array<[number, number]> = [fromPoint, from.point];
		// Edges walked, with metres on each: the snapped ends count only where walked along.
		const walked: Array<[number, number]> = [];
		const len = graph.edgeLength[to.edge];
		const direct = from.edge === to.edge ? from.distance + Math.abs(from.t - to.t) * len + to.distance : Infinity;
		if (direct > metres) {
			// Through whichever end of the target's edge the walk arrives by.
			const a = graph.edgeA[to.edge];
			const b = graph.edgeB[to.edge];
			const end = paths.distance[a] + to.t * len <= paths.distance[b] + (1 - to.t) * len ? a : b;
			const nodes = pathTo(graph, paths, end);
			for (const n of nodes) line.push([graph.lon[n], graph.lat[n]]);
			walked.push([from.edge, paths.distance[nodes[0]] - from.distance]);
			for (let i = 1; i < nodes.length; i++) walked.push([paths.via[nodes[i]], graph.edgeLength[paths.via[nodes[i]]]]);
			walked.push([to.edge, metres - paths.distance[end] - to.distance]);
		} else walked.push([to.edge, Math.abs(from.t - to.t) * len]);
		line.push(to.point, toPoint);
		const streets: string[] = [];
		for (const [e, m] of walked) {
			if (m < 1) continue;
			const name = graph.edgeName[e] === NO_NAME ? null : graph.names[graph.edgeName[e]];
			if (name && streets[streets.length - 1] !== name) streets.push(name);
		}
		return { line, metres: Math.round(metres), streets: [...new Set(streets)] };
	}

	/** Square cells of about `cellMetres` whose centres lie in the district, each snapped once. */
	grid(district: Array<Array<Array<[number, number]>>>, cellMetres = 50): CoverageCell[] {
		const all = district.flat(2);
		const [w, s, e, n] = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
		const dLat = cellMetres / METRES_PER_DEGREE;
		const dLon = cellMetres / (METRES_PER_DEGREE * Math.cos((((s + n) / 2) * Math.PI) / 180));
		const cells: CoverageCell[] = [];
		for (let y = s; y < n; y += dLat) {
			for (let x = w; x < e; x += dLon) {
				const centre: [number, number] = [x + dLon / 2, y + dLat / 2];
				if (!inRings(centre, district)) continue;
				const snap = snapToGraph(this.graph, centre);
				if (snap) cells.push({ snap, polygon: [[x, y], [x + dLon, y], [x + dLon, y + dLat], [x, y + dLat], [x, y]] });
			}
		}
		return cells;
	}

	/** Minutes from every cell to the category's nearest facility (multi-source Dijkstra from all of them). */
	cellMinutes(category: string, cells: readonly CoverageCell[], limitMinutes: number, metresPerMinute: number): Float64Array {
		const sources = this.facilities.filter((f) => f.categories.includes(category)).flatMap((f) => sourcesOf(this.graph, f.snap));
		const paths: ShortestPaths = shortestPaths(this.graph, sources, 2 * limitMinutes * metresPerMinute);
		const out = new Float64Array(cells.length);
		cells.forEach((c, i) => (out[i] = walkDistanceTo(this.graph, paths, c.snap) / metresPerMinute));
		return out;
	}

	coverage(category: string, cells: readonly CoverageCell[], limitMinutes: number, metresPerMinute: number): CoverageAnswer {
		const shares: Record<string, number> = {};
		let chosen: Float64Array = new Float64Array(0);
		for (const c of this.categories) {
			const minutes = this.cellMinutes(c, cells, limitMinutes, metresPerMinute);
			if (c === category) chosen = minutes;
			shares[c] = cells.length ? round3(minutes.filter((m) => m <= limitMinutes).length / cells.length) : 0;
		}
		return {
			category,
			minutes: limitMinutes,
			shares,
			grid: {
				type: 'FeatureCollection',
				features: cells.map((c, i) => ({
					type: 'Feature',
					properties: { minutes: Number.isFinite(chosen[i]) ? round1(chosen[i]) : null, covered: chosen[i] <= limitMinutes },
					geometry: { type: 'Polygon', coordinates: [c.polygon] }
				}))
			}
		};
	}

	private reach(f: Facility, metres: number, metresPerMinute: number): ReachedFacility {
		return { id: f.id, name_zh: f.name_zh, name_en: f.name_en, category: f.category, categories: f.categories, metres: Math.round(metres), minutes: round1(metres / metresPerMinute) };
	}
}

function round1(v: number): number {
	return Math.round(v * 10) / 10;
}
function round3(v: number): number {
	return Math.round(v * 1000) / 1000;
}
