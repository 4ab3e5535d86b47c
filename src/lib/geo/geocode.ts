/**
 * Shanghai address → WGS84 point, from the OSM street network and anchor addresses whose
 * position some source already knows. Pure: no DOM, no network, no randomness.
 *
 * Order of trust: an anchor at the same address (`exact`), then the number placed along its
 * street between anchors of the same road (`interpolated`), then the middle of the street
 * (`street`). Each answer says which, how sure (0–1), and which anchors it rests on; an
 * address it cannot place gets a reason instead of a guess.
 */
import { parseShanghaiAddress, roadKey, type AddressProblem, type ShanghaiAddress } from './address';
import type { Position } from './crs';
import { msg, type Message } from '../i18n/messages';
import { metres } from './distance';
import { DEFAULT_METRES_PER_NUMBER, estimate, laneDepth, laneOffset, outOfOrder, withinStreet, type Estimate, type Placed } from './house-numbers';
import { buildStreetAxes, type StreetAxis, type StreetLine } from './street-axis';

export type { Position, StreetLine };

/** A point some source places at an address. `address` is as the source writes it. */
export interface Anchor {
	id: string;
	source: string;
	address: string;
	point: Position;
}

export type GeocodeMethod = 'exact' | 'interpolated' | 'street';
export type GeocodeProblem = AddressProblem | 'unknown-road' | 'beyond-network';

/** `code` and `suggestions` are always set by this geocoder; optional so other placers (pins, stubs) can answer too. */
export type GeocodeResult =
	| { ok: true; point: Position; method: GeocodeMethod; confidence: number; anchors: string[]; road: string; note?: string }
	| { ok: false; reason: string; code?: GeocodeProblem; suggestions?: string[]; message?: Message };

/** An anchor the geocoder can use, with where it lies against its street. */
export interface UsableAnchor extends Anchor {
	/** Road key (see `roadKey`). */
	road: string;
	parsed: ShanghaiAddress;
	/** Its place in the street's numbering: the middle of its range; for a lane house, the lane. */
	number: number;
	measure: number;
	offset: number;
	/** Metres from the street's axis. */
	distance: number;
	/** False for a lane house too deep in its lane to stand for the lane's place on the street; it still answers for its lane. */
	alongStreet: boolean;
}

export type SkipCode = AddressProblem | 'unknown-road' | 'far-from-street' | 'wide-range' | 'out-of-order';

export interface Geocoder {
	/** `exclude`: anchor ids to ignore (leave-one-out evaluation). */
	geocode(address: string, options?: { exclude?: ReadonlySet<string> }): GeocodeResult;
	anchors: readonly UsableAnchor[];
	/** Anchors not used, and why: nothing is dropped silently. */
	skipped: Array<{ anchor: Anchor; reason: string; code: SkipCode }>;
	/** Road key → axis, for drawing and for callers that need the road itself. */
	streets: ReadonlyMap<string, StreetAxis>;
}

/** Further than this from its street, a point is not at its door: a wrong road, a wrong point, or deep in a lane. */
export const MAX_ANCHOR_DISTANCE_M = 150;
/** A range wider than this is a block of houses, not a place on the street. */
export const MAX_ANCHOR_SPAN = 20;
/**
 * Shanghai numbers a road from its end nearer the Huangpu (the old city and the Bund), so
 * without anchors to say otherwise, numbers grow away from here. It holds on every road of
 * the bundle's network where pairs of anchors on one side give a direction (54 roads); pairs
 * across the street gave the wrong one on two of them.
 */
export const NUMBERING_ORIGIN: Position = [121.49, 31.24];

/**
 * How sure, from the expected error in metres (σ, fitted to the benchmark's medians):
 * 10 m → 0.94, 30 m → 0.82, 100 m → 0.51, 300 m → 0.14.
 */
function confidence(sigma: number): number {
	return Math.round(Math.exp(-sigma / 150) * 100) / 100;
}

