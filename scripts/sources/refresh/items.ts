import type { RefreshSpec } from '../../../src/lib/schema/source-manifest';
import type { Keyed } from './diff';

/**
 * The things a file of each format lists, under the id that follows them across refreshes:
 * OSM GeoJSON '@id' (or the feature id), Overpass JSON `type/id`, the metro files' `id`
 * property, the Wikidata item, the Shanghai Library uri. Tolerant of a file that is not
 * quite the format (an old export, a hand edit): what has no id is counted under its index.
 */
export function itemsOf(spec: RefreshSpec, doc: unknown): Keyed[] {
	if (spec.kind === 'shl') return list((doc as { data?: unknown })?.data).map((r, i) => ({ id: String(field(r, 'uri') ?? `#${i}`), value: r }));
	if (spec.kind === 'wikidata') return features(doc).map((f, i) => ({ id: String(prop(f, 'item') ?? `#${i}`), value: f }));
	switch (spec.convert) {
		case 'overpass-json':
			return list((doc as { elements?: unknown })?.elements).map((e, i) => ({ id: field(e, 'type') && field(e, 'id') !== undefined ? `${field(e, 'type')}/${field(e, 'id')}` : `#${i}`, value: e }));
		case 'osm-boundary':
			return doc && typeof doc === 'object' && (doc as { type?: unknown }).type === 'Feature' ? [{ id: String(field(doc, 'id') ?? 'feature'), value: doc }] : features(doc).map((f, i) => ({ id: String(field(f, 'id') ?? `#${i}`), value: f }));
		case 'osm-geojson':
			return features(doc).map((f, i) => ({ id: String(prop(f, '@id') ?? field(f, 'id') ?? `#${i}`), value: f }));
		case 'metro-stations':
		case 'metro-lines':
			return features(doc).map((f, i) => ({ id: String(prop(f, 'id') ?? `#${i}`), value: f }));
	}
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function features(doc: unknown): unknown[] {
	return list((doc as { features?: unknown })?.features);
}

function field(value: unknown, key: string): unknown {
	return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function prop(feature: unknown, key: string): unknown {
	return field(field(feature, 'properties'), key);
}
