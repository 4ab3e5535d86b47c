import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseShanghaiAddress } from '../../src/lib/geo/address';
import { tour as tourSchema, tourFile, type Tour } from '../../src/lib/schema/tour';
import type { Stop } from '../../src/lib/walk/tours';
import type { LayerFeature } from './layers';
import { SourceError, type Rejection } from './report';

export const TOURS_FILE = 'data/tours.json';

/** A stop with what the site shows of it, taken from its layer at build time (the type the site reads). */
export type ResolvedStop = Stop;

export type ResolvedTour = Omit<Tour, 'stops'> & { stops: ResolvedStop[] };

export function readTours(repoRoot: string): { tours: Tour[]; rejected: Rejection[]; read: number } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(join(repoRoot, TOURS_FILE), 'utf8'));
	} catch (err) {
		throw new SourceError(TOURS_FILE, `cannot be read as JSON (${(err as Error).message})`);
	}
	const doc = tourFile.safeParse(parsed);
	if (!doc.success) throw new SourceError(TOURS_FILE, 'expected { "tours": [...] }');
	const tours: Tour[] = [];
	const rejected: Rejection[] = [];
	doc.data.tours.forEach((raw, index) => {
		const result = tourSchema.safeParse(raw);
		const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
		if (result.success) tours.push(result.data);
		else rejected.push({ source: 'tours', file: TOURS_FILE, index, id, reason: `${result.error.issues[0].path.join('.')}: ${result.error.issues[0].message}` });
	});
	return { tours, rejected, read: doc.data.tours.length };
}

/**
 * Every stop must name a feature of the built layers. A tour with a missing stop is rejected
 * whole, naming the stop: a tour that silently skips a stop would walk people past nothing.
 */
export function resolveTours(tours: Tour[], layers: Map<string, LayerFeature[]>): { tours: ResolvedTour[]; rejected: Rejection[] } {
	const byId = new Map<string, LayerFeature>();
	for (const [layer, features] of layers) for (const f of features) byId.set(`${layer}:${f.properties.id}`, f);
	const streets = new Map<string, Record<string, unknown>>();
	for (const s of layers.get('streets') ?? []) if (typeof s.properties.name === 'string' && !streets.has(s.properties.name)) streets.set(s.properties.name, s.properties);

	const out: ResolvedTour[] = [];
	const rejected: Rejection[] = [];
	tours.forEach((tour, index) => {
		const missing = tour.stops.filter((s) => !byId.has(`${s.layer}:${s.id}`));
		if (missing.length) {
			rejected.push({ source: 'tours', file: TOURS_FILE, index, id: tour.id, reason: `stop${missing.length > 1 ? 's' : ''} ${missing.map((s) => `${s.layer}:${s.id}`).join(', ')} not in the built layers` });
			return;
		}
		out.push({ ...tour, stops: tour.stops.map((s) => resolveStop(s, byId.get(`${s.layer}:${s.id}`)!, streets)) });
	});
	return { tours: out, rejected };
}

function resolveStop(stop: Tour['stops'][number], feature: LayerFeature, streets: Map<string, Record<string, unknown>>): ResolvedStop {
	const p = feature.properties;
	const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
	const point: [number, number] =
		typeof p.lon === 'number' && typeof p.lat === 'number' ? [p.lon, p.lat] : ((feature.geometry as unknown as { coordinates: [number, number] }).coordinates);
	const address = str(p.address);
	const parsed = address ? parseShanghaiAddress(address) : null;
	const road = parsed?.ok ? parsed.address.road : null;
	const street = road ? streets.get(road) : undefined;
	return {
		layer: stop.layer,
		id: stop.id,
		// The 645 residences table names the person, numbered where they had several homes (陈毅1).
		name_zh: stop.title_zh ?? (stop.layer === 'former-residences' ? `${String(p.name_zh).replace(/\d+$/, '')}旧居` : String(p.name_zh)),
		name_en: stop.title_en,
		point,
		year: p.year_built === null || p.year_built === undefined ? null : String(p.year_built),
		architect: str(p.architect),
		address,
		address_historic: str(p.address_historic),
		street_now: street ? road : null,
		street_then: str(street?.name_historic),
		street_fr: str(street?.name_fr),
		photo: str(p.photo),
		photo_credit: str(p.photo_credit),
		photo_link: str(p.photo_link),
		why_zh: stop.why_zh,
		why_en: stop.why_en
	};
}

/** Modern street name → its historic and concession-era names, for the streets a route walks. */
export function streetNames(streets: LayerFeature[]): Record<string, { historic: string | null; fr: string | null }> {
	const out: Record<string, { historic: string | null; fr: string | null }> = {};
	for (const s of streets) {
		const name = s.properties.name;
		if (typeof name !== 'string') continue;
		const historic = typeof s.properties.name_historic === 'string' ? s.properties.name_historic : null;
		const fr = typeof s.properties.name_fr === 'string' ? s.properties.name_fr : null;
		if (!out[name] || (!out[name].historic && historic) || (!out[name].fr && fr)) out[name] = { historic: out[name]?.historic ?? historic, fr: out[name]?.fr ?? fr };
	}
	return out;
}
