import type { FilterSpecification } from 'maplibre-gl';
import type { LayerDef } from '../layers';

/** Per layer, per property, the values the user picked (strings, as in the URL). */
export type LayerFilters = Record<string, Record<string, string[]>>;

/** A MapLibre filter for the user's choices: any picked value within a property, every property across. */
export function filterExpression(layer: LayerDef, picked: Record<string, string[]> | undefined): FilterSpecification | null {
	if (!picked || !layer.filters) return null;
	const parts: FilterSpecification[] = [];
	for (const def of layer.filters) {
		const values = picked[def.property];
		if (!values?.length) continue;
		parts.push(['in', ['to-string', ['get', def.property]], ['literal', values]] as FilterSpecification);
	}
	if (parts.length === 0) return null;
	return parts.length === 1 ? parts[0] : (['all', ...parts] as FilterSpecification);
}

/** The same test in plain code, for counting from the facets without the map. */
export function rowMatches(properties: string[], row: unknown[], picked: Record<string, string[]> | undefined): boolean {
	if (!picked) return true;
	return properties.every((p, i) => {
		const values = picked[p];
		return !values?.length || (row[i] !== null && values.includes(String(row[i])));
	});
}
