/**
 * An exceljs worksheet → the grid the table is read from: each row's values as Cells (formulas give
 * their cached result, errors and formulas without one are read as empty and noted), merged ranges
 * gathered from exceljs's merge cells, and the sheet's last used row. Also the text normalisation
 * every cell goes through (full-width digits and letters half-width, invisible characters removed),
 * which CSV cells share, and the column letters notes and tables name columns by.
 */
import ExcelJS from 'exceljs';
import type { Cell, Msg } from './table-result';
import type { Grid, Merge, Notes } from './table-grid';

export function columnLetter(index: number): string {
	let s = '';
	for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
	return s;
}

export function sheetGrid(ws: ExcelJS.Worksheet, notes: Notes): Grid {
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
