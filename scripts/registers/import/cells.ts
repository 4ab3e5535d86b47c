import type { RowColumn } from '../../../src/lib/schema/register-row';

/** A cell as the sheet reader gives it: dates from date cells, numbers as numbers, text as written. */
export type Cell = string | number | boolean | Date | null;

/** A cell read for its column, or why it cannot be (in both languages, naming what was found). */
export type CellValue = { ok: true; value: unknown } | { ok: false; zh: string; en: string };

const ok = (value: unknown): CellValue => ({ ok: true, value });
const bad = (zh: string, en: string): CellValue => ({ ok: false, zh, en });

/** The value a column holds, from whatever form Excel or a CSV gave it; empty cells are undefined. */
export function readCell(column: RowColumn, cell: Cell): CellValue {
	if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return ok(undefined);
	if (column.allowed && column.type !== 'list') return coded(column, cell);
	switch (column.type) {
		case 'date':
			return dateOf(cell);
		case 'number':
		case 'integer':
			return numberOf(cell, column.type === 'integer');
		case 'boolean':
			return booleanOf(cell);
		case 'list':
			return listOf(column, cell);
		default:
			return ok(cell instanceof Date ? isoDay(cell) : String(cell).trim());
	}
}

const norm = (v: string) => v.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, '');

/** A code, or its Chinese or English label (进度 “已完成” is `completed`). */
function coded(column: RowColumn, cell: Cell): CellValue {
	const raw = String(cell).trim();
	const key = norm(raw);
	const hit = column.allowed!.find((a) => norm(a.value) === key || norm(a.label.zh) === key || norm(a.label.en) === key);
	if (hit) return ok(hit.value);
	const listed = column.allowed!.map((a) => `${a.label.zh}（${a.value}）`).join('、');
	const listedEn = column.allowed!.map((a) => `${a.value} (${a.label.en})`).join(', ');
	return bad(`“${raw}”不是可选值；可填：${listed}`, `"${raw}" is not one of the allowed values: ${listedEn}`);
}

function listOf(column: RowColumn, cell: Cell): CellValue {
	const values: string[] = [];
	for (const part of String(cell).split(/[\s、,，;；/]+/).filter(Boolean)) {
		const one = coded(column, part);
		if (!one.ok) return one;
		values.push(one.value as string);
	}
	return ok(values);
}

function numberOf(cell: Cell, integer: boolean): CellValue {
	const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.normalize('NFKC').replace(/[,\s]/g, '')) : NaN;
	if (!Number.isFinite(n)) return bad(`“${String(cell)}”不是数字`, `"${String(cell)}" is not a number`);
	if (integer && !Number.isInteger(n)) return bad(`“${String(cell)}”不是整数`, `"${String(cell)}" is not a whole number`);
	return ok(n);
}

const YES = new Set(['是', '对', 'y', 'yes', 'true', '1', '✓', '√', '已核实', 'x']);
const NO = new Set(['否', '不', '错', 'n', 'no', 'false', '0', '×', '未核实']);

function booleanOf(cell: Cell): CellValue {
	if (typeof cell === 'boolean') return ok(cell);
	const v = norm(String(cell));
	if (YES.has(v)) return ok(true);
	if (NO.has(v)) return ok(false);
	return bad(`“${String(cell)}”应填“是”或“否”`, `"${String(cell)}" should be yes or no (是 / 否)`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const fromSerial = (serial: number) => isoDay(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000));

/** A day from a date cell, an Excel serial number, or the ways people write dates in a cell. */
export function dateOf(cell: Cell): CellValue {
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad('日期无效', 'not a valid date') : ok(isoDay(cell));
	if (typeof cell === 'number') {
		if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return ok(String(cell));
		if (cell > 20_000 && cell < 80_000) return ok(fromSerial(cell));
		return bad(`“${cell}”不是日期`, `"${cell}" is not a date`);
	}
	const raw = String(cell).normalize('NFKC').trim();
	const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?)?$/.exec(raw);
	if (!m) return bad(`“${raw}”不是日期（可写 2024-03-05、2024/3/5、2024年3月5日、2024年3月）`, `"${raw}" is not a date (write 2024-03-05, 2024/3/5, 2024年3月5日 or 2024-03)`);
	const [, y, mo, d] = m;
	if (mo && (Number(mo) < 1 || Number(mo) > 12)) return bad(`“${raw}”的月份不对`, `"${raw}" has no such month`);
	if (d) {
		const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
		if (date.getUTCMonth() !== Number(mo) - 1) return bad(`“${raw}”没有这一天`, `"${raw}" has no such day`);
		return ok(`${y}-${pad(Number(mo))}-${pad(Number(d))}`);
	}
	return ok(mo ? `${y}-${pad(Number(mo))}` : y);
}
