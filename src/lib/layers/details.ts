/**
 * Where the side panel finds a feature's full record, for layers whose tiles carry only some of
 * its fields (`needsDetails`): the pipeline writes each layer's records into DETAIL_BUCKETS small
 * JSON files by a hash of their id (`/data/features/<layer>/<bucket>.json`, `{ id: record }`).
 * One file per feature would be thousands of files for a register of thousands of sites, each
 * costing the build more to create than to fill.
 */
export const DETAIL_BUCKETS = 256;

/** One of `count` buckets for an id: FNV-1a over its UTF-16 code units, as two hex digits. The place pages' data is bucketed the same way. */
export function hashBucket(id: string, count: number): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return ((h >>> 0) % count).toString(16).padStart(2, '0');
}

/** The bucket of a feature id. */
export const detailBucket = (id: string): string => hashBucket(id, DETAIL_BUCKETS);

/** The site path of the file holding a feature's record. */
export const detailsPath = (layer: string, id: string) => `/data/features/${encodeURIComponent(layer)}/${detailBucket(id)}.json`;
