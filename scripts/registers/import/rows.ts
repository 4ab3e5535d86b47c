import { REGISTER_ROWS, rowColumns, type RowColumn } from '../../../src/lib/schema/register-row';
import type { RegisterId } from '../../../src/lib/schema/register';
import { readCell, type Cell } from './cells';
import { bothLanguages, msg } from '../../../src/lib/i18n/messages';

/** Where a cell sits, as the clerk sees it in their own file. */
export interface RowPlace {
	sheet: string | null;
	/** The row number the spreadsheet shows (the header is row 1); the line number for CSV. */
	row: number;
}

/** A row that cannot become a record, with the column and the reason in both languages. */
export interface RowProblem extends RowPlace {
	/** The column's header as the file has it; null when the problem is the row as a whole. */
	column: string | null;
	zh: string;
	en: string;
}

/** One row read into the register's row shape (src/lib/schema/register-row.ts). */
export interface RowValues extends RowPlace {
	values: Record<string, unknown>;
}

export interface ReadRows {
	rows: RowValues[];
	problems: RowProblem[];
}

/**
 * Cells → the row schema's values, column by column, then the row schema itself: every problem
 * names the row and the column as the file shows them. `columnOf` maps a field key to the file's
 * column index (header matching is done before).
 */
export function readRows(register: RegisterId, sheet: string | null, headers: string[], columnOf: Map<string, number>, rows: Array<{ row: number; cells: Cell[] }>): ReadRows {
	const columns = rowColumns(register);
	const schema = REGISTER_ROWS[register];
	const out: ReadRows = { rows: [], problems: [] };
	for (const { row, cells } of rows) {
		const problems: RowProblem[] = [];
		const values: Record<string, unknown> = {};
		for (const column of columns) {
			const index = columnOf.get(column.key);
			if (index === undefined) continue;
			const read = readCell(column, cells[index] ?? null);
			if (read.ok) {
				if (read.value !== undefined) values[column.key] = read.value;
			} else problems.push({ sheet, row, column: headers[index], zh: read.zh, en: read.en });
		}
		if (problems.length === 0) {
			const parsed = schema.safeParse(values);
			if (!parsed.success) {
				for (const issue of parsed.error.issues) {
					const key = String(issue.path[0] ?? '');
					const column = columns.find((c) => c.key === key);
					problems.push({ sheet, row, column: headerOf(column, columnOf, headers), ...issueText(column, issue.code, issue.message) });
				}
			} else {
				problems.push(...locationProblems(parsed.data, sheet, row, columnOf, headers));
			}
		}
		if (problems.length) out.problems.push(...problems);
		else out.rows.push({ sheet, row, values });
	}
	return out;
}

function headerOf(column: RowColumn | undefined, columnOf: Map<string, number>, headers: string[]): string | null {
	if (!column) return null;
	const index = columnOf.get(column.key);
	return index === undefined ? column.header.zh : headers[index];
}

function issueText(column: RowColumn | undefined, code: string, message: string): { zh: string; en: string } {
	if (column && (code === 'invalid_type' || code === 'too_small') && /undefined|received undefined|>=1 characters/.test(message)) {
		return bothLanguages(msg('register.requiredEmpty', { header: column.header, key: column.key }));
	}
	return bothLanguages(msg('register.notAllowed', { detail: message }));
}

/** Where the row is: an address, or both coordinates. */
function locationProblems(v: Record<string, unknown>, sheet: string | null, row: number, columnOf: Map<string, number>, headers: string[]): RowProblem[] {
	const has = (k: string) => v[k] !== undefined;
	const name = (k: string, fallback: string) => (columnOf.has(k) ? headers[columnOf.get(k)!] : fallback);
	if (has('lon') !== has('lat')) {
		const missing = has('lon') ? 'lat' : 'lon';
		return [{ sheet, row, column: name(missing, missing === 'lat' ? '纬度' : '经度'), ...bothLanguages(msg('register.lonLatTogether')) }];
	}
	if (!has('address') && !has('lon')) {
		return [{ sheet, row, column: name('address', '地址'), ...bothLanguages(msg('register.noLocation')) }];
	}
	return [];
}
