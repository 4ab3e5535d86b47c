import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';

export type Lang = 'zh' | 'en';

export interface Text {
	zh: string;
	en: string;
}

/** Where a layer's features come from: a pipeline stage, or one source with a property mapper. */
export type LayerBuild =
	| { stage: 'protected-buildings' | 'buildings' | 'streets' | 'never-widened-roads' | 'district-boundary' | 'district-mask' | 'register' | 'history' }
	| { source: string; properties: (raw: Record<string, unknown>, id: string, known: KnownNames) => Record<string, unknown> };

/** What the pipeline already knows about places by name, for layers whose source lacks it. */
export interface KnownNames {
	/** The English name of a street, by its Chinese name (OpenStreetMap's name:en); null where none is known or two differ. */
	streetEn(zh: string): string | null;
}

export interface PopupField {
	key: string;
	label: Text;
	/** Display labels for coded values (statuses, categories); unknown values show as themselves. */
	valueLabels?: Record<string, Text>;
	/** The value is stored per language as `<key>_zh` / `<key>_en`; the panel shows the UI language's. */
	lang?: boolean;
	/** The property holding the value in English where there is one (`address_en` for `address`): the English panel shows it, the source's own value beside it. */
	english?: string;
}

/** A MapLibre layer of this registry layer, without what the style builder fills in (id, source). */
export type StyleLayer = DistributiveOmit<Extract<LayerSpecification, { type: 'fill' | 'line' | 'circle' | 'symbol' | 'fill-extrusion' }>, 'id' | 'source' | 'source-layer'> & {
	/** Appended to the registry id to name this MapLibre layer (`<id>-<suffix>`); the first layer may omit it. */
	suffix?: string;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface LayerStyle {
	/** MapLibre layers, bottom first; a function of the UI language for labels. */
	layers: (lang: Lang) => StyleLayer[];
	/** What the legend draws. */
	swatch: { kind: 'fill' | 'line' | 'circle'; color: string; outline?: string; dashed?: boolean };
	/** Shown when the page opens. */
	visible: boolean;
	/** Clicking a feature opens the side panel. */
	interactive: boolean;
	/** A legend row per class, where the layer's colour means something. */
	classes?: Array<{ label: Text; color: string; filter: FilterSpecification; /** Overrides the swatch's dashing for this class (a solid class of a dashed layer). */ dashed?: boolean }>;
}

/** A filter over one property: the user picks values; within a filter any value matches, across filters all must. */
export interface FilterDef {
	property: string;
	label: Text;
	/** Labels for known values; values seen in the data but absent here show as themselves. */
	valueLabels?: Record<string, Text>;
}

/**
 * A layer, declared once. The pipeline reads `build` and the zooms (and the layer's schema in
 * ./schemas.ts, kept apart so the browser never loads zod); the map,
 * legend, panel, catalogue and API read the rest.
 */
export interface LayerDef {
	id: string;
	title: Text;
	description: Text;
	/** Which PMTiles archive holds it. */
	archive: 'basemap' | 'thematic';
	/** base = part of the basemap; thematic = the portal's subject layers; context = reference overlays; history = the city of the concession era, folded away and off until asked for. */
	group: 'base' | 'thematic' | 'context' | 'history';
	geometry: 'point' | 'line' | 'polygon' | 'mixed';
	/** Manifest ids of every source it draws on (licences and attribution follow from them). */
	sources: string[];
	build: LayerBuild;
	minzoom: number;
	/**
	 * Properties written into the vector tiles (styling, filters, labels, the id). Long text
	 * stays out of the tiles, which repeat it at every zoom; the panel reads it from the
	 * layer's GeoJSON. Omitted: every property.
	 */
	tileProperties?: string[];
	/** Feature properties the side panel shows, in order. */
	popup: PopupField[];
	/** Properties the search index reads. */
	searchable: string[];
	style: LayerStyle;
	filters?: FilterDef[];
	/** Points drawn in groups with counts below `cluster.from`, one by one from it (see ClusterDef). */
	cluster?: ClusterDef;
	/** false: a drawing aid (the mask), not a dataset; the catalogue and API leave it out. */
	catalogue?: false;
	/**
	 * Its place in the layer panel, lower first: what the map is about leads, reference layers
	 * follow. Layers without one come last, the topmost drawn first (src/lib/layers: panelLayers).
	 */
	panelOrder?: number;
}

/**
 * A point layer drawn in groups below a zoom (src/lib/map/clusters.ts). The pipeline groups the
 * points at each tile zoom below `from` (scripts/pipeline/clusters.ts) and writes the groups into
 * the layer's archive as the source-layer `<id>-clusters`, each group counting its records per
 * combination of the layer's filter values; the combinations are listed once in facets.json.
 * The map sums the combinations the user's filters let through, so a group's number is exact under
 * any filter, and colours it by its largest legend class (`style.classes`, which must then each be
 * `['==', ['get', property], value]` over a filter property).
 */
export interface ClusterDef {
	/** The zoom from which every point is drawn on its own; groups are drawn below it. */
	from: number;
	/** How near, in screen pixels, points join a group. */
	radius: number;
}
