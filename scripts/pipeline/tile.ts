// Tile stage: WGS84 layers → one MVT per tile (geojson-vt slices, vt-pbf encodes) → PMTiles archive.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import type { BBox, Feature, GeoJsonProperties } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import { writePmtiles, type TileInput } from '../../src/lib/tiles/pmtiles-writer';

// vt-pbf 3 is CommonJS without type declarations; this is the one function used. It consumes
// geojson-vt's `getTile` shape (`{ features: [{ id, type, geometry: [x, y][] | [x, y][][], tags }] }`),
// which geojson-vt 5 still returns (its flat typed-array form is the separate `getTileRaw`).
interface VtPbf {
	fromGeojsonVt(layers: Record<string, LegacyTile>, options: { version: number; extent: number }): Uint8Array;
}
const vtpbf = createRequire(import.meta.url)('vt-pbf') as VtPbf;

export type PropertyValue = string | number | boolean | null | undefined;

export interface TileLayer {
	name: string;
	features: Feature[];
	description?: string;
	minZoom?: number;
	maxZoom?: number;
	/**
	 * Different features at each zoom (a layer of point groups, made anew per zoom): the tiles of
	 * zoom z hold `byZoom.get(z)` and `features` is not read. Zooms without an entry hold none.
	 */
	byZoom?: ReadonlyMap<number, Feature[]>;
}

export interface TileOptions {
	minZoom: number;
	maxZoom: number;
	name: string;
	description: string;
	attribution: string;
	/** Tileset revision for the metadata; defaults to '1.0.0'. No timestamps: archives must be reproducible. */
	version?: string;
	/** TileJSON `type`; defaults to 'overlay'. */
	type?: 'overlay' | 'baselayer';
}

export type FieldType = 'String' | 'Number' | 'Boolean';

export interface VectorLayer {
	id: string;
	description: string;
	minzoom: number;
	maxzoom: number;
	fields: Record<string, FieldType>;
}

export interface TileStats {
	tileCount: number;
	tileContents: number;
	largestTileBytes: number;
	largestTile: string;
	bytes: number;
	featuresPerLayer: Record<string, number>;
}

const EXTENT = 4096;
const BUFFER = 64;
// In tile units at each zoom; geojson-vt 5 never simplifies at the index's maxZoom, so the deepest
// zoom of every layer keeps every vertex (building outlines stay exact) whatever this is.
const TOLERANCE = 1;
const MAX_MERCATOR_LAT = 85.0511287798066;

const FIELD_TYPE: Record<string, FieldType> = { string: 'String', number: 'Number', boolean: 'Boolean' };

interface PreparedLayer {
	name: string;
	minZoom: number;
	maxZoom: number;
	/** The layer's slice of tile z/x/y, if it has one. */
	tile(z: number, x: number, y: number): LegacyTile | null;
	bbox: BBox;
	featureCount: number;
	vectorLayer: VectorLayer;
}

/** MVT has no null: absent and null properties are both dropped. */
function cleanProperties(properties: GeoJsonProperties): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(properties ?? {}) as [string, PropertyValue][]) {
		if (value === null || value === undefined) continue;
		if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`property ${key} is ${value}, which MVT cannot hold`);
		out[key] = value;
	}
	return out;
}

function prepareLayer(layer: TileLayer, options: TileOptions): PreparedLayer | undefined {
	let minZoom = Math.max(options.minZoom, layer.minZoom ?? options.minZoom);
	let maxZoom = Math.min(options.maxZoom, layer.maxZoom ?? options.maxZoom);
	const fieldTypes = new Map<string, Set<FieldType>>();
	// The feature id is the input position, so a feature split over many tiles can be recognised as one.
	const prepare = (input: Feature[]): Feature[] => {
		const features: Feature[] = [];
		input.forEach((f, i) => {
			if (!f.geometry) return;
			const properties = cleanProperties(f.properties);
			for (const [key, value] of Object.entries(properties)) {
				const types = fieldTypes.get(key) ?? new Set<FieldType>();
				types.add(FIELD_TYPE[typeof value]);
				fieldTypes.set(key, types);
			}
			features.push({ type: 'Feature', id: i, geometry: f.geometry, properties });
		});
		return features;
	};
	const sliced = (features: Feature[], z: number) =>
		new GeoJSONVT({ type: 'FeatureCollection', features }, {
			maxZoom: z,
			indexMaxZoom: z,
			indexMaxPoints: 0, // slice every tile up front instead of on demand
			tolerance: TOLERANCE,
			extent: EXTENT,
			buffer: BUFFER
		});
	let tile: PreparedLayer['tile'];
	let all: Feature[];
	if (layer.byZoom) {
		const zooms = new Map<number, Feature[]>();
		for (const [z, fs] of [...layer.byZoom].sort((a, b) => a[0] - b[0])) {
			const features = z >= minZoom && z <= maxZoom ? prepare(fs) : [];
			if (features.length) zooms.set(z, features);
		}
		if (zooms.size === 0) return undefined;
		minZoom = Math.min(...zooms.keys());
		maxZoom = Math.max(...zooms.keys());
		const indexes = new Map([...zooms].map(([z, fs]) => [z, sliced(fs, z)]));
		tile = (z, x, y) => indexes.get(z)?.getTile(z, x, y) ?? null;
		all = [...zooms.values()].flat();
	} else {
		all = prepare(layer.features);
		if (all.length === 0 || minZoom > maxZoom) return undefined;
		const index = sliced(all, maxZoom);
		tile = (z, x, y) => index.getTile(z, x, y);
	}
	const fields: Record<string, FieldType> = {};
	for (const key of [...fieldTypes.keys()].sort()) {
		const types = fieldTypes.get(key)!;
		// A field holding mixed types is described as String: the least specific of the three.
		fields[key] = types.size === 1 ? [...types][0] : 'String';
	}
	return {
		name: layer.name,
		minZoom,
		maxZoom,
		tile,
		bbox: turfBbox({ type: 'FeatureCollection', features: all }),
		// Per zoom, a layer made anew at each counts the features of its deepest zoom.
		featureCount: layer.byZoom ? (layer.byZoom.get(maxZoom)?.length ?? 0) : all.length,
		vectorLayer: { id: layer.name, description: layer.description ?? '', minzoom: minZoom, maxzoom: maxZoom, fields }
	};
}

