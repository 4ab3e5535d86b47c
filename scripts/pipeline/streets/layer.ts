import type { Feature, Geometry } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceById } from '../manifest';
import { readJson } from '../read';
import type { Rejection, SourceCount } from '../report';
import { attachForeignNames, type ForeignNameRow } from './foreign';
import { attachHistoricNames, type HistoricNameRow, type HistoricRoad } from './historic';
import { buildWalkGraph, type WalkGraphBuild } from '../walk/build-graph';
import { markNeverWidened, NEVER_WIDENED_SOURCE, parseNeverWidenedCsv } from './never-widened';
import type { NeverWidenedStatus } from '../../../src/lib/schema/never-widened';
import { overpassBusStops, overpassToStreets, STREETS_SOURCE, type BusStop, type StreetFeature } from './overpass';

type Flagged = Feature<Geometry, Record<string, unknown>>;

export interface StreetTables {
	historic: HistoricNameRow[];
	foreign: ForeignNameRow[];
	/** Listed roads this build's street network does not hold (or not the stretch listed), with why. */
	neverWidenedUnmatched: Array<{ name_zh: string; status: NeverWidenedStatus; reason: string }>;
}

export interface StreetLayers {
	streets: Flagged[];
	neverWidened: Flagged[];
	count: SourceCount;
	neverWidenedCount: SourceCount;
	rejected: Rejection[];
	tables: StreetTables;
	/** The whole network, unclipped: the geocoder and the walking graph need streets beyond the district. */
	network: StreetFeature[];
	busStops: BusStop[];
	/** The pedestrian graph, from the same file (read once). */
	walk: WalkGraphBuild;
}

export const NEVER_WIDENED_FILE = 'data/never_widened_roads.csv';

/** Reads the street network and the never-widened list, runs the streets stage, and clips to the district. */
export function buildStreetLayers(input: {
	repoRoot: string;
	sourcesDir: string;
	historicRoads: Feature[];
	virtualShanghai: Feature[];
	clip: <F extends Feature>(features: F[]) => Array<F & { properties: { in_district: boolean; district: string | null } }>;
}): StreetLayers {
	const entry = sourceById(STREETS_SOURCE);
	const doc = readJson(input.sourcesDir, entry);
	const ways = overpassToStreets(doc, entry.file);
	// Clip before matching: names are attached only to ways the district build keeps.
	const clipped = input.clip(ways.features);
	const historic = attachHistoricNames(clipped, input.historicRoads as HistoricRoad[]);
	const foreign = attachForeignNames(historic.features, input.virtualShanghai);

	const csv = parseNeverWidenedCsv(readFileSync(join(input.repoRoot, NEVER_WIDENED_FILE), 'utf8'), NEVER_WIDENED_FILE);
	// The whole network, so a stretch's cross streets are found even outside the build's area.
	const marked = markNeverWidened(foreign.features, csv.entries, ways.features);

	const streets = marked.features as unknown as Flagged[];
	const rows = csv.entries.length + csv.rejected.length;
	return {
		streets,
		neverWidened: streets.filter((f) => f.properties.never_widened !== null),
		count: {
			source: STREETS_SOURCE,
			file: entry.file,
			read: ways.features.length + ways.rejected.length,
			accepted: ways.features.length,
			rejected: ways.rejected.length,
			outsideArea: ways.features.length - streets.length
		},
		neverWidenedCount: { source: NEVER_WIDENED_SOURCE, file: NEVER_WIDENED_FILE, read: rows, accepted: csv.entries.length, rejected: csv.rejected.length, outsideArea: 0 },
		rejected: [...ways.rejected, ...csv.rejected],
		tables: { historic: historic.table, foreign: foreign.table, neverWidenedUnmatched: marked.unmatched.map(({ name_zh, status, reason }) => ({ name_zh, status, reason })) },
		network: ways.features,
		busStops: overpassBusStops(doc).stops,
		walk: buildWalkGraph(doc)
	};
}
