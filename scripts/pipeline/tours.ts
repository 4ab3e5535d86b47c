import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tour as tourSchema, tourFile, type Tour } from '../../src/lib/schema/tour';
import { stopFromFeature, type Stop } from '../../src/lib/walk/tours';
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
	const streets = streetNames(layers.get('streets') ?? []);

	const out: ResolvedTour[] = [];
	const rejected: Rejection[] = [];
	tours.forEach((tour, index) => {
		const missing = tour.stops.filter((s) => !byId.has(`${s.layer}:${s.id}`));
		if (missing.length) {
			rejected.push({ source: 'tours', file: TOURS_FILE, index, id: tour.id, reason: `stop${missing.length > 1 ? 's' : ''} ${missing.map((s) => `${s.layer}:${s.id}`).join(', ')} not in the built layers` });
			return;
		}
		out.push({ ...tour, stops: tour.stops.map((s) => stopFromFeature(s.layer, byId.get(`${s.layer}:${s.id}`)!, streets, s)) });
	});
	return { tours: out, rejected };
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
