/**
 * Where the place and tour pages live. They are prerendered without JavaScript, so a page cannot
 * switch language after load the way the map and the portal pages do (`?lang=en`): each language
 * has its own file, Chinese at `/places/<id>` and English at `/en/places/<id>`. A `?lang=en` link
 * to the Chinese address (the map's convention) is sent on to the English one by
 * `/lang-redirect.js`.
 */
import type { Lang } from '../layers/types';

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

export const placePath = (id: string, lang: Lang) => `${prefix(lang)}/places/${encodeURIComponent(id)}`;
export const tourPath = (id: string, lang: Lang) => `${prefix(lang)}/tours/${encodeURIComponent(id)}`;

/** A portal page (/about, /datasets, the map) in a language, the portal's way. */
export const portalPath = (path: string, lang: Lang) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);

/** The map with the place selected and framed, as a shared link would open it. */
export function mapPlacePath(layer: string, id: string, point: [number, number], lang: Lang): string {
	const q = new URLSearchParams();
	if (lang === 'en') q.set('lang', 'en');
	q.set('c', `${point[0].toFixed(5)},${point[1].toFixed(5)}`);
	q.set('z', '17');
	q.set('sel', `${layer}:${id}`);
	return `/?${q.toString()}`;
}

/** The map with a tour open at its overview (the tour panel's URL keys). */
export function mapTourPath(id: string, lang: Lang): string {
	return `/?${lang === 'en' ? 'lang=en&' : ''}tour=${encodeURIComponent(id)}`;
}

/** The site's origin for canonical links, Open Graph and the sitemap: HENGFU_SITE_ORIGIN at build time, without a trailing slash. */
export const DEFAULT_ORIGIN = 'http://localhost:4173';

declare const __HENGFU_SITE_ORIGIN__: string;

/** The origin this build was made for (vite.config.ts passes HENGFU_SITE_ORIGIN in). */
export const buildOrigin = () => siteOrigin({ HENGFU_SITE_ORIGIN: typeof __HENGFU_SITE_ORIGIN__ === 'string' ? __HENGFU_SITE_ORIGIN__ : undefined });

export function siteOrigin(env: Record<string, string | undefined>): string {
	const raw = env.HENGFU_SITE_ORIGIN?.trim() || DEFAULT_ORIGIN;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`HENGFU_SITE_ORIGIN "${raw}" is not an absolute URL (e.g. https://heritage.example.org)`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`HENGFU_SITE_ORIGIN "${raw}" must be http(s)`);
	return url.origin;
}
