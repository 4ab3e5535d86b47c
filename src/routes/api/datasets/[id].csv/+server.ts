import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/analysis/export';
import { DATASETS, datasetById, readLayer } from '$lib/server/catalogue';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => DATASETS.map((d) => ({ id: d.id }));

export const GET: RequestHandler = ({ params }) => {
	if (!datasetById(params.id)) error(404, `no dataset "${params.id}"`);
	return new Response(toCsv(readLayer(params.id).features), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