/** Tiles at zoom z whose area meets the bbox, as "x/y" keys. */
function coverBbox([w, s, e, n]: BBox, z: number, into: Set<string>): void {
	const size = 2 ** z;
	const clamp = (v: number) => Math.min(size - 1, Math.max(0, Math.floor(v)));
	const tileX = (lon: number) => clamp(((lon + 180) / 360) * size);
	const tileY = (lat: number) => {
		const rad = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
		return clamp(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * size);
	};
	for (let x = tileX(w); x <= tileX(e); x++) {
		for (let y = tileY(n); y <= tileY(s); y++) into.add(`${x}/${y}`);
	}
}

function unionBbox(boxes: BBox[]): [number, number, number, number] {
	return [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3]))
	];
}

export function tileLayers(layers: TileLayer[], options: TileOptions): { archive: Uint8Array; stats: TileStats } {
	const names = layers.map((l) => l.name);
	const duplicate = names.find((n, i) => names.indexOf(n) !== i);
	if (duplicate) throw new Error(`layer ${duplicate} given twice`);
	const prepared = layers.map((l) => prepareLayer(l, options)).filter((l): l is PreparedLayer => l !== undefined);
	if (prepared.length === 0) throw new Error('no layer has features to tile');

	const tiles: TileInput[] = [];
	let largest = { bytes: 0, tile: '' };
	for (let z = options.minZoom; z <= options.maxZoom; z++) {
		const active = prepared.filter((l) => l.minZoom <= z && z <= l.maxZoom);
		const candidates = new Set<string>();
		for (const layer of active) coverBbox(layer.bbox, z, candidates);
		for (const key of candidates) {
			const [x, y] = key.split('/').map(Number);
			const content: Record<string, LegacyTile> = {};
			for (const layer of active) {
				const tile = layer.tile(z, x, y);
				if (tile && tile.features.length > 0) content[layer.name] = tile;
			}
			if (Object.keys(content).length === 0) continue;
			const data = new Uint8Array(gzipSync(vtpbf.fromGeojsonVt(content, { version: 2, extent: EXTENT })));
			tiles.push({ z, x, y, data });
			if (data.length > largest.bytes) largest = { bytes: data.length, tile: `${z}/${x}/${y}` };
		}
	}

	const bounds = unionBbox(prepared.map((l) => l.bbox));
	const center: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, options.minZoom];
	const metadata = {
		name: options.name,
		description: options.description,
		attribution: options.attribution,
		version: options.version ?? '1.0.0',
		type: options.type ?? 'overlay',
		vector_layers: prepared.map((l) => l.vectorLayer)
	};
	const archive = writePmtiles(tiles, {
		tileType: 'mvt',
		tileCompression: 'gzip',
		minZoom: options.minZoom,
		maxZoom: options.maxZoom,
		bounds,
		center,
		metadata
	});
	// The writer's de-duplication result, read back from the header's "# of tile contents" field.
	const header = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
	return {
		archive,
		stats: {
			tileCount: tiles.length,
			tileContents: Number(header.getBigUint64(88, true)),
			largestTileBytes: largest.bytes,
			largestTile: largest.tile,
			bytes: archive.length,
			featuresPerLayer: Object.fromEntries(layers.map((l) => [l.name, prepared.find((p) => p.name === l.name)?.featureCount ?? 0]))
		}
	};
}
