/**
 * A spreadsheet file (XLSX or CSV) → one table of cells under its headers, generic over columns.
 *
 * XLSX goes to exceljs only after this module has judged the archive itself: size, the zip's
 * central directory (entry count, declared sizes, compression ratios: refused without inflating
 * anything), then every entry inflated with a ceiling of its declared size (an entry that lies
 * stops there), and each worksheet's used range (dimension, last <row>, merges, cell count)
 * checked against the row limit — because exceljs builds every sheet of a workbook, and expands
 * merges and data validations cell by cell. CSV goes through src/lib/import (decode, parse).
 *
 * Header rules (documented for the importer):
 * - Leading title rows (one filled cell, merged across columns or above a row of ≥3 headers) are
 *   skipped with a note; the header row is the first row after them.
 * - Key row: if the row under the header holds only field keys (/^[a-z][a-z0-9_]*$/, or
 *   EXAMPLE_KEY), at least two and at least half as many as there are headers, it is the template's key row:
 *   headerRows = 2 and `keys` exposes it.
 * - Two-row headers: if a header cell is merged down into the next row, or merged across columns
 *   with sub-headers under it, the header is two rows; each column's header is "group / sub"
 *   ("地址 / 门牌号"), or the one text when the two are the same cell merged down. A key row may
 *   follow (headerRows = 3).
 * - Merged header cells give their text to every column they cover; merged cells in data rows
 *   keep their value in the top-left cell only (noted).
 * - The template's example column (key EXAMPLE_KEY or header EXAMPLE_HEADER) is removed from the
 *   table; rows it marks are skipped (`exampleRows`): with `exampleMarker` given, rows whose cell
 *   equals it; without, rows with anything in it.
 */
import ExcelJS from 'exceljs';
import { decodeBytes } from '../../../src/lib/import/decode';
import { parseCsvRows } from '../../../src/lib/import/csv-parse';
import { EXAMPLE_HEADER, EXAMPLE_KEY, isKeyCell, normaliseHeader } from './headers';
import { inflateEntry, isZip, readCentralDirectory } from './zip';

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
const HEADER_ALLOWANCE = 10;
const RATIO_FLOOR = 1024 * 1024;

export interface ReadOptions {
	/** The sheet to read, by name; by default the first visible sheet with content that is not instructions. */
	sheet?: string;
	limits?: Partial<Limits>;
	/** The template's example marker: rows whose example-column cell equals it are skipped. */
	exampleMarker?: string;
}

type Msg = { zh: string; en: string };
type Failure = Extract<TableResult, { ok: false }>;

function fail(code: TableErrorCode, zh: string, en: string): Failure {
	return { ok: false, code, message: { zh, en } };
}

const n = (v: number): string => v.toLocaleString('en-US');

/** Never throws: bad input of every kind is a result. */
export async function readTable(file: { name: string; bytes: Uint8Array }, options: ReadOptions = {}): Promise<TableResult> {
	const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
	const name = file.name;
	try {
		const bytes = file.bytes;
		if (bytes.length > limits.maxFileBytes) {
			return fail('too-large', `文件「${name}」有 ${mb(bytes.length)}，超过 ${mb(limits.maxFileBytes)} 的上限：请删去多余的工作表、图片，或分成几个文件。`, `The file "${name}" is ${mb(bytes.length)}, over the ${mb(limits.maxFileBytes)} limit: remove extra sheets and pictures, or split it into several files.`);
		}
		if (bytes.length === 0) return fail('empty', `文件「${name}」是空的。`, `The file "${name}" is empty.`);
		if (isCfb(bytes)) return cfbFailure(name, bytes);
		const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
		if (isZip(bytes)) return await readXlsx(name, bytes, limits, options);
		if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return readCsv(name, bytes, limits, options);
		return fail(
			'not-a-spreadsheet',
			`文件「${name}」不是 Excel 工作簿（.xlsx）或 CSV 文件${ext === 'xls' ? '（从网页系统导出的 .xls 常常其实是网页或文本）' : ''}：请在 Excel 中打开，另存为「Excel 工作簿 (.xlsx)」或「CSV UTF-8」后再导入。`,
			`The file "${name}" is neither an Excel workbook (.xlsx) nor a CSV file${ext === 'xls' ? ' (an .xls exported by a web system is often a web page or text)' : ''}: open it in Excel, save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and import it again.`
		);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fail('corrupt', `无法读取文件「${name}」：${detail}。请在 Excel 中打开并重新保存为 .xlsx 后再试。`, `Could not read the file "${name}": ${detail}. Open it in Excel, save it again as .xlsx and retry.`);
	}
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

// ——— OLE / CFB: password-protected .xlsx or an old .xls ———————————————————————————————

function isCfb(bytes: Uint8Array): boolean {
	const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
	return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}

function cfbFailure(name: string, bytes: Uint8Array): Failure {
	if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
		return fail('encrypted', `文件「${name}」设有打开密码，无法读取：请在 Excel 中打开，「文件 → 信息 → 保护工作簿 → 用密码进行加密」清空密码，保存为 .xlsx 后再导入。`, `The file "${name}" is password-protected and cannot be read: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and import it again.`);
	}
	return fail('encrypted', `文件「${name}」是旧版 Excel 97–2003 (.xls) 或设有密码的文件，无法读取：请在 Excel 中打开（如有密码请先清除），另存为「Excel 工作簿 (.xlsx)」后再导入。`, `The file "${name}" is an old Excel 97–2003 (.xls) file or a password-protected one, which cannot be read: open it in Excel (remove any password), save it as "Excel Workbook (.xlsx)" and import it again.`);
}

