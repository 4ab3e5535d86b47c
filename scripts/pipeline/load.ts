import type { BBox } from 'geojson';
import type { SourceEntry } from './manifest';
import { readJson, toRecords } from './read';
import { reprojectFeatures } from './reproject';
import type { Rejection, SourceCount } from './report';
import { validateRecords, type SourceFeature } from './validate';

export interface LoadedSource {
	entry: SourceEntry;
	features: SourceFeature[];
	rejected: Rejection[];
	count: SourceCount;
}

/** read → validate → reproject for one record-shaped source; `area` limits conversion to what a district build needs. */
export function loadSource(dir: string, entry: SourceEntry, area?: BBox): LoadedSource {
	return loadParsed(entry, readJson(dir, entry), area);
}

/** The same, from an already-parsed document (so tests and benchmarks can time parsing apart). */
export function loadParsed(entry: SourceEntry, parsed: unknown, area?: BBox): LoadedSource {
	const records = toRecords(entry, parsed);
	const validated = validateRecords(entry, records);
	const projected = reprojectFeatures(entry, validated.accepted, area);
	const rejected = [...validated.rejected, ...projected.rejected].sort((a, b) => a.index - b.index);
	return {
		entry,
		features: projected.accepted,
		rejected,
		count: {
			source: entry.id,
			file: entry.file,
			read: records.length,
			accepted: projected.accepted.length + projected.skipped,
			rejected: rejected.length,
			outsideArea: projected.skipped
		}
	};
}
