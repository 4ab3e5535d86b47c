import { buildOrigin } from '$lib/places/urls';
import { robotsTxt } from '$lib/server/places/sitemap';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => new Response(robotsTxt(buildOrigin()), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
