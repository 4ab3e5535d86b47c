/**
 * Reading an XLSX file: the archive judged first (xlsx-guard.ts), then loaded by exceljs with the
 * parts it would expand cell by cell left out, the sheet chosen (by name, or the first visible one
 * with content that is not instructions), turned into a grid (xlsx-grid.ts) and read as a table
 * (table-build.ts). Kept apart from read-table.ts, which only dispatches by format, as csv.ts is.
 */
import ExcelJS from 'exceljs';
import { fail, HEADER_ALLOWANCE, type Limits, type ReadOptions, type TableResult } from './table-result';
import { Notes } from './table-grid';
import { inspectXlsx } from './xlsx-guard';
import { sheetGrid } from './xlsx-grid';
import { buildTable } from './table-build';

// ——— XLSX ————————————————————————————————————————————————————————————————————————

export async function readXlsx(name: string, bytes: Uint8Array, limits: Limits, options: ReadOptions): Promise<TableResult> {
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