// ——— XLSX ————————————————————————————————————————————————————————————————————————

interface SheetScan {
	path: string;
	lastRow: number;
	cells: number;
	mergedCells: number;
}

async function readXlsx(name: string, bytes: Uint8Array, limits: Limits, options: ReadOptions): Promise<TableResult> {
	const checked = inspectXlsx(name, bytes, limits);
	if (!checked.ok) return checked;

	const wb = new ExcelJS.Workbook();
	const loadOptions = { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'], maxRows: limits.maxRows + HEADER_ALLOWANCE + 1 };
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, loadOptions);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fail('corrupt', `文件「${name}」已损坏或不是有效的 Excel 工作簿（${detail}）：请在 Excel 中打开并重新保存为 .xlsx 后再试。`, `The file "${name}" is damaged or not a valid Excel workbook (${detail}): open it in Excel, save it again as .xlsx and retry.`);
	}
	const worksheets = wb.worksheets;
	const sheets = worksheets.map((w) => w.name);
	if (worksheets.length === 0) return fail('empty', `文件「${name}」中没有工作表。`, `The file "${name}" has no worksheets.`);
	const notes = new Notes();

	let ws: ExcelJS.Worksheet | undefined;
	if (options.sheet !== undefined) {
		const wanted = options.sheet;
		ws = worksheets.find((w) => w.name === wanted) ?? worksheets.find((w) => sameName(w.name, wanted));
		if (!ws) {
			const list = sheets.map((s) => `「${s}」`).join('、');
			return fail('no-sheet', `文件「${name}」中没有名为「${wanted}」的工作表；现有工作表：${list}。`, `The file "${name}" has no sheet named "${wanted}"; its sheets are: ${sheets.map((s) => `"${s}"`).join(', ')}.`);
		}
	} else {
		const visible = worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
		const withContent = (list: ExcelJS.Worksheet[]) => list.find((w) => w.actualRowCount > 0);
		ws = withContent(visible.filter((w) => !isInstructionsSheet(w.name))) ?? withContent(visible) ?? withContent(worksheets);
		if (!ws) return fail('empty', `文件「${name}」的工作表都是空的（${sheets.map((s) => `「${s}」`).join('、')}）。`, `Every sheet of the file "${name}" is empty (${sheets.map((s) => `"${s}"`).join(', ')}).`);
		const others = worksheets.filter((w) => w !== ws && (w.state === 'visible' || w.state === undefined) && !isInstructionsSheet(w.name) && w.actualRowCount > 0);
		if (others.length > 0) notes.add(`读取了工作表「${ws.name}」（共 ${sheets.length} 个工作表）。`, `Read the sheet "${ws.name}" (of ${sheets.length} sheets: ${sheets.map((s) => `"${s}"`).join(', ')}).`);
	}

	const grid = sheetGrid(ws, notes);
	return buildTable(grid, { file: name, format: 'xlsx', sheet: ws.name, sheets, limits, notes, exampleMarker: options.exampleMarker });
}

function sameName(a: string, b: string): boolean {
	return a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();
}

function isInstructionsSheet(name: string): boolean {
	return /说明|须知|instruction|readme|read me/i.test(name);
}

/**
 * The archive judged before exceljs sees it. Declared sizes first (nothing inflated); then each
 * entry inflated with its declared size as a ceiling; then each worksheet's used range.
 */
