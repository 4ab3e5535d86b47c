import { loadPlace } from '$lib/places/load';
import type { PageLoad } from './$types';

// Read as it arrives, with no JavaScript: the page is all in its HTML.
export const csr = false;
export const load: PageLoad = ({ fetch, params }) => loadPlace(fetch, params.id);
