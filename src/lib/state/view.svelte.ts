import { LAYERS } from '../layers';
import type { Lang } from '../layers/types';
import type { LayerFilters } from '../map/filters';
import { MODES, type ModeFields, type ModeId } from '../modes';
import type { PlanState, TourState, ViewState, WalkState } from './url';

/** Tianping's centre and a zoom that shows the whole subdistrict on a laptop screen. */
export const DEFAULT_VIEW: ViewState = {
	lang: 'zh',
	center: [121.4445, 31.2055],
	zoom: 14.6,
	layers: LAYERS.filter((l) => l.style.visible).map((l) => l.id),
	filters: {},
	selected: null
};

/** The page's reactive view: what the map shows and what a shared link reproduces. */
export class MapView {
	lang = $state<Lang>(DEFAULT_VIEW.lang);
	/** The district choice; null: the build's default (see ViewState.district). */
	district = $state<string | null>(null);
	center = $state<[number, number]>(DEFAULT_VIEW.center);
	zoom = $state(DEFAULT_VIEW.zoom);
	layers = $state<string[]>(DEFAULT_VIEW.layers);
	filters = $state<LayerFilters>({});
	selected = $state<{ layer: string; id: string } | null>(null);
	// The modes (src/lib/modes/), one field each, at most one open.
	walk = $state<WalkState | null>(null);
	tour = $state<TourState | null>(null);
	plan = $state<PlanState | null>(null);
	opacity = $state<Record<string, number>>({});
	order = $state<string[]>([]);

	constructor(initial: ViewState = DEFAULT_VIEW) {
		this.set(initial);
	}

	set(view: ViewState): void {
		this.lang = view.lang;
		this.district = view.district ?? null;
		this.center = view.center;
		this.zoom = view.zoom;
		this.layers = view.layers;
		this.filters = view.filters;
		this.selected = view.selected;
		for (const mode of MODES) (this as Record<ModeId, unknown>)[mode.id] = view[mode.id] ?? null;
		this.opacity = view.opacity ?? {};
		this.order = view.order ?? [];
	}

	snapshot(): ViewState {
		const modes = Object.fromEntries(MODES.map((m) => [m.id, this[m.id]])) as ModeFields;
		return $state.snapshot({ lang: this.lang, district: this.district, center: this.center, zoom: this.zoom, layers: this.layers, filters: this.filters, selected: this.selected, ...modes, opacity: this.opacity, order: this.order }) as ViewState;
	}

	toggleLayer(id: string, on: boolean): void {
		const order = LAYERS.map((l) => l.id);
		const next = new Set(this.layers);
		if (on) next.add(id);
		else next.delete(id);
		this.layers = order.filter((l) => next.has(l));
	}

	/** Moves a thematic layer one step up (drawn later) or down, in the order the map draws them. */
	moveLayer(id: string, step: 1 | -1, thematic: string[]): void {
		const order = thematic.filter((l) => !this.order.includes(l));
		const current = [...this.order.filter((l) => thematic.includes(l)), ...order];
		const i = current.indexOf(id);
		const j = i + step;
		if (i < 0 || j < 0 || j >= current.length) return;
		[current[i], current[j]] = [current[j], current[i]];
		this.order = current;
	}

	setFilter(layer: string, property: string, values: string[]): void {
		const current = { ...(this.filters[layer] ?? {}) };
		if (values.length) current[property] = values;
		else delete current[property];
		const next = { ...this.filters };
		if (Object.keys(current).length) next[layer] = current;
		else delete next[layer];
		this.filters = next;
	}
}
