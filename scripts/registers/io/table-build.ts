/**
 * Headers and rows, the same for both formats: from a grid (table-grid.ts) find the title rows to
 * skip, the header row, a key row or a two-row header, the template's example column and the rows
 * it marks, then the data rows, with notes on blank rows, merged data cells and values without a
 * header. The rules are documented for the importer at the top of read-table.ts.
 */
import { EXAMPLE_HEADER, EXAMPLE_KEY, isKeyCell, normaliseHeader } from './headers';
import { fail, n, type Cell, type Limits, type Table, type TableResult, type TableRow } from './table-result';
import type { Grid, Merge, Notes } from './table-grid';
import { columnLetter, normaliseText } from './xlsx-grid';

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

export function buildTable(grid: Grid, ctx: Context): TableResult {
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
