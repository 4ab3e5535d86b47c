import type { Lang, Text } from '../layers/types';
import type { LayerFacets, LayerFigure } from './facets';
import { rowMatches } from './filters';

/**
 * The map's district choice (`d=` in the URL): one district of the build (`tianping`, `hunan`) or
 * `all` of them. What it changes: the mask (only the chosen one's is drawn), the first frame, the
 * counts and figures of the panels, the coverage grid, and which register records the groups below
 * z16 count. Plain code, no zod: it runs in the page.
 */

/** The choice of every district a build covers; the same as ALL_DISTRICTS in src/lib/schema/district.ts, which the page must not import (zod). */
export const ALL = 'all';

/** A district the build covers, as the map needs it (static/data/districts.json). */
export interface MapDistrict {
	id: string;
	name_zh: string;
	name_en: string;
	boundary: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
	/** [w, s, e, n] of its boundary: what the map frames when it is chosen. */
	bbox: [number, number, number, number];
	figures: LayerFigure[];
	/** The registry archives it has a first archive of (`<archive>-<id>`), which its map opens on: only in a build of several districts (src/lib/map/first-archives.ts). */
	first_archives?: string[];
}

/** static/data/districts.json. */
export interface MapDistricts {
	default: string;
	/** [w, s, e, n] every dimming mask covers: the map's maxBounds, whichever district is chosen. */
	frame: [number, number, number, number];
	districts: MapDistrict[];
}

/** The district the map opens on: the registry's default where the build has it, else its first. */
export function defaultChoice(registry: MapDistricts): string {
	return registry.districts.some((d) => d.id === registry.default) ? registry.default : (registry.districts[0]?.id ?? registry.default);
}

/** Whether the page offers a choice at all: a build of one district (`--district`) does not. */
export const offersChoice = (registry: MapDistricts) => registry.districts.length > 1;

export interface ResolvedChoice {
	/** What the map shows: a district id or `all`. */
	choice: string;
	/** What the view (and so the URL) keeps: null for the default, which links leave out. */
	stored: string | null;
	/** The link's `d` when it names no district of this build (the page says so), else null. */
	unknown: string | null;
}

/**
 * A link's `d` read against the build: absent or the default → the default (kept as null); an id
 * or `all` → that; anything else → the default, with the value to say so. A build of one district
 * ignores `d`.
 */
export function resolveChoice(raw: string | null | undefined, registry: MapDistricts): ResolvedChoice {
	const fallback = defaultChoice(registry);
	if (!offersChoice(registry) || raw === null || raw === undefined || raw === '' || raw === fallback) return { choice: fallback, stored: null, unknown: null };
	if (raw === ALL || registry.districts.some((d) => d.id === raw)) return { choice: raw, stored: raw, unknown: null };
	return { choice: fallback, stored: null, unknown: raw };
}

/** The districts a choice stands for, in the build's order. */
export function chosenDistricts(registry: MapDistricts, choice: string): MapDistrict[] {
	return choice === ALL ? registry.districts : registry.districts.filter((d) => d.id === choice);
}

/** Whether a feature's `district` (its id, or null in the context around the districts) is in the choice. */
export function inChoice(district: unknown, choice: string): boolean {
	return choice === ALL ? typeof district === 'string' && district !== '' : district === choice;
}

/** The box a choice is framed by: its district's, or around all of them. */
export function choiceBbox(registry: MapDistricts, choice: string): [number, number, number, number] {
	const boxes = chosenDistricts(registry, choice).map((d) => d.bbox);
	if (boxes.length === 0) return registry.frame;
	return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/** The choice's polygons as lists of rings (outer first), for the walk's coverage grid and "outside" note. */
export function choiceRings(registry: MapDistricts, choice: string): Array<Array<Array<[number, number]>>> {
	return chosenDistricts(registry, choice).flatMap((d) =>
		(d.boundary.type === 'Polygon' ? [d.boundary.coordinates] : d.boundary.coordinates) as Array<Array<Array<[number, number]>>>
	);
}

export const districtName = (d: Pick<MapDistrict, 'name_zh' | 'name_en'>, lang: Lang) => (lang === 'zh' ? d.name_zh : d.name_en);

/** A district's name for a button: 天平 / Tianping. */
export function shortName(d: Pick<MapDistrict, 'name_zh' | 'name_en'>, lang: Lang): string {
	return lang === 'zh' ? d.name_zh.replace(/路?街道$/, '') : d.name_en.replace(/\s+(Road\s+)?Subdistrict$/, '');
}

/** What the header says the map shows: the chosen district's name, or every name for all. */
export function choiceName(registry: MapDistricts, choice: string, lang: Lang): string {
	return chosenDistricts(registry, choice)
		.map((d) => districtName(d, lang))
		.join(' · ');
}

/** A published figure with the district that published it (named where the choice shows several). */
export interface ChosenFigure extends LayerFigure {
	district: string;
	/** Set when the figures of several districts are shown together: whose this one is. */
	by?: Text;
}

/** The published figures of the choice: the district's own; for all, every district's, each labelled. */
export function choiceFigures(registry: MapDistricts, choice: string): ChosenFigure[] {
	const several = choice === ALL && registry.districts.length > 1;
	return chosenDistricts(registry, choice).flatMap((d) => d.figures.map((f) => ({ ...f, district: d.id, ...(several ? { by: { zh: d.name_zh, en: d.name_en } } : {}) })));
}

/** A layer's features in the choice (the panel's "in district"). */
export function countInChoice(facets: LayerFacets, choice: string): number {
	if (choice === ALL || !facets.by_district) return facets.in_district;
	return facets.by_district[choice] ?? 0;
}

/** A filterable layer's features in the choice that pass the user's filters (from its facet rows, whose last value is the district). */
export function matchingInChoice(facets: LayerFacets, choice: string, picked: Record<string, string[]> | undefined): number {
	if (!facets.rows || !facets.properties) return countInChoice(facets, choice);
	const props = facets.properties;
	return facets.rows.filter((row) => inChoice(row[row.length - 1], choice) && rowMatches(props, row, picked)).length;
}

/** Per value of one filter property, its features in the choice (the filter's option counts). */
export function valueCounts(facets: LayerFacets, property: string, choice: string): Map<string, number> {
	const counts = new Map<string, number>();
	const i = facets.properties?.indexOf(property) ?? -1;
	if (i < 0) return counts;
	for (const row of facets.rows ?? []) {
		if (!inChoice(row[row.length - 1], choice) || row[i] === null) continue;
		const v = String(row[i]);
		counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return counts;
}

/**
 * The camera a page opens at: the link's own centre and zoom if it has them, or the page's default
 * view (DEFAULT_VIEW, framed on the registry's default district); otherwise the box of the choice
 * to frame (the map fits it from its first frame). A build of another district alone opens on it.
 */
export function startFrame(params: URLSearchParams, registry: MapDistricts, choice: string): [number, number, number, number] | null {
	if (params.has('c') || params.has('z') || choice === registry.default) return null;
	return choiceBbox(registry, choice);
}
