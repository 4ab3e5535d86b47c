import type { GroupTable } from './clusters';
import type { Message } from '../i18n/messages';

/** Per-layer counts written by the pipeline (static/data/facets.json). */
export interface LayerFacets {
	total: number;
	/** Features in any district the build covers. */
	in_district: number;
	/** Features per district id (absent: a build older than the districts' choice). */
	by_district?: Record<string, number>;
	/** Filter properties, in the order of each row's values; the row's last value is the district the feature lies in (null: the context around them). */
	properties?: string[];
	rows?: unknown[][];
	/** Sources not yet fetched that the layer draws on (npm run sources:refresh -- <id>). */
	waiting?: string[];
	/** A clustered layer's combinations of filter values, which its groups count by (src/lib/map/clusters.ts). */
	groups?: GroupTable;
	/** Register records the build could not put on the map, with why (registers only). */
	unplaced?: Array<{ id: string; name_zh: string; address: string | null; code: string; reason: string; message?: Message; district?: string | null }>;
}

/** A total the subdistrict published for a layer whose sites it does not list (data/districts.json). */
export interface LayerFigure {
	key: string;
	value: number;
	unit: string;
	label_zh: string;
	label_en: string;
	source: string;
	/** The cited newsletter as a reader sees it: “headline”（issuer，date）. */
	source_title?: string;
	date: string;
	qualifier?: 'more than' | 'nearly' | 'about';
	layer?: string;
}
