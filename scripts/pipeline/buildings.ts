import type { MultiPolygon, Polygon } from 'geojson';
import type { Clipped } from './conflate/buildings';
import type { LayerFeature } from './layers';

/** A footprint of the buildings layer, before the join to protected buildings. */
export type BuildingFeature = LayerFeature & { geometry: Polygon | MultiPolygon };

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** OSM writes levels as "3", "3;4" or "3.5"; a count of whole levels above ground, or null. */
export function levelsOf(v: unknown): number | null {
	const n = Number.parseFloat(String(v ?? ''));
	return Number.isFinite(n) && n >= 1 ? Math.round(n) : null;
}

/** OSM heights are metres, sometimes written "12 m" or "12.5m"; feet and other units are not read. */
export function heightOf(v: unknown): number | null {
	const m = /^\s*(\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(String(v ?? ''));
	if (!m) return null;
	const n = Number(m[1]);
	return n > 0 ? n : null;
}

function addressOf(p: Record<string, unknown>): string | null {
	const street = text(p['addr:street']);
	const number = text(p['addr:housenumber']);
	if (!street) return null;
	return number ? `${street}${number}${/[号弄]$/.test(number) ? '' : '号'}` : street;
}

/** OSM footprints as the buildings layer's features: what the tags say, and no join yet. */
export function buildingFeatures(footprints: readonly Clipped[]): BuildingFeature[] {
	return footprints.map((f) => {
		const p = f.properties;
		return {
			type: 'Feature',
			geometry: f.geometry as Polygon | MultiPolygon,
			properties: {
				// The id names a file (the panel's details), so no slash: osm-way-123 for way/123.
				id: `osm-${String(p['@id']).replace('/', '-')}`,
				osm_id: String(p['@id']),
				name_zh: text(p.name) ?? text(p['name:zh']),
				name_en: text(p['name:en']),
				building: text(p.building) ?? 'yes',
				levels: levelsOf(p['building:levels']),
				height: heightOf(p.height),
				address: addressOf(p),
				start_date: text(p.start_date),
				protected_id: null,
				protected_name: null,
				in_district: p.in_district,
				district: p.district
			}
		};
	});
}
