import type { Position } from 'geojson';
import { NEVER_WIDENED_COLUMNS, neverWidenedRow, parseBetween, type NeverWidenedEntry, type NeverWidenedStatus } from '../../../src/lib/schema/never-widened';
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

/** What every street carries about the list: null throughout for a street not on it. */
export interface NeverWidenedProperties {
	never_widened: NeverWidenedStatus | null;
	/** What the entry rests on, in words. */
	never_widened_source: string | null;
	/** The page a confirmed or reported road is cited from, its words, the day they were read, its strength and original publisher. */
	never_widened_url: string | null;
	never_widened_quote: string | null;
	never_widened_read: string | null;
	never_widened_strength: 'H' | 'M' | 'L' | null;
	never_widened_publisher: string | null;
}

const NONE: NeverWidenedProperties = {
	never_widened: null,
	never_widened_source: null,
	never_widened_url: null,
	never_widened_quote: null,
	never_widened_read: null,
	never_widened_strength: null,
	never_widened_publisher: null
};

function propertiesOf(e: NeverWidenedEntry): NeverWidenedProperties {
	return {
		never_widened: e.status,
		never_widened_source: e.source,
		never_widened_url: e.source_url,
		never_widened_quote: e.quote,
		never_widened_read: e.read,
		never_widened_strength: e.strength,
		never_widened_publisher: e.publisher
	};
}

/** A listed road this build's street network does not hold, and why. */
export type Unmatched<E> = E & { reason: string };

/**
 * Marks every OSM way whose name equals an entry's name_zh; an entry with `between` marks only
 * the ways of its road between the two cross streets, found where the road meets them in
 * `network` (the whole street network, since a cross street may lie outside the build's area).
 * Entries that mark no way come back in `unmatched` with the reason, so a typo, a road outside
 * the build's area or a stretch that cannot be found is listed, not lost.
 */
export function markNeverWidened<P extends StreetProperties, E extends NeverWidenedEntry>(
	streets: StreetFeature<P>[],
	entries: E[],
	network: readonly StreetFeature[] = streets
): { features: StreetFeature<P & NeverWidenedProperties>[]; unmatched: Unmatched<E>[] } {
	const byName = new Map(entries.map((e) => [e.name_zh, e]));
	const stretches = new Map<string, Stretch | string>();
	for (const e of entries) {
		const ends = e.between ? parseBetween(e.between) : null;
		if (ends) stretches.set(e.name_zh, stretchOf(e.name_zh, ends, network));
	}
	const used = new Set<string>();
	const features = streets.map((s) => {
		const entry = s.properties.name ? byName.get(s.properties.name) : undefined;
		const stretch = entry ? stretches.get(entry.name_zh) : undefined;
		const on = entry !== undefined && (stretch === undefined || (typeof stretch !== 'string' && withinStretch(s.geometry.coordinates, stretch)));
		if (on) used.add(entry.name_zh);
		return { ...s, properties: { ...s.properties, ...(on ? propertiesOf(entry) : NONE) } };
	});
	const unmatched = entries
		.filter((e) => !used.has(e.name_zh))
		.map((e) => {
			const stretch = stretches.get(e.name_zh);
			const named = streets.some((s) => s.properties.name === e.name_zh);
			const reason =
				typeof stretch === 'string'
					? stretch
					: named
						? `no way of ${e.name_zh} in this build's area lies between ${e.between}`
						: `${e.name_zh} is not in this build's street network (the district and the area around it)`;
			return { ...e, reason };
		});
	return { features, unmatched };
}

/** A stretch of a road: from one crossing to the other, with the tolerance of a junction's width. */
interface Stretch {
	from: Position;
	to: Position;
	toleranceM: number;
}

const JUNCTION_M = 15;

function stretchOf(road: string, [a, b]: [string, string], network: readonly StreetFeature[]): Stretch | string {
	const from = crossing(road, a, network);
	const to = crossing(road, b, network);
	if (!from || !to) return `${road} (${a}–${b}): ${[!from && a, !to && b].filter(Boolean).join(' and ')} never meet${!from && !to ? '' : 's'} ${road} in the street network, so the stretch cannot be found`;
	return { from, to, toleranceM: JUNCTION_M };
}

/** Where two named streets meet: the mean of the nodes their ways share (a dual carriageway shares several). */
function crossing(road: string, cross: string, network: readonly StreetFeature[]): Position | null {
	const key = (p: Position) => `${p[0]},${p[1]}`;
	const onRoad = new Set(network.filter((s) => s.properties.name === road).flatMap((s) => s.geometry.coordinates.map(key)));
	const shared = new Map<string, Position>();
	for (const s of network) if (s.properties.name === cross) for (const p of s.geometry.coordinates) if (onRoad.has(key(p))) shared.set(key(p), p);
	if (shared.size === 0) return null;
	const points = [...shared.values()];
	return [points.reduce((t, p) => t + p[0], 0) / points.length, points.reduce((t, p) => t + p[1], 0) / points.length];
}

/** Whether a way's midpoint (by length) lies between the stretch's ends, measured along the line joining them. */
function withinStretch(line: Position[], { from, to, toleranceM }: Stretch): boolean {
	const kx = 111_320 * Math.cos((from[1] * Math.PI) / 180);
	const ky = 110_540;
	const xy = (p: Position): [number, number] => [(p[0] - from[0]) * kx, (p[1] - from[1]) * ky];
	const [bx, by] = xy(to);
	const length = Math.hypot(bx, by);
	if (length === 0) return false;
	const [mx, my] = xy(midpoint(line));
	const along = (mx * bx + my * by) / length;
	return along >= -toleranceM && along <= length + toleranceM;
}

function midpoint(line: Position[]): Position {
	const seg = (i: number) => Math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1]);
	let total = 0;
	for (let i = 0; i < line.length - 1; i++) total += seg(i);
	let left = total / 2;
	for (let i = 0; i < line.length - 1; i++) {
		const d = seg(i);
		if (d >= left && d > 0) return [line[i][0] + ((line[i + 1][0] - line[i][0]) * left) / d, line[i][1] + ((line[i + 1][1] - line[i][1]) * left) / d];
		left -= d;
	}
	return line[0];
}
