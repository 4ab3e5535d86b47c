import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVES, LAYERS, needsDetails, type ArchiveName, type LayerDef } from '../../src/lib/layers';
import type { LayerFeature } from './layers';
import type { BuildResult } from './build';
import { SOURCES } from './manifest';
import { writeSearchIndex } from './search-index';
import { maskFrame } from './districts';
import { tileLayers } from './tile';
import { ARCHIVE_ZOOMS } from '../../src/lib/tiles/archives';
import { streetNames } from './tours';
import { encodeWalkGraph } from '../../src/lib/walk/graph';

/** Re-exported for the tests; defined beside the map style, which names the archives' tiles. */
export { ARCHIVE_ZOOMS };

export interface ArchiveStats {
	archive: ArchiveName;
	bytes: number;
	tileCount: number;
	largestTileBytes: number;
	largestTile: string;
	featuresPerLayer: Record<string, number>;
}

/**
 * Writes everything the site serves, all generated and gitignored:
 * `static/tiles/<archive>.pmtiles`, `static/data/<layer>.geojson`, the build report,
 * the district profile, and the photos the buildings use.
 */
export function writeOutputs(result: BuildResult, staticDir: string, sourcesDir: string): ArchiveStats[] {
	const dataDir = join(staticDir, 'data');
	const tilesDir = join(staticDir, 'tiles');
	const photosDir = join(staticDir, 'photos');
	for (const dir of [dataDir, photosDir]) rmSync(dir, { recursive: true, force: true });
	for (const dir of [dataDir, tilesDir, photosDir]) mkdirSync(dir, { recursive: true });

	for (const layer of LAYERS) {
		const features = result.layers.get(layer.id) ?? [];
		writeJson(join(dataDir, `${layer.id}.geojson`), { type: 'FeatureCollection', features });
	}
	writeSearchIndex(LAYERS.map((layer) => ({ layer, features: result.layers.get(layer.id) ?? [] })), join(dataDir, 'search-index.json'));

	writeFeatureDetails(result, join(dataDir, 'features'));
	writeJson(join(dataDir, 'facets.json'), facetsOf(result));

	const stats = ARCHIVES.map((archive) => writeArchive(archive, result, tilesDir));

	for (const photo of result.photos) copyFileSync(join(sourcesDir, 'photos', photo), join(photosDir, photo));

	writeWalkData(result, dataDir);
	writeJson(join(dataDir, 'tours.json'), { tours: result.tours, streets: streetNames(result.layers.get('streets') ?? []) });
	writeJson(join(dataDir, 'build-report.json'), reportOf(result, stats));
	writeJson(join(dataDir, 'district.json'), { ...result.district, boundary: result.boundary.geometry, frame: maskFrame(result.boundary) });
	return stats;
}

function writeArchive(archive: ArchiveName, result: BuildResult, tilesDir: string): ArchiveStats {
	const layers = LAYERS.filter((l) => l.archive === archive);
	const attribution = [...new Set(layers.flatMap((l) => l.sources).map((id) => SOURCES.find((s) => s.id === id)?.attribution).filter(Boolean))].join(' · ');
	const { archive: bytes, stats } = tileLayers(
		layers.map((l) => ({ name: l.id, description: l.description.en, features: forTiles(l, result.layers.get(l.id) ?? []), minZoom: l.minzoom })),
		{ ...ARCHIVE_ZOOMS, name: `hengfu-${archive}`, description: `${result.district.name_en}: ${archive} layers`, attribution }
	);
	writeFileSync(join(tilesDir, `${archive}.pmtiles`), bytes);
	return { archive, bytes: bytes.byteLength, tileCount: stats.tileCount, largestTileBytes: stats.largestTileBytes, largestTile: stats.largestTile, featuresPerLayer: stats.featuresPerLayer };
}

