/// <reference lib="webworker" />
/**
 * The walk feature's web worker: loads the pedestrian graph and the facilities once, then
 * answers isochrone, route, coverage and geocoding requests, so the page never freezes.
 */
import type { Geocoder } from '../geo/geocode';
import { WalkEngine, type CoverageCell, type FacilityInput } from './engine';
import { decodeWalkGraph } from './graph';
import type { WalkRequest } from './protocol';

let engine: Promise<WalkEngine> | null = null;
let geocoder: Promise<Geocoder> | null = null;
let cells: CoverageCell[] | null = null;
let categories: string[] = [];
let district: Array<Array<Array<[number, number]>>> = [];

async function fetchOk(url: string): Promise<Response> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
	return r;
}

function loadEngine(): Promise<WalkEngine> {
	engine ??= (async () => {
		const [graphBytes, facilities] = await Promise.all([
			fetchOk('/data/walk-graph.bin').then((r) => r.arrayBuffer()),
			fetchOk('/data/walk-facilities.json').then((r) => r.json() as Promise<FacilityInput[]>)
		]);
		return new WalkEngine(decodeWalkGraph(graphBytes), facilities, categories);
	})();
	return engine;
}

function loadGeocoder(): Promise<Geocoder> {
	// The geocoder and its 300 kB of streets and anchors load only when someone types an address.
	geocoder ??= Promise.all([import('../geo/geocode'), fetchOk('/data/geocoder.json').then((r) => r.json())]).then(([{ createGeocoder }, input]) =>
		createGeocoder(input.streets, input.anchors)
	);
	return geocoder;
}

async function answer(req: WalkRequest): Promise<unknown> {
	switch (req.type) {
		case 'init':
			categories = req.categories;
			district = req.district;
			await loadEngine();
			return { ok: true };
		case 'isochrone':
			return (await loadEngine()).isochrone(req.query);
		case 'route':
			return (await loadEngine()).route(req.start, req.facility, req.metresPerMinute);
		case 'coverage': {
			const e = await loadEngine();
			cells ??= e.grid(district);
			return e.coverage(req.category, cells, req.minutes, req.metresPerMinute);
		}
		case 'route-through':
			return (await loadEngine()).routeThrough(req.points);
		case 'matrix':
			return (await loadEngine()).matrix(req.points);
		case 'geocode':
			return (await loadGeocoder()).geocode(req.address);
		case 'import': {
			// The importer, and the geocoder for address-only rows, load when a file is first dropped.
			const [{ importFile }, geocoder] = await Promise.all([import('../import'), loadGeocoder()]);
			return importFile(req.fileName, req.bytes, { crs: req.crs, geocode: (a) => geocoder.geocode(a) });
		}
	}
}

self.onmessage = async (event: MessageEvent<{ id: number; request: WalkRequest }>) => {
	const { id, request } = event.data;
	try {
		self.postMessage({ id, ok: true, result: await answer(request) });
	} catch (err) {
		self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
	}
};
