import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationText } from '../../src/lib/schema/bibliography';
import { ARCHIVES, LAYERS, hasRecordFiles, type ArchiveName, type LayerDef } from '../../src/lib/layers';
import type { LayerFeature } from './layers';
import type { BuildResult } from './build';
import { SOURCES } from './manifest';
import { writeSearchIndex } from './search-index';
import { area, bbox } from '@turf/turf';
import { maskFrame } from './districts';
import { tileLayers } from './tile';
import { groupTable, layerTiles } from './clusters';
import { detailBucket } from '../../src/lib/layers/details';
import { ARCHIVE_ZOOMS, firstArchiveName } from '../../src/lib/tiles/archives';
import { inFirstArchive } from './first-archives';
import type { Covered } from './districts';
import { streetNames } from './tours';
import { encodeWalkGraph } from '../../src/lib/walk/graph';

/** Re-exported for the tests; defined beside the map style, which names the archives' tiles. */
export { ARCHIVE_ZOOMS };

export interface ArchiveStats {
	/** The file's name without `.pmtiles`: an archive of the registry, or a district's first archive of it (`<archive>-<district>`). */
	archive: string;
	/** The registry archive it holds layers of. */
	of: ArchiveName;
	/** Set on a district's first archive: the district it is of (scripts/pipeline/first-archives.ts). */
	district?: string;
	bytes: number;
	tileCount: number;
	largestTileBytes: number;
	largestTile: string;
	featuresPerLayer: Record<string, number>;
}

/**
 * Writes everything the site serves, all generated and gitignored:
 * `static/tiles/<archive>.pmtiles` (and, in a build of several districts, each one's first
 * archives, `<archive>-<district>.pmtiles`), `static/data/<layer>.geojson`, the build report,
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
	// One district's reader opens on its own first archives; a build of one district needs none.
	const firsts = result.covered.length > 1 ? result.covered.flatMap((c) => ARCHIVES.flatMap((archive) => writeArchive(archive, result, tilesDir, c) ?? [])) : [];
	stats.push(...firsts);
	// The tiles directory is kept between builds (a server may be reading it): drop the archives this build did not write (another build's first archives).
	for (const file of readdirSync(tilesDir)) {
		if (/\.pmtiles$/.test(file) && !stats.some((a) => `${a.archive}.pmtiles` === file)) rmSync(join(tilesDir, file));
	}

	for (const photo of result.photos) copyFileSync(join(sourcesDir, 'photos', photo), join(photosDir, photo));

	writeWalkData(result, dataDir);
	writeJson(join(dataDir, 'tours.json'), { tours: result.tours, streets: streetNames(result.layers.get('streets') ?? []) });
	writeJson(join(dataDir, 'build-report.json'), reportOf(result, stats));
	writeJson(join(dataDir, 'districts.json'), districtsOf(result, firsts));
	return stats;
}

/**
 * What the map needs of the districts at once (prerendered into the page): each one's boundary,
 * the box to frame it, its published figures and which archives it has a first archive of (in a
 * build of several); and the frame every mask covers (the map's maxBounds), the same whichever district is chosen.
 */
function districtsOf(result: BuildResult, firsts: ArchiveStats[]) {
	const round = (box: number[]) => box.map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number, number];
	return {
		default: result.districts.some((d) => d.id === result.defaultDistrict) ? result.defaultDistrict : result.districts[0].id,
		frame: round(maskFrame(result.boundary)),
		districts: result.covered.map(({ district: d, boundary }) => ({
			id: d.id,
			name_zh: d.name_zh,
			name_en: d.name_en,
			boundary: boundary.geometry,
			bbox: round(bbox(boundary)),
			figures: d.figures.map((f) => ({ ...f, source_title: result.newsletters[f.source] ? citationText(result.newsletters[f.source]) : f.source })),
			...(firsts.some((a) => a.district === d.id) ? { first_archives: firsts.filter((a) => a.district === d.id).map((a) => a.of) } : {})
		}))
	};
}

