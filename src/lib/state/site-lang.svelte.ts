import type { Lang } from '../layers/types';

/**
 * The portal pages' language. Pages are prerendered in Chinese; `?lang=en` (what the map's
 * links carry) switches after load, and switching rewrites the query so a link keeps it.
 */
export class SiteLang {
	current = $state<Lang>('zh');

	/** Reads `?lang=` from the address; call once in the browser. */
	fromUrl(url: URL): void {
		const lang = url.searchParams.get('lang');
		if (lang === 'zh' || lang === 'en') this.current = lang;
	}

	/** `href` with this language, for links between the portal's pages and to the map. */
	link(href: string): string {
		if (this.current === 'zh') return href;
		const [path, hash] = href.split('#');
		return `${path}${path.includes('?') ? '&' : '?'}lang=en${hash !== undefined ? `#${hash}` : ''}`;
	}
}
