import type { PublishedFigure } from '../schema/district';
import { featuresInArea } from './within';
import type { AnyFeature, Area } from './types';

/** One layer's counts: its total and, per grouped property, how many features hold each value. */
export interface LayerStats {
	layer: string;
	total: number;
	groups: Array<{ property: string; counts: Array<{ value: string; count: number }> }>;
}

/** What a missing, null or blank value is counted as. */
export const NONE = '(none)';

/**
 * The properties the statistics panel breaks each layer down by. Facilities group by
 * their main `category` only: `categories` lists every use of a place (a 邻里汇 is also a
 * canteen), and counting those would count one building several times.
 */
export const STAT_GROUPS: Record<string, string[]> = {
	'protected-buildings': ['protection', 'batch', 'relic_level'],
	'elevator-retrofits': ['status', 'kind'],
	'fire-sprinklers': ['status'],
	'charging-sites': ['status'],
	facilities: ['category'],
	'never-widened-roads': ['never_widened'],
	'former-residences': [],
	streets: ['highway'],
	'historic-parks': [],
	'historic-area': [],
	'metro-lines': [],
	'metro-stations': []
};

/** A layer's total and its counts per value of each `groupBy` property (the layer's STAT_GROUPS by default). */
export function layerStats(layer: string, features: AnyFeature[], groupBy: string[] = STAT_GROUPS[layer] ?? []): LayerStats {
	return {
		layer,
		total: features.length,
		groups: groupBy.map((property) => ({ property, counts: countValues(features, property) }))
	};
}

/** Per layer (in the given order), the statistics of its features in the area, or of all of them without one. */
export function statistics(layers: Record<string, AnyFeature[]>, area?: Area): LayerStats[] {
	return Object.entries(layers).map(([layer, features]) => layerStats(layer, area ? featuresInArea(features, area) : features));
}

/** How many features hold each value of a property, most first, then by value. */
export function countValues(features: AnyFeature[], property: string): Array<{ value: string; count: number }> {
	const counts = new Map<string, number>();
	for (const feature of features) {
		const value = valueLabel(feature.properties?.[property]);
		counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function valueLabel(value: unknown): string {
	if (value === null || value === undefined) return NONE;
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
	return text === '' ? NONE : text;
}

/**
 * The district's published figures to show beside a layer's counts: those the district
 * file ties to the layer, and those whose key names it (`protected_buildings` for
 * `protected-buildings`), which the file leaves untied because the layer has its own points.
 */
export function publishedFiguresFor(layer: string, figures: readonly PublishedFigure[]): PublishedFigure[] {
	return figures.filter((figure) => figure.layer === layer || figure.key.replaceAll('_', '-') === layer);
}
