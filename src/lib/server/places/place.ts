/**
 * A place's page data, built from the world: facts, photo, the street's names then and now,
 * the locator map, the places nearby on foot and the tours that stop there.
 */
import { layerById } from '$lib/layers';
import { parseShanghaiAddress } from '$lib/geo/address';
import { drawLocator, PHONE_LABEL_SIZE, type LocatorSubject } from '$lib/places/locator';
import type { LonLat } from '$lib/places/project';
import type { NearbyPlace, PlaceData } from '$lib/places/types';
import { shortestPaths } from '$lib/walk/dijkstra';
import { sourcesOf, walkDistanceTo } from '$lib/walk/snap';
import { placeCredits, placeFacts, placeName, placeSummary, safeUrl } from './facts';
import { linesOf, loadWorld, ringsOf, type PlaceEntry, type World } from './world';

/** The walk panel's default pace (an older resident's): nearby minutes read the same as on the map. */
export const PACE = 60;
/** How far the nearby list looks, in metres walked, and how many it names. */
const NEARBY_METRES = 800;
const NEARBY_COUNT = 8;

export function placeIds(): string[] {
	return [...loadWorld().places.keys()];
}

const cache = new Map<string, PlaceData>();

export function placeData(id: string): PlaceData | null {
	const hit = cache.get(id);
	if (hit) return hit;
	const world = loadWorld();
	const entry = world.places.get(id);
	if (!entry) return null;
	const data = build(world, id, entry);
	cache.set(id, data);
	return data;
}

function build(world: World, id: string, entry: PlaceEntry): PlaceData {
	const { layer, feature } = entry;
	const p = feature.properties;
	const def = layerById(layer)!;
	const name = placeName(layer, p);
	const altName = layer === 'former-residences' || name.zh === name.en ? null : { zh: name.en, en: name.zh };
	const district = typeof p.district === 'string' ? (world.districts.get(p.district) ?? null) : null;
	const photo = typeof p.photo === 'string' && p.photo ? { file: p.photo, credit: String(p.photo_credit ?? ''), link: safeUrl(p.photo_link) } : null;
	const description = typeof p.description === 'string' && p.description ? { zh: p.description, en: p.description } : null;
	return {
		id,
		layer,
		layerTitle: def.title,
		schemaType: layer === 'protected-buildings' ? 'LandmarksOrHistoricalBuildings' : 'Place',
		name,
		altName,
		point: [round6(entry.point[0]), round6(entry.point[1])],
		district,
		photo,
		facts: placeFacts(layer, p),
		street: streetOf(world, layer, p),
		description,
		credits: placeCredits(layer, p),
		locator: drawLocator(subjectOf(entry), world.streets, world.districtRings, { labelSize: PHONE_LABEL_SIZE.place }),
		nearby: nearby(world, id, entry),
		tours: world.tours.tours.flatMap((t) => {
			const at = t.stops.findIndex((s) => s.id === id);
			return at < 0 ? [] : [{ id: t.id, title: { zh: t.title_zh, en: t.title_en }, stop: at + 1 }];
		}),
		summary: placeSummary(name, def.title, p, district)
	};
}

function subjectOf(entry: PlaceEntry): LocatorSubject {
	const g = entry.feature.geometry;
	const rings = ringsOf(g);
	if (rings.length) return { areas: g.type === 'MultiPolygon' ? (g.coordinates as LonLat[][][]) : [rings] };
	const lines = linesOf(g);
	if (lines.length) return { lines };
	return { points: [entry.point] };
}

/** The street a place is on, with its concession-era names; a road is its own street. */
function streetOf(world: World, layer: string, p: Record<string, unknown>): PlaceData['street'] {
	let road: string | null = null;
	if (layer === 'never-widened-roads') road = typeof p.name === 'string' ? p.name : null;
	else if (typeof p.address === 'string') {
		const parsed = parseShanghaiAddress(p.address);
		road = parsed.ok ? parsed.address.road : null;
	}
	if (!road) return null;
	const names = world.tours.streets[road];
	if (!names && !world.streetEn.has(road)) return null;
	return { now: { zh: road, en: world.streetEn.get(road) ?? road }, then: names?.historic ?? null, fr: names?.fr ?? null };
}

/**
 * Places within a short walk, nearest first, measured on the walk graph from this place's door
 * (or a street's middle). Streets are left out of the list: a street is walked along, not to.
 */
function nearby(world: World, id: string, entry: PlaceEntry): NearbyPlace[] {
	if (!entry.snap) return [];
	const { graph } = world;
	const paths = shortestPaths(graph, sourcesOf(graph, entry.snap), NEARBY_METRES);
	const found: NearbyPlace[] = [];
	for (const [otherId, other] of world.places) {
		if (otherId === id || !other.snap || other.layer === 'never-widened-roads') continue;
		const metres = walkDistanceTo(graph, paths, other.snap, entry.snap);
		if (!(metres <= NEARBY_METRES)) continue;
		const def = layerById(other.layer)!;
		found.push({ id: otherId, name: placeName(other.layer, other.feature.properties), layer: def.title, metres: Math.round(metres), minutes: Math.max(1, Math.round(metres / PACE)) });
	}
	return found.sort((a, b) => a.metres - b.metres || (a.id < b.id ? -1 : 1)).slice(0, NEARBY_COUNT);
}

function round6(v: number): number {
	return Math.round(v * 1e6) / 1e6;
}
