import type { ZodObject } from 'zod';

export interface Text {
	zh: string;
	en: string;
}

/** Where a layer's features come from: a pipeline stage, or one source with a property mapper. */
export type LayerBuild =
	| { stage: 'protected-buildings' | 'streets' | 'never-widened-roads' | 'district-boundary' | 'district-mask' }
	| { source: string; properties: (raw: Record<string, unknown>, id: string) => Record<string, unknown> };

export interface PopupField {
	key: string;
	label: Text;
}

/**
 * A layer, declared once. The pipeline reads `build`, `schema` and the zooms; the map,
 * legend, panel, catalogue and API read the rest.
 */
export interface LayerDef {
	id: string;
	title: Text;
	description: Text;
	/** Which PMTiles archive holds it. */
	archive: 'basemap' | 'thematic';
	/** base = part of the basemap; thematic = the portal's subject layers; context = reference overlays. */
	group: 'base' | 'thematic' | 'context';
	geometry: 'point' | 'line' | 'polygon' | 'mixed';
	/** Manifest ids of every source it draws on (licences and attribution follow from them). */
	sources: string[];
	build: LayerBuild;
	schema: ZodObject;
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
}
