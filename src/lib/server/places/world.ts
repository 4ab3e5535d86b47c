/**
 * Everything the place and tour pages are drawn from, read once per build from the pipeline's
 * outputs (static/data): the layers that have pages, the streets and district edges for the
 * locator maps, the walk graph and the tours. Prerendering a thousand pages reads it once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { decodeWalkGraph, type WalkGraph } from '$lib/walk/graph';
import { snapToGraph, type Snap } from '$lib/walk/snap';
import { hasPlacePage, PLACE_LAYERS } from '$lib/places/pages';
import { RANK_OF_HIGHWAY, type LocatorStreet } from '$lib/places/locator';
import { bboxOf, type LonLat } from '$lib/places/project';
import type { TourData } from '$lib/walk/tours';
import type { Text } from '$lib/layers/types';
import { dataDir, readData, readLayer } from '../catalogue';


export type PlaceFeature = Feature<Geometry, Record<string, unknown>>;

export interface PlaceEntry {
	layer: string;
	feature: PlaceFeature;
	/** Where the place is for walking and for the nearby list: its door, or the middle of a street. */
	point: LonLat;
	snap: Snap | null;
}

export interface World {
	places: Map<string, PlaceEntry>;
	streets: LocatorStreet[];
	/** Street names in English by their Chinese name. */
	streetEn: Map<string, string>;
	districtRings: LonLat[][];
	districts: Map<string, Text>;
	graph: WalkGraph;
	tours: TourData;
}

let world: World | null = null;

export function loadWorld(): World {
	if (world) return world;
	const graph = decodeWalkGraph(new Uint8Array(readFileSync(resolve(dataDir(), 'walk-graph.bin'))));
	const places = new Map<string, PlaceEntry>();
	for (const layer of PLACE_LAYERS) {
		for (const feature of readLayer(layer).features as PlaceFeature[]) {
			const id = String(feature.properties.id);
			if (!hasPlacePage(layer, id, feature.properties)) continue;
			if (places.has(id)) throw new Error(`static/data/${layer}.geojson: feature id "${id}" is also in ${places.get(id)!.layer}; a place page needs one id per place`);
			const point = pointOf(feature);
			places.set(id, { layer, feature, point, snap: snapToGraph(graph, point) });
		}
	}
	const streets: LocatorStreet[] = [];
	const streetEn = new Map<string, string>();
	for (const f of readLayer('streets').features as PlaceFeature[]) {
		const lines = linesOf(f.geometry);
		const p = f.properties;
		const zh = typeof p.name === 'string' && p.name ? p.name : null;
		const en = typeof p.name_en === 'string' && p.name_en ? p.name_en : null;
		if (zh && en) streetEn.set(zh, en);
		for (const line of lines) streets.push({ line, name_zh: zh, name_en: en, rank: RANK_OF_HIGHWAY[String(p.highway)] ?? 0, bbox: bboxOf(line) });
	}
	const districtRings: LonLat[][] = [];
	const districts = new Map<string, Text>();
	for (const f of readLayer('district-boundary').features as PlaceFeature[]) {
		districtRings.push(...ringsOf(f.geometry));
		districts.set(String(f.properties.id), { zh: String(f.properties.name_zh), en: String(f.properties.name_en ?? f.properties.name_zh) });
	}
	world = { places, streets, streetEn, districtRings, districts, graph, tours: readData<TourData>('tours.json') };
	return world;
}

export function linesOf(g: Geometry): LonLat[][] {
	if (g.type === 'LineString') return [g.coordinates as LonLat[]];
	if (g.type === 'MultiLineString') return g.coordinates as LonLat[][];
	return [];
}

export function ringsOf(g: Geometry): LonLat[][] {
	if (g.type === 'Polygon') return g.coordinates as LonLat[][];
	if (g.type === 'MultiPolygon') return (g.coordinates as LonLat[][][]).flat();
	return [];
}

/** A point for a feature: its recorded door (lon/lat), a point's own, a street's middle, a footprint's box centre. */
export function pointOf(f: PlaceFeature): LonLat {
	const p = f.properties;
	if (typeof p.lon === 'number' && typeof p.lat === 'number') return [p.lon, p.lat];
	const g = f.geometry;
	if (g.type === 'Point') return g.coordinates as LonLat;
	const lines = linesOf(g);
	if (lines.length) return middleOf(lines.reduce((a, b) => (b.length > a.length ? b : a)));
	const [w, s, e, n] = bboxOf(ringsOf(g).flat());
	return [(w + e) / 2, (s + n) / 2];
}

/** The point halfway along a line (in degrees, which is close enough to halfway in metres over one street). */
function middleOf(line: LonLat[]): LonLat {
	const seg = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]));
	let left = seg.reduce((a, b) => a + b, 0) / 2;
	for (let i = 0; i < seg.length; i++) {
		if (left <= seg[i]) {
			const t = seg[i] ? left / seg[i] : 0;
			return [line[i][0] + t * (line[i + 1][0] - line[i][0]), line[i][1] + t * (line[i + 1][1] - line[i][1])];
		}
		left -= seg[i];
	}
	return line[0];
}
