import { placePath } from '../places/urls';
import type { SearchHit } from './search';

/**
 * Layers whose features each have a page at /places/<feature id> (the places pages: protected
 * buildings, former residences, never-widened roads, facilities). Streets are searched as
 * groups of ways and have no single feature; bus stops are facilities without a page.
 */
const PLACE_LAYERS = new Set(['protected-buildings', 'former-residences', 'never-widened-roads', 'facilities']);

/** The pipeline names bus stops `bus-<osm id>` (scripts/pipeline/registers/open-facilities.ts). */
const BUS_STOP = /^bus-/;

/** The page of the place a search hit names, in the reader's language; null when it has none. */
export function placePageOf(hit: Pick<SearchHit, 'layer' | 'featureId'>, lang: 'zh' | 'en'): string | null {
	if (!hit.featureId || !PLACE_LAYERS.has(hit.layer)) return null;
	if (hit.layer === 'facilities' && BUS_STOP.test(hit.featureId)) return null;
	return placePath(hit.featureId, lang);
}
