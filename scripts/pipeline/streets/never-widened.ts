import { NEVER_WIDENED_COLUMNS, neverWidenedRow, type NeverWidenedEntry, type NeverWidenedStatus } from '../../../src/lib/schema/never-widened';
import { SourceError, type Rejection } from '../report';
import type { StreetFeature, StreetProperties } from './overpass';

export const NEVER_WIDENED_SOURCE = 'never-widened';

/** A CSV record with the 1-based line it starts on, so errors can point at it. */
export interface CsvRecord {
	line: number;
	fields: string[];
}

/**
 * Minimal RFC 4180 reader: commas, double-quoted fields with "" escapes and embedded
 * newlines, LF or CRLF, optional BOM. Blank lines are skipped. An unclosed quote is a
 * whole-file problem (every later row would be misread), so it throws.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
	const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	let quoteLine = 0;
	const endRecord = () => {
		fields.push(field);
		if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
		fields = [];
		field = '';
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				field += c;
			}
		} else if (c === '"' && field === '') (quoted = true), (quoteLine = line);
		else if (c === ',') fields.push(field), (field = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRecord();
			recordLine = ++line;
		} else field += c;
	}
	if (quoted) throw new SourceError(file, `line ${quoteLine}: a quoted field is never closed. Add the closing " and rebuild.`);
	endRecord();
	return records;
}

export interface NeverWidenedRow extends NeverWidenedEntry {
	/** 1-based line in the CSV. */
	line: number;
}

/** Reads the curated never-widened CSV. A wrong header throws; a bad row is rejected with its line, never dropped. */
export function parseNeverWidenedCsv(text: string, file: string): { entries: NeverWidenedRow[]; rejected: Rejection[] } {
	const [header, ...rows] = parseCsv(text, file);
	const expected = NEVER_WIDENED_COLUMNS.join(',');
	if (!header || header.fields.map((f) => f.trim()).join(',') !== expected) {
		throw new SourceError(file, `header must be "${expected}", found "${header?.fields.join(',') ?? '(empty file)'}".`);
	}
	const entries: NeverWidenedRow[] = [];
	const rejected: Rejection[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, fields } of rows) {
		const id = fields[0]?.trim() || null;
		const reject = (reason: string) => rejected.push({ source: NEVER_WIDENED_SOURCE, file, index: line, id, reason: `line ${line}: ${reason}` });
		if (fields.length !== NEVER_WIDENED_COLUMNS.length) {
			reject(`expected ${NEVER_WIDENED_COLUMNS.length} fields, found ${fields.length} (quote fields that contain commas)`);
			continue;
		}
		const parsed = neverWidenedRow.safeParse(Object.fromEntries(NEVER_WIDENED_COLUMNS.map((c, i) => [c, fields[i]])));
		if (!parsed.success) {
			reject(parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
			continue;
		}
		const first = firstLine.get(parsed.data.name_zh);
		if (first !== undefined) {
			reject(`duplicate name_zh "${parsed.data.name_zh}" (first at line ${first})`);
			continue;
		}
		firstLine.set(parsed.data.name_zh, line);
		entries.push({ ...parsed.data, line });
	}
	return { entries, rejected };
}

export interface NeverWidenedProperties {
	never_widened: NeverWidenedStatus | null;
	never_widened_source: string | null;
}

/**
 * Marks every OSM way whose name equals an entry's name_zh. Entries that name no OSM street
 * come back in `unmatched`, so a typo or a street outside the extract is visible, not lost.
 */
export function markNeverWidened<P extends StreetProperties, E extends NeverWidenedEntry>(
	streets: StreetFeature<P>[],
	entries: E[]
): { features: StreetFeature<P & NeverWidenedProperties>[]; unmatched: E[] } {
	const byName = new Map(entries.map((e) => [e.name_zh, e]));
	const used = new Set<string>();
	const features = streets.map((s) => {
		const entry = s.properties.name ? byName.get(s.properties.name) : undefined;
		if (entry) used.add(entry.name_zh);
		const extra: NeverWidenedProperties = { never_widened: entry?.status ?? null, never_widened_source: entry?.source ?? null };
		return { ...s, properties: { ...s.properties, ...extra } };
	});
	return { features, unmatched: entries.filter((e) => !used.has(e.name_zh)) };
}
