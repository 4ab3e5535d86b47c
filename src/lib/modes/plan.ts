import type { PlanDrawing } from '../map/plan-overlay';
import type { ModeDef } from './types';
import { choiceName } from '../map/districts';

/** The planner's area (vertices; closed once finished) and proximity question. */
export interface PlanState {
	area: Array<[number, number]>;
	closed: boolean;
	near: { a: string; b: string; metres: number } | null;
	/** The print layout (legend, scale bar, north arrow, date, credits). */
	print?: boolean;
}

export const DEFAULT_PLAN: PlanState = { area: [], closed: false, near: null };

/** The planner's drawing, and what its panel and the map share besides: whether clicks draw the area, and the imported feature clicked. */
export interface PlanSession {
	drawing: PlanDrawing;
	drawingArea: boolean;
	picked: Record<string, unknown> | null;
}

/** `plan=1 area=lon,lat;…[;!] near=a,b,metres print=1` (`!`: the area is closed). */
export function parsePlan(params: URLSearchParams, knownLayers: ReadonlySet<string>): PlanState | null {
	if (params.get('plan') !== '1') return null;
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

export function serialisePlan(plan: PlanState, params: URLSearchParams): void {
	params.set('plan', '1');
	if (plan.area.length) params.set('area', plan.area.map(([x, y]) => `${x.toFixed(6)},${y.toFixed(6)}`).join(';') + (plan.closed ? ';!' : ''));
	if (plan.near) params.set('near', `${plan.near.a},${plan.near.b},${plan.near.metres}`);
	if (plan.print) params.set('print', '1');
}

/** The planner: areas, proximity, imported layers, statistics and deck.gl overlays (its panel loads those). */
export const PLAN: ModeDef<'plan', PlanSession> = {
	id: 'plan',
	action: 'plan',
	label: 'plan',
	open: () => ({ ...DEFAULT_PLAN }),
	keys: ['plan', 'area', 'near', 'print'],
	parse: parsePlan,
	serialise: serialisePlan,
	// A wrapper: the planner's panel with the imported feature a click picked.
	panel: () => import('./PlanMode.svelte').then((m) => m.default),
	props: ({ figures, choice, districts, view }) => ({ figures, choice, choiceName: choiceName(districts, choice, view.lang) }),
	drawing: () => ({ drawing: { area: [], closed: false, near: [], imported: [] }, drawingArea: false, picked: null }),
	overlay: (o, session) => o.planOverlay(session.drawing),
	click: ({ view, drawing: session, lngLat, point, overlays }) => {
		if (!view.plan) return false;
		if (session.drawingArea) {
			view.plan = { ...view.plan, area: [...view.plan.area, lngLat], closed: false };
			return true;
		}
		// An imported feature answers the click before the registry's layers.
		const map = (globalThis as unknown as { hengfuMap?: import('maplibre-gl').Map }).hengfuMap;
		const ids = overlays ? session.drawing.imported.flatMap(overlays.importedLayerIds).filter((id) => map?.getLayer(id)) : [];
		const hit = ids.length ? map?.queryRenderedFeatures([point.x, point.y], { layers: ids })[0] : undefined;
		session.picked = hit ? { ...hit.properties } : null;
		return Boolean(hit);
	},
	print: (plan) => Boolean(plan.print)
};
