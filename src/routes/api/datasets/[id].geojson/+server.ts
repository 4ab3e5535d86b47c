import { error } from '@sveltejs/kit';
import { DATASETS, datasetById, readLayer } from '$lib/server/catalogue';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => DATASETS.map((d) => ({ id: d.id }));

export const GET: RequestHandler = ({ params }) => {
	if (!datasetById(params.id)) error(404, `no dataset "${params.id}"`);
	return new Response(JSON.stringify(readLayer(params.id)), { headers: { 'content-type': 'application/geo+json; charset=utf-8' } });
};
