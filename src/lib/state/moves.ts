/**
 * Points of an imported layer moved by hand: a planner drags a misplaced point (or nudges it
 * from the keyboard) to where it belongs. Pure: the panel saves the layer this returns.
 * A feature is known by the importer's `_record` (its index among the file's records).
 */
import type { Feature, Point } from 'geojson';
import { METRES_PER_DEGREE } from '../geo/distance';
import type { ImportedLayer } from './imported';

export type LonLat = [number, number];

/** One move, enough to take it back: the feature as it was before. */
export interface HandMove {
	layer: string;
	record: number;
	before: Feature;
}

export const recordOf = (feature: Feature): number | null => {
	const r = feature.properties?._record;
	return typeof r === 'number' ? r : null;
};

/** The point feature of a layer with that `_record`, if it is a point. */
export function pointByRecord(layer: ImportedLayer, record: number): Feature<Point> | null {
	const f = layer.features.find((x) => recordOf(x) === record);
	return f && f.geometry?.type === 'Point' ? (f as Feature<Point>) : null;
}

export const isMovedByHand = (feature: Feature): boolean => feature.properties?._placed_by === 'hand';
export const movedCount = (layer: ImportedLayer): number => layer.features.filter(isMovedByHand).length;

/** 7 decimals ≈ 1 cm, as the exports write them. */
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * The layer with one point moved to `to`: its properties kept, plus `_placed_by: 'hand'`,
 * `_moved_from` (the position before the first move by hand: a second move keeps it) and
 * `_moved_at`. Null when the record is not a point of the layer or `to` is not a position.
 */
export function moveFeature(layer: ImportedLayer, record: number, to: LonLat, at: Date = new Date()): { layer: ImportedLayer; move: HandMove } | null {
	const before = pointByRecord(layer, record);
	if (!before || !Number.isFinite(to[0]) || !Number.isFinite(to[1])) return null;
	const [lon, lat] = before.geometry.coordinates;
	const from = Array.isArray(before.properties?._moved_from) ? (before.properties._moved_from as LonLat) : ([lon, lat] as LonLat);
	const moved: Feature<Point> = {
		...before,
		geometry: { type: 'Point', coordinates: [round7(to[0]), round7(to[1])] },
		properties: { ...before.properties, _placed_by: 'hand', _moved_from: [from[0], from[1]], _moved_at: at.toISOString() }
	};
	return { layer: { ...layer, features: layer.features.map((f) => (f === before ? moved : f)) }, move: { layer: layer.id, record, before } };
}

/** The layer as it was before `move`; null when the move is not of this layer or its point is gone. */
export function undoMove(layer: ImportedLayer, move: HandMove): ImportedLayer | null {
	if (move.layer !== layer.id) return null;
	const now = pointByRecord(layer, move.record);
	if (!now) return null;
	return { ...layer, features: layer.features.map((f) => (f === now ? move.before : f)) };
}

export type Direction = 'north' | 'south' | 'east' | 'west';
const KEYS: Record<string, Direction> = { ArrowUp: 'north', ArrowDown: 'south', ArrowRight: 'east', ArrowLeft: 'west' };
/** The arrow key's direction on a north-up map, or null for any other key. */
export const directionOfKey = (key: string): Direction | null => KEYS[key] ?? null;

/** A position `metres` towards a compass direction (equirectangular: exact enough within a district). */
export function nudged([lon, lat]: LonLat, direction: Direction, metres: number): LonLat {
	const dLat = metres / METRES_PER_DEGREE;
	const dLon = metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
	switch (direction) {
		case 'north':
			return [lon, round7(lat + dLat)];
		case 'south':
			return [lon, round7(lat - dLat)];
		case 'east':
			return [round7(lon + dLon), lat];
		case 'west':
			return [round7(lon - dLon), lat];
	}
}

const NAME_KEYS = ['名称', 'name_zh', 'name', 'Name', '项目名称', '地址', 'address', 'addr'];
/** A short label for a feature in a list: its name or address column, else its row number. */
export function featureLabel(feature: Feature): string {
	const p = feature.properties ?? {};
	const named = NAME_KEYS.map((k) => p[k]).find((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number');
	const address = ['地址', 'address', 'addr'].map((k) => p[k]).find((v) => typeof v === 'string' && v.trim() !== '' && v !== named);
	const record = recordOf(feature);
	const base = named !== undefined ? String(named) : `#${(record ?? 0) + 1}`;
	return address ? `${base} · ${address}` : base;
}
