import type { Lang } from '../layers/types';
import type { LayerFilters } from '../map/filters';
import { parseModes, serialiseModes, type ModeFields } from '../modes';

// The modes' states are declared with them (src/lib/modes/); panels import them from here too.
export { DEFAULT_PLAN, type PlanState } from '../modes/plan';
export { DEFAULT_TOUR, type TourState } from '../modes/tour';
export { DEFAULT_WALK, type WalkState } from '../modes/walk';

/** Everything a shared link reproduces. */
export interface ViewState extends ModeFields {
	lang: Lang;
	/**
	 * The district choice as the link gives it (`d=`): a district id or `all`; absent or null, the
	 * build's default, which links leave out. The page resolves it against the build
	 * (src/lib/map/districts.ts: resolveChoice); an unknown one stays as written until then, so the
	 * page can say which it did not know.
	 */
	district?: string | null;
	center: [number, number];
	zoom: number;
	layers: string[];
	filters: LayerFilters;
	selected: { layer: string; id: string } | null;
	/** Layer opacity, where not 1. */
	opacity?: Record<string, number>;
	/** Thematic layers in the drawing order the user chose, bottom first. */
	order?: string[];
}

/** The longest `d=` kept from a link (a district id is short; a longer one is only repeated in the page's note). */
const MAX_DISTRICT = 64;

/*
 * Query parameters, short and readable in a link:
 *   lang=en  d=hunan  c=121.44512,31.20531  z=15.2  layers=protected-buildings,streets
 *   f.protected-buildings.batch=第一批|第二批  sel=protected-buildings:ehb-abc
 * Values are joined with "|" because commas occur in architect names.
 */
export function toSearchParams(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	params.set('lang', view.lang);
	if (view.district) params.set('d', view.district);
	params.set('c', `${view.center[0].toFixed(5)},${view.center[1].toFixed(5)}`);
	params.set('z', String(Math.round(view.zoom * 100) / 100));
	params.set('layers', view.layers.join(','));
	for (const [layer, props] of Object.entries(view.filters)) {
		for (const [prop, values] of Object.entries(props)) if (values.length) params.set(`f.${layer}.${prop}`, values.join('|'));
	}
	if (view.selected) params.set('sel', `${view.selected.layer}:${view.selected.id}`);
	const opacity = Object.entries(view.opacity ?? {}).filter(([, v]) => v < 1);
	if (opacity.length) params.set('op', opacity.map(([l, v]) => `${l}:${v}`).join('|'));
	if (view.order?.length) params.set('order', view.order.join(','));
	// Each open mode's own keys (src/lib/modes/).
	serialiseModes(view, params);
	return params;
}

/** Reads a link back; anything missing or malformed falls back to `defaults`, never throws. */
export function fromSearchParams(params: URLSearchParams, defaults: ViewState, knownLayers: ReadonlySet<string>): ViewState {
	const view: ViewState = { ...defaults, filters: {} };
	const lang = params.get('lang');
	if (lang === 'zh' || lang === 'en') view.lang = lang;
	const d = params.get('d')?.trim();
	if (d) view.district = d.slice(0, MAX_DISTRICT);
	const c = params.get('c')?.split(',').map(Number);
	if (c?.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) view.center = [c[0], c[1]];
	const z = Number(params.get('z'));
	if (params.has('z') && Number.isFinite(z) && z >= 0 && z <= 24) view.zoom = z;
	if (params.has('layers')) view.layers = (params.get('layers') ?? '').split(',').filter((l) => knownLayers.has(l));
	for (const [key, value] of params) {
		const m = /^f\.([^.]+)\.(.+)$/.exec(key);
		if (!m || !knownLayers.has(m[1]) || !value) continue;
		(view.filters[m[1]] ??= {})[m[2]] = value.split('|');
	}
	const sel = params.get('sel');
	const at = sel?.indexOf(':') ?? -1;
	if (sel && at > 0 && knownLayers.has(sel.slice(0, at))) view.selected = { layer: sel.slice(0, at), id: sel.slice(at + 1) };
	Object.assign(view, parseModes(params, knownLayers));
	const opacity: Record<string, number> = {};
	for (const part of (params.get('op') ?? '').split('|')) {
		const [layer, value] = part.split(':');
		const v = Number(value);
		if (knownLayers.has(layer) && Number.isFinite(v) && v >= 0 && v < 1) opacity[layer] = v;
	}
	if (Object.keys(opacity).length) view.opacity = opacity;
	const order = (params.get('order') ?? '').split(',').filter((l) => knownLayers.has(l));
	if (order.length) view.order = [...new Set(order)];
	return view;
}
