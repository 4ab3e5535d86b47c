import type { LayerSpecification } from 'maplibre-gl';

/**
 * MapLibre compiles one WebGL program per layer type *and* per mix of constant, per-feature and
 * zoom-and-feature paint properties: a circle layer with a constant colour and one with a
 * `match` on a property need two programs. On the software WebGL many visitors' machines fall
 * back to (and the benchmark's SwiftShader), linking one blocks the page for ~50 ms on the first
 * frame, and the registry's layers asked for 18 where 9 draw the same map.
 *
 * So every layer of a type is written with the same mix: the properties below are per-feature
 * (or zoom-and-feature) everywhere, a constant being wrapped in an expression that reads a
 * property no feature has and falls back to the value. What is drawn does not change.
 */
const SHARED: Partial<Record<LayerSpecification['type'], Record<string, 'feature' | 'zoom-and-feature'>>> = {
	circle: { 'circle-color': 'feature', 'circle-stroke-color': 'feature', 'circle-stroke-width': 'feature', 'circle-radius': 'zoom-and-feature' },
	line: { 'line-color': 'feature', 'line-width': 'zoom-and-feature' },
	// fill-outline-color, when a layer leaves it out, follows fill-color (and its kind).
	fill: { 'fill-color': 'feature', 'fill-outline-color': 'feature' },
	symbol: { 'text-color': 'feature' }
};

/** No feature carries it: `['get', NO_PROPERTY]` is null, so the fallback is always drawn. */
const NO_PROPERTY = '\u0000shared-program';

const perFeature = (value: unknown): unknown => ['coalesce', ['get', NO_PROPERTY], value];

/** The layer with its shared paint properties written as per-feature expressions. */
export function shareProgram<L extends LayerSpecification>(layer: L): L {
	const kinds = SHARED[layer.type];
	const paint = (layer as { paint?: Record<string, unknown> }).paint;
	if (!kinds || !paint) return layer;
	const out = { ...paint };
	for (const [prop, kind] of Object.entries(kinds)) {
		if (prop in paint) out[prop] = kind === 'feature' ? asFeature(paint[prop]) : asZoomAndFeature(paint[prop]);
	}
	return { ...layer, paint: out };
}

function asFeature(value: unknown): unknown {
	if (readsFeature(value)) return value;
	// `zoom` may only stand at the top of an expression: a zoom curve gets per-feature outputs instead.
	return readsZoom(value) ? curveOfFeatures(value) : perFeature(value);
}

function asZoomAndFeature(value: unknown): unknown {
	if (readsZoom(value)) return readsFeature(value) ? value : curveOfFeatures(value);
	const flat = asFeature(value);
	return ['interpolate', ['linear'], ['zoom'], 0, flat, 24, flat];
}

/** A top-level zoom curve with its outputs made per-feature; anything else as it is. */
function curveOfFeatures(value: unknown): unknown {
	if (!Array.isArray(value) || (value[0] !== 'interpolate' && value[0] !== 'step')) return value;
	// Outputs sit at even indices: from 4 in ['interpolate', curve, input, z, v, …], from 2 in ['step', input, v, z, v, …].
	const first = value[0] === 'interpolate' ? 4 : 2;
	return value.map((v, i) => (i >= first && i % 2 === 0 ? asFeatureOutput(v) : v));
}

const asFeatureOutput = (value: unknown): unknown => (readsFeature(value) ? value : perFeature(value));

const FEATURE_OPERATORS = new Set(['get', 'has', 'properties', 'geometry-type', 'id', 'feature-state']);

function readsFeature(value: unknown): boolean {
	return Array.isArray(value) && value[0] !== 'literal' && (FEATURE_OPERATORS.has(value[0]) || value.some(readsFeature));
}

function readsZoom(value: unknown): boolean {
	return Array.isArray(value) && value[0] !== 'literal' && (value[0] === 'zoom' || value.some(readsZoom));
}
