import type { Feature, LineString } from 'geojson';
import { isInShanghai, toWgs84, type Position } from '../../../src/lib/geo/crs';
import { overpassFile, overpassNode, overpassWay, type OverpassWay } from '../../../src/lib/schema/overpass';
import { SourceError, type Rejection } from '../report';

export const STREETS_SOURCE = 'osm-streets';

export interface StreetProperties {
	id: string;
	osm_id: number;
	name: string | null;
	name_en: string | null;
	highway: string;
	oneway: boolean;
	lanes: number | null;
}

export type StreetFeature<P extends StreetProperties = StreetProperties> = Feature<LineString, P>;

/**
 * Overpass JSON → one LineString feature per OSM way. Count law: every element that is
 * not a node is a way in, and ends up either as a feature or as a rejection (relations
 * and unknown element types are rejected too, so nothing leaves the stage unaccounted).
 */
export function overpassToStreets(overpass: unknown, file: string): { features: StreetFeature[]; rejected: Rejection[] } {
	const doc = overpassFile.safeParse(overpass);
	if (!doc.success) {
		const what = overpass === null || typeof overpass !== 'object' ? `a ${overpass === null ? 'null' : typeof overpass}` : 'an object without an "elements" array';
		throw new SourceError(file, `is not Overpass JSON: expected an object with an "elements" array, got ${what}. Re-export it from Overpass with [out:json].`);
	}
	const elements = doc.data.elements;
	const nodes = nodeTable(elements);
	const features: StreetFeature[] = [];
	const rejected: Rejection[] = [];
	const firstIndexOf = new Map<number, number>();

	elements.forEach((element, index) => {
		if (isNodeElement(element)) return;
		const { id: rawId, type } = (element ?? {}) as { id?: unknown; type?: unknown };
		const kind = typeof type === 'string' ? type : 'element';
		const id = typeof rawId === 'number' || typeof rawId === 'string' ? `osm-${kind}-${rawId}` : null;
		const reject = (reason: string) => rejected.push({ source: STREETS_SOURCE, file, index, id, reason });

		// Ids are claimed before validation, so "which copy wins" never depends on which copy is broken.
		if (type === 'way' && typeof rawId === 'number') {
			const first = firstIndexOf.get(rawId);
			if (first !== undefined) return reject(`duplicate way id ${rawId} (first seen at element ${first})`);
			firstIndexOf.set(rawId, index);
		}
		const parsed = overpassWay.safeParse(element);
		if (!parsed.success) return reject(wayProblem(parsed.error.issues, element));
		const way = parsed.data;

		const line = resolve(way, nodes);
		if (typeof line === 'string') return reject(line);
		features.push(toFeature(way, line));
	});
	return { features, rejected };
}

type NodeEntry = Position | { problem: string };

/** Node id → position, or the reason it cannot be used (so the ways using it can say why). */
function nodeTable(elements: unknown[]): Map<number, NodeEntry> {
	const table = new Map<number, NodeEntry>();
	for (const element of elements) {
		if (!isNodeElement(element)) continue;
		const id = (element as { id: unknown }).id;
		if (typeof id !== 'number') continue; // unreachable by id, so no way can reference it
		const parsed = overpassNode.safeParse(element);
		const entry: NodeEntry = parsed.success ? toWgs84([parsed.data.lon, parsed.data.lat], 'WGS84') : { problem: `node ${id} is invalid (${summarise(parsed.error.issues)})` };
		const seen = table.get(id);
		// The same id twice with different data: we cannot know which is right, so neither is used.
		if (seen && JSON.stringify(seen) !== JSON.stringify(entry)) table.set(id, { problem: `node ${id} appears twice with different data` });
		else table.set(id, entry);
	}
	return table;
}

/** The way's positions, or why it cannot become a line. A missing node rejects the whole way: dropping it would bend the street. */
function resolve(way: OverpassWay, nodes: Map<number, NodeEntry>): Position[] | string {
	if (way.nodes.length < 2) return `way has ${way.nodes.length} node(s); a line needs at least 2`;
	const line: Position[] = [];
	for (const ref of way.nodes) {
		const node = nodes.get(ref);
		if (node === undefined) return `references node ${ref}, which is not in the file`;
		if (!Array.isArray(node)) return node.problem;
		if (!isInShanghai(node)) return `node ${ref} at ${node[0]}, ${node[1]} is outside Shanghai`;
		const last = line[line.length - 1];
		if (!last || last[0] !== node[0] || last[1] !== node[1]) line.push(node);
	}
	if (line.length < 2) return 'fewer than 2 distinct node positions (zero-length way)';
	return line;
}

function toFeature(way: OverpassWay, line: Position[]): StreetFeature {
	const t = way.tags;
	// oneway=-1 means one-way against the drawing direction; reversing keeps `oneway: true` meaning "along the line".
	const coordinates = t.oneway === '-1' ? [...line].reverse() : line;
	const id = `osm-way-${way.id}`;
	return {
		type: 'Feature',
		id,
		geometry: { type: 'LineString', coordinates },
		properties: {
			id,
			osm_id: way.id,
			name: nonEmpty(t.name) ?? nonEmpty(t['name:zh']),
			name_en: nonEmpty(t['name:en']),
			highway: t.highway,
			// reversible / alternating change direction by time of day: not a fixed one-way street.
			oneway: t.oneway === 'yes' || t.oneway === 'true' || t.oneway === '1' || t.oneway === '-1',
			lanes: t.lanes === undefined ? null : Number(t.lanes)
		}
	};
}

function isNodeElement(element: unknown): boolean {
	return typeof element === 'object' && element !== null && (element as { type?: unknown }).type === 'node';
}

function nonEmpty(v: string | undefined): string | null {
	const s = v?.trim();
	return s ? s : null;
}

function wayProblem(issues: readonly { path: PropertyKey[]; message: string }[], element: unknown): string {
	const type = (element as { type?: unknown } | null)?.type;
	return type === 'way' ? summarise(issues) : `element is not a way or node (type ${JSON.stringify(type ?? null)})`;
}

function summarise(issues: readonly { path: PropertyKey[]; message: string }[]): string {
	return issues
		.slice(0, 3)
		.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
		.join('; ');
}

export interface BusStop {
	id: string;
	name: string;
	name_en: string | null;
	point: Position;
}

/**
 * Bus stops are the network's `public_transport=stop_position` + `bus=yes` nodes. One per
 * direction, as OSM maps them: each is a real place to board. Unnamed or invalid nodes are
 * counted, not guessed.
 */
export function overpassBusStops(overpass: unknown): { stops: BusStop[]; skipped: number } {
	const doc = overpassFile.safeParse(overpass);
	if (!doc.success) return { stops: [], skipped: 0 };
	const stops: BusStop[] = [];
	let skipped = 0;
	for (const element of doc.data.elements) {
		if (!isNodeElement(element)) continue;
		const tags = (element as { tags?: Record<string, unknown> }).tags;
		if (tags?.public_transport !== 'stop_position' || tags.bus !== 'yes') continue;
		const parsed = overpassNode.safeParse(element);
		const name = typeof tags.name === 'string' ? nonEmpty(tags.name) : null;
		if (!parsed.success || !name) {
			skipped++;
			continue;
		}
		const nameEn = typeof tags['name:en'] === 'string' ? nonEmpty(tags['name:en']) : null;
		stops.push({ id: `osm-node-${parsed.data.id}`, name, name_en: nameEn, point: toWgs84([parsed.data.lon, parsed.data.lat], 'WGS84') });
	}
	return { stops, skipped };
}
