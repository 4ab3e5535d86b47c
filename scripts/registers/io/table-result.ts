/**
 * What reading a table gives back, and the limits and options it is read under: the public types
 * of read-table.ts (which re-exports them) and the small helpers that build a failure and format
 * its numbers. They live in this leaf module, importing nothing, so that the format readers, the
 * archive guard and the table builder can all use them without importing read-table.ts, which
 * imports each of them (that would be a cycle).
 */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
	/** The row number the spreadsheet shows (header = 1 in a plain sheet); for CSV the line the row starts on. */
	row: number;
	/** One per column of `headers`, the example column removed. */
	cells: Cell[];
}

export interface Table {
	file: string;
	format: 'xlsx' | 'csv';
	/** The sheet read (XLSX), null for CSV. */
	sheet: string | null;
	/** Every sheet of the workbook in tab order, hidden ones included; [] for CSV. */
	sheets: string[];
	encoding?: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16';
	/** The first header row's number (1 unless title rows were skipped). */
	headerRow: number;
	/** Header rows, key row included: 1, 2 (key row or two-row header) or 3 (two-row header + key row). */
	headerRows: number;
	/** Per column, the header text as shown (merged cells resolved, two-row headers joined "group / sub"). */
	headers: string[];
	/** Per column, the key row's cell (null where empty), or null when the sheet has no key row. */
	keys: Array<string | null> | null;
	/** Per column, its letter in the spreadsheet ("B" when the example column A was removed). */
	columns: string[];
	rows: TableRow[];
	/** Row numbers skipped as the template's example row(s). */
	exampleRows: number[];
	/** Things the reader should know that refuse nothing (a skipped example row, a formula without a result, blank rows). */
	notes: Array<{ zh: string; en: string }>;
}

export type TableErrorCode = 'too-large' | 'not-a-spreadsheet' | 'encrypted' | 'corrupt' | 'zip-bomb' | 'too-many-rows' | 'no-sheet' | 'empty' | 'encoding';
export type TableResult = { ok: true; table: Table } | { ok: false; code: TableErrorCode; message: { zh: string; en: string } };

export interface Limits {
	/** File size (bytes). */
	maxFileBytes: number;
	/** Sum of the zip entries' declared uncompressed sizes. */
	maxUncompressedBytes: number;
	/** Any one zip entry's declared uncompressed size (a sheet, sharedStrings). */
	maxEntryBytes: number;
	/** Uncompressed / compressed, for entries over 1 MB uncompressed. */
	maxCompressionRatio: number;
	maxZipEntries: number;
	/** Data rows; a sheet whose used range reaches past this (plus a few header rows) is refused before it is built. */
	maxRows: number;
	/** Cells in one worksheet (and cells covered by its merges). */
	maxCells: number;
}

export const DEFAULT_LIMITS: Limits = {
	maxFileBytes: 20 * 1024 * 1024,
	maxUncompressedBytes: 200 * 1024 * 1024,
	maxEntryBytes: 100 * 1024 * 1024,
	maxCompressionRatio: 100,
	maxZipEntries: 10_000,
	maxRows: 20_000,
	maxCells: 2_000_000
};

/** Rows above the data a sheet may use (title, two header rows, key row) beyond `maxRows`. */
export const HEADER_ALLOWANCE = 10;

export interface ReadOptions {
	/** The sheet to read, by name; by default the first visible sheet with content that is not instructions. */
	sheet?: string;
	limits?: Partial<Limits>;
	/** The template's example marker: rows whose example-column cell equals it are skipped. */
	exampleMarker?: string;
}

export type Msg = { zh: string; en: string };
export type Failure = Extract<TableResult, { ok: false }>;

export function fail(code: TableErrorCode, zh: string, en: string): Failure {
	return { ok: false, code, message: { zh, en } };
}

export const n = (v: number): string => v.toLocaleString('en-US');

export function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
