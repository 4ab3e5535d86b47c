import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { LAYERS, type ArchiveName, type LayerDef } from '../layers';
import { ARCHIVE_ZOOMS } from '../tiles/archives';
import type { Lang } from '../layers/types';
import { filterExpression, type LayerFilters } from './filters';
import { groupLayerIds, groupStyleLayers, pointFilter, type GroupTable } from './clusters';
import { ALL } from './districts';
import { shareProgram } from './shared-programs';

export const BACKGROUND = '#f4efe6';

/** The reader's own fonts for Chinese labels (MapLibre's `localIdeographFontFamily`): no glyph is fetched. */
export const LOCAL_IDEOGRAPH_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The MapLibre layer ids a registry layer draws with, in order. */
export function styleLayerIds(layer: LayerDef, lang: Lang = 'zh'): string[] {
	return [...layer.style.layers(lang).map((l) => styleLayerId(layer, l.suffix)), ...groupLayerIds(layer)];
}

function styleLayerId(layer: LayerDef, suffix?: string): string {
	return suffix ? `${layer.id}-${suffix}` : layer.id;
}

export const highlightId = (layer: LayerDef) => `${layer.id}-selected`;

export interface StyleState {
	lang: Lang;
	visible: ReadonlySet<string>;
	filters: LayerFilters;
	selected: { layer: string; id: string } | null;
	/** Drawings computed on the page (the walk feature's isochrones, routes, coverage), drawn above the registry's layers. */
	overlay?: Overlay;
	/** Per registry layer, an opacity below 1 the user chose. */
	opacity?: Record<string, number>;
	/** The thematic layers in the drawing order the user chose (bottom first); others keep the registry's place. */
	order?: string[];
	/** Per clustered layer, the combinations its groups count by (facets.json); without them groups ignore the filters' effect on their numbers. */
	groups?: Record<string, GroupTable>;
	/**
	 * The district choice (a district id, or `all`): the mask drawn is that choice's, and the
	 * clustered layers' groups count its records. Absent: the mask of all the districts, and groups
	 * of every record (a page without the choice: a dataset's small map, the benchmark's bare map).
	 */
	district?: string;
	/**
	 * The archive each source reads: a district's first archives (`<archive>-<district>`) while the map
	 * shows that district's first view, then the full ones (src/lib/map/first-archives.ts). Absent: the full ones.
	 */
	archives?: Partial<Record<ArchiveName, string>>;
}

/** The registry layer holding one mask per district choice (property `d`), of which the style draws one. */
const MASK = 'district-mask';

/**
 * The registry's layers in drawing order, with the thematic ones rearranged as the user chose:
 * they take the thematic slots in the new order, so the basemap and context stay where they are.
 */
export function orderLayers(layers: readonly LayerDef[], order: readonly string[] | undefined): LayerDef[] {
	if (!order?.length) return [...layers];
	const thematic = layers.filter((l) => l.group === 'thematic');
	const rank = (l: LayerDef) => {
		const i = order.indexOf(l.id);
		return i < 0 ? order.length + thematic.indexOf(l) : i;
	};
	const sorted = [...thematic].sort((a, b) => rank(a) - rank(b));
	let next = 0;
	return layers.map((l) => (l.group === 'thematic' ? sorted[next++] : l));
}

/** Page-computed drawings: `below` goes under the buildings and facilities (so they stay clickable), `above` on top. */
export interface Overlay {
	sources: Record<string, SourceSpecification>;
	below: LayerSpecification[];
	above: LayerSpecification[];
}

/** The registry layer after which `below` overlays are drawn: over the streets, under every point of interest. */
const OVERLAY_AFTER = 'never-widened-roads';

/**
 * The whole map style, assembled from the layer registry. It names no glyph server: labels
 * are drawn from the reader's own fonts, so nothing is fetched from off the site.
 */
