import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerDef } from '../layers/types';
import { rowMatches } from './filters';
import { ALL, inChoice } from './districts';

/**
 * Point groups (a registry layer's `cluster`): what the pipeline writes and the map draws.
 *
 * Below `cluster.from` a clustered layer is drawn in groups, from the source-layer
 * `<id>-clusters`, made anew at each tile zoom. Each group there (two records or more) carries
 *   n     its number of records,
 *   c<i>  how many of them have the i-th combination of the layer's filter values and district
 *         (only those it has: the table of combinations is written once, into facets.json),
 *   top   the index of its largest legend class (see groupClasses), for the unfiltered colour,
 *   x     the zoom at which it splits (or its points show).
 * The map's number for a group under the user's filters and district choice is the sum of c<i>
 * over the combinations those let through, so it is exact; a group whose sum is 0 is not drawn,
 * one of 1 is drawn like a point, without a number. A record no other joins at a zoom stays a point
 * of the layer there (flagged `alone`), drawn, filtered and clicked as every point is.
 *
 * The district choice: below `cluster.from` the groups and the points alone count and show the
 * records of the chosen district (of any district for `all`), the same records the layer panel
 * counts; from `cluster.from` every point is drawn, those outside under the mask, as every layer's.
 */

/**
 * The combinations of filter values, in the order of the layer's filters, then the district
 * (GROUP_DISTRICT: an id, or null in the context), as facets.json lists them (`groups`). A table
 * without the district (a build older than the choice) counts every record whatever the choice.
 */
export interface GroupTable {
	properties: string[];
	combos: unknown[][];
}

/** The last dimension of a group table: the district a record lies in. */
export const GROUP_DISTRICT = 'district';

export const groupSourceLayer = (layer: LayerDef | string) => `${typeof layer === 'string' ? layer : layer.id}-clusters`;
export const groupCircleId = (layer: LayerDef) => `${layer.id}-groups`;
export const groupCountId = (layer: LayerDef) => `${layer.id}-group-count`;
/** The style layers a clustered layer draws its groups with (none for other layers). */
export const groupLayerIds = (layer: LayerDef): string[] => (layer.cluster ? [groupCircleId(layer), groupCountId(layer)] : []);

/**
 * What a clustered layer's own style layers draw: every point from `cluster.from`, below it the
 * points that stand alone. Filters see the zoom of the tile they are applied to, and the map
 * parses the last archive zoom's tiles again at each zoom it overzooms them to.
 */
export function pointFilter(layer: LayerDef, choice?: string): FilterSpecification | null {
	if (!layer.cluster) return null;
	const alone: ExpressionSpecification = ['==', ['get', 'alone'], true];
	return ['any', ['>=', ['zoom'], layer.cluster.from], choice === undefined ? alone : ['all', alone, districtFilter(choice)]];
}

/** Features whose `district` is in the choice (any district for all), as a MapLibre expression. */
export function districtFilter(choice: string): ExpressionSpecification {
	return choice === ALL ? ['!=', ['get', GROUP_DISTRICT], null] : ['==', ['get', GROUP_DISTRICT], choice];
}

/** The filter properties a layer's groups count by. */
export const groupProperties = (layer: LayerDef): string[] => layer.filters?.map((f) => f.property) ?? [];

/** A group table's dimensions: the filter properties, then the district. */
export const groupDimensions = (layer: LayerDef): string[] => [...groupProperties(layer), GROUP_DISTRICT];

/** A legend class as a group reads it: records whose `property` is `value` are drawn `color`. */
export interface GroupClass {
	property: string;
	value: string;
	color: string;
}

/**
 * A clustered layer's legend classes, as tests on one filter property each. A layer whose
 * classes are not of the form `['==', ['get', property], value]` over a filter property cannot
 * colour its groups exactly: that is an error in the registry.
 */
