/**
 * A spreadsheet file (XLSX or CSV) → one table of cells under its headers, generic over columns.
 *
 * XLSX goes to exceljs only after the reader has judged the archive itself: size, the zip's
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
 *
 * This module is the entry: it dispatches by format and re-exports the public types and helpers.
 * The pre-parse checks are in xlsx-guard.ts, XLSX reading in xlsx.ts and xlsx-grid.ts, CSV reading
 * in csv.ts, the header and row rules in table-build.ts (over the grid of table-grid.ts), and the
 * types, limits and failure helpers in table-result.ts.
 */
import { isZip } from './zip';
import { DEFAULT_LIMITS, fail, mb, type Limits, type ReadOptions, type TableResult } from './table-result';
import { cfbFailure, isCfb } from './xlsx-guard';
import { readXlsx } from './xlsx';
import { readCsv } from './csv';

export type { Cell, TableRow, Table, TableErrorCode, TableResult, Limits, ReadOptions } from './table-result';
export { DEFAULT_LIMITS } from './table-result';
export { columnLetter, normaliseText } from './xlsx-grid';

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
