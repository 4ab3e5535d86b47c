import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RefreshSpec } from '../../../src/lib/schema/source-manifest';
import { ManifestError, describeFile, readManifest, sourceRecord, writeAtomically, writeManifest, type SourceRecord } from '../manifest';
import { toMetroLines, toMetroStations, bboxOfQuery, type MetroCollection } from './convert/metro';
import { toOsmBoundary, toOsmGeojson, toOverpassJson } from './convert/osm';
import { mergeShl, type ShlDocument } from './convert/shl';
import { toWikidataPlaces } from './convert/wikidata';
import { diffById, type Changes } from './diff';
import { RefreshError, SuspectAnswerError } from './errors';
import { DEFAULT_RETRY, type RetryPolicy } from './http';
import { itemsOf } from './items';
import { DEFAULT_LAYOUT, detectLayout, formatJson } from './layout';
import { askOverpass, checkExpected, DEFAULT_OVERPASS_URL, osmBaseDate } from './overpass';
import { askShl, checkShl } from './shl';
import { askWikidata, checkPlaces, DEFAULT_WIKIDATA_SPARQL_URL } from './wikidata';

export interface RefreshOptions {
	/** Today, YYYY-MM-DD: the manifest's `retrieved`. */
	today: string;
	/** Write an answer that looks wrong (none of the expected elements, fewer than half the items). */
	force?: boolean;
	/** OVERPASS_URL, WIKIDATA_SPARQL_URL, SHL_API_URL, SHL_API_KEY. */
	env?: Record<string, string | undefined>;
	retry?: Partial<RetryPolicy>;
	/** Records per page asked of the Shanghai Library API. */
	shlPageSize?: number;
}

export type RefreshResult =
	| {
			id: string;
			status: 'refreshed';
			/** Relative to the sources folder. */
			file: string;
			bytes: number;
			sha256: string;
			/** The file's size before; null when it is new. */
			previousBytes: number | null;
			changes: Changes;
			asOf: string | null;
			/** Waits before retries (429/504), in ms. */
			waits: number[];
			notes: string[];
	  }
	| { id: string; status: 'by-hand'; message: string }
	| { id: string; status: 'failed'; message: string }
	| { id: string; status: 'unknown'; message: string; known: string[] };

/** What asking the origin and converting its answer gave, before anything is written. */
interface Produced {
	doc: unknown;
	asOf: string | null;
	/** Plausibility checks `--force` may override, run before the count check. */
	check: () => void;
}

const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * Brings one source up to date from its origin: asks it, checks the answer, converts it to
 * the file's established format and layout, then writes the file (temporary file and rename)
 * and its manifest entry. Any failure leaves the folder exactly as it was.
 */
export async function refreshSource(dir: string, id: string, options: RefreshOptions): Promise<RefreshResult> {
	let record: SourceRecord | undefined;
	let known: string[];
	try {
		const manifest = readManifest(dir);
		known = manifest.sources.map((s) => s.id);
		record = sourceRecord(manifest, id);
	} catch (err) {
		if (err instanceof ManifestError) return { id, status: 'failed', message: `${id}: ${err.message} ${NOTHING_CHANGED}` };
		throw err;
	}
	if (!record) return { id, status: 'unknown', known, message: `unknown source "${id}"; sources.json lists: ${known.join(', ')}` };
	if (!record.refresh) return { id, status: 'by-hand', message: `${id} is refreshed by hand: ${record.origin.note}` };
	try {
		return await refreshWith(dir, record, record.refresh, options);
	} catch (err) {
		if (err instanceof RefreshError || err instanceof ManifestError) return { id, status: 'failed', message: `${id}: ${err.message} ${NOTHING_CHANGED}` };
		return { id, status: 'failed', message: `${id}: unexpected error, please report it: ${(err as Error).stack ?? err} ${NOTHING_CHANGED}` };
	}
}

async function refreshWith(dir: string, record: SourceRecord, spec: RefreshSpec, options: RefreshOptions): Promise<RefreshResult> {
	const file = targetFile(record, spec);
	const path = join(dir, file);
	const previousBytes = existsSync(path) ? readFileSync(path) : null;
	const previousText = previousBytes?.toString('utf8') ?? null;
	const notes: string[] = [];
	const previous = parsePrevious(previousText, file, notes);
	const waits: number[] = [];
	const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
	// Collects the waits of every request (the SHL list takes several), for the report.
	const counted: RetryPolicy = { ...retry, sleep: (ms) => (waits.push(ms), retry.sleep(ms)) };

	const produced = await produce(dir, record, spec, previous, { ...options, retryPolicy: counted }, notes);
	const before = itemsOf(spec, previous);
	const after = itemsOf(spec, produced.doc);
	if (!options.force) {
		const tooFew = before.length > 0 && after.length < before.length / 2;
		const was = before.length.toLocaleString('en');
		const shrunk = () => new SuspectAnswerError(`the answer has ${after.length.toLocaleString('en')} items where ${file} has ${was}, fewer than half: the origin may have answered only part of the area`);
		// An empty answer is best described by what it lost; any other by what it lacks first.
		if (tooFew && after.length === 0) throw shrunk();
		produced.check();
		if (tooFew) throw shrunk();
	}
	const changes = diffById(before, after);
	const text = formatJson(produced.doc, previousText ? detectLayout(previousText) : DEFAULT_LAYOUT);
	const bytes = Buffer.from(text, 'utf8');

	mkdirSync(dirname(path), { recursive: true });
	writeAtomically(path, bytes);
	const described = describeFile(file, bytes);
	try {
		// Read again: another source's refresh in the same run has updated it since.
		const manifest = readManifest(dir);
		const entry = sourceRecord(manifest, record.id)!;
		entry.files = [described];
		entry.retrieved = options.today;
		entry.retrieved_basis = `npm run sources:refresh on ${options.today}`;
		entry.as_of = produced.asOf;
		writeManifest(dir, manifest);
	} catch (err) {
		// The data file must not disagree with sources.json: put the old one back.
		if (previousBytes) writeAtomically(path, previousBytes);
		else rmSync(path, { force: true });
		throw err instanceof RefreshError || err instanceof ManifestError ? err : new RefreshError(`sources.json could not be written (${(err as Error).message}).`);
	}
	return {
		id: record.id,
		status: 'refreshed',
		file,
		bytes: described.bytes,
		sha256: described.sha256,
		previousBytes: previousBytes?.byteLength ?? null,
		changes,
		asOf: produced.asOf,
		waits,
		notes
	};
}

