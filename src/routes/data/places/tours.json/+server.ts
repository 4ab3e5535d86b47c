import { json } from '@sveltejs/kit';
import { tourIds, tourPageData } from '$lib/server/places/tour';
import type { RequestHandler } from './$types';

export const prerender = true;

/** Every tour's page data: what /tours/<id> is drawn from. */
export const GET: RequestHandler = () => json(Object.fromEntries(tourIds().map((id) => [id, tourPageData(id)])));
