import type { LayerFacets, LayerFigure } from '$lib/map/facets';
import type { PageLoad } from './$types';

interface District {
	id: string;
	name_zh: string;
	name_en: string;
	boundary: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
	/** [w, s, e, n] the dimming mask covers: the map's maxBounds. */
	frame: [number, number, number, number];
	figures: LayerFigure[];
}

/** Prerendered into the page: the district and the layer counts are small and needed at once. */
export const load: PageLoad = async ({ fetch }) => {
	const [district, facets] = await Promise.all([
		fetch('/data/district.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error('static/data/district.json is missing: run `npm run data`')))),
		fetch('/data/facets.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error('static/data/facets.json is missing: run `npm run data`'))))
	]);
	return { district: district as District, facets: (facets as { layers: Record<string, LayerFacets> }).layers };
};
