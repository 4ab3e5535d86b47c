// MapLibre 6 cannot find its worker inside a bundle: Vite builds it as a module worker and hands us its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { registerPmtiles } from './protocol';

type MapLibre = typeof import('maplibre-gl');
let loading: Promise<MapLibre> | null = null;

/**
 * Loads MapLibre (browser only; prerendering never touches WebGL) and readies the pmtiles
 * protocol, once. The page calls it as early as it can, so the download overlaps hydration.
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= import('maplibre-gl').then(async (lib) => {
		lib.setWorkerUrl(workerUrl);
		await registerPmtiles(lib);
		return lib;
	});
	return loading;
}
