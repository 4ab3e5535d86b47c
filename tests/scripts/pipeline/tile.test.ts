import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Feature, Geometry, Polygon } from 'geojson';
import { tileLayers, type TileLayer } from '../../../scripts/pipeline/tile';
import { countFeaturesAtZoom, readArchive, type ArchiveTile } from '../../../src/lib/tiles/read-archive';

const feature = (geometry: Geometry, properties: Record<string, string | number | boolean | null>): Feature => ({ type: 'Feature', properties, geometry });
const box = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

// Around Tianping Road, Shanghai. At z16 a tile is ~0.0055° wide, so the street and the large block
// cross tile boundaries while the small buildings sit inside one tile.
const layers: TileLayer[] = [
	{
		name: 'landmarks',
		description: 'Points of interest',
		features: [
			feature({ type: 'Point', coordinates: [121.4401, 31.2102] }, { name: 'A', year: 1925, listed: true, note: null }),
			feature({ type: 'Point', coordinates: [121.4452, 31.2061] }, { name: 'B', year: 1931, listed: false, note: null }),
			feature({ type: 'Point', coordinates: [121.4378, 31.2139] }, { name: 'C', year: 1908, listed: true, note: 'kept' }),
			feature({ type: 'MultiPoint', coordinates: [[121.441, 31.209], [121.4495, 31.2125]] }, { name: 'D', year: 1948, listed: false, note: null })
		]
	},
	{
		name: 'streets',
		features: [
			feature({ type: 'LineString', coordinates: [[121.43, 31.21], [121.44, 31.2105], [121.455, 31.211]] }, { name: 'Hengshan Rd', width: 24.5 }),
			feature({ type: 'LineString', coordinates: [[121.442, 31.2], [121.4425, 31.22]] }, { name: 'Tianping Rd', width: 12 }),
			feature({ type: 'MultiLineString', coordinates: [[[121.436, 31.205], [121.438, 31.206]], [[121.446, 31.214], [121.448, 31.215]]] }, { name: 'Lanes', width: 4 })
		]
	},
	{
		name: 'buildings',
		minZoom: 14,
		features: [
			feature({ type: 'Polygon', coordinates: [box(121.4401, 31.2101, 121.4404, 31.2103)] }, { id: 'b1', levels: 3 }),
			feature({ type: 'Polygon', coordinates: [box(121.4411, 31.2081, 121.4416, 31.2085), box(121.4412, 31.2082, 121.4414, 31.2084)] }, { id: 'b2', levels: 2 }),
			feature({ type: 'Polygon', coordinates: [box(121.437, 31.207, 121.447, 31.213)] }, { id: 'block', levels: 0 }),
			feature({ type: 'MultiPolygon', coordinates: [[box(121.4451, 31.2061, 121.4453, 31.2062)], [box(121.4456, 31.2061, 121.4458, 31.2062)]] }, { id: 'twins', levels: 1 })
		]
	}
];
const options = { minZoom: 12, maxZoom: 16, name: 'Test', description: 'Fixture', attribution: '© test' };

async function allTiles(bytes: Uint8Array): Promise<ArchiveTile[]> {
	const tiles: ArchiveTile[] = [];
	for await (const t of (await readArchive(bytes)).tiles()) tiles.push(t);
	return tiles;
}

