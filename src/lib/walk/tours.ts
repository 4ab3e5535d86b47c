/** The tours the pipeline resolved (static/data/tours.json), and the visitor's own stops resolved the same way. */
export interface Stop {
	layer: string;
	id: string;
	name_zh: string;
	name_en: string | null;
	point: [number, number];
	year: string | null;
	architect: string | null;
	address: string | null;
	address_historic: string | null;
	/** The street the address is on, now and under the concession (from the streets layer). */
	street_now: string | null;
	street_then: string | null;
	street_fr: string | null;
	photo: string | null;
	photo_credit: string | null;
	photo_link: string | null;
	why_zh: string;
	why_en: string;
}

export interface TourData {
	tours: Array<{ id: string; title_zh: string; title_en: string; summary_zh: string; summary_en: string; inspired_by?: string; stops: Stop[] }>;
	/** Modern street name → historic and French names. */
	streets: Record<string, { historic: string | null; fr: string | null }>;
}

let tourData: Promise<TourData> | null = null;
export function loadTourData(): Promise<TourData> {
	tourData ??= fetch('/data/tours.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`/data/tours.json: HTTP ${r.status}`))));
	return tourData;
}

const layerCache = new Map<string, Promise<Map<string, { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }>>>();
function layerFeatures(layer: string) {
	let cached = layerCache.get(layer);
	if (!cached) {
		cached = fetch(`/data/${encodeURIComponent(layer)}.geojson`)
			.then((r) => r.json())
			.then((fc) => new Map((fc.features as Array<{ geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }>).map((f) => [String(f.properties.id), f])));
		layerCache.set(layer, cached);
	}
	return cached;
}

/** "layer:id" keys → stops, with what their layer says; unknown keys are left out (the URL may be stale). */
export async function resolveCustomStops(keys: string[]): Promise<Stop[]> {
	const { streets } = await loadTourData();
	const out: Stop[] = [];
	for (const key of keys) {
		const at = key.indexOf(':');
		const layer = key.slice(0, at);
		const f = (await layerFeatures(layer)).get(key.slice(at + 1));
		if (!f) continue;
		const p = f.properties;
		const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
		const point = (typeof p.lon === 'number' && typeof p.lat === 'number' ? [p.lon, p.lat] : f.geometry.coordinates) as [number, number];
		const road = str(p.address)?.match(/^(.+?路)/)?.[1] ?? null;
		const street = road ? streets[road] : undefined;
		out.push({
			layer,
			id: String(p.id),
			name_zh: String(p.name_zh),
			name_en: str(p.name_en),
			point,
			year: p.year_built === null || p.year_built === undefined ? null : String(p.year_built),
			architect: str(p.architect),
			address: str(p.address),
			address_historic: str(p.address_historic),
			street_now: street ? road : null,
			street_then: street?.historic ?? null,
			street_fr: street?.fr ?? null,
			photo: str(p.photo),
			photo_credit: str(p.photo_credit),
			photo_link: str(p.photo_link),
			why_zh: '',
			why_en: ''
		});
	}
	return out;
}
