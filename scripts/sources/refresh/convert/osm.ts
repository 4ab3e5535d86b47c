import osmtogeojson from '@placemarkio/osmtogeojson';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { RefreshError } from '../errors';
import type { OverpassAnswer } from '../overpass';

/** osm/*.overpass.json: the answer itself, as Overpass sent it. */
export function toOverpassJson(answer: OverpassAnswer): OverpassAnswer {
	return answer;
}

/** The overpass-turbo export the heritage file was first taken as: tags flat beside '@id'. */
export interface OsmFeatureCollection {
	type: 'FeatureCollection';
	generator: string;
	copyright: string;
	timestamp: string;
	features: Array<{ type: 'Feature'; properties: Record<string, unknown>; geometry: Geometry; id: string }>;
}

const OSM_COPYRIGHT = 'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.';

/**
 * The 'osm-geojson' format, through osmtogeojson (overpass-turbo's own converter): closed ways
 * and multipolygons become polygons, and elements answered with `out center` become points at
 * their centre. Properties are flat tags with the id as '@id', in overpass-turbo's key order.
 */
export function toOsmGeojson(answer: OverpassAnswer): OsmFeatureCollection {
	const converted = osmtogeojson(answer, { flatProperties: true });
	const features = converted.features.map((f) => {
		const { id, ...tags } = f.properties as Record<string, unknown>;
		const osmId = String(id ?? f.id);
		return { type: 'Feature' as const, properties: { '@id': osmId, ...tags }, geometry: f.geometry as Geometry, id: osmId };
	});
	return {
		type: 'FeatureCollection',
		generator: `${answer.generator ?? 'Overpass API'}, converted by osmtogeojson (npm run sources:refresh)`,
		copyright: answer.osm3s?.copyright ?? OSM_COPYRIGHT,
		timestamp: answer.osm3s?.timestamp_osm_base ?? '',
		features
	};
}

/** osm/boundary_*.geojson: one Feature (not a collection) for the relation, with the project's properties. */
export function toOsmBoundary(answer: OverpassAnswer): Feature {
	const relations = answer.elements.filter((e) => e.type === 'relation' && e.tags?.boundary);
	if (relations.length !== 1) {
		throw new RefreshError(`a boundary answer must hold exactly one relation tagged boundary; this one holds ${relations.length}: check the query.`);
	}
	const relation = relations[0];
	const id = `relation/${relation.id}`;
	const feature = osmtogeojson(answer, { flatProperties: true }).features.find((f) => String(f.id) === id);
	const type = feature?.geometry?.type;
	if (!feature || (type !== 'Polygon' && type !== 'MultiPolygon')) {
		throw new RefreshError(`${id}'s members do not close into an area (${type ?? 'no geometry'}): the query must print them with \`out geom\`.`);
	}
	const tags = relation.tags ?? {};
	const properties: Record<string, unknown> = {};
	for (const key of ['admin_level', 'boundary', 'name', 'name:zh']) if (tags[key] !== undefined) properties[key] = tags[key];
	Object.assign(properties, { source: 'OpenStreetMap', osm_relation_id: relation.id, license: 'ODbL 1.0' });
	return { type: 'Feature', id, properties, geometry: feature.geometry };
}

/** The ids a FeatureCollection in the osm-geojson format gives its features. */
export function osmFeatureId(feature: { id?: unknown; properties?: Record<string, unknown> | null }): string {
	return String(feature.properties?.['@id'] ?? feature.id);
}

export type { FeatureCollection };