export function createGeocoder(streets: StreetLine[], anchors: Anchor[]): Geocoder {
	const axes = buildStreetAxes(streets);
	const usable: UsableAnchor[] = [];
	const skipped: Geocoder['skipped'] = [];
	for (const anchor of anchors) {
		const checked = checkAnchor(anchor, axes);
		if ('code' in checked) skipped.push({ anchor, ...checked });
		else usable.push(checked);
	}
	const byRoad = new Map<string, UsableAnchor[]>();
	for (const a of usable) (byRoad.get(a.road) ?? byRoad.set(a.road, []).get(a.road)!).push(a);

	const slopes = new Map([...axes].map(([road, axis]) => [road, defaultSlope(axis)]));
	// Out-of-order anchors are judged against the others on their road, so with `exclude` they are judged again.
	const inOrder = (road: string, exclude?: ReadonlySet<string>) => {
		const on = (byRoad.get(road) ?? []).filter((a) => !exclude?.has(a.id));
		const dropped = outOfOrder(on.filter((a) => a.alongStreet).map(placed), slopes.get(road)! < 0 ? -1 : 1);
		return { on: on.filter((a) => !dropped.has(a.id)), dropped };
	};
	const settled = new Map([...byRoad.keys()].map((road) => [road, inOrder(road)]));
	for (const { dropped } of settled.values()) {
		for (const id of dropped) {
			const anchor = usable.find((a) => a.id === id)!;
			skipped.push({ anchor, code: 'out-of-order', reason: `${anchor.address}: its number runs against its neighbours' order along ${anchor.road}` });
		}
	}

	function geocode(input: string, options: { exclude?: ReadonlySet<string> } = {}): GeocodeResult {
		const parsed = parseShanghaiAddress(input);
		if (!parsed.ok) return parsed;
		const q = parsed.address;
		const road = roadKey(q.road);
		const axis = axes.get(road);
		if (!axis) return unknownRoad(q.road, axes);
		const { exclude } = options;
		const touched = exclude && byRoad.get(road)?.some((a) => exclude.has(a.id));
		const on = (touched ? inOrder(road, exclude) : settled.get(road))?.on ?? [];
		return sameAddress(q, on, axis.name) ?? alongStreet(q, on, axis, slopes.get(road)!);
	}

	const outOfOrderIds = new Set(skipped.filter((s) => s.code === 'out-of-order').map((s) => s.anchor.id));
	return { geocode, anchors: usable.filter((a) => !outOfOrderIds.has(a.id)), skipped, streets: axes };
}

function checkAnchor(anchor: Anchor, axes: Map<string, StreetAxis>): UsableAnchor | { code: SkipCode; reason: string } {
	const parsed = parseShanghaiAddress(anchor.address);
	if (!parsed.ok) return { code: parsed.code, reason: parsed.reason };
	const a = parsed.address;
	const road = roadKey(a.road);
	const axis = axes.get(road);
	if (!axis) return { code: 'unknown-road', reason: (unknownRoad(a.road, axes) as { reason: string }).reason };
	if (a.numberTo - a.number > MAX_ANCHOR_SPAN) return { code: 'wide-range', reason: `${a.number}–${a.numberTo} spans more than ${MAX_ANCHOR_SPAN} numbers` };
	if ((a.numberTo - a.number) % 2) return { code: 'wide-range', reason: `${a.number}–${a.numberTo} spans both sides of the street` };
	const at = axis.locate(anchor.point);
	const far = at.distance > MAX_ANCHOR_DISTANCE_M;
	if (far && a.lane === null) return { code: 'far-from-street', reason: `${Math.round(at.distance)} m from ${axis.name}` };
	return { ...anchor, road, parsed: a, number: (a.number + a.numberTo) / 2, ...at, alongStreet: !far };
}

/**
 * Anchors at the queried address itself: the same door, the same lane house, or else the
 * lane's other houses — the nearest house numbers, which measured twice as close at p90 as
 * the lane's centroid (lanes run deep and branch).
 */
function sameAddress(q: ShanghaiAddress, on: UsableAnchor[], road: string): GeocodeResult | null {
	const overlaps = (a: UsableAnchor) => a.parsed.number % 2 === q.number % 2 && a.parsed.number <= q.numberTo && q.number <= a.parsed.numberTo;
	if (q.lane === null) {
		const doors = on.filter((a) => a.parsed.lane === null && overlaps(a));
		return doors.length ? found(doors, 10, road) : null;
	}
	const lane = on.filter((a) => a.parsed.lane !== null && overlaps(a));
	if (!lane.length) return null;
	const wholeLane = lane.filter((a) => a.parsed.sub === null);
	if (q.sub === null) return wholeLane.length ? found(wholeLane, 15, road) : found(lane, 35, road, siblingsNote(lane));
	const houses = lane.filter((a) => a.parsed.sub !== null);
	if (!houses.length) return found(wholeLane, 35, road, `the lane's own point: no house of ${q.road}${q.lane}弄 is known`);
	const [from, to] = [q.sub, q.subTo ?? q.sub];
	const gap = (a: UsableAnchor) => Math.max(0, a.parsed.sub! - to, from - a.parsed.subTo!);
	const closest = Math.min(...houses.map(gap));
	const nearestHouses = houses.filter((a) => gap(a) === closest);
	return closest === 0 ? found(nearestHouses, 12, road) : found(nearestHouses, 35, road, siblingsNote(nearestHouses));
}

function siblingsNote(anchors: UsableAnchor[]): string {
	return `from other houses in the same lane: ${unique(anchors.map((a) => a.address)).join('; ')}`;
}

