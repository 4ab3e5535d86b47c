/**
 * The open-data catalogue, computed at prerender time from the pipeline's outputs
 * (static/data) and the layer registry: what /datasets, /about and the JSON API publish.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { SOURCES } from '../../../scripts/pipeline/manifest';
import type { Message } from '../i18n/messages';
import type { Unplaced } from '../../../scripts/pipeline/registers/place';
import { REGISTER_IDS } from '../../../scripts/pipeline/registers/read';
import type { Rejection, SourceCount } from '../../../scripts/pipeline/report';
import type { SourceFact } from '../../../scripts/pipeline/source-facts';
import { LAYERS, type LayerDef } from '../layers';
import type { DatasetSource, DatasetSummary, DatasetsIndex } from '../schema/catalogue';
import { CREDITS } from '../sources';

export type Features = FeatureCollection<Geometry, Record<string, unknown>>;
export type { Rejection, SourceCount, Unplaced };

/** Registry layers that are data someone may want; the mask is a drawing aid made from the boundary. */
export const DATASETS: readonly LayerDef[] = LAYERS.filter((layer) => layer.catalogue !== false);

export function datasetById(id: string): LayerDef | undefined {
	return DATASETS.find((d) => d.id === id);
}

/** Where the pipeline wrote its outputs: `HENGFU_DATA_DIR`, else the data folder of `HENGFU_STATIC_DIR` (default static/). */
export function dataDir(): string {
	return resolve(process.env.HENGFU_DATA_DIR ?? join(process.env.HENGFU_STATIC_DIR ?? 'static', 'data'));
}

export function readData<T>(name: string): T {
	const path = resolve(dataDir(), name);
	if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run data\` before building the site`);
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function readLayer(id: string): Features {
	return readData<Features>(`${id}.geojson`);
}

export interface BuildReport {
	/** The first district built; `districts` lists them all. */
	district: { id: string; name_zh: string; name_en: string };
	districts: Array<{ id: string; name_zh: string; name_en: string; area_km2?: number }>;
	district_problems?: Array<{ district: string; reason: string }>;
	sources: SourceCount[];
	rejected: Rejection[];
	layers: Array<{ id: string; total: number; in_district: number; by_district?: Record<string, number> }>;
	/** Per district id: each published figure beside the portal's own count. */
	figures: Record<string, Array<{ key: string; label_en: string; published: number; source: string; computed: number | null; note: string; note_zh?: string; message?: Message }>>;
	registers: { counts: SourceCount[]; rejected: Rejection[]; unplaced: Unplaced[] };
	/** The manifest's facts of every source (data/sources/sources.json), as the build read them. */
	source_files?: SourceFact[];
	/** Optional sources not yet fetched, and the layers that wait for them. */
	pending?: Array<{ source: string; file: string; layers: string[] }>;
}

export function readReport(): BuildReport {
	return readData<BuildReport>('build-report.json');
}

/** The day the data was built: the report's modification date, so a rebuild of the site alone does not change it. */
export function builtOn(): string {
	return statSync(resolve(dataDir(), 'build-report.json')).mtime.toISOString().slice(0, 10);
}

/** The report's source names this dataset answers for: its manifest sources, its register, its own schema gate. */
function reportSources(layer: LayerDef): Set<string> {
	const names = new Set(layer.sources);
	if (layer.sources.includes('hengfu-registers')) names.add(`register:${layer.id}`);
	names.add(`layer:${layer.id}`);
	return names;
}

export interface DatasetReport {
	counts: SourceCount[];
	rejected: Rejection[];
	unplaced: Unplaced[];
}

/** The build report's rows for one dataset: per-source accounting, every rejected record, unplaced register records. */
export function datasetReport(layer: LayerDef, report: BuildReport = readReport()): DatasetReport {
	const names = reportSources(layer);
	return {
		counts: [...report.sources, ...report.registers.counts.filter((c) => !report.sources.some((s) => s.source === c.source))].filter((c) => names.has(c.source)),
		rejected: [...report.rejected, ...report.registers.rejected].filter((r) => names.has(r.source)),
		unplaced: report.registers.unplaced.filter((u) => u.register === layer.id)
	};
}

