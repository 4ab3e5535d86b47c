// Modules made up by scripts/vite/maplibre.ts.

declare module 'virtual:maplibre-worker-url' {
	/** URL of the map's worker (src/lib/map/worker.ts, built with the page's bundle); '' on the server. */
	const url: string;
	export default url;
}

/** MapLibre's own worker module (maplibre-gl/src/source/worker.ts), for src/lib/map/worker.ts only. */
declare module 'virtual:maplibre-worker';