export function groupClasses(layer: LayerDef): GroupClass[] {
	const props = groupProperties(layer);
	return (layer.style.classes ?? []).map((cls) => {
		const f = cls.filter as unknown[];
		const get = f[1] as unknown[];
		if (f.length !== 3 || f[0] !== '==' || !Array.isArray(get) || get[0] !== 'get' || get.length !== 2 || typeof f[2] !== 'string' || !props.includes(String(get[1]))) {
			throw new Error(`layer ${layer.id}: legend class ${cls.label.en} must be ['==', ['get', <filter property>], <value>] to colour its groups; it is ${JSON.stringify(f)}`);
		}
		return { property: String(get[1]), value: f[2], color: cls.color };
	});
}

/** The first legend class a combination of filter values belongs to, or -1 (the layer's own colour). */
export function comboClass(classes: GroupClass[], properties: string[], combo: unknown[]): number {
	return classes.findIndex((c) => String(combo[properties.indexOf(c.property)]) === c.value);
}

/** The index of the largest of `sums`, the first on a tie: what `top` holds and the map's colour follows. */
export function largest(sums: number[]): number {
	let best = 0;
	sums.forEach((s, i) => {
		if (s > sums[best]) best = i;
	});
	return best;
}

const cell = (i: number): ExpressionSpecification => ['coalesce', ['get', `c${i}`], 0];
const sum = (indices: number[]): ExpressionSpecification | number =>
	indices.length === 0 ? 0 : indices.length === 1 ? cell(indices[0]) : (['+', ...indices.map(cell)] as unknown as ExpressionSpecification);

/**
 * The combinations the user's picks and the district choice let through; null when that is all of
 * them (a group's `n` and `top` then say it). A pick on the district itself (a hand-made link) is
 * no filter of the layer's, and is ignored as the points ignore it.
 */
function matching(table: GroupTable, picked: Record<string, string[]> | undefined, choice: string | undefined): number[] | null {
	const d = table.properties.indexOf(GROUP_DISTRICT);
	const picks = Object.fromEntries(Object.entries(picked ?? {}).filter(([p, v]) => p !== GROUP_DISTRICT && v.length));
	const byDistrict = choice !== undefined && d >= 0;
	if (!byDistrict && Object.keys(picks).length === 0) return null;
	const through = table.combos.flatMap((combo, i) => (rowMatches(table.properties, combo, picks) && (!byDistrict || inChoice(combo[d], choice)) ? [i] : []));
	return through.length === table.combos.length ? null : through;
}

/**
 * A group's number under the user's filters and district choice: the sum of its counts over the
 * combinations those let through, or its `n` where they let all through. Without the table (a
 * page that never filters) it is `n`.
 */
export function groupCount(table: GroupTable | undefined, picked: Record<string, string[]> | undefined, choice?: string): ExpressionSpecification | number {
	const through = table ? matching(table, picked, choice) : null;
	return through === null ? ['get', 'n'] : sum(through);
}

/** A group's legend class index under the user's filters and district choice (its largest; the first on a tie), or -1 with no classes. */
export function groupClass(layer: LayerDef, table: GroupTable | undefined, picked: Record<string, string[]> | undefined, choice?: string): ExpressionSpecification | number {
	const classes = groupClasses(layer);
	if (classes.length === 0) return -1;
	const through = table ? matching(table, picked, choice) : null;
	if (!table || through === null) return ['get', 'top'];
	// Per class, then for records of none (-1, the layer's own colour), the combinations the filters let through.
	const keys = [...classes.keys(), -1];
	const members = new Map(keys.map((k) => [k, through.filter((i) => comboClass(classes, table.properties, table.combos[i]) === k)]));
	const present = keys.filter((k) => members.get(k)!.length > 0);
	if (present.length <= 1) return present[0] ?? -1;
	// The largest by comparisons, each against the ones after it: the first no smaller than all later ones wins.
	const name = (k: number) => (k < 0 ? 'none' : `s${k}`);
	const bindings = present.flatMap((k) => [name(k), sum(members.get(k)!)]);
	const cases = present.slice(0, -1).flatMap((k, j) => [['all', ...present.slice(j + 1).map((l) => ['>=', ['var', name(k)], ['var', name(l)]])], k]);
	return ['let', ...bindings, ['case', ...cases, present[present.length - 1]]] as unknown as ExpressionSpecification;
}

