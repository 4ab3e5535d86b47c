import { hasPlacePage } from '../places/pages';
import { placePath } from '../places/urls';
import type { SearchHit } from './search';

/**
 * The page of the place a search hit names, in the reader's language; null when it has none.
 * Streets are searched as groups of ways and have no single feature; the rest ask the rule the
 * build and the side panel ask (src/lib/places/pages.ts).
 */
export function placePageOf(hit: Pick<SearchHit, 'layer' | 'featureId'>, lang: 'zh' | 'en'): string | null {
	if (!hit.featureId || !hasPlacePage(hit.layer, hit.featureId)) return null;
	return placePath(hit.featureId, lang);
}