/** The pedestrian graph (binary, see src/lib/walk/graph.ts) and the browser geocoder's streets and anchors. */
function writeWalkData(result: BuildResult, dataDir: string): void {
	const { lon, lat, edges, names, edgeName } = result.walk;
	writeFileSync(join(dataDir, 'walk-graph.bin'), encodeWalkGraph({ nodeCount: lon.length, edgeCount: edges.length, lon, lat, edgeA: edges.map((e) => e[0]), edgeB: edges.map((e) => e[1]), names, edgeName }));
	const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
	// Only what the walk panel lists and routes to: id, names, categories, point.
	writeJson(join(dataDir, 'walk-facilities.json'), result.walkFacilities.map((f) => {
		const { id, name_zh, name_en, category, categories } = f.properties as Record<string, string>;
		return { id, name_zh, name_en, category, categories: categories.split(' '), point: f.geometry.coordinates.map(r6) };
	}));
	writeJson(join(dataDir, 'geocoder.json'), {
		streets: result.geocoderInput.streets.map((s) => ({ name: s.name, coordinates: s.coordinates.map(([x, y]) => [r6(x), r6(y)]) })),
		anchors: result.geocoderInput.anchors.map((a) => ({ ...a, point: [r6(a.point[0]), r6(a.point[1])] }))
	});
}

/** One small JSON per feature, for the side panel of layers whose tiles lack some of its fields. */
function writeFeatureDetails(result: BuildResult, dir: string): void {
	for (const layer of LAYERS.filter(needsDetails)) {
		const layerDir = join(dir, layer.id);
		mkdirSync(layerDir, { recursive: true });
		for (const feature of result.layers.get(layer.id) ?? []) {
			writeJson(join(layerDir, `${feature.properties.id}.json`), feature.properties);
		}
	}
}

/**
 * What the layer panel counts with, without loading any layer: totals per layer and, for
 * filterable layers, one row of filter values per feature (with its in_district flag last).
 */
function facetsOf(result: BuildResult) {
	return {
		layers: Object.fromEntries(
			LAYERS.map((layer) => {
				const features = result.layers.get(layer.id) ?? [];
				const props = layer.filters?.map((f) => f.property) ?? [];
				const waiting = result.pending.filter((p) => p.layers.includes(layer.id)).map((p) => p.source);
				return [
					layer.id,
					{
						...countsOf(features),
						...(waiting.length ? { waiting } : {}),
						...(result.registers.unplaced.some((u) => u.register === layer.id)
							? { unplaced: result.registers.unplaced.filter((u) => u.register === layer.id).map(({ id, name_zh, address, code, reason }) => ({ id, name_zh, address, code, reason })) }
							: {}),
						...(props.length ? { properties: props, rows: features.map((f) => [...props.map((p) => f.properties[p] ?? null), f.properties.in_district === true]) } : {})
					}
				];
			})
		)
	};
}

function countsOf(features: LayerFeature[]): { total: number; in_district: number } {
	return { total: features.length, in_district: features.filter((f) => f.properties.in_district === true).length };
}

function forTiles(layer: LayerDef, features: LayerFeature[]): LayerFeature[] {
	const keep = layer.tileProperties;
	if (!keep) return features;
	return features.map((f) => ({ ...f, properties: Object.fromEntries(keep.map((k) => [k, f.properties[k] ?? null])) }));
}

/** The report is part of the output, so it holds no timings or paths that vary between runs. */
export function reportOf(result: BuildResult, stats: ArchiveStats[]) {
	return {
		district: { id: result.district.id, name_zh: result.district.name_zh, name_en: result.district.name_en },
		sources: result.counts,
		rejected: result.rejected,
		layers: LAYERS.map((l) => ({ id: l.id, ...countsOf(result.layers.get(l.id) ?? []) })),
		figures: result.figures,
		conflation: result.matches,
		streets: result.streetTables,
		registers: result.registers,
		walk: result.walk.report,
		archives: stats,
		source_files: result.sources,
		pending: result.pending
	};
}

function writeJson(path: string, value: unknown): void {
	writeFileSync(path, JSON.stringify(value) + '\n');
}
