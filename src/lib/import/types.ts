/**
 * The planners' file importer: what goes in and what comes out. The importer is pure (no DOM,
 * no network) so the same code runs in the page, a web worker and the Node tests.
 */
import type { Feature } from 'geojson';
import { CRS_NAMES, type Crs } from '../geo/crs';
import type { GeocodeResult } from '../geo/geocode';
import { msg, type Message } from '../i18n/messages';

/** The coordinate system the user declares for the file's coordinates. */
export type ImportCrs = Crs;

export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxFeatures: 20_000, maxStringLength: 2000 } as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

export interface ImportOptions {
	crs: ImportCrs;
	/** Places address-only rows; without it such rows are errors. Must answer WGS84 points. */
	geocode?: (address: string) => GeocodeResult;
	limits?: Partial<ImportLimits>;
}

/** One record the importer could not use: the record is not imported. */
export interface ImportRowError {
	/** 1-based line of the CSV file where the record starts (the header is line 1 when the file has no blank lines before it); null for GeoJSON. */
	line: number | null;
	/** 0-based index of the record among the file's records (CSV data rows, GeoJSON features). */
	record: number;
	/** In English, for logs and tests; pages render `message` in the reader's language. */
	reason: string;
	message: Message;
}

export type ImportFormat = 'csv' | 'geojson';
export type ImportEncoding = 'utf-8' | 'utf-16' | 'gb18030';

export interface ImportStats {
	/** Always imported + rejected. */
	records: number;
	imported: number;
	rejected: number;
	geocoded: number;
	/** Geocoded rows by geocoder method (exact / interpolated / street). */
	byMethod: Record<string, number>;
}

export interface ImportResult {
	format: ImportFormat | null;
	/** WGS84; properties are string | number | boolean | null, plus `_record` and, for geocoded rows, `_geocode_method` and `_geocode_confidence`. */
	features: Feature[];
	/** One per rejected record, in record order. */
	errors: ImportRowError[];
	/** A whole-file problem, with what to do about it; when set, nothing is imported. */
	fatal: string | null;
	/** `fatal` as a catalogue message. */
	fatalMessage: Message | null;
	stats: ImportStats;
	/** The CSV header, or the union of the GeoJSON features' property keys (as they appear in `properties`). */
	columns: string[];
	/** How the bytes were decoded; null when the caller passed text. */
	encoding: ImportEncoding | null;
	/** Things the user should know that reject nothing (a guessed encoding, a renamed column, cut strings). */
	notes: string[];
	/** `notes` as catalogue messages, in the same order. */
	noteMessages: Message[];
}

/** Property names the importer writes itself; a file's own column of the same name is renamed. */
export const RESERVED_PROPERTIES = ['_record', '_geocode_method', '_geocode_confidence'] as const;

export function resolveLimits(limits: Partial<ImportLimits> | undefined): ImportLimits {
	const pick = (key: keyof ImportLimits) => {
		const v = limits?.[key];
		return typeof v === 'number' && v > 0 ? v : IMPORT_LIMITS[key];
	};
	return { maxBytes: pick('maxBytes'), maxFeatures: pick('maxFeatures'), maxStringLength: pick('maxStringLength') };
}

export interface ResolvedOptions {
	crs: ImportCrs;
	geocode: ImportOptions['geocode'];
	limits: ImportLimits;
}

/** Options as the readers use them: WGS84 unless the user said otherwise (RFC 7946's default), limits filled in. */
export function resolveOptions(options: ImportOptions | undefined): ResolvedOptions | { problem: Message } {
	const crs = options?.crs ?? 'WGS84';
	if (!(CRS_NAMES as readonly string[]).includes(crs)) return { problem: msg('import.unknownCrs', { crs: String(crs).slice(0, 40) }) };
	const geocode = typeof options?.geocode === 'function' ? options.geocode : undefined;
	return { crs, geocode, limits: resolveLimits(options?.limits) };
}
