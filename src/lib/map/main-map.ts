import type { Map as MlMap } from 'maplibre-gl';
import type { ViewState } from '../state/url';
import { configureMapLibre, startOrNull, type MapLibre } from './load';
import { buildStyle, LOCAL_IDEOGRAPH_FONTS, type Overlay } from './style';
import type { GroupTable } from './clusters';
import { MapArchives, type SourceArchives } from './first-archives';

/** The element the main map draws into: part of the prerendered page, so the map can start before hydration. */
export const MAIN_MAP_ID = 'map';

/** A started main map, handed to MapCanvas once the page has mounted. */
export interface MainMap {
	map: MlMap;
	/** The style it was built with, as JSON: MapCanvas applies a new one only when it differs. */
	style: string;
	/** Settles on the map's 'load' event, which may fire before MapCanvas subscribes. */
	loaded: Promise<void>;
	/** What the clustered layers' groups count by (facets.json), for every later style. */
	groups?: Record<string, GroupTable>;
	/** Which archives the map reads (a district's first ones, then the full ones): every later style names them. */
	archives: MapArchives;
}

/**
 * What the map's style is built from (the page's view; `overlay` when the page draws something;
 * `choice`, the district choice as resolved against the build: a district id or `all`; `archives`,
 * the archive each source reads, src/lib/map/first-archives.ts).
 */
export type MainMapView = Pick<ViewState, 'lang' | 'layers' | 'filters' | 'selected' | 'opacity' | 'order'> & { overlay?: Overlay; groups?: Record<string, GroupTable>; choice?: string; archives?: SourceArchives };

/** The main map's style for a view: one function, so the early map and MapCanvas's updates agree to the byte. */
export function mainMapStyle(view: MainMapView) {
	return buildStyle(location.origin, {
		lang: view.lang,
		visible: new Set(view.layers),
		filters: view.filters,
		selected: view.selected,
		overlay: view.overlay,
		opacity: view.opacity,
		order: view.order,
		groups: view.groups,
		district: view.choice,
		archives: view.archives
	});
}

/** The padding, in pixels, round a district the map frames. */
export const FRAME_PADDING = 24;

/**
 * Builds the main map in `container` at the view `view`, with its controls. It runs while the page
 * hydrates, before the page's own components exist, so it gets the view from the URL, not from the
 * page's state; MapCanvas then wires it to that state. With `fit` (a link choosing a district and
 * no camera of its own) the map opens framed on that box instead, from its first frame.
 */
export function startMainMap(lib: MapLibre, container: HTMLElement, view: MainMapView & Pick<ViewState, 'center' | 'zoom'>, bounds: [number, number, number, number], fit?: [number, number, number, number] | null): MainMap {
	configureMapLibre(lib);
	const style = mainMapStyle(view);
	const map = new lib.Map({
		container,
		style,
		center: view.center,
		zoom: view.zoom,
		...(fit ? { bounds: fit, fitBoundsOptions: { padding: FRAME_PADDING } } : {}),
		minZoom: 12,
		maxZoom: 19,
		maxBounds: bounds,
		attributionControl: false,
		// The style is ours, and tests/lib/map/style.test.ts validates every state the page can
		// build; validating it again on every change here is time spent for nothing.
		validateStyle: false,
		localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
		// Keyboard users pan with the arrows and zoom with +/- once the map has focus.
		keyboard: true
	});
	map.addControl(new lib.NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
	map.addControl(new lib.ScaleControl({ unit: 'metric' }), 'bottom-left');
	const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
	const archives = new MapArchives(map, location.origin, view.archives ?? { basemap: 'basemap', thematic: 'thematic' });
	(window as unknown as { hengfuMap: MlMap }).hengfuMap = map;
	return { map, style: JSON.stringify(style), loaded, groups: view.groups, archives };
}

/** The main map started in the page's container: undefined while that container is not in the document, null if it cannot start. */
export function startMainMapInPage(lib: MapLibre, view: MainMapView & Pick<ViewState, 'center' | 'zoom'>, bounds: [number, number, number, number], fit?: [number, number, number, number] | null): MainMap | null | undefined {
	const container = document.getElementById(MAIN_MAP_ID);
	return container ? startOrNull(() => startMainMap(lib, container, view, bounds, fit)) : undefined;
}

/** Frames a district choice's box: eased, unless the reader asks for less motion. */
export function frameBox(map: MlMap, box: [number, number, number, number]): void {
	const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
	map.fitBounds(box, { padding: FRAME_PADDING, animate: !still, duration: 800 });
}
