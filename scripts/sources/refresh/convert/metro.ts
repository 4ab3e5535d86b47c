import { bboxClip, lineString } from '@turf/turf';
import type { Feature, MultiLineString, Point, Position } from 'geojson';
import { RefreshError } from '../errors';
import type { OsmElement, OverpassAnswer } from '../overpass';

/** [west, south, east, north], as GeoJSON orders a bbox. */
export type Bbox = [number, number, number, number];

/** What the metro files carry besides their features, kept from the current file. */
export interface MetroCollection {
	type: 'FeatureCollection';
	[key: string]: unknown;
	features: Feature[];
}

export interface MetroContext {
	/** The current file, whose top-level fields and line names are kept. */
	previous: MetroCollection | null;
	queryFile: string;
	osmBase: string | null;
	/** Things worth saying that do not stop the refresh (unnamed stations dropped, say). */
	notes: string[];
}

/** Six decimals (about 0.1 m), as the files were first written. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function toMetroStations(answer: OverpassAnswer, ctx: MetroContext): MetroCollection {
	const features: Feature<Point>[] = [];
	let unnamed = 0;
	for (const e of answer.elements) {
		if (e.type !== 'node' || typeof e.lat !== 'number' || typeof e.lon !== 'number') continue;
		const name = e.tags?.name ?? e.tags?.['name:zh'];
		if (!name) {
			unnamed++;
			continue;
		}
		features.push({
			type: 'Feature',
			properties: { id: `metro-station-${e.id}`, name, kind: 'metro_station' },
			geometry: { type: 'Point', coordinates: [round(e.lon), round(e.lat)] }
		});
	}
	if (unnamed) ctx.notes.push(`${unnamed} station node${unnamed > 1 ? 's' : ''} without a name left out (the map labels every station)`);
	features.sort((a, b) => String(a.properties?.name).localeCompare(String(b.properties?.name), 'zh'));
	return collection(features, ctx, 'metro stations');
}

/**
 * One MultiLineString per line (`ref`), from the route relations of both directions: their
 * track ways (stops and platforms left aside), each way once, clipped to the query's bbox and
 * joined where they meet end to end.
 */
export function toMetroLines(answer: OverpassAnswer, bbox: Bbox, ctx: MetroContext): MetroCollection {
	const byRef = new Map<string, OsmElement[]>();
	for (const e of answer.elements) {
		if (e.type !== 'relation' || !e.tags?.route) continue;
		const ref = e.tags.ref?.trim();
		if (!ref) continue;
		byRef.set(ref, [...(byRef.get(ref) ?? []), e]);
	}
	const previousNames = new Map((ctx.previous?.features ?? []).map((f) => [String(f.properties?.id), String(f.properties?.name)]));
	const features: Feature<MultiLineString>[] = [];
	for (const [ref, relations] of byRef) {
		const route = ref.replace(/[^A-Za-z0-9]+/g, '-');
		const id = `metro-${route}`;
		const parts = join(clip(trackWays(relations), bbox));
		if (!parts.length) continue;
		const name = previousNames.get(id) ?? lineName(relations[0], ref);
		features.push({ type: 'Feature', properties: { id, name, route, kind: 'metro_line' }, geometry: { type: 'MultiLineString', coordinates: parts } });
	}
	if (byRef.size && !features.length) throw new RefreshError(`none of the ${byRef.size} lines in the answer to ${ctx.queryFile} crosses its bbox ${bbox.join(',')}: check the query.`);
	features.sort((a, b) => String(a.properties?.route).localeCompare(String(b.properties?.route), 'en', { numeric: true }));
	return collection(features, ctx, 'metro lines');
}

/** The bbox an Overpass query filters by: its first `(south,west,north,east)`. */
export function bboxOfQuery(query: string, queryFile: string): Bbox {
	const m = query.match(/\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)/);
	if (!m) throw new RefreshError(`${queryFile} has no (south,west,north,east) bbox to clip the lines to.`);
	const [south, west, north, east] = m.slice(1).map(Number);
	return [west, south, east, north];
}

