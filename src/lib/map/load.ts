// MapLibre and the map's worker (MapLibre's worker plus the pmtiles:// protocol), both built with
// the page: see scripts/vite/maplibre.ts.
import workerUrl from 'virtual:maplibre-worker-url';
import { pmtilesProtocol } from './pmtiles-protocol';

type MapLibre = typeof import('./maplibre');
let loading: Promise<MapLibre> | null = null;

/**
 * Loads MapLibre (browser only; prerendering never touches WebGL) and points it at our worker,
 * once. The page calls it as early as it can, so the download overlaps hydration.
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= import('./maplibre').then((lib) => {
		lib.setWorkerUrl(workerUrl);
		// The worker starts (fetches and compiles its code) while the page hydrates, rather than
		// once the map is built; the map takes it over from the shared pool.
		lib.prewarm();
		// The dev server runs MapLibre's prebuilt worker, which asks the page for pmtiles:// tiles.
		if (import.meta.env.DEV) lib.addProtocol('pmtiles', pmtilesProtocol);
		return lib;
	});
	return loading;
}
