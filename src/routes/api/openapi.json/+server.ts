import { json } from '@sveltejs/kit';
import { districtIds } from '$lib/server/districts';
import { openApiDocument } from '$lib/server/openapi';

export const prerender = true;

export function GET(): Response {
	return json(openApiDocument(districtIds()));
}