function trackWays(relations: OsmElement[]): Position[][] {
	const seen = new Set<number>();
	const lines: Position[][] = [];
	for (const relation of relations) {
		const members = (relation.members ?? []) as Array<{ type: string; ref: number; role?: string; geometry?: Array<{ lat: number; lon: number } | null> }>;
		for (const m of members) {
			if (m.type !== 'way' || /^(stop|platform)/.test(m.role ?? '') || seen.has(m.ref) || !m.geometry) continue;
			seen.add(m.ref);
			const line = m.geometry.filter((p): p is { lat: number; lon: number } => p !== null).map((p) => [round(p.lon), round(p.lat)]);
			if (line.length >= 2) lines.push(line);
		}
	}
	return lines;
}

function clip(lines: Position[][], bbox: Bbox): Position[][] {
	const out: Position[][] = [];
	for (const line of lines) {
		const clipped = bboxClip(lineString(line), bbox).geometry;
		const parts = clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Position[][]);
		for (const part of parts) if (part.length >= 2) out.push(part.map(([x, y]) => [round(x), round(y)]));
	}
	return out;
}

/** Joins lines that meet end to end (either way round), so a line is a few long parts, not one per OSM way. */
function join(lines: Position[][]): Position[][] {
	const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
	const pool = lines.map((l) => [...l]);
	const out: Position[][] = [];
	while (pool.length) {
		let current = pool.shift()!;
		for (let grown = true; grown; ) {
			grown = false;
			for (let i = 0; i < pool.length; i++) {
				const other = pool[i];
				const end = current[current.length - 1];
				let joined: Position[] | null = null;
				if (same(end, other[0])) joined = [...current, ...other.slice(1)];
				else if (same(end, other[other.length - 1])) joined = [...current, ...[...other].reverse().slice(1)];
				else if (same(current[0], other[other.length - 1])) joined = [...other, ...current.slice(1)];
				else if (same(current[0], other[0])) joined = [...[...other].reverse(), ...current.slice(1)];
				if (joined) {
					current = joined;
					pool.splice(i, 1);
					grown = true;
					break;
				}
			}
		}
		out.push(current);
	}
	return out;
}

function lineName(relation: OsmElement, ref: string): string {
	// Route relations are named per direction ("上海地铁1号线 (富锦路→莘庄)"); the file names the line.
	const name = relation.tags?.['name:zh'] ?? relation.tags?.name ?? '';
	return name.split(/\s*[(（:：]|\s+/)[0] || `上海地铁${ref}号线`;
}

function collection(features: Feature[], ctx: MetroContext, what: string): MetroCollection {
	const stamp = ctx.osmBase ?? null;
	const retrieval = { source: 'OpenStreetMap contributors, through the Overpass API', sourceSnapshot: stamp ? `overpass-${stamp}` : 'overpass', sourceSnapshotAt: stamp, generator: `npm run sources:refresh (${ctx.queryFile})` };
	if (!ctx.previous) {
		return { type: 'FeatureCollection', name: `${what} from ${ctx.queryFile}`, source: `OpenStreetMap, Overpass API, ${ctx.queryFile}`, metadata: { coordinateSystem: 'WGS84', license: 'Open Database License (ODbL)', ...retrieval }, features };
	}
	const { features: _old, ...top } = ctx.previous;
	const metadata = { ...((top.metadata as Record<string, unknown>) ?? {}) };
	// These described the Geofabrik archive the file was first cut from; they no longer apply.
	delete metadata.sourceArchiveSha256;
	delete metadata.sourceLock;
	delete metadata.simplifyToleranceMeters;
	return { ...top, source: `OpenStreetMap, Overpass API, ${ctx.queryFile}`, metadata: { ...metadata, ...retrieval }, features } as MetroCollection;
}