function sourceOf(id: string, report: BuildReport): DatasetSource {
	const credit = CREDITS[id];
	if (!credit) throw new Error(`src/lib/sources.ts has no credit for source "${id}"`);
	if (id === 'hengfu-registers') {
		return { id, description: 'the project’s registers (data/registers), from the subdistrict newsletters', file: null, crs: 'WGS84', as_of: null, retrieved: null, origin: null, attribution: credit.attribution, licence: credit.licence, link: credit.link };
	}
	const entry = SOURCES.find((s) => s.id === id);
	const fact = report.source_files?.find((f) => f.id === id);
	return {
		id,
		description: entry?.description ?? id,
		file: entry?.file ?? null,
		crs: entry?.crs ?? 'WGS84',
		as_of: fact?.as_of ?? null,
		retrieved: fact?.retrieved ?? null,
		origin: fact?.origin_url ?? null,
		attribution: credit.attribution,
		licence: credit.licence,
		link: credit.link
	};
}

/**
 * ODbL's share-alike, said where it applies: a database someone derives from these downloads
 * and makes public must be offered under the ODbL too. Maps drawn from it need only the credit.
 */
export const ODBL_NOTE = {
	zh: '本数据集含 OpenStreetMap 数据（© OpenStreetMap 贡献者），按开放数据库许可 ODbL 1.0 提供。公开使用由其衍生的数据库时，须同样以 ODbL 提供（相同方式共享）；据此绘制的地图和图片只需署名。',
	en: 'This dataset holds OpenStreetMap data (© OpenStreetMap contributors), available under the Open Database License (ODbL 1.0). If you publicly use a database derived from it, you must offer that database under the ODbL too (share-alike); maps and images made from it need only the credit.'
} as const;

/** [w, s, e, n] over every position, or null for an empty collection. */
export function bboxOf(features: Features['features']): [number, number, number, number] | null {
	const box = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			box[0] = Math.min(box[0], c[0]);
			box[1] = Math.min(box[1], c[1] as number);
			box[2] = Math.max(box[2], c[0]);
			box[3] = Math.max(box[3], c[1] as number);
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
	if (!Number.isFinite(box[0])) return null;
	return box.map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number, number];
}

/** The newest date among the sources' own dates and the records' (register articles carry theirs). */
function latestDate(sources: DatasetSource[], features: Features['features']): string | null {
	const dates = sources.map((s) => s.as_of).filter((d): d is string => Boolean(d));
	for (const f of features) if (typeof f.properties?.date === 'string') dates.push(f.properties.date);
	return dates.length ? dates.sort().at(-1)! : null;
}

export function datasetSummary(layer: LayerDef, report: BuildReport = readReport(), built = builtOn()): DatasetSummary {
	const { features } = readLayer(layer.id);
	const sources = layer.sources.map((id) => sourceOf(id, report));
	const district = features.filter((f) => f.properties?.in_district === true).length;
	const byDistrict: Record<string, number> = Object.fromEntries(report.districts.map((d) => [d.id, 0]));
	for (const f of features) {
		const d = f.properties?.district;
		if (typeof d === 'string' && d in byDistrict) byDistrict[d] += 1;
	}
	return {
		id: layer.id,
		title: layer.title,
		description: layer.description,
		group: layer.group,
		geometry: layer.geometry,
		sources,
		crs: 'WGS84',
		updated: latestDate(sources, features),
		built,
		count: { district, context: features.length - district, total: features.length, by_district: byDistrict },
		bbox: bboxOf(features),
		rejected: datasetReport(layer, report).rejected.length,
		licence_note: sources.some((s) => s.licence.startsWith('ODbL')) ? ODBL_NOTE : null,
		waiting: (report.pending ?? []).filter((p) => p.layers.includes(layer.id)).map((p) => p.source),
		downloads: {
			geojson: `/api/datasets/${layer.id}.geojson`,
			csv: `/api/datasets/${layer.id}.csv`,
			pmtiles: `/tiles/${layer.archive}.pmtiles`,
			pmtiles_layer: layer.id,
			...((REGISTER_IDS as readonly string[]).includes(layer.id) ? { template: { xlsx: `/api/templates/${layer.id}.xlsx`, csv: `/api/templates/${layer.id}.csv` } } : {})
		},
		page: `/datasets/${layer.id}`
	};
}

export function datasetsIndex(): DatasetsIndex {
	const report = readReport();
	const built = builtOn();
	return { district: report.district, districts: report.districts.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })), built, datasets: DATASETS.map((layer) => datasetSummary(layer, report, built)) };
}