function inspectXlsx(name: string, bytes: Uint8Array, limits: Limits): { ok: true } | Failure {
	const dir = readCentralDirectory(bytes, limits.maxZipEntries);
	if (!dir.ok) {
		if (dir.reason === 'too-many-entries') return bomb(name, `${dir.detail}, over ${n(limits.maxZipEntries)}`, `压缩包有 ${dir.detail.replace(' entries', '')} 个条目，超过 ${n(limits.maxZipEntries)}`);
		return fail('corrupt', `文件「${name}」已损坏（可能下载或复制不完整）：请重新获取文件，或在 Excel 中打开并另存为 .xlsx。`, `The file "${name}" is damaged (perhaps cut short in a download or copy: ${dir.detail}): get it again, or open it in Excel and save it as .xlsx.`);
	}
	const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
	let total = 0;
	for (const e of entries) {
		total += e.uncompressedSize;
		if (e.uncompressedSize > limits.maxEntryBytes) return bomb(name, `the part ${e.name} declares ${mb(e.uncompressedSize)} uncompressed, over ${mb(limits.maxEntryBytes)}`, `其中的 ${e.name} 解压后有 ${mb(e.uncompressedSize)}，超过 ${mb(limits.maxEntryBytes)}`);
		if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
			const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
			return bomb(name, `the part ${e.name} compresses ${ratio}:1, over ${limits.maxCompressionRatio}:1`, `其中的 ${e.name} 压缩比为 ${ratio}:1，超过 ${limits.maxCompressionRatio}:1`);
		}
	}
	if (total > limits.maxUncompressedBytes) return bomb(name, `its parts declare ${mb(total)} uncompressed, over ${mb(limits.maxUncompressedBytes)}`, `解压后共 ${mb(total)}，超过 ${mb(limits.maxUncompressedBytes)}`);

	const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
	if (!names.has('xl/workbook.xml')) return notAWorkbook(name, names);

	const scans: SheetScan[] = [];
	let workbookXml = '';
	let relsXml = '';
	for (const e of entries) {
		const inflated = inflateEntry(bytes, e);
		if (!inflated.ok) {
			if (inflated.reason === 'larger-than-declared') return bomb(name, inflated.detail, `其中的 ${e.name} 解压后超过其声明的大小`);
			if (inflated.reason === 'encrypted') return fail('encrypted', `文件「${name}」中的内容已加密，无法读取：请清除密码，另存为 .xlsx 后再导入。`, `The file "${name}" holds encrypted parts and cannot be read: remove the password, save as .xlsx and import it again.`);
			return fail('corrupt', `文件「${name}」已损坏（其中的 ${e.name} 无法解压）：请在 Excel 中打开并重新保存为 .xlsx 后再试。`, `The file "${name}" is damaged (${inflated.detail}): open it in Excel, save it again as .xlsx and retry.`);
		}
		const path = e.name.replace(/^\//, '');
		if (path === 'xl/workbook.xml') workbookXml = utf8(inflated.data);
		else if (path === 'xl/_rels/workbook.xml.rels') relsXml = utf8(inflated.data);
		else if (/^xl\/worksheets\/[^/]+\.xml$/.test(path)) scans.push(scanSheet(path, inflated.data));
	}

	const sheetNames = sheetPaths(workbookXml, relsXml);
	for (const scan of scans) {
		const sheet = sheetNames.get(scan.path) ?? scan.path;
		if (scan.cells > limits.maxCells || scan.mergedCells > limits.maxCells) {
			const count = Math.max(scan.cells, scan.mergedCells);
			return fail('too-many-rows', `文件「${name}」的工作表「${sheet}」有 ${n(count)} 个单元格${scan.mergedCells > limits.maxCells ? '（含合并单元格）' : ''}，超过 ${n(limits.maxCells)} 的上限：请删去多余的行、列和合并单元格，或分成几个文件。`, `The sheet "${sheet}" of "${name}" has ${n(count)} cells${scan.mergedCells > limits.maxCells ? ' (merged cells included)' : ''}, over the ${n(limits.maxCells)} limit: delete the extra rows, columns and merged cells, or split the file.`);
		}
		if (scan.lastRow > limits.maxRows + HEADER_ALLOWANCE) {
			return fail('too-many-rows', `文件「${name}」的工作表「${sheet}」用到了第 ${n(scan.lastRow)} 行，超过 ${n(limits.maxRows)} 行数据的上限。如果数据下方都是空行，请选中这些行「删除」（不是清除内容）后保存；否则请分成几个文件。`, `The sheet "${sheet}" of "${name}" uses rows down to row ${n(scan.lastRow)}, past the limit of ${n(limits.maxRows)} data rows. If the rows below your data are empty, select them and delete them (Delete rows, not Clear contents), then save; otherwise split the file.`);
		}
	}
	return { ok: true };
}

function bomb(name: string, en: string, zh: string): Failure {
	return fail('zip-bomb', `文件「${name}」异常：${zh}。为安全起见没有读取。请在 Excel 中打开并重新保存为 .xlsx，或分成几个文件。`, `The file "${name}" looks wrong: ${en}. It was not read, to be safe. Open it in Excel, save it again as .xlsx, or split it into several files.`);
}

