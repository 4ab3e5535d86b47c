/**
 * What a naive portal would send for the map's first view: every source dataset behind the layers
 * shown at first, whole and city-wide (not clipped to the district), as GeoJSON, gzipped the way
 * our own server gzips text (zlib's default level). The other side of `first_view_ratio_vs_geojson`.
 *
 * - GeoJSON sources count as published.
 * - Shanghai Library exports (a JSON list of records with `long`/`lat`) become a FeatureCollection
 *   of Points carrying every other field of the record.
 * - The Overpass street export (ways + nodes) becomes one LineString per way, carrying its tags.
 * - Photos are not GeoJSON and are left out.
 * - The project's own data (sources not in the bundle, e.g. the registers of data/registers) has no
 *   city-wide version: the layer's own GeoJSON, as built (`<site>/data/<layer>.geojson`), stands in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SOURCES, type SourceEntry } from '../scripts/pipeline/manifest';
import { LAYERS } from '../src/lib/layers';

export interface GeojsonEquivalent {
	/** Gzipped bytes, summed over files. */
	bytes: number;
	/** The same GeoJSON, uncompressed. */
	rawBytes: number;
	files: number;
	layers: number;
}

export function geojsonEquivalent(sourcesDir: string, siteDataDir: string): GeojsonEquivalent {
	const visible = LAYERS.filter((l) => l.style.visible);
	const files = new Map<string, () => Buffer>();
	for (const layer of visible) {
		for (const id of layer.sources) {
			const entry = SOURCES.find((s) => s.id === id);
			// Photos are no layer data; an optional source not yet fetched has no file, and the layer nothing from it.
			if (entry?.format === 'photos' || (entry?.optional && !existsSync(join(sourcesDir, entry.file)))) continue;
			const file = entry ? join(sourcesDir, entry.file) : join(siteDataDir, `${layer.id}.geojson`);
			if (!existsSync(file)) throw new Error(`map bench: ${file} is missing (${entry ? 'set HENGFU_SOURCES to the source bundle' : 'run npm run build'})`);
			files.set(file, entry ? () => asGeojson(entry, readFileSync(file)) : () => readFileSync(file));
		}
	}
	let bytes = 0;
	let rawBytes = 0;
	for (const read of files.values()) {
		const geojson = read();
		rawBytes += geojson.length;
		bytes += gzipSync(geojson).length;
	}
	return { bytes, rawBytes, files: files.size, layers: visible.length };
}

function asGeojson(entry: SourceEntry, raw: Buffer): Buffer {
	if (entry.format === 'geojson') return raw;
	const parsed = JSON.parse(raw.toString('utf8')) as unknown;
	const features = entry.format === 'shl' ? shlFeatures(parsed) : entry.format === 'overpass' ? overpassFeatures(parsed) : null;
	if (!features) throw new Error(`map bench: no GeoJSON conversion for ${entry.file} (format ${entry.format})`);
	return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

function shlFeatures(doc: unknown): unknown[] {
	const records = (doc as { data?: Record<string, unknown>[] }).data;
	if (!Array.isArray(records)) throw new Error('map bench: a Shanghai Library export without a "data" list');
	return records.map(({ long, lat, ...properties }) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [Number(long), Number(lat)] },
		properties
	}));
}

interface OsmElement {
	type: string;
	id: number;
	lat?: number;
	lon?: number;
	nodes?: number[];
	tags?: Record<string, string>;
}

function overpassFeatures(doc: unknown): unknown[] {
	const elements = (doc as { elements?: OsmElement[] }).elements;
	if (!Array.isArray(elements)) throw new Error('map bench: an Overpass export without "elements"');
	const nodes = new Map(elements.filter((e) => e.type === 'node').map((n) => [n.id, [n.lon, n.lat]]));
	return elements
		.filter((e) => e.type === 'way' && e.nodes)
		.map((way) => ({
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: way.nodes!.map((id) => nodes.get(id)).filter(Boolean) },
			properties: { id: `way/${way.id}`, ...way.tags }
		}));
}
