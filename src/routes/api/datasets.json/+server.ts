import { json } from '@sveltejs/kit';
import { datasetsIndex } from '$lib/server/catalogue';

export const prerender = true;

export function GET(): Response {
	return json(datasetsIndex());
}
