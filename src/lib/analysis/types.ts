import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

/** A feature of any layer: the layers' GeoJSON as built, properties untyped at this edge. */
export type AnyFeature = Feature<Geometry, Record<string, unknown>>;

/** A drawn or chosen area: a block, the district, a polygon the planner drew. */
export type Area = Polygon | MultiPolygon;

/**
 * A feature's id for ordering and display. The built layers keep it in `properties.id`
 * (the top-level `id` is not written), so that comes first.
 */
export function featureId(feature: AnyFeature): string {
	const id = feature.properties?.id ?? feature.id;
	return id === undefined || id === null ? '' : String(id);
}
