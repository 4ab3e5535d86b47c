import type { MapDistricts } from '$lib/map/districts';
import type { LayerFacets } from '$lib/map/facets';
import type { PageLoad } from './$types';

/**
 * Prerendered into the page: the districts (boundaries, boxes, published figures) and the layer
 * counts are small and needed at once. Which district the map shows is the page's choice (`d=`).
 */
export const load: PageLoad = async ({ fetch }) => {
	const [districts, facets] = await Promise.all([
		fetch('/data/districts.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error('static/data/districts.json is missing: run `npm run data`')))),
		fetch('/data/facets.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error('static/data/facets.json is missing: run `npm run data`'))))
	]);
	return { districts: districts as MapDistricts, facets: (facets as { layers: Record<string, LayerFacets> }).layers };
};
