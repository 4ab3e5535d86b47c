import { parseShanghaiAddress } from '../geo/address';
import { residenceTitle } from '../layers/simple';
import { layerFeatures, type LayerFeature } from '../map/layer-data';
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

export type StreetNames = TourData['streets'];

/** What a stop's text says, where the tour gives it; a visitor's own stop has none. */
export interface StopText {
	title_zh?: string;
	title_en?: string;
	why_zh: string;
	why_en: string;
}

/**
 * A layer feature as a tour stop: its point, year, architect, addresses, and the street it is on
 * now and under the concession. The pipeline resolves curated tours with it and the page a
 * visitor's own stops, so both read a feature the same way.
 */
export function stopFromFeature(layer: string, feature: LayerFeature, streets: StreetNames, text: StopText): Stop {
	const p = feature.properties;
	const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
	const point = (typeof p.lon === 'number' && typeof p.lat === 'number' ? [p.lon, p.lat] : (feature.geometry as unknown as { coordinates: [number, number] }).coordinates) as [number, number];
	const address = str(p.address);
	const parsed = address ? parseShanghaiAddress(address) : null;
	const road = parsed?.ok ? parsed.address.road : null;
	const street = road ? streets[road] : undefined;
	return {
		layer,
		id: String(p.id),
		// A residence's record names the person (src/lib/layers/simple.ts); the stop is their home.
		name_zh: text.title_zh ?? (layer === 'former-residences' ? residenceTitle(String(p.name_zh)).zh : String(p.name_zh)),
		name_en: text.title_en ?? str(p.name_en),
		point,
		year: p.year_built === null || p.year_built === undefined ? null : String(p.year_built),
		architect: str(p.architect),
		address,
		address_historic: str(p.address_historic),
		street_now: street ? road : null,
		street_then: street?.historic ?? null,
		street_fr: street?.fr ?? null,
		photo: str(p.photo),
		photo_credit: str(p.photo_credit),
		photo_link: str(p.photo_link),
		why_zh: text.why_zh,
		why_en: text.why_en
	};
}

/** "layer:id" keys → stops, with what their layer says; unknown keys are left out (the URL may be stale). */
export async function resolveCustomStops(keys: string[]): Promise<Stop[]> {
	const { streets } = await loadTourData();
	const out: Stop[] = [];
	for (const key of keys) {
		const at = key.indexOf(':');
		const layer = key.slice(0, at);
		const feature = (await layerFeatures(layer)).find((f) => String(f.properties.id) === key.slice(at + 1));
		if (feature) out.push(stopFromFeature(layer, feature, streets, { why_zh: '', why_en: '' }));
	}
	return out;
}