async function produce(
	dir: string,
	record: SourceRecord,
	spec: RefreshSpec,
	previous: unknown,
	options: RefreshOptions & { retryPolicy: RetryPolicy },
	notes: string[]
): Promise<Produced> {
	const env = options.env ?? {};
	const retry = options.retryPolicy;
	if (spec.kind === 'shl') {
		const key = env.SHL_API_KEY?.trim();
		if (!key) throw new RefreshError(`the Shanghai Library API needs a key: set SHL_API_KEY (the platform issues one at https://data.library.sh.cn) and run again.`);
		const records = await askShl({ endpoint: spec.endpoint, params: spec.params, urlOverride: env.SHL_API_URL || undefined, key, pageSize: options.shlPageSize ?? 100 }, retry);
		return { doc: mergeShl(records, shlDocument(previous), options.today, notes), asOf: options.today, check: () => checkShl(records) };
	}
	const query = readQuery(dir, record.id, spec.query);
	if (spec.kind === 'wikidata') {
		const results = await askWikidata(env.WIKIDATA_SPARQL_URL || DEFAULT_WIKIDATA_SPARQL_URL, query, spec.query, retry);
		// The service answers from the live database: the data is as of today.
		return { doc: toWikidataPlaces(results, notes), asOf: options.today, check: () => checkPlaces(results, spec.query) };
	}
	const answer = await askOverpass(env.OVERPASS_URL || DEFAULT_OVERPASS_URL, query, spec.query, retry);
	const asOf = osmBaseDate(answer);
	const check = () => checkExpected(answer, spec.expect, spec.query);
	const metro = { previous: metroCollection(previous), queryFile: spec.query, osmBase: answer.osm3s?.timestamp_osm_base ?? null, notes };
	const convert = (): unknown => {
		switch (spec.convert) {
			case 'overpass-json':
				return toOverpassJson(answer);
			case 'osm-geojson':
				return toOsmGeojson(answer);
			case 'osm-boundary':
				return toOsmBoundary(answer);
			case 'metro-stations':
				return toMetroStations(answer, metro);
			case 'metro-lines':
				return toMetroLines(answer, bboxOfQuery(query, spec.query), metro);
		}
	};
	try {
		return { doc: convert(), asOf, check };
	} catch (err) {
		// An answer without the expected elements fails some conversions (no boundary relation):
		// saying so is more useful than the converter's complaint.
		if (!options.force) check();
		throw err;
	}
}

/**
 * The file a refresh writes: the one the entry lists, or for a source never fetched, the name
 * its query file gives (osm/pois_hengfu.overpassql → osm/pois_hengfu.geojson).
 */
export function targetFile(record: SourceRecord, spec: RefreshSpec): string {
	if (record.files.length === 1) return record.files[0].path;
	if (record.files.length > 1) {
		throw new RefreshError(`sources.json lists ${record.files.length} files for it, and a refresh writes one: split the entry, or refresh it by hand.`);
	}
	if (spec.kind === 'shl') {
		throw new RefreshError(`sources.json lists no file for it, and its refresh has no query file to name one: restore its "files" entry in sources.json (git checkout -- data/sources/sources.json).`);
	}
	if (spec.kind === 'wikidata') return spec.query.replace(/\.rq$/, '.geojson');
	return spec.query.replace(/\.overpassql$/, spec.convert === 'overpass-json' ? '.overpass.json' : '.geojson');
}

function readQuery(dir: string, id: string, query: string): string {
	const path = join(dir, query);
	if (!existsSync(path)) throw new RefreshError(`${query}, the query ${id} runs, is missing: restore it (git checkout -- data/sources).`);
	const text = readFileSync(path, 'utf8');
	if (!text.trim()) throw new RefreshError(`${query}, the query ${id} runs, is empty: restore it (git checkout -- data/sources).`);
	return text;
}

/** The current file, if there is one to compare with and to keep fields from. */
function parsePrevious(text: string | null, file: string, notes: string[]): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		notes.push(`the current ${file} was not valid JSON; the refresh replaces it whole`);
		return null;
	}
}

function shlDocument(previous: unknown): ShlDocument | null {
	const doc = previous as ShlDocument | null;
	return doc && typeof doc === 'object' && Array.isArray(doc.data) ? { metadata: doc.metadata ?? {}, data: doc.data } : null;
}

function metroCollection(previous: unknown): MetroCollection | null {
	const doc = previous as MetroCollection | null;
	return doc && typeof doc === 'object' && doc.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc : null;
}
