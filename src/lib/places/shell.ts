/**
 * What the client-drawn page (`/place-shell`) is asked to show. A service worker may answer a
 * visit to `/places/<id>` or `/tours/<id>` (or their /en/ twins) that it holds no copy of with the
 * shell's HTML: the shell then reads the place from the address itself and draws it from the data
 * files (`/data/places/<bucket>.json`, `/data/places/tours.json`). Opened directly, it reads
 * `?place=<id>` or `?tour=<id>`, and `lang=en`.
 */
import type { Lang } from '../layers/types';

export interface ShellTarget {
	kind: 'place' | 'tour';
	id: string;
	lang: Lang;
}

export function shellTarget(url: URL): ShellTarget | null {
	const m = /^\/(en\/)?(places|tours)\/([^/]+)$/.exec(url.pathname);
	if (m) return { kind: m[2] === 'places' ? 'place' : 'tour', id: safeDecode(m[3]), lang: m[1] || url.searchParams.get('lang') === 'en' ? 'en' : 'zh' };
	const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
	const place = url.searchParams.get('place');
	if (place) return { kind: 'place', id: place, lang };
	const tour = url.searchParams.get('tour');
	if (tour) return { kind: 'tour', id: tour, lang };
	return null;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