function notAWorkbook(name: string, names: Set<string>): Failure {
	const what = names.has('word/document.xml')
		? { zh: 'Word 文档', en: 'a Word document' }
		: [...names].some((p) => p.startsWith('ppt/'))
			? { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' }
			: names.has('content.xml') && names.has('mimetype')
				? { zh: 'OpenDocument（WPS/LibreOffice）文件', en: 'an OpenDocument (WPS/LibreOffice) file' }
				: { zh: '压缩包', en: 'a zip archive' };
	return fail('not-a-spreadsheet', `文件「${name}」是${what.zh}，不是 Excel 工作簿：请在表格软件中打开，另存为「Excel 工作簿 (.xlsx)」或「CSV UTF-8」后再导入。`, `The file "${name}" is ${what.en}, not an Excel workbook: open it in a spreadsheet program, save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and import it again.`);
}

function utf8(data: Uint8Array): string {
	return new TextDecoder('utf-8').decode(data);
}

/** Worksheet part path → sheet name, from xl/workbook.xml and its relationships. */
function sheetPaths(workbookXml: string, relsXml: string): Map<string, string> {
	const targets = new Map<string, string>();
	for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
		const id = attr(m[1], 'Id');
		const target = attr(m[1], 'Target');
		if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
	}
	const out = new Map<string, string>();
	for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
		const sheetName = attr(m[1], 'name');
		const rid = attr(m[1], 'r:id') ?? attr(m[1], 'id');
		const path = rid ? targets.get(rid) : undefined;
		if (sheetName !== null && path) out.set(path, sheetName);
	}
	return out;
}

