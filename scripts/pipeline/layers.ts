import type { Feature, Geometry } from 'geojson';
import type { LayerDef } from '../../src/lib/layers';
import { layerSchema } from '../../src/lib/layers/schemas';
import { msg } from '../../src/lib/i18n/messages';
import { refused, type Rejection } from './report';

export type LayerFeature = Feature<Geometry, Record<string, unknown>>;

/**
 * The last gate before tiling: every feature must satisfy its layer's schema. A feature
 * that does not is a pipeline bug or a source surprise, and is reported, not shipped.
 */
export function validateLayer(layer: LayerDef, features: LayerFeature[]): { features: LayerFeature[]; rejected: Rejection[] } {
	const ok: LayerFeature[] = [];
	const rejected: Rejection[] = [];
	const schema = layerSchema(layer.id);
	features.forEach((feature, index) => {
		const result = schema.safeParse(feature.properties);
		if (result.success) {
			ok.push({ type: 'Feature', geometry: feature.geometry, properties: result.data as Record<string, unknown> });
			return;
		}
		const issue = result.error.issues[0];
		const where = { source: `layer:${layer.id}`, file: `static/data/${layer.id}.geojson`, index, id: String(feature.properties?.id ?? '') || null };
		rejected.push(refused(where, msg('report.notLayerSchema', { path: issue.path.join('.'), issue: issue.message })));
	});
	return { features: ok, rejected };
}

/** Stable order for every output: by id, then by position, so two builds write the same bytes. */
export function sortFeatures(features: LayerFeature[]): LayerFeature[] {
	return [...features].sort((a, b) => {
		const x = String(a.properties.id ?? '');
		const y = String(b.properties.id ?? '');
		return x < y ? -1 : x > y ? 1 : 0;
	});
}
