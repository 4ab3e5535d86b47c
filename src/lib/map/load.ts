// MapLibre and the map's worker (MapLibre's worker plus the pmtiles:// protocol), both built with
// the page: see scripts/vite/maplibre.ts.
import workerUrl from 'virtual:maplibre-worker-url';
import { pmtilesProtocol } from './pmtiles-protocol';

export type MapLibre = typeof import('./maplibre');
let configured = false;
let loading: Promise<MapLibre> | null = null;

/**
 * Points MapLibre at our worker, once, and starts that worker: it fetches and compiles its code
 * while the page is still busy, and the map takes it over from the shared pool.
 */
export function configureMapLibre(lib: MapLibre): MapLibre {
	if (configured) return lib;
	configured = true;
	lib.setWorkerUrl(workerUrl);
	lib.prewarm();
	// The dev server runs MapLibre's prebuilt worker, which asks the page for pmtiles:// tiles.
	if (import.meta.env.DEV) lib.addProtocol('pmtiles', pmtilesProtocol);
	return lib;
}

/**
 * The map `start` builds, or null when it cannot start: MapLibre throws when the browser gives no
 * WebGL. The page then says the map cannot be shown (MapUnavailable) and works on without it.
 */
export function startOrNull<T>(start: () => T): T | null {
	try {
		return start();
	} catch (err) {
		console.error('The map could not start:', err);
		return null;
	}
}

/**
 * MapLibre for pages that show a map as an extra (a dataset's preview): loaded when asked for,
 * browser only. The main map imports it with the page instead (src/lib/map/main-map.ts).
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= import('./maplibre').then(configureMapLibre);
	return loading;
}
