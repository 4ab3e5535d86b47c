import { readFileSync } from 'node:fs';
import type { Feature, Geometry } from 'geojson';

/** A layer's features as the built site serves them (build/data/<layer>.geojson): what the tests check the page against. */
export function builtFeatures(layer: string): Array<Feature<Geometry, Record<string, unknown>>> {
	return JSON.parse(readFileSync(`build/data/${layer}.geojson`, 'utf8')).features;
}

/** 衡山宾馆 (Picardie Apartments), 衡山路534号, the issue's own example building, as built. */
export function hengshanHotel(): { id: string; lon: number; lat: number } {
	const p = builtFeatures('protected-buildings').find((f) => f.properties.name_zh === '衡山宾馆')!.properties;
	return { id: String(p.id), lon: Number(p.lon), lat: Number(p.lat) };
}
