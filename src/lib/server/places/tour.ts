/**
 * A tour's page data: every stop with its text, and every leg walked between them on the walk
 * graph — the same engine and route the map's tour panel computes — with the streets it follows,
 * their names then and now, its length and time.
 */
import { drawLocator, PHONE_LABEL_SIZE } from '$lib/places/locator';
import type { TourPageData } from '$lib/places/types';
import { WalkEngine } from '$lib/walk/engine';
import { PACE } from './place';
import { loadWorld } from './world';

export function tourIds(): string[] {
	return loadWorld().tours.tours.map((t) => t.id);
}

const cache = new Map<string, TourPageData>();

export function tourPageData(id: string): TourPageData | null {
	const hit = cache.get(id);
	if (hit) return hit;
	const world = loadWorld();
	const tour = world.tours.tours.find((t) => t.id === id);
	if (!tour) return null;
	const route = new WalkEngine(world.graph, [], []).routeThrough(tour.stops.map((s) => s.point));
	if (!route) throw new Error(`static/data/tours.json: tour "${id}" has a stop the walk graph cannot reach`);
	const names = (now: string) => ({ now: { zh: now, en: world.streetEn.get(now) ?? now }, then: world.tours.streets[now]?.historic ?? null, fr: world.tours.streets[now]?.fr ?? null });
	const data: TourPageData = {
		id,
		title: { zh: tour.title_zh, en: tour.title_en },
		summary: { zh: tour.summary_zh, en: tour.summary_en },
		stops: tour.stops.map((s) => ({
			id: s.id,
			layer: s.layer,
			name: { zh: s.name_zh, en: s.name_en ?? s.name_zh },
			page: world.places.has(s.id),
			year: s.year,
			architect: s.architect,
			address: s.address,
			addressHistoric: s.address_historic,
			street: s.street_now ? { now: s.street_now, then: s.street_then, fr: s.street_fr } : null,
			photo: s.photo ? { file: s.photo, credit: s.photo_credit ?? '', link: s.photo_link } : null,
			why: { zh: s.why_zh, en: s.why_en }
		})),
		legs: route.legs.map((l) => ({ metres: l.metres, minutes: Math.max(1, Math.round(l.metres / PACE)), streets: l.streets.map(names) })),
		metres: route.metres,
		minutes: Math.round(route.metres / PACE),
		pace: PACE,
		locator: drawLocator({ lines: route.legs.map((l) => l.line), points: tour.stops.map((s) => s.point), numbered: true }, world.streets, world.districtRings, { width: 600, height: 480, minMetres: 500, labelSize: PHONE_LABEL_SIZE.route })
	};
	cache.set(id, data);
	return data;
}
