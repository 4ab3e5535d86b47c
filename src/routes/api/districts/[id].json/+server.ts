import { error, json } from '@sveltejs/kit';
import { districtDocuments, districtIds } from '$lib/server/districts';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => districtIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const doc = districtDocuments().find((d) => d.id === params.id);
	if (!doc) error(404, `no district "${params.id}"`);
	return json(doc);
};