describe('tileLayers', () => {
	const { archive, stats } = tileLayers(layers, options);

	it('writes tiles that all decode as MVT, only where there are features, at every zoom', async () => {
		const tiles = await allTiles(archive);
		expect(tiles.length).toBe(stats.tileCount);
		expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([12, 13, 14, 15, 16]));
		for (const { tile, z, x, y } of tiles) {
			const names = Object.keys(tile.layers);
			expect(names.length).toBeGreaterThan(0);
			for (const name of names) {
				const layer = tile.layers[name];
				expect(layer.extent).toBe(4096);
				expect(layer.version).toBe(2);
				expect(layer.length).toBeGreaterThan(0);
				for (let i = 0; i < layer.length; i++) expect(layer.feature(i).toGeoJSON(x, y, z).geometry).toBeTruthy();
			}
			if (z < 14) expect(names).not.toContain('buildings');
		}
	});

	it('keeps every feature, once, by its input position, at the deepest zoom', async () => {
		expect(await countFeaturesAtZoom(archive, 16)).toEqual({ buildings: 4, landmarks: 4, streets: 3 });
		expect(stats.featuresPerLayer).toEqual({ landmarks: 4, streets: 3, buildings: 4 });
		const ids = new Map<string, number>();
		for (const { tile } of await allTiles(archive)) {
			const layer = tile.layers.landmarks;
			for (let i = 0; layer && i < layer.length; i++) ids.set(String(layer.feature(i).properties.name), layer.feature(i).id!);
		}
		expect(Object.fromEntries(ids)).toEqual({ A: 0, B: 1, C: 2, D: 3 });
	});

	it('drops null properties and keeps the rest with their types', async () => {
		const props = new Map<string, Record<string, unknown>>();
		for (const { tile } of await allTiles(archive)) {
			const layer = tile.layers.landmarks;
			for (let i = 0; layer && i < layer.length; i++) props.set(String(layer.feature(i).properties.name), layer.feature(i).properties);
		}
		expect(props.get('A')).toEqual({ name: 'A', year: 1925, listed: true });
		expect(props.get('C')).toEqual({ name: 'C', year: 1908, listed: true, note: 'kept' });
	});

	it('keeps building outlines exact (to tile precision) at the deepest zoom', async () => {
		const b2 = layers[2].features[1].geometry as Polygon;
		// The tile holding the building; a neighbour may also carry it, clipped, within its buffer.
		const [lon, lat] = [121.44135, 31.2083];
		const tx = Math.floor(((lon + 180) / 360) * 2 ** 16);
		const ty = Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** 16);
		const found = (await allTiles(archive))
			.filter((t) => t.z === 16 && t.x === tx && t.y === ty)
			.flatMap(({ tile, z, x, y }) => Array.from({ length: tile.layers.buildings.length }, (_, i) => tile.layers.buildings.feature(i).toGeoJSON(x, y, z)))
			.filter((f) => f.properties?.id === 'b2');
		expect(found).toHaveLength(1);
		const geometry = found[0].geometry as Polygon;
		expect(geometry.type).toBe('Polygon');
		expect(geometry.coordinates).toHaveLength(2); // the courtyard survives as a hole
		const precision = 360 / 2 ** 16 / 4096; // one tile unit in degrees of longitude
		for (const [r, ring] of geometry.coordinates.entries()) {
			const expected = b2.coordinates[r];
			expect(ring).toHaveLength(expected.length);
			for (const [lon, lat] of ring) {
				expect(expected.some(([elon, elat]) => Math.abs(lon - elon) <= precision && Math.abs(lat - elat) <= precision)).toBe(true);
			}
		}
	});

	it('describes each layer and its fields in the metadata, and the data extent in the header', async () => {
		const { header, metadata } = await readArchive(archive);
		expect(metadata).toMatchObject({ name: 'Test', description: 'Fixture', attribution: '© test', version: '1.0.0' });
		expect(metadata.vector_layers).toEqual([
			{ id: 'landmarks', description: 'Points of interest', minzoom: 12, maxzoom: 16, fields: { listed: 'Boolean', name: 'String', note: 'String', year: 'Number' } },
			{ id: 'streets', description: '', minzoom: 12, maxzoom: 16, fields: { name: 'String', width: 'Number' } },
			{ id: 'buildings', description: '', minzoom: 14, maxzoom: 16, fields: { id: 'String', levels: 'Number' } }
		]);
		expect(header).toMatchObject({ minZoom: 12, maxZoom: 16, minLon: 121.43, minLat: 31.2, maxLon: 121.455, maxLat: 31.22, centerZoom: 12 });
		expect(header.centerLon).toBeCloseTo(121.4425, 6);
		expect(header.centerLat).toBeCloseTo(31.21, 6);
		expect(header.numAddressedTiles).toBe(stats.tileCount);
		expect(header.numTileContents).toBe(stats.tileContents);
	});

	it('reports sizes, and is byte-for-byte reproducible', async () => {
		expect(stats.bytes).toBe(archive.length);
		const sizes = (await readArchive(archive)).entries();
		const largest = Math.max(...(await sizes).map((e) => e.length));
		expect(stats.largestTileBytes).toBe(largest);
		expect(stats.largestTile).toMatch(/^1[2-6]\/\d+\/\d+$/);
		const again = tileLayers(layers, options).archive;
		const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
		expect(sha(again)).toBe(sha(archive));
	});

	it('refuses duplicate layer names and an empty input', () => {
		expect(() => tileLayers([layers[0], layers[0]], options)).toThrow(/given twice/);
		expect(() => tileLayers([{ name: 'empty', features: [] }], options)).toThrow(/no layer/);
	});
});