function attr(attrs: string, key: string): string | null {
	const m = new RegExp(`(?:^|\\s)${key.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(attrs);
	return m ? decodeXml(m[1]) : null;
}

function decodeXml(text: string): string {
	return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
		switch (e.toLowerCase()) {
			case 'lt':
				return '<';
			case 'gt':
				return '>';
			case 'amp':
				return '&';
			case 'quot':
				return '"';
			case 'apos':
				return "'";
			default:
				return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		}
	});
}

/**
 * A worksheet's used range as its XML claims it, without building anything: the <dimension>
 * ref, the last <row> (with or without cells: exceljs builds it either way), merged ranges, and
 * the number of <c> elements and of cells merges cover.
 */
function scanSheet(path: string, data: Uint8Array): SheetScan {
	const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
	let lastRow = 0;
	const dimension = /<dimension\s+ref="([^"]*)"/.exec(xml);
	if (dimension) lastRow = Math.max(lastRow, lastRowOf(dimension[1]));
	let row = 0;
	const rows = /<row\b([^>]*)>/g;
	for (let m = rows.exec(xml); m; m = rows.exec(xml)) {
		const r = /(?:^|\s)r="(\d+)"/.exec(m[1]);
		row = r ? Number(r[1]) : row + 1;
		if (row > lastRow) lastRow = row;
	}
	let cells = 0;
	const cellTags = /<c[\s>/]/g;
	while (cellTags.exec(xml)) cells++;
	let mergedCells = 0;
	const merges = /<mergeCell\s+ref="([^"]*)"/g;
	for (let m = merges.exec(xml); m; m = merges.exec(xml)) {
		const range = parseRange(m[1]);
		if (!range) continue;
		mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
		if (range.bottom > lastRow) lastRow = range.bottom;
	}
	return { path, lastRow, cells, mergedCells };
}

function lastRowOf(ref: string): number {
	const range = parseRange(ref);
	return range ? range.bottom : 0;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
	const [a, b = a] = ref.split(':');
	const p = parseAddress(a);
	const q = parseAddress(b);
	if (!p || !q) return null;
	return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function parseAddress(address: string): { row: number; col: number } | null {
	const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
	if (!m) return null;
	let col = 0;
	for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
	return { row: Number(m[2]), col };
}

export function columnLetter(index: number): string {
	let s = '';
	for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
	return s;
}

// ——— The grid both formats become ———————————————————————————————————————————————————

interface Merge {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

interface Grid {
	/** Rows with at least one value, in order; cells[0] is column A. Merge slaves are null. */
	rows: Array<{ row: number; cells: Cell[] }>;
	/** 1-based rows, 1-based columns. */
	merges: Merge[];
	/** The last row the sheet uses (formatted empty rows included), for the trailing-rows note. */
	lastRow: number;
}

function sheetGrid(ws: ExcelJS.Worksheet, notes: Notes): Grid {
	const rows: Grid['rows'] = [];
	const merges = new Map<string, Merge>();
	const sheet = ws.name;
	const where = (row: number, col: number): Msg => {
		const a = `${columnLetter(col)}${row}`;
		return { zh: `工作表「${sheet}」${a} 单元格`, en: `cell ${a} of sheet "${sheet}"` };
	};
	ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: Cell[] = [];
		let any = false;
		row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
			if (cell.type === ExcelJS.ValueType.Merge) {
				const master = cell.master;
				const key = master.address;
				const m = merges.get(key) ?? { top: Number(master.row), left: Number(master.col), bottom: Number(master.row), right: Number(master.col) };
				m.top = Math.min(m.top, rowNumber);
				m.bottom = Math.max(m.bottom, rowNumber);
				m.left = Math.min(m.left, colNumber);
				m.right = Math.max(m.right, colNumber);
				merges.set(key, m);
				return;
			}
			const value = cellValue(cell.value, () => where(rowNumber, colNumber - 1), notes);
			if (value !== null) {
				cells[colNumber - 1] = value;
				any = true;
			}
		});
		if (any) {
			for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
			rows.push({ row: rowNumber, cells });
		}
	});
	return { rows, merges: [...merges.values()], lastRow: ws.rowCount };
}

/** An exceljs cell value → a Cell; formulas give their cached result, errors null (noted). */
function cellValue(value: ExcelJS.CellValue | undefined, where: () => Msg, notes: Notes): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return normaliseText(value);
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'boolean') return value;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) {
			notes.group('bad-date', where(), '格式为日期但数值超出日期范围，按空值读取', 'formatted as a date but out of the date range, read as empty');
			return null;
		}
		return value;
	}
	if (typeof value !== 'object') return null;
	const v = value as unknown as Record<string, unknown>;
	if ('error' in v) {
		notes.group(`error:${String(v.error)}`, where(), `显示错误 ${String(v.error)}，按空值读取`, `shows the error ${String(v.error)}, read as empty`);
		return null;
	}
	if ('formula' in v || 'sharedFormula' in v) {
		if (v.result === undefined || v.result === null) {
			notes.group('no-result', where(), '是公式但文件中没有保存计算结果，按空值读取（请在 Excel 中打开、重新计算并保存）', 'holds a formula with no saved result, read as empty (open the file in Excel, let it recalculate, save)');
			return null;
		}
		return cellValue(v.result as ExcelJS.CellValue, where, notes);
	}
	if (Array.isArray(v.richText)) return normaliseText((v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join(''));
	if ('text' in v) return cellValue(v.text as ExcelJS.CellValue, where, notes);
	return null;
}

// Full-width digits, letters, space and the symbols of numbers and house numbers (－ ． ／ ＃);
// Chinese punctuation (，。、：；（）) stays as written.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff03\uff0d\uff0e\uff0f\u3000\u00a0]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** A text cell as read: full-width digits/letters/spaces half-width, invisible characters removed, trimmed; "" → null. */
export function normaliseText(text: string): string | null {
	const out = text
		.replace(INVISIBLE, '')
		.replace(FULL_WIDTH, (ch) => (ch === '\u00a0' ? ' ' : ch.normalize('NFKC')))
		.replace(/\r\n?/g, '\n')
		.trim();
	return out === '' ? null : out;
}

// ——— Notes, grouped so a column of 5,000 formulas is one note ————————————————————————————

class Notes {
	private list: Array<Msg | { group: string }> = [];
	private groups = new Map<string, { zh: string; en: string; where: Msg[] }>();

	add(zh: string, en: string): void {
		this.list.push({ zh, en });
	}

	group(key: string, where: Msg, zh: string, en: string): void {
		let g = this.groups.get(key);
		if (!g) {
			g = { zh, en, where: [] };
			this.groups.set(key, g);
			this.list.push({ group: key });
		}
		g.where.push(where);
	}

	render(): Msg[] {
		return this.list.map((item) => {
			if (!('group' in item)) return item;
			const g = this.groups.get(item.group)!;
			const shown = g.where.slice(0, 10);
			const more = g.where.length - shown.length;
			return {
				zh: `${shown.map((w) => w.zh).join('、')}${more > 0 ? ` 等另外 ${n(more)} 处` : ''}：${g.zh}。`,
				en: `${capitalise(shown.map((w) => w.en).join(', '))}${more > 0 ? ` and ${n(more)} more` : ''}: ${g.en}.`
			};
		});
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

// ——— Headers and rows, the same for both formats ————————————————————————————————————————

interface Context {
	file: string;
	format: 'xlsx' | 'csv';
	sheet: string | null;
	sheets: string[];
	encoding?: Table['encoding'];
	limits: Limits;
	notes: Notes;
	exampleMarker?: string;
}

function headerText(cell: Cell): string {
	if (cell === null) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
	return String(cell).replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

function buildTable(grid: Grid, ctx: Context): TableResult {
	const { file, notes } = ctx;
	const inSheet = ctx.sheet !== null ? { zh: `工作表「${ctx.sheet}」`, en: ` sheet "${ctx.sheet}" of` } : { zh: '', en: '' };
	if (grid.rows.length === 0) return fail('empty', `文件「${file}」${inSheet.zh}是空的，没有表头行。`, `The${inSheet.en} file "${file}" is empty: there is no header row.`);

	const byRow = new Map(grid.rows.map((r) => [r.row, r.cells]));
	const raw = (row: number, col: number): Cell => byRow.get(row)?.[col] ?? null;
	const mergeAt = (row: number, col: number): Merge | undefined => grid.merges.find((m) => row >= m.top && row <= m.bottom && col + 1 >= m.left && col + 1 <= m.right);
	/** A header cell: a merged range's text wherever the range reaches. */
	const head = (row: number, col: number): string => {
		const m = mergeAt(row, col);
		return headerText(m ? raw(m.top, m.left - 1) : raw(row, col));
	};
	const filled = (cells: Cell[]): number => cells.filter((c) => c !== null).length;

	// Title rows above the header.
	let index = 0;
	while (index < 3 && index + 1 < grid.rows.length) {
		const { row, cells } = grid.rows[index];
		const next = grid.rows[index + 1];
		if (filled(cells) !== 1 || filled(next.cells) < 2) break;
		const col = cells.findIndex((c) => c !== null);
		const m = mergeAt(row, col);
		const spansColumns = m !== undefined && m.right > m.left && m.top === row;
		if (!spansColumns && filled(next.cells) < 3) break;
		notes.add(`第 ${row} 行（「${headerText(cells[col])}」）是标题，不是表头，已跳过。`, `Row ${row} ("${headerText(cells[col])}") reads as a title, not a header, and was skipped.`);
		index++;
	}
	const headerRow = grid.rows[index].row;

	let width = 0;
	for (const r of grid.rows) if (r.row >= headerRow) width = Math.max(width, r.cells.length);
	for (const m of grid.merges) if (m.top <= headerRow + 1 && m.bottom >= headerRow) width = Math.max(width, m.right);
	const columnsOf = (f: (c: number) => string): string[] => Array.from({ length: width }, (_, c) => f(c));

	const keyRowAt = (row: number, headerCount: number): Array<string | null> | null => {
		const cells = byRow.get(row);
		if (!cells) return null;
		const keys = columnsOf((c) => (typeof cells[c] === 'string' ? (cells[c] as string) : cells[c] === null || cells[c] === undefined ? '' : '\u0000'));
		const present = keys.filter((k) => k !== '');
		if (present.length < Math.max(2, Math.ceil(headerCount / 2))) return null;
		if (!present.every((k) => isKeyCell(k))) return null;
		return keys.map((k) => (k === '' ? null : k));
	};

	let headers = columnsOf((c) => head(headerRow, c));
	const headerCount = headers.filter((h) => h !== '').length;
	if (headerCount === 0) return fail('empty', `文件「${file}」${inSheet.zh}第 ${headerRow} 行没有表头。`, `The${inSheet.en} file "${file}" has no header in row ${headerRow}.`);
	let headerRows = 1;
	let keys = keyRowAt(headerRow + 1, headerCount);
	if (keys) headerRows = 2;
	else if (twoRowHeader(grid.merges, headerRow, width, raw)) {
		const sub = headerRow + 1;
		headers = columnsOf((c) => {
			const top = head(headerRow, c);
			const m = mergeAt(headerRow, c);
			if (m && m.bottom >= sub) return top;
			const below = head(sub, c);
			return top && below && top !== below ? `${top} / ${below}` : top || below;
		});
		headerRows = 2;
		notes.add(`第 ${headerRow}–${sub} 行是两行表头，列名按「上 / 下」合并读取。`, `Rows ${headerRow}–${sub} read as a two-row header; column names joined as "group / sub-header".`);
		keys = keyRowAt(headerRow + 2, headerCount);
		if (keys) headerRows = 3;
	}
	const firstData = headerRow + headerRows;

	// The template's example column.
	let exampleColumn = keys ? keys.indexOf(EXAMPLE_KEY) : -1;
	if (exampleColumn < 0) exampleColumn = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(EXAMPLE_HEADER));
	if (exampleColumn < 0 && keys) {
		notes.add('第 2 行是模板的字段名行，但「示例 / example」列已被删除：请确认示例行也已删除，否则它会被当作数据导入。', 'Row 2 is the template\'s key row but the "示例 / example" column was deleted: make sure the example row was deleted too, or it is imported as data.');
	}
	const keep = (c: number): boolean => c !== exampleColumn;
	const columns = columnsOf(columnLetter).filter((_, c) => keep(c));

	// Data rows.
	const rows: TableRow[] = [];
	const exampleRows: number[] = [];
	const notMarker: number[] = [];
	const marker = ctx.exampleMarker !== undefined ? normaliseText(ctx.exampleMarker) : undefined;
	for (const r of grid.rows) {
		if (r.row < firstData) continue;
		if (exampleColumn >= 0) {
			const mark = r.cells[exampleColumn] ?? null;
			if (mark !== null) {
				if (marker === undefined || (typeof mark === 'string' && mark.toLowerCase() === marker?.toLowerCase())) {
					exampleRows.push(r.row);
					continue;
				}
				notMarker.push(r.row);
			}
		}
		const cells: Cell[] = [];
		for (let c = 0; c < width; c++) if (keep(c)) cells.push(r.cells[c] ?? null);
		if (cells.every((c) => c === null)) continue;
		rows.push({ row: r.row, cells });
		if (rows.length > ctx.limits.maxRows) {
			return fail('too-many-rows', `文件「${file}」${inSheet.zh}有超过 ${n(ctx.limits.maxRows)} 行数据，超过上限：请分成几个文件。`, `The${inSheet.en} file "${file}" has more than ${n(ctx.limits.maxRows)} data rows, over the limit: split it into several files.`);
		}
	}
	const example = columnLetter(exampleColumn);
	if (exampleRows.length > 0) {
		notes.add(`第 ${listRows(exampleRows)} 行在「示例 / example」列（${example} 列）有标记，作为示例跳过，没有导入；如要导入，请清空该列。`, `Row${exampleRows.length > 1 ? 's' : ''} ${listRows(exampleRows)} marked in the "示例 / example" column (${example}) ${exampleRows.length > 1 ? 'were' : 'was'} skipped as the example, not imported; clear that column to import ${exampleRows.length > 1 ? 'them' : 'it'}.`);
	}
	if (notMarker.length > 0) {
		notes.add(`第 ${listRows(notMarker)} 行在「示例 / example」列（${example} 列）有内容但不是示例标记，按数据读取。`, `Row${notMarker.length > 1 ? 's' : ''} ${listRows(notMarker)} ${notMarker.length > 1 ? 'have' : 'has'} something in the "示例 / example" column (${example}) other than the example marker and ${notMarker.length > 1 ? 'were' : 'was'} read as data.`);
	}

	// Empty rows: between data rows, and after the last.
	if (rows.length > 0) {
		const taken = new Set([...rows.map((r) => r.row), ...exampleRows]);
		const blank: number[] = [];
		if (ctx.format === 'xlsx') for (let r = firstData; r < rows[rows.length - 1].row; r++) if (!taken.has(r)) blank.push(r);
		if (blank.length > 0) notes.add(`跳过了 ${n(blank.length)} 个空行（第 ${listRows(blank)} 行）；其余行号与表格一致。`, `Skipped ${n(blank.length)} empty row${blank.length > 1 ? 's' : ''} (${listRows(blank)}); row numbers are the spreadsheet's.`);
		const trailing = grid.lastRow - rows[rows.length - 1].row;
		if (ctx.format === 'xlsx' && trailing > 0) notes.add(`最后一行数据（第 ${rows[rows.length - 1].row} 行）之后的 ${n(trailing)} 个空行已忽略。`, `Ignored ${n(trailing)} empty row${trailing > 1 ? 's' : ''} after the last data row (${rows[rows.length - 1].row}).`);
	}

	// Merged cells in the data area and values without a header.
	const dataMerges = grid.merges.filter((m) => m.bottom >= firstData);
	if (dataMerges.length > 0) {
		const list = dataMerges.slice(0, 10).map((m) => `${columnLetter(m.left - 1)}${m.top}:${columnLetter(m.right - 1)}${m.bottom}`).join(', ');
		notes.add(`数据区有合并单元格（${list}${dataMerges.length > 10 ? ' 等' : ''}）：值只读在每个合并区域的左上角单元格，其余为空。`, `Merged cells in the data (${list}${dataMerges.length > 10 ? '…' : ''}): each value is read in the top-left cell of its range only; the others are empty.`);
	}
	const kept = headers.filter((_, c) => keep(c));
	const headless = kept.map((h, c) => ({ h, c })).filter(({ h, c }) => h === '' && rows.some((r) => r.cells[c] !== null));
	if (headless.length > 0) {
		const letters = headless.map(({ c }) => columns[c]).join(', ');
		notes.add(`${letters} 列有数据但没有表头。`, `Column${headless.length > 1 ? 's' : ''} ${letters} ${headless.length > 1 ? 'have' : 'has'} values but no header.`);
	}

	return {
		ok: true,
		table: {
			file,
			format: ctx.format,
			sheet: ctx.sheet,
			sheets: ctx.sheets,
			...(ctx.encoding ? { encoding: ctx.encoding } : {}),
			headerRow,
			headerRows,
			headers: kept,
			keys: keys ? keys.filter((_, c) => keep(c)) : null,
			columns,
			rows,
			exampleRows,
			notes: notes.render()
		}
	};
}

