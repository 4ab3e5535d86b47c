import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SparqlResults } from '../wikidata';

/** A WKT point as the query service writes P625: "Point(lon lat)". Another globe prefixes an IRI, and is left out. */
const WKT_POINT = /^\s*Point\(\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$/i;

/**
 * One Point feature per result row, as the file has always been: an item with two heritage
 * statuses or two images comes twice. Properties are the row's bound variables but `coords`,
 * in the query's order.
 */
export function toWikidataPlaces(results: SparqlResults, notes: string[]): FeatureCollection<Point> {
	const vars = results.head.vars.filter((v) => v !== 'coords');
	const features: Feature<Point>[] = [];
	let skipped = 0;
	for (const row of results.results.bindings) {
		const m = row.coords?.value.match(WKT_POINT);
		if (!m || !row.item?.value) {
			skipped++;
			continue;
		}
		const properties: Record<string, string> = {};
		for (const v of vars) if (row[v]?.value !== undefined) properties[v] = row[v].value;
		features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [Number(m[1]), Number(m[2])] }, properties });
	}
	if (skipped) notes.push(`${skipped} row${skipped > 1 ? 's' : ''} without an item or an Earth "Point(lon lat)" left out`);
	return { type: 'FeatureCollection', features };
}
