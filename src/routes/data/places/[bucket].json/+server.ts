import { error, json } from '@sveltejs/kit';
import { PLACE_BUCKETS, placeBucket } from '$lib/places/bucket';
import { placeData, placeIds } from '$lib/server/places/place';
import type { PlaceData } from '$lib/places/types';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const all = () => Array.from({ length: PLACE_BUCKETS }, (_, i) => i.toString(16).padStart(2, '0'));
export const entries: EntryGenerator = () => all().map((bucket) => ({ bucket }));

/** The page data of every place whose id hashes to this bucket: what /places/<id> is drawn from. */
export const GET: RequestHandler = ({ params }) => {
	if (!all().includes(params.bucket)) error(404, `no place bucket "${params.bucket}"`);
	const out: Record<string, PlaceData> = {};
	for (const id of placeIds()) if (placeBucket(id) === params.bucket) out[id] = placeData(id)!;
	return json(out);
};
