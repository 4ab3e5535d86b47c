import type { Feature, Geometry } from 'geojson';
import { layerById } from '../layers';
import type { LayerFilters } from './filters';

export type LayerFeature = Feature<Geometry, Record<string, unknown>>;

const cache = new Map<string, Promise<LayerFeature[]>>();

/** A layer's full GeoJSON (static/data/<id>.geojson), fetched once per page. */
export function layerFeatures(id: string): Promise<LayerFeature[]> {
	let hit = cache.get(id);
	if (!hit) {
		hit = fetch(`/data/${encodeURIComponent(id)}.geojson`)
			.then((r) => (r.ok ? r.json() : Promise.reject(new Error(`/data/${id}.geojson: HTTP ${r.status}`))))
			.then((fc) => fc.features as LayerFeature[]);
		cache.set(id, hit);
	}
	return hit;
}

/** The user's filters applied to features, as the map applies them (any picked value within a property, all properties). */
export function applyFilters(layerId: string, features: LayerFeature[], filters: LayerFilters): LayerFeature[] {
	const picked = filters[layerId];
	const defs = layerById(layerId)?.filters ?? [];
	if (!picked) return features;
	return features.filter((f) => defs.every((d) => !picked[d.property]?.length || picked[d.property].includes(String(f.properties[d.property]))));
}