/** Text on a class colour: dark on light colours, white on dark ones. */
function inkOn(color: string): string {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? '#2b2420' : '#ffffff';
}

/** A light fill (a guidance centre's white) is ringed in the layer's outline colour, as its points are. */
const isLight = (color: string) => inkOn(color) !== '#ffffff';

function byClass(layer: LayerDef, classExpr: ExpressionSpecification | number, pick: (color: string) => unknown): unknown {
	const classes = groupClasses(layer);
	const fallback = pick(layer.style.swatch.color);
	if (typeof classExpr === 'number') return classExpr < 0 ? fallback : pick(classes[classExpr].color);
	// -1 (records of no class) falls to the layer's own colour.
	return ['match', classExpr, ...classes.flatMap((c, k) => [k, pick(c.color)]), fallback];
}

/** The point layers' radius at a zoom (src/lib/layers/registers.ts: 4 px at z12 to 9 at z17), for a group of one. */
const POINT_RADIUS = (z: number) => 4 + (z - 12);

/**
 * The groups' style layers, without what the style builder adds (visibility, opacity): a circle per
 * group sized by its number (of records in the district choice, as filtered), coloured by its
 * largest class, and the number on it from 2 up.
 */
export function groupStyleLayers(layer: LayerDef, table: GroupTable | undefined, picked: Record<string, string[]> | undefined, choice?: string): LayerSpecification[] {
	if (!layer.cluster) return [];
	const count = groupCount(table, picked, choice);
	const cls = groupClass(layer, table, picked, choice);
	const common = { source: layer.archive, 'source-layer': groupSourceLayer(layer), maxzoom: layer.cluster.from };
	const filter = typeof count === 'number' ? (count > 0 ? undefined : false) : (['>', count, 0] as FilterSpecification);
	const outline = layer.style.swatch.outline && layer.style.swatch.outline !== '#ffffff' ? layer.style.swatch.outline : '#3b2f2a';
	// A group of one is the size of a point; more grow with the logarithm of their number.
	const radius = (z: number) => ['case', ['<=', count, 1], POINT_RADIUS(z), ['+', POINT_RADIUS(z) + 4, ['*', 2.6, ['ln', count]]]];
	return [
		{
			...common,
			id: groupCircleId(layer),
			type: 'circle',
			...(filter !== undefined ? { filter } : {}),
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, radius(12), 16, radius(16)],
				'circle-color': byClass(layer, cls, (c) => c),
				'circle-stroke-color': byClass(layer, cls, (c) => (isLight(c) ? outline : '#ffffff')),
				'circle-stroke-width': byClass(layer, cls, (c) => (isLight(c) ? 2.5 : 2))
			}
		} as unknown as LayerSpecification,
		{
			...common,
			id: groupCountId(layer),
			type: 'symbol',
			filter: typeof count === 'number' ? false : (['>=', count, 2] as FilterSpecification),
			layout: {
				'text-field': ['to-string', count],
				'text-size': 11,
				// Every number is drawn: groups are apart by construction, and other labels make way for them.
				'text-allow-overlap': true
			},
			paint: { 'text-color': byClass(layer, cls, inkOn) }
		} as unknown as LayerSpecification
	];
}

/** What a click on a group does: the map eases to the zoom where it splits (its points from `cluster.from`), centred on it. */
export function groupTarget(layer: LayerDef, properties: Record<string, unknown>, zoom: number): number {
	const from = layer.cluster?.from ?? zoom + 1;
	const x = Number(properties.x);
	return Math.min(from, Math.max(Number.isFinite(x) ? x : from, Math.floor(zoom) + 1));
}

/** The clustered layers' tables from facets.json, by layer id. */
export function groupTables(facets: Record<string, { groups?: GroupTable }>): Record<string, GroupTable> {
	return Object.fromEntries(Object.entries(facets).flatMap(([id, f]) => (f.groups ? [[id, f.groups]] : [])));
}