function found(anchors: UsableAnchor[], sigma: number, road: string, note?: string): GeocodeResult {
	const point: Position = [mean(anchors.map((a) => a.point[0])), mean(anchors.map((a) => a.point[1]))];
	return { ok: true, point, method: 'exact', confidence: confidence(sigma), anchors: anchors.map((a) => a.id), road, ...(note ? { note } : {}) };
}

/** The number placed along its street between anchors; the street's middle when it has none. */
function alongStreet(q: ShanghaiAddress, on: UsableAnchor[], axis: StreetAxis, fallbackSlope: number): GeocodeResult {
	const n = (q.number + q.numberTo) / 2;
	const side = (q.number % 2) as 0 | 1;
	const est = estimate(n, side, alongOf(on), fallbackSlope, axis.length);
	if (est && !withinStreet(est.measure, axis.length)) {
		return { ok: false, code: 'beyond-network', reason: `${q.road}${q.number} lies beyond the part of ${axis.name} the street network has`, message: msg('geocode.beyondNetwork', { address: `${q.road}${q.number}`, road: axis.name }) };
	}
	if (!est) {
		const sigma = Math.max(250, axis.length / 2);
		return { ok: true, point: axis.pointAt(axis.length / 2, 0), method: 'street', confidence: confidence(sigma), anchors: [], road: axis.name, note: `no anchor on ${axis.name}: the middle of its ${Math.round(axis.length)} m` };
	}
	// A lane with no known house: not at its opening but in the block, as deep as its house number suggests, on its number's side.
	const offset = q.lane === null ? est.offset : laneOffset(side, est.direction, q.sub);
	const lane = q.lane === null ? '' : ` (${laneDepth(q.sub)} m into lane ${q.lane}弄, on the ${side ? 'odd' : 'even'} side)`;
	return { ok: true, point: axis.pointAt(est.measure, offset), method: 'interpolated', confidence: confidence(est.sigma), anchors: est.used, road: axis.name, note: describe(est, on) + lane };
}

/**
 * Not found, with the network's roads the writer may have meant — never used in their place:
 * 老成都北路 and 成都北路 are two roads, and 乌鲁木齐路 could be any of three.
 */
function unknownRoad(written: string, axes: ReadonlyMap<string, StreetAxis>): GeocodeResult {
	const road = roadKey(written);
	const stem = road.replace(/路$/, '');
	const meant = [...axes.keys()].filter(
		(name) =>
			(name.length === road.length && name.length >= 4 && [...name].filter((c, i) => c !== road[i]).length === 1) || // one character mistyped: 准海中路 (in a 3-character name, one is too many: 思南路 is not 湖南路)
			(name.startsWith(stem) && /^[东南西北中][一二三四]?路$/.test(name.slice(stem.length))) || // direction left out: 淮海路
			(name.length >= 3 && road.endsWith(name)) // something stuck in front: 会南昌路
	);
	const suggestions = meant.map((key) => axes.get(key)!.name).sort();
	const hint = suggestions.length ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
	const message = suggestions.length ? msg('geocode.unknownRoadMeant', { road: written, suggestions: suggestions.join(' / ') }) : msg('geocode.unknownRoad', { road: written });
	return { ok: false, code: 'unknown-road', reason: `${written} is not in the street network${hint}`, message, ...(suggestions.length ? { suggestions } : {}) };
}

/** Metres per number along the axis, numbers growing away from NUMBERING_ORIGIN. */
function defaultSlope(axis: StreetAxis): number {
	const line = axis.line();
	const fromStart = metres(line[0], NUMBERING_ORIGIN) < metres(line[line.length - 1], NUMBERING_ORIGIN);
	return (fromStart ? 1 : -1) * DEFAULT_METRES_PER_NUMBER;
}

function describe(est: Estimate, on: UsableAnchor[]): string {
	const addresses = unique(est.used.map((id) => on.find((a) => a.id === id)!.address));
	const where =
		est.how === 'at' ? `at the place of ${addresses.join(', ')}` : est.how === 'between' ? `between ${addresses.join(' and ')}` : `beyond ${addresses.join(', ')}, the last known number`;
	return `${where}${est.otherSide ? ', from the other side of the street' : ''}`;
}

/**
 * The anchors of a road that lie along it, as `estimate` takes them: the same list for the same
 * road, so what `estimate` derives from a road's anchors alone is worked out once per road.
 */
const along = new WeakMap<readonly UsableAnchor[], Placed[]>();
function alongOf(on: readonly UsableAnchor[]): Placed[] {
	let hit = along.get(on);
	if (!hit) along.set(on, (hit = on.filter((a) => a.alongStreet).map(placed)));
	return hit;
}

function placed(a: UsableAnchor): Placed {
	return { id: a.id, number: a.number, side: (a.parsed.number % 2) as 0 | 1, measure: a.measure, offset: a.offset };
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

function mean(values: number[]): number {
	return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1e7) / 1e7;
}
