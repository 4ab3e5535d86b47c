/**
 * The place and tour pages load their data the way any client could: from the published data
 * files (`/data/places/<bucket>.json`, `/data/places/tours.json`). When prerendering, SvelteKit
 * answers these fetches from the endpoints that write those files, so the page and the file
 * cannot disagree, and no per-page `__data.json` is written beside each page.
 */
import { error } from '@sveltejs/kit';
import { placeDataPath, TOURS_DATA_PATH } from './bucket';
import type { PlaceData, TourPageData } from './types';
import { buildOrigin } from './urls';

type Fetch = typeof fetch;

async function readJson<T>(fetch: Fetch, path: string): Promise<T> {
	const r = await fetch(path);
	if (!r.ok) error(r.status, `${path}: HTTP ${r.status}`);
	return (await r.json()) as T;
}

export async function loadPlace(fetch: Fetch, id: string): Promise<{ place: PlaceData; origin: string }> {
	const bucket = await readJson<Record<string, PlaceData>>(fetch, placeDataPath(id));
	const place = bucket[id];
	if (!place) error(404, `no place "${id}"`);
	return { place, origin: buildOrigin() };
}

export async function loadTour(fetch: Fetch, id: string): Promise<{ tour: TourPageData; origin: string }> {
	const tours = await readJson<Record<string, TourPageData>>(fetch, TOURS_DATA_PATH);
	const tour = tours[id];
	if (!tour) error(404, `no tour "${id}"`);
	return { tour, origin: buildOrigin() };
}