export function buildStyle(tilesBase: string, state: StyleState): StyleSpecification {
	const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }];
	for (const layer of orderLayers(LAYERS, state.order)) {
		const visibility = state.visible.has(layer.id) ? 'visible' : 'none';
		const userFilter = filterExpression(layer, state.filters[layer.id]);
		for (const spec of layer.style.layers(state.lang)) {
			const { suffix, ...rest } = spec;
			// A clustered layer's points: all of them from the zoom its groups end at, below it those alone (in the district choice).
			// The mask: only the chosen one of the masks, each of which covers the frame but its choice's area.
			const own = layer.id === MASK ? (['==', ['get', 'd'], state.district ?? ALL] as FilterSpecification) : (rest.filter as FilterSpecification | undefined);
			const filter = combine(combine(own, pointFilter(layer, state.district)), userFilter);
			layers.push({
				...rest,
				...(state.opacity?.[layer.id] !== undefined ? { paint: fade(rest.type, rest.paint as Record<string, unknown> | undefined, state.opacity[layer.id]) } : {}),
				id: styleLayerId(layer, suffix),
				source: layer.archive,
				'source-layer': layer.id,
				...(filter ? { filter } : {}),
				layout: { ...(rest.layout ?? {}), visibility }
			} as LayerSpecification);
		}
		for (const group of groupStyleLayers(layer, state.groups?.[layer.id], state.filters[layer.id], state.district)) {
			const paint = (group as { paint?: Record<string, unknown> }).paint;
			layers.push({
				...group,
				...(state.opacity?.[layer.id] !== undefined ? { paint: fade(group.type, paint, state.opacity[layer.id]) } : {}),
				layout: { ...((group as { layout?: object }).layout ?? {}), visibility }
			} as LayerSpecification);
		}
		// Only the layer holding the selection carries a highlight: a selection changes the style
		// (and reloads that source's tiles) either way, and the first view parses 11 layers fewer.
		if (layer.style.interactive && state.selected?.layer === layer.id) layers.push(...highlightLayers(layer, state.selected.id, visibility));
		if (layer.id === OVERLAY_AFTER) layers.push(...(state.overlay?.below ?? []));
	}
	return {
		version: 8,
		sources: {
			basemap: archiveSource(tilesBase, state.archives?.basemap ?? 'basemap'),
			thematic: archiveSource(tilesBase, state.archives?.thematic ?? 'thematic'),
			...(state.overlay?.sources ?? {})
		},
		layers: [...layers, ...(state.overlay?.above ?? [])].map(shareProgram)
	};
}

/**
 * One of our PMTiles archives (a registry archive, or a district's first archive) as a vector
 * source. Its tiles are named directly and read by the map's worker (src/lib/map/worker.ts); the
 * zoom range is the one the pipeline writes, so the page never has to open the archive to learn it.
 */
export function archiveSource(tilesBase: string, archive: string): VectorSourceSpecification {
	const { minZoom: minzoom, maxZoom: maxzoom } = ARCHIVE_ZOOMS;
	return { type: 'vector', tiles: [`pmtiles://${tilesBase}/tiles/${archive}.pmtiles/{z}/{x}/{y}`], minzoom, maxzoom, attribution: '' };
}

/**
 * The selected feature drawn over its layer: a ring round a point, the outline of an area (a
 * circle layer would ring each of its vertices), a broad stroke along a line. A layer of points
 * and footprints both gets the ring for its points and the outline for its areas.
 */
function highlightLayers(layer: LayerDef, id: string, visibility: 'visible' | 'none'): LayerSpecification[] {
	const byId: FilterSpecification = ['==', ['get', 'id'], id];
	const common = { source: layer.archive, 'source-layer': layer.id };
	const stroke = { 'line-color': '#1f77b4', 'line-opacity': 0.85 };
	if (layer.geometry === 'line') {
		return [{ ...common, id: highlightId(layer), filter: byId, type: 'line', layout: { visibility, 'line-cap': 'round' }, paint: { ...stroke, 'line-width': 6, 'line-opacity': 0.7 } }];
	}
	const outline: LayerSpecification = { ...common, id: highlightId(layer), filter: byId, type: 'line', layout: { visibility, 'line-join': 'round' }, paint: { ...stroke, 'line-width': 3 } };
	if (layer.geometry === 'polygon') return [outline];
	const ring: LayerSpecification = {
		...common,
		id: layer.geometry === 'mixed' ? `${layer.id}-point-selected` : highlightId(layer),
		filter: layer.geometry === 'mixed' ? ['all', byId, ['==', ['geometry-type'], 'Point']] : byId,
		type: 'circle',
		layout: { visibility },
		paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#1f77b4', 'circle-stroke-width': 3, 'circle-pitch-alignment': 'map' }
	};
	return layer.geometry === 'mixed' ? [{ ...outline, filter: ['all', byId, ['!=', ['geometry-type'], 'Point']] }, ring] : [ring];
}

const OPACITY: Record<string, string[]> = {
	fill: ['fill-opacity'],
	line: ['line-opacity'],
	circle: ['circle-opacity', 'circle-stroke-opacity'],
	symbol: ['text-opacity', 'icon-opacity'],
	'fill-extrusion': ['fill-extrusion-opacity']
};

/** A layer's paint with its opacities scaled; zoom curves cannot be wrapped, so they are scaled at each stop. */
function fade(type: string, paint: Record<string, unknown> = {}, by: number): Record<string, unknown> {
	const out = { ...paint };
	for (const prop of OPACITY[type] ?? []) {
		const v = paint[prop] ?? 1;
		if (typeof v === 'number') out[prop] = v * by;
		// Outputs sit at even indices: from 4 in ['interpolate', curve, input, z, v, …], from 2 in ['step', input, v, z, v, …].
		else if (Array.isArray(v) && (v[0] === 'interpolate' || v[0] === 'step')) out[prop] = v.map((x, i) => (i >= (v[0] === 'step' ? 2 : 4) && i % 2 === 0 && typeof x === 'number' ? x * by : x));
		else out[prop] = ['*', v, by];
	}
	return out;
}

export function combine(a: FilterSpecification | undefined, b: FilterSpecification | null): FilterSpecification | undefined {
	if (a && b) return ['all', a, b] as FilterSpecification;
	return a ?? b ?? undefined;
}
