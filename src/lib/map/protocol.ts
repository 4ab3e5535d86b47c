import type * as maplibregl from 'maplibre-gl';

let registering: Promise<void> | null = null;

/** Registers the pmtiles:// protocol with MapLibre exactly once per page, however many maps mount at once. */
export function registerPmtiles(lib: typeof maplibregl): Promise<void> {
	registering ??= import('pmtiles').then(({ Protocol }) => {
		lib.addProtocol('pmtiles', new Protocol().tile);
	});
	return registering;
}
