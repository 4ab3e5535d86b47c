import type { WriteOptions } from '../../src/lib/tiles/pmtiles-writer';

/** Writer options for a small test archive over Tianping. */
export const testWriteOptions = (minZoom: number, maxZoom: number): WriteOptions => ({
	tileType: 'mvt',
	tileCompression: 'gzip',
	minZoom,
	maxZoom,
	bounds: [121.43, 31.2, 121.46, 31.22],
	center: [121.445, 31.21, 14],
	metadata: { name: 'test', vector_layers: [] }
});
