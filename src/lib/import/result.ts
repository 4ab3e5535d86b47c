/**
 * Builds an ImportResult so that its figures cannot disagree: every record is either accepted
 * (a feature) or rejected (one error), and the stats are counted from those two lists.
 */
import type { Feature, Geometry } from 'geojson';
import type { GeocodeMethod } from '../geo/geocode';
import type { ImportEncoding, ImportFormat, ImportResult, ImportRowError } from './types';

export type PropertyValue = string | number | boolean | null;

export interface GeocodedBy {
	method: GeocodeMethod | string;
	confidence: number;
}

export class ResultBuilder {
	private readonly features: Feature[] = [];
	private readonly errors: ImportRowError[] = [];
	private readonly byMethod: Record<string, number> = {};
	private geocoded = 0;
	readonly notes: string[] = [];

	constructor(private readonly format: ImportFormat) {}

	get count(): number {
		return this.features.length + this.errors.length;
	}

	accept(record: number, geometry: Geometry, properties: Array<[string, PropertyValue]>, geocodedBy?: GeocodedBy, id?: string | number): void {
		const own: Array<[string, PropertyValue]> = [['_record', record]];
		if (geocodedBy) {
			own.push(['_geocode_method', geocodedBy.method], ['_geocode_confidence', geocodedBy.confidence]);
			this.geocoded++;
			this.byMethod[geocodedBy.method] = (this.byMethod[geocodedBy.method] ?? 0) + 1;
		}
		// fromEntries defines own properties, so a column called "__proto__" stays a plain key.
		const feature: Feature = { type: 'Feature', geometry, properties: Object.fromEntries([...properties, ...own]) };
		if (id !== undefined) feature.id = id;
		this.features.push(feature);
	}

	reject(record: number, line: number | null, reason: string): void {
		this.errors.push({ line, record, reason });
	}

	note(text: string): void {
		if (!this.notes.includes(text)) this.notes.push(text);
	}

	finish(columns: string[]): ImportResult {
		const imported = this.features.length;
		const rejected = this.errors.length;
		return {
			format: this.format,
			features: this.features,
			errors: this.errors,
			fatal: null,
			stats: { records: imported + rejected, imported, rejected, geocoded: this.geocoded, byMethod: { ...this.byMethod } },
			columns,
			encoding: null,
			notes: this.notes
		};
	}
}

/** A whole-file failure: nothing imported, one message saying what to do. */
export function fatalResult(format: ImportFormat | null, message: string, extra: { columns?: string[]; notes?: string[]; encoding?: ImportEncoding | null } = {}): ImportResult {
	return {
		format,
		features: [],
		errors: [],
		fatal: message,
		stats: { records: 0, imported: 0, rejected: 0, geocoded: 0, byMethod: {} },
		columns: extra.columns ?? [],
		encoding: extra.encoding ?? null,
		notes: extra.notes ?? []
	};
}

/** Thrown inside a reader to stop with a whole-file message; caught by `guarded`. */
export class FatalImportError extends Error {}

/**
 * Runs a reader so that nothing escapes: a FatalImportError becomes its message, anything else
 * (a bug, a stack overflow on absurd input) becomes a message too, never an exception.
 */
export function guarded(format: ImportFormat | null, read: () => ImportResult): ImportResult {
	try {
		return read();
	} catch (e) {
		if (e instanceof FatalImportError) return fatalResult(format, e.message);
		const why = e instanceof Error ? e.message : String(e);
		return fatalResult(format, `The file could not be read (${why.slice(0, 200)}). This is a fault of the importer, not of your file: please report it with the file.`);
	}
}