/**
 * A header is two rows when a header cell is merged down into the next row, or when it has a cell
 * merged across columns with something under it and everything in the next row sits under such a
 * merged group (a data row would have values under the single headers too).
 */
function twoRowHeader(merges: Merge[], headerRow: number, width: number, raw: (row: number, col: number) => Cell): boolean {
	const sub = headerRow + 1;
	if (merges.some((m) => m.top === headerRow && m.bottom >= sub)) return true;
	const groups = merges.filter((m) => m.top === headerRow && m.bottom === headerRow && m.right > m.left);
	if (groups.length === 0) return false;
	const underGroup = (c: number): boolean => groups.some((m) => c + 1 >= m.left && c + 1 <= m.right);
	let under = 0;
	for (let c = 0; c < width; c++) {
		if (raw(sub, c) === null) continue;
		if (!underGroup(c)) return false;
		under++;
	}
	return under > 0;
}

function listRows(rows: number[]): string {
	const shown = rows.slice(0, 10).join(', ');
	return rows.length > 10 ? `${shown}… (+${n(rows.length - 10)})` : shown;
}

// ——— CSV ————————————————————————————————————————————————————————————————————————————

function readCsv(name: string, bytes: Uint8Array, limits: Limits, options: ReadOptions): TableResult {
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (!utf16 && bytes.includes(0)) {
		return fail('not-a-spreadsheet', `文件「${name}」不是 CSV 文本（是二进制文件，或没有字节顺序标记的 UTF-16 文本）：请在 Excel 中另存为「CSV UTF-8」后再导入。`, `The file "${name}" is not CSV text (a binary file, or UTF-16 text without a byte-order mark): save it from Excel as "CSV UTF-8" and import it again.`);
	}
	const decoded = decodeBytes(bytes);
	if (!decoded.ok) {
		return fail('encoding', `无法识别文件「${name}」的文字编码（既不是 UTF-8 也不是 GB18030/GBK）：请在 Excel 中另存为「CSV UTF-8」后再导入。`, `Could not tell the text encoding of the file "${name}" (neither UTF-8 nor GB18030/GBK): save it from Excel as "CSV UTF-8" and import it again.`);
	}
	const notes = new Notes();
	if (options.sheet !== undefined) notes.add(`CSV 文件没有工作表，忽略了工作表名「${options.sheet}」。`, `A CSV file has no sheets; the sheet name "${options.sheet}" was ignored.`);
	const encoding: Table['encoding'] = decoded.encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : decoded.encoding;
	if (decoded.encoding === 'gb18030') notes.add(`文件「${name}」不是 UTF-8，已按 GB18030（GBK，中文版 Excel 的 CSV 编码）读取：请核对中文是否正确，或另存为「CSV UTF-8」。`, `The file "${name}" is not UTF-8, so it was read as GB18030 (GBK, the encoding of Chinese Excel's CSV): check that the Chinese reads right, or save it as "CSV UTF-8".`);

	const parsed = parseCsvRows(decoded.text, limits.maxRows + HEADER_ALLOWANCE);
	if (parsed.tooMany) {
		return fail('too-many-rows', `文件「${name}」有超过 ${n(limits.maxRows)} 行数据，超过上限：请分成几个文件。`, `The file "${name}" has more than ${n(limits.maxRows)} data rows, over the limit: split it into several files.`);
	}
	const all = parsed.header ? [parsed.header, ...parsed.rows] : [];
	const rows: Grid['rows'] = [];
	for (const r of all) {
		if (r.problem) notes.add(`文件「${name}」第 ${r.line} 行的引号有问题：${r.problem}。`, `Line ${r.line} of "${name}": ${r.problem}.`);
		const cells = r.fields.map((f) => normaliseText(f));
		if (cells.some((c) => c !== null)) rows.push({ row: r.line, cells });
	}
	// Blank lines between rows: the gap between line numbers not taken by line breaks inside quoted values.
	let blank = 0;
	for (let i = 1; i < all.length; i++) {
		const prev = all[i - 1];
		const inside = prev.fields.reduce((s, f) => s + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
		blank += Math.max(0, all[i].line - prev.line - 1 - inside);
	}
	if (blank > 0) notes.add(`跳过了 ${n(blank)} 个空行；行号为文件中的行号。`, `Skipped ${n(blank)} blank line${blank > 1 ? 's' : ''}; row numbers are the file's line numbers.`);
	const grid: Grid = {
		rows,
		merges: [],
		lastRow: rows.length > 0 ? rows[rows.length - 1].row : 0
	};
	return buildTable(grid, { file: name, format: 'csv', sheet: null, sheets: [], encoding, limits, notes, exampleMarker: options.exampleMarker });
}
