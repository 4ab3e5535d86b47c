import type { Component } from 'svelte';
import type { MapDistricts, ChosenFigure } from '../map/districts';
import type { Overlay } from '../map/style';
import type { StringKey } from '../i18n/strings';
import type { MapView } from '../state/view.svelte';
import type { PlanState } from './plan';
import type { TourState } from './tour';
import type { WalkState } from './walk';

/**
 * Each mode's state as a link holds it; the mode's id is also its field on the view
 * (ViewState, MapView). A new mode adds its line here and its field on MapView.
 */
export interface ModeStates {
	walk: WalkState;
	tour: TourState;
	plan: PlanState;
}
export type ModeId = keyof ModeStates;

/** The view's mode fields: absent or null, closed. */
export type ModeFields = { [K in ModeId]?: ModeStates[K] | null };

/** The drawings' style-layer builders, one module loaded with the first mode that draws (src/lib/map/overlays.ts). */
export type OverlayModule = typeof import('../map/overlays');

/** What the page knows that a mode's panel may need. */
export interface ModeContext {
	view: MapView;
	districts: MapDistricts;
	/** The district choice the map shows (a district id or `all`). */
	choice: string;
	figures: ChosenFigure[];
}

/** A click on the map, offered to the open mode before the layers' features. */
export interface ModeClick<D> {
	view: MapView;
	drawing: D;
	lngLat: [number, number];
	point: { x: number; y: number };
	/** Null until the first drawing mode has loaded them. */
	overlays: OverlayModule | null;
}

/**
 * One map mode (walk, tours, planning): everything the page needs to open it, draw it and keep
 * it in the link. `S` is its state in the view and URL, `D` its drawing (computed by its panel,
 * drawn by the page's map).
 */
export interface ModeDef<K extends ModeId = ModeId, D = unknown> {
	id: K;
	/** The header button's `data-action` (kept from before the registry: tests and links name them). */
	action: string;
	label: StringKey;
	/** The state a button press opens it with. */
	open: () => ModeStates[K];
	/** The query keys the mode owns, for the record and the tests: nothing else is read or written. */
	keys: readonly string[];
	/** Its state from a link, or null when the link does not open it. Never throws. */
	parse: (params: URLSearchParams, knownLayers: ReadonlySet<string>) => ModeStates[K] | null;
	serialise: (state: ModeStates[K], params: URLSearchParams) => void;
	/** The panel, loaded when the mode first opens. It takes `view`, `drawing` (bound) and `props(ctx)`. */
	panel: () => Promise<Component<any, any, any>>;
	props: (ctx: ModeContext) => Record<string, unknown>;
	/** An empty drawing: the mode's when it opens, and again once it closes. */
	drawing: () => D;
	overlay: (overlays: OverlayModule, drawing: D) => Overlay;
	/** Takes a map click (returns true) before the layers' features are picked. */
	click?: (click: ModeClick<D>) => boolean;
	/** Takes a picked feature (returns true): a tour of one's own adds it as a stop. */
	pick?: (view: MapView, layer: string, id: string) => boolean;
	/** The printable sheet is asked for. */
	print?: (state: ModeStates[K]) => boolean;
}
