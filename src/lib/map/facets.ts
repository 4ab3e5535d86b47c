/** Per-layer counts written by the pipeline (static/data/facets.json). */
export interface LayerFacets {
	total: number;
	in_district: number;
	/** Filter properties, in the order of each row's values; the row's last value is its in_district flag. */
	properties?: string[];
	rows?: unknown[][];
}
