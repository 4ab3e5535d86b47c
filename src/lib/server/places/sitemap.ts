/**
 * Every page of the site a search engine should know, with its language twins: the map, the
 * portal pages, each dataset, each place and each tour. Test pages (/test/…) and the client-drawn shell
 * (/place-shell, the offline copy of the place pages) are left out.
 */
import { placePath, tourPath } from '$lib/places/urls';
import { DATASETS } from '../catalogue';
import { placeIds } from './place';
import { tourIds } from './tour';

export function sitemapPaths(): string[] {
	const paths = ['/', '/about', '/datasets', ...DATASETS.map((d) => `/datasets/${d.id}`)];
	for (const id of placeIds()) paths.push(placePath(id, 'zh'), placePath(id, 'en'));
	for (const id of tourIds()) paths.push(tourPath(id, 'zh'), tourPath(id, 'en'));
	return paths;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemapXml(origin: string, paths: readonly string[]): string {
	const urls = paths.map((p) => `<url><loc>${escapeXml(origin + p)}</loc></url>`).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
	return `User-agent: *\nDisallow: /test/\nDisallow: /place-shell\n\nSitemap: ${origin}/sitemap.xml\n`;
}
