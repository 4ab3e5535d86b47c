/**
 * A CSV of points: each data row is placed by its lon/lat (in the system the user declared) or,
 * without coordinates, by its address through the geocoder. A row that cannot be placed is
 * listed with its file line and the reason; the rest are imported.
 */
import type { Position } from '../geo/crs';
import { placeLonLat, readNumber } from './coordinates';
import { findLocationColumns, type LocationColumns } from './csv-columns';
import { parseCsvRows, type CsvRow } from './csv-parse';
import { msg, type Message } from '../i18n/messages';
import { clip, columnLabel, formatCount } from './messages';
import { placeAddress } from './place-address';
import { readyText } from './limits';
import { PropertyCleaner, uniqueColumnNames } from './properties';
import { FatalImportError, guarded, ResultBuilder, type GeocodedBy, type PropertyValue } from './result';
import type { ImportOptions, ImportResult, ResolvedOptions } from './types';

export function importCsv(text: string, options: ImportOptions): ImportResult {
	return guarded('csv', () => readCsv(text, options));
}

function readCsv(input: string, given: ImportOptions): ImportResult {
	const { text, options } = readyText(input, given);
	const { limits } = options;
	const parsed = parseCsvRows(text, limits.maxFeatures);
	if (!parsed.header) throw new FatalImportError(msg('import.csv.noRows'));
	if (parsed.tooMany) {
		throw new FatalImportError(msg('import.csv.tooManyRows', { max: formatCount(limits.maxFeatures) }));
	}
	const { names, renamed } = uniqueColumnNames(parsed.header.fields, limits.maxStringLength);
	const found = findLocationColumns(names);
	if (!found.ok) throw new FatalImportError(found.reason);
	if (!parsed.rows.length) throw new FatalImportError(msg('import.csv.headerOnly', { count: names.length }));

	const result = new ResultBuilder('csv');
	const cleaner = new PropertyCleaner(limits.maxStringLength);
	const header = { names, columns: found.columns, delimiter: parsed.delimiter };
	parsed.rows.forEach((row, record) => {
		const placed = placeRow(row, header, options);
		if (!placed.ok) result.reject(record, row.line, placed.reason);
		else result.accept(record, { type: 'Point', coordinates: placed.position }, rowProperties(row, names, cleaner), placed.by);
	});

	if (found.columns.note) result.note(found.columns.note);
	if (renamed.length) result.note(msg('import.csv.renamed', { columns: `${renamed.slice(0, 5).join(', ')}${renamed.length > 5 ? ', …' : ''}` }));
	const cut = cleaner.note();
	if (cut) result.note(cut);
	return result.finish(names);
}

interface Header {
	names: string[];
	columns: LocationColumns;
	delimiter: string;
}

type PlacedRow = { ok: true; position: Position; by?: GeocodedBy } | { ok: false; reason: Message };

function placeRow(row: CsvRow, header: Header, options: ResolvedOptions): PlacedRow {
	if (row.problem) return { ok: false, reason: row.problem };
	const extra = row.fields.slice(header.names.length).filter((f) => f.trim() !== '').length;
	if (extra) {
		const delimiter = header.delimiter === '\t' ? msg('import.csv.tab') : header.delimiter;
		return { ok: false, reason: msg('import.csv.tooManyValues', { values: row.fields.length, columns: header.names.length, delimiter }) };
	}
	const { lon, lat, address } = header.columns;
	const cell = (i: number | null) => (i === null ? '' : (row.fields[i] ?? '').trim());
	if (cell(lon) !== '' || cell(lat) !== '') return placeCoordinates(row, header, options);
	if (cell(address) !== '') return placeAddress(cell(address), options.geocode);
	const wanted = [lon !== null ? `${columnLabel(header.names[lon])}/${columnLabel(header.names[lat!])}` : null, address !== null ? columnLabel(header.names[address]) : null].filter((w) => w !== null);
	const columns = wanted.length > 1 ? msg('import.csv.and', { a: wanted[0], b: wanted[1] }) : wanted[0];
	return { ok: false, reason: msg(wanted.length > 1 || lon !== null ? 'import.csv.noLocationPlural' : 'import.csv.noLocation', { columns }) };
}

function placeCoordinates(row: CsvRow, header: Header, options: ResolvedOptions): PlacedRow {
	const { lon, lat } = header.columns as { lon: number; lat: number };
	const values: number[] = [];
	for (const i of [lon, lat]) {
		const cell = (row.fields[i] ?? '').trim();
		if (cell === '') return { ok: false, reason: msg('import.csv.cellEmpty', { column: columnLabel(header.names[i]) }) };
		const read = readNumber(cell);
		if (!read.ok) return { ok: false, reason: msg(read.reason === 'notNumber' ? 'import.csv.notNumber' : 'import.csv.notFinite', { column: columnLabel(header.names[i]), value: clip(cell) }) };
		values.push(read.value);
	}
	return placeLonLat(values[0], values[1], options.crs);
}

/** Every column, as written but trimmed; blank → null, and a number only where it reads back the same ("007" stays text). */
function rowProperties(row: CsvRow, names: string[], cleaner: PropertyCleaner): Array<[string, PropertyValue]> {
	return names.map((name, i) => {
		const raw = (row.fields[i] ?? '').trim();
		if (raw === '') return [name, null];
		const n = Number(raw);
		if (Number.isFinite(n) && String(n) === raw) return [name, n];
		return [name, cleaner.text(raw)];
	});
}
