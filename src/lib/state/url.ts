import type { Lang } from '../layers/types';
import type { LayerFilters } from '../map/filters';

/** Everything a shared link reproduces. */
export interface ViewState {
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
	/** The walk panel, when open (absent or null: closed). */
	walk?: WalkState | null;
	/** The tour panel, when open. */
	tour?: TourState | null;
	/** The planner's panel, when open. */
	plan?: PlanState | null;
	/** Layer opacity, where not 1. */
	opacity?: Record<string, number>;
	/** Thematic layers in the drawing order the user chose, bottom first. */
	order?: string[];
}

/** The planner's area (vertices; closed once finished) and proximity question. */
export interface PlanState {
	area: Array<[number, number]>;
	closed: boolean;
	near: { a: string; b: string; metres: number } | null;
	/** The print layout (legend, scale bar, north arrow, date, credits). */
	print?: boolean;
}

export const DEFAULT_PLAN: PlanState = { area: [], closed: false, near: null };

/**
 * A tour: a curated one by id, or `custom` with the visitor's own stops ("layer:id"); `stop` is
 * the stop shown (-1: the overview); `print` opens the printable sheet.
 */
export interface TourState {
	id: string | null;
	stop: number;
	stops: string[];
	print: boolean;
}

export const DEFAULT_TOUR: TourState = { id: null, stop: -1, stops: [], print: false };

/** A walk query: where from, how long, how fast; the facility routed to; the category whose blind spots are drawn. */
export interface WalkState {
	from: [number, number] | null;
	minutes: number;
	/** Metres per minute. */
	speed: number;
	to: string | null;
	coverage: string | null;
}

/** 60 m/min (1 m/s) is an older resident's pace; healthy adults average nearer 80. */
export const DEFAULT_WALK: WalkState = { from: null, minutes: 15, speed: 60, to: null, coverage: null };

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
	if (view.walk) {
		params.set('walk', '1');
		if (view.walk.from) params.set('from', `${view.walk.from[0].toFixed(6)},${view.walk.from[1].toFixed(6)}`);
		params.set('wt', String(view.walk.minutes));
		params.set('ws', String(view.walk.speed));
		if (view.walk.to) params.set('to', view.walk.to);
		if (view.walk.coverage) params.set('cov', view.walk.coverage);
	}
	if (view.plan) {
		params.set('plan', '1');
		if (view.plan.area.length) params.set('area', view.plan.area.map(([x, y]) => `${x.toFixed(6)},${y.toFixed(6)}`).join(';') + (view.plan.closed ? ';!' : ''));
		if (view.plan.near) params.set('near', `${view.plan.near.a},${view.plan.near.b},${view.plan.near.metres}`);
		if (view.plan.print) params.set('print', '1');
	}
	const opacity = Object.entries(view.opacity ?? {}).filter(([, v]) => v < 1);
	if (opacity.length) params.set('op', opacity.map(([l, v]) => `${l}:${v}`).join('|'));
	if (view.order?.length) params.set('order', view.order.join(','));
	if (view.tour) {
		params.set('tour', view.tour.id ?? '');
		if (view.tour.stop >= 0) params.set('stop', String(view.tour.stop + 1));
		if (view.tour.id === 'custom' && view.tour.stops.length) params.set('stops', view.tour.stops.join('|'));
		if (view.tour.print) params.set('print', '1');
	}
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
	if (params.get('walk') === '1') view.walk = walkFrom(params);
	if (params.has('tour')) view.tour = tourFrom(params);
	if (params.get('plan') === '1') view.plan = planFrom(params, knownLayers);
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

function walkFrom(params: URLSearchParams): WalkState {
	const walk: WalkState = { ...DEFAULT_WALK };
	const from = params.get('from')?.split(',').map(Number);
	if (from?.length === 2 && from.every(Number.isFinite) && Math.abs(from[0]) <= 180 && Math.abs(from[1]) <= 90) walk.from = [from[0], from[1]];
	const minutes = Number(params.get('wt'));
	if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 60) walk.minutes = minutes;
	const speed = Number(params.get('ws'));
	if (Number.isFinite(speed) && speed >= 20 && speed <= 150) walk.speed = speed;
	walk.to = params.get('to') || null;
	walk.coverage = params.get('cov') || null;
	return walk;
}

function tourFrom(params: URLSearchParams): TourState {
	const id = params.get('tour') || null;
	const stop = Number(params.get('stop'));
	return {
		id: id && /^[a-z0-9-]+$/.test(id) ? id : null,
		// Links count stops from 1, as the sheet does.
		stop: Number.isInteger(stop) && stop >= 1 && stop <= 50 ? stop - 1 : -1,
		stops: (params.get('stops') ?? '').split('|').filter((s) => /^[a-z-]+:[\w-]+$/.test(s)).slice(0, 20),
		print: params.get('print') === '1'
	};
}

function planFrom(params: URLSearchParams, knownLayers: ReadonlySet<string>): PlanState {
	const parts = (params.get('area') ?? '').split(';').filter(Boolean);
	const closed = parts[parts.length - 1] === '!';
	const area = parts
		.filter((p) => p !== '!')
		.map((p) => p.split(',').map(Number))
		.filter((p): p is [number, number] => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)
		.slice(0, 100);
	const [a, b, m] = (params.get('near') ?? '').split(',');
	const metres = Number(m);
	const near = knownLayers.has(a) && knownLayers.has(b) && Number.isFinite(metres) && metres > 0 && metres <= 5000 ? { a, b, metres } : null;
	return { area, closed: closed && area.length >= 3, near, ...(params.get('print') === '1' ? { print: true } : {}) };
}