/** One archive of the registry; with `first`, that district's first archive of it instead (undefined when it would hold nothing). */
function writeArchive(archive: ArchiveName, result: BuildResult, tilesDir: string, first: Covered): ArchiveStats | undefined;
function writeArchive(archive: ArchiveName, result: BuildResult, tilesDir: string): ArchiveStats;
function writeArchive(archive: ArchiveName, result: BuildResult, tilesDir: string, first?: Covered): ArchiveStats | undefined {
	const layers = LAYERS.filter((l) => l.archive === archive);
	const attribution = [...new Set(layers.flatMap((l) => l.sources).map((id) => SOURCES.find((s) => s.id === id)?.attribution).filter(Boolean))].join(' · ');
	const tileInput = layers.flatMap((l) => {
		const features = result.layers.get(l.id) ?? [];
		const kept = first ? features.map(inFirstArchive(first, l)) : undefined;
		// A clustered layer also has its groups below the zoom each point shows from (scripts/pipeline/clusters.ts).
		return layerTiles(l, features, forTiles(l, features), kept && ((i) => kept[i]));
	});
	if (first && !tileInput.some((t) => t.features.length || [...(t.byZoom?.values() ?? [])].some((fs) => fs.length))) return undefined;
	const name = first ? firstArchiveName(archive, first.district.id) : archive;
	const description = first
		? `${first.district.name_en}: the ${archive} layers its map shows first (what a build of it alone holds)`
		: `${result.districts.map((d) => d.name_en).join(', ')}: ${archive} layers`;
	const { archive: bytes, stats } = tileLayers(tileInput, { ...ARCHIVE_ZOOMS, name: `hengfu-${name}`, description, attribution });
	writeFileSync(join(tilesDir, `${name}.pmtiles`), bytes);
	// Features per registry layer (a clustered layer's groups are not features of their own).
	const featuresPerLayer = Object.fromEntries(layers.map((l) => [l.id, stats.featuresPerLayer[l.id] ?? 0]));
	return { archive: name, of: archive, ...(first ? { district: first.district.id } : {}), bytes: bytes.byteLength, tileCount: stats.tileCount, largestTileBytes: stats.largestTileBytes, largestTile: stats.largestTile, featuresPerLayer };
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

/** The features' records, for the side panel when the tiles lack some fields or nothing was picked on the map: a few per file (src/lib/layers/details.ts). */
function writeFeatureDetails(result: BuildResult, dir: string): void {
	for (const layer of LAYERS.filter(hasRecordFiles)) {
		const layerDir = join(dir, layer.id);
		mkdirSync(layerDir, { recursive: true });
		const buckets = new Map<string, Record<string, unknown>>();
		for (const feature of result.layers.get(layer.id) ?? []) {
			const id = String(feature.properties.id);
			const bucket = detailBucket(id);
			(buckets.get(bucket) ?? buckets.set(bucket, {}).get(bucket)!)[id] = feature.properties;
		}
		for (const [bucket, records] of [...buckets].sort()) writeJson(join(layerDir, `${bucket}.json`), records);
	}
}

/**
 * What the layer panel counts with, without loading any layer: totals per layer (in all, and in
 * each district) and, for filterable layers, one row of filter values per feature, the
 * district it lies in last (null: the context around the districts).
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
							? { unplaced: result.registers.unplaced.filter((u) => u.register === layer.id).map(({ id, name_zh, address, code, reason, message, district }) => ({ id, name_zh, address, code, reason, message, district })) }
							: {}),
						...(props.length ? { properties: props, rows: features.map((f) => [...props.map((p) => f.properties[p] ?? null), f.properties.district ?? null]) } : {}),
						// What a clustered layer's groups count by: the map sums the combinations the filters let through.
						...(layer.cluster ? { groups: groupTable(layer, features) } : {})
					}
				];
			})
		)
	};
}

function countsOf(features: LayerFeature[]): { total: number; in_district: number; by_district: Record<string, number> } {
	const by_district: Record<string, number> = {};
	for (const f of features) {
		const d = f.properties.district;
		if (typeof d === 'string') by_district[d] = (by_district[d] ?? 0) + 1;
	}
	return { total: features.length, in_district: features.filter((f) => f.properties.in_district === true).length, by_district };
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
		districts: result.covered.map(({ district: { id, name_zh, name_en }, boundary }) => ({ id, name_zh, name_en, area_km2: Math.round(area(boundary) / 1e4) / 100 })),
		district_problems: result.districtProblems,
		sources: result.counts,
		rejected: result.rejected,
		layers: LAYERS.map((l) => ({ id: l.id, ...countsOf(result.layers.get(l.id) ?? []) })),
		figures: result.figures,
		conflation: result.matches,
		same_name: result.sameName,
		english_titles: result.englishTitles,
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
