/**
 * Reading a CSV file: binary files (and UTF-16 without a byte-order mark) refused, the text decoded
 * (UTF-8, with or without BOM, or GB18030 noted) and parsed through src/lib/import, the row limit
 * applied while parsing, each field normalised like an XLSX text cell, blank lines counted, and the
 * rows read as a table by the same rules as a worksheet (table-build.ts).
 */
import { decodeBytes } from '../../../src/lib/import/decode';
import { parseCsvRows } from '../../../src/lib/import/csv-parse';
import { fail, HEADER_ALLOWANCE, n, type Limits, type ReadOptions, type Table, type TableResult } from './table-result';
import { Notes, type Grid } from './table-grid';
import { normaliseText } from './xlsx-grid';
import { buildTable } from './table-build';

// ——— CSV ————————————————————————————————————————————————————————————————————————————

export function readCsv(name: string, bytes: Uint8Array, limits: Limits, options: ReadOptions): TableResult {
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
