/**
 * Builds an ImportResult so that its figures cannot disagree: every record is either accepted
 * (a feature) or rejected (one error), and the stats are counted from those two lists.
 */
import type { Feature, Geometry } from 'geojson';
import type { GeocodeMethod } from '../geo/geocode';
import { english, msg, type Message } from '../i18n/messages';
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
	readonly notes: Message[] = [];

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

	reject(record: number, line: number | null, message: Message): void {
		this.errors.push({ line, record, reason: english(message), message });
	}

	note(message: Message): void {
		const text = JSON.stringify(message);
		if (!this.notes.some((n) => JSON.stringify(n) === text)) this.notes.push(message);
	}

	finish(columns: string[]): ImportResult {
		const imported = this.features.length;
		const rejected = this.errors.length;
		return {
			format: this.format,
			features: this.features,
			errors: this.errors,
			fatal: null,
			fatalMessage: null,
			stats: { records: imported + rejected, imported, rejected, geocoded: this.geocoded, byMethod: { ...this.byMethod } },
			columns,
			encoding: null,
			notes: this.notes.map(english),
			noteMessages: this.notes
		};
	}
}

/** A whole-file failure: nothing imported, one message saying what to do. */
export function fatalResult(format: ImportFormat | null, message: Message, extra: { columns?: string[]; encoding?: ImportEncoding | null } = {}): ImportResult {
	return {
		format,
		features: [],
		errors: [],
		fatal: english(message),
		fatalMessage: message,
		stats: { records: 0, imported: 0, rejected: 0, geocoded: 0, byMethod: {} },
		columns: extra.columns ?? [],
		encoding: extra.encoding ?? null,
		notes: [],
		noteMessages: []
	};
}

/** Adds notes to a finished result, keeping the English text and the messages in step. */
export function prependNotes(result: ImportResult, notes: Message[]): void {
	result.noteMessages.unshift(...notes);
	result.notes.unshift(...notes.map(english));
}

/** Thrown inside a reader to stop with a whole-file message; caught by `guarded`. */
export class FatalImportError extends Error {
	constructor(readonly content: Message) {
		super(english(content));
	}
}

/**
 * Runs a reader so that nothing escapes: a FatalImportError becomes its message, anything else
 * (a bug, a stack overflow on absurd input) becomes a message too, never an exception.
 */
export function guarded(format: ImportFormat | null, read: () => ImportResult): ImportResult {
	try {
		return read();
	} catch (e) {
		if (e instanceof FatalImportError) return fatalResult(format, e.content);
		const why = e instanceof Error ? e.message : String(e);
		return fatalResult(format, msg('import.crashed', { why: why.slice(0, 200) }));
	}
}
