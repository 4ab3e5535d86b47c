import { buildOrigin } from '$lib/places/urls';
import { sitemapPaths, sitemapXml } from '$lib/server/places/sitemap';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => new Response(sitemapXml(buildOrigin(), sitemapPaths()), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
