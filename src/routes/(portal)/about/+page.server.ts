import { existsSync, readFileSync } from 'node:fs';
import { SOURCES } from '../../../../scripts/pipeline/manifest';
import { parseNeverWidenedCsv } from '../../../../scripts/pipeline/streets/never-widened';
import { NEVER_WIDENED_STATUSES, type NeverWidenedStatus } from '$lib/schema/never-widened';
import { fromWgs84 } from '$lib/geo/crs';
import { metres } from '$lib/geo/distance';
import { readData, readReport } from '$lib/server/catalogue';
import { districtDocuments } from '$lib/server/districts';
import { bibliographyEntries } from '$lib/server/bibliography';
import { layerById } from '$lib/layers';
import { CREDITS } from '$lib/sources';
import type { PageServerLoad } from './$types';

interface Accuracy {
	median_m: number;
	p90_m: number;
	coverage: number;
	evaluated: number;
}

/** The geocoder's accuracy as `npm run bench -- geocode` measured it (committed; a test keeps it current). */
function geocoderAccuracy(): Accuracy | null {
	const file = 'data/geocoder-accuracy.json';
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Accuracy) : null;
}

/** How far the two Chinese encodings move a point in the district: why every source is converted. */
function crsOffsets(): { at: string; gcj02_m: number; bd09_m: number } {
	const pb = readData<{ features: Array<{ properties: { name_zh: string; lon: number; lat: number } }> }>('protected-buildings.geojson');
	const ref = pb.features.find((f) => f.properties.name_zh.includes('武康大楼')) ?? pb.features[0];
	const at: [number, number] = [ref.properties.lon, ref.properties.lat];
	return {
		at: ref.properties.name_zh,
		gcj02_m: Math.round(metres(at, fromWgs84(at, 'GCJ02') as [number, number])),
		bd09_m: Math.round(metres(at, fromWgs84(at, 'BD09') as [number, number]))
	};
}

/** Where a listed road is in this build: drawn in the district, drawn only in the 300 m around it, or not drawn (with why). */
type Drawn = 'district' | 'context' | 'absent';

/**
 * The never-widened list (data/never_widened_roads.csv, as the pipeline reads it) by state, each
 * road with its citation and where this build draws it; the counts are of the whole list.
 */
function neverWidenedRoads() {
	const file = 'data/never_widened_roads.csv';
	const { entries } = parseNeverWidenedCsv(readFileSync(file, 'utf8'), file);
	const drawn = new Map<string, Drawn>();
	for (const f of readData<{ features: Array<{ properties: { name: string | null; in_district: boolean } }> }>('never-widened-roads.geojson').features) {
		const name = f.properties.name;
		if (name && drawn.get(name) !== 'district') drawn.set(name, f.properties.in_district ? 'district' : 'context');
	}
	const missing = new Map((readData<{ streets?: { neverWidenedUnmatched?: Array<{ name_zh: string; reason: string }> } }>('build-report.json').streets?.neverWidenedUnmatched ?? []).map((u) => [u.name_zh, u.reason]));
	const order = (s: NeverWidenedStatus) => NEVER_WIDENED_STATUSES.indexOf(s);
	const roads = entries
		.map((e) => ({
			name_zh: e.name_zh,
			name_en: e.name_en,
			status: e.status,
			source: e.source,
			source_url: e.source_url,
			quote: e.quote,
			read: e.read,
			strength: e.strength,
			publisher: e.publisher,
			between: e.between,
			drawn: drawn.get(e.name_zh) ?? ('absent' as Drawn),
			missing: missing.get(e.name_zh) ?? null
		}))
		.sort((a, b) => order(a.status) - order(b.status) || a.name_zh.localeCompare(b.name_zh, 'zh'));
	const counts = Object.fromEntries(NEVER_WIDENED_STATUSES.map((s) => [s, roads.filter((r) => r.status === s).length])) as Record<NeverWidenedStatus, number>;
	return { roads, counts };
}

export const load: PageServerLoad = () => {
	const report = readReport();
	const full = readData<{ conflation: Array<{ source: string; candidates: number; matched: number; byMethod: Record<string, number> }>; walk: { nodes: number; edges: number; waysRead: number; waysKept: number } }>('build-report.json');
	return {
		district: report.district,
		sources: SOURCES.map((s) => {
			const count = report.sources.find((c) => c.source === s.id);
			const fact = report.source_files?.find((f) => f.id === s.id);
			return {
				id: s.id,
				file: s.file,
				crs: s.crs,
				description: s.description,
				licence: CREDITS[s.id]?.licence ?? s.licence,
				retrieved: fact?.retrieved ?? null,
				origin: fact?.origin_url ?? null,
				refresh: fact?.refresh ?? null,
				read: count?.read ?? null,
				accepted: count?.accepted ?? null,
				rejected: count?.rejected ?? null
			};
		}),
		/** Optional sources this build ran without, and the layers that wait for them. */
		pending: (report.pending ?? []).map((p) => ({ ...p, layers: p.layers.map((id) => ({ id, title: layerById(id)?.title ?? { zh: id, en: id } })) })),
		conflation: full.conflation,
		walk: full.walk,
		offsets: crsOffsets(),
		accuracy: geocoderAccuracy(),
		districts: districtDocuments(),
		neverWidened: neverWidenedRoads(),
		// The file each newsletter lives in is the build's business, not the reader's.
		bibliography: bibliographyEntries().map(({ file: _file, ...entry }) => entry)
	};
};
