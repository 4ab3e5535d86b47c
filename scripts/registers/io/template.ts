/**
 * The fill-in template a subdistrict clerk downloads, as XLSX (exceljs) and CSV, from a column
 * spec. Generic over columns: it knows nothing about registers.
 *
 * Layout of the data sheet (XLSX and CSV alike):
 *   column A    the example column: header EXAMPLE_HEADER, key EXAMPLE_KEY, empty in every row a
 *               clerk fills in; in the example row it holds `exampleMarker` (bold red). The reader
 *               finds the column by its key (or header), drops it and skips the rows it marks.
 *   row 1       the Chinese headers, each with a note (bilingual description, type, required).
 *   row 2       the English field keys (grey italic): the reader's key row (headerRows = 2).
 *   row 3       the example row (yellow, italic), marked in column A.
 *   rows 3–5000 drop-downs on coded columns, date/text/integer formats on the typed columns.
 * A second sheet, "说明 Instructions", holds the instructions in zh and en and a table of every
 * column. Same spec → same bytes: fixed workbook dates and zip timestamps.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { EXAMPLE_HEADER, EXAMPLE_KEY, KEY_PATTERN } from './headers';
import { withFixedTimestamps } from './zip';

export interface TemplateColumn {
	key: string;
	header: { zh: string; en: string };
	description: { zh: string; en: string };
	type: 'text' | 'number' | 'integer' | 'date' | 'boolean';
	required: boolean;
	/** Coded values: a drop-down in the XLSX. */
	allowed?: Array<{ value: string; label: { zh: string; en: string } }>;
	/** The example row's value. */
	example: string | number | boolean | Date | null;
}

export interface TemplateSpec {
	title: { zh: string; en: string };
	sheetName: string;
	columns: TemplateColumn[];
	/** General paragraphs: address forms, accepted coordinate systems… */
	instructions: { zh: string[]; en: string[] };
	exampleMarker: string;
}

export interface TemplateOptions {
	/** Last row the drop-downs and formats reach (default TEMPLATE_LAST_ROW). */
	lastRow?: number;
}

export const INSTRUCTIONS_SHEET = '说明 Instructions';
/** The drop-downs and column formats cover rows 3 to this one. */
export const TEMPLATE_LAST_ROW = 5000;
/** Workbook created/modified and every zip entry's timestamp. */
export const TEMPLATE_DATE = new Date(Date.UTC(2024, 0, 1));
/** Rows: 1 headers, 2 keys, 3 the example. */
export const EXAMPLE_ROW = 3;
const HIDDEN_LISTS_SHEET = '_lists';

const TYPE_LABEL: Record<TemplateColumn['type'], { zh: string; en: string }> = {
	text: { zh: '文本', en: 'text' },
	number: { zh: '数字', en: 'number' },
	integer: { zh: '整数', en: 'whole number' },
	date: { zh: '日期（如 2024-05-01）', en: 'date (e.g. 2024-05-01)' },
	boolean: { zh: '是/否', en: 'yes/no' }
};
const NUM_FMT: Partial<Record<TemplateColumn['type'], string>> = { text: '@', integer: '0', date: 'yyyy-mm-dd' };

const FILL = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const REQUIRED_FILL = FILL('FFFCE4D6');
const OPTIONAL_FILL = FILL('FFDDEBF7');
const KEY_FILL = FILL('FFF2F2F2');
const EXAMPLE_FILL = FILL('FFFFF2CC');
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } } };

/** The template's generated paragraphs about its own layout (before the spec's instructions). */
export function layoutInstructions(spec: TemplateSpec): { zh: string[]; en: string[] } {
	return {
		zh: [
			`在「${spec.sheetName}」表中填写，每行一条记录。第1行是中文表头（橙色为必填，蓝色为选填；鼠标停在表头上可看说明），第2行是字段名（灰色）：请勿修改或删除这两行。`,
			`第${EXAMPLE_ROW}行是示例：A列写有「${spec.exampleMarker}」，导入时跳过，可保留或删除。请从第${EXAMPLE_ROW + 1}行起填写，A列（${EXAMPLE_HEADER}）留空；A列有内容的行不会导入。`,
			'带下拉箭头的列请从列表中选择代码（代码 = 含义见下表「可选值」）。日期请按日期填写（如 2024-05-01）。',
			'保存为 .xlsx（不要设置密码），也可另存为「CSV UTF-8」。'
		],
		en: [
			`Fill in the sheet "${spec.sheetName}", one record per row. Row 1 holds the Chinese headers (orange = required, blue = optional; hover over a header for its description), row 2 the field keys (grey): do not change or delete these two rows.`,
			`Row ${EXAMPLE_ROW} is an example: column A says "${spec.exampleMarker}", and the row is skipped on import; keep it or delete it. Fill in from row ${EXAMPLE_ROW + 1} and leave column A (${EXAMPLE_HEADER}) empty: a row with anything in column A is not imported.`,
			'Columns with a drop-down arrow take one of the codes listed (code = meaning, in the "Allowed values" column below). Enter dates as dates (e.g. 2024-05-01).',
			'Save as .xlsx (without a password), or as "CSV UTF-8".'
		]
	};
}

export async function writeTemplateXlsx(spec: TemplateSpec, options: TemplateOptions = {}): Promise<Uint8Array> {
	checkSpec(spec);
	const lastRow = options.lastRow ?? TEMPLATE_LAST_ROW;
	const wb = new ExcelJS.Workbook();
	wb.creator = '衡复 Heritage Map';
	wb.lastModifiedBy = '衡复 Heritage Map';
	wb.title = `${spec.title.zh} ${spec.title.en}`;
	wb.created = TEMPLATE_DATE;
	wb.modified = TEMPLATE_DATE;

	const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: `B${EXAMPLE_ROW + 1}` }] });
	const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET);
	let lists: ExcelJS.Worksheet | null = null;

	// Column A: the example column.
	const a = ws.getColumn(1);
	a.width = 14;
	setHeader(ws.getCell(1, 1), EXAMPLE_HEADER, FILL('FFFFF2CC'), [
		{ font: { bold: true }, text: EXAMPLE_HEADER },
		{ text: `\n第${EXAMPLE_ROW}行是示例，导入时跳过。本列写有内容的行都不会导入：请留空。` },
		{ text: `\nRow ${EXAMPLE_ROW} is an example and is skipped on import. Rows with anything in this column are not imported: leave it empty.` }
	]);
	setKey(ws.getCell(2, 1), EXAMPLE_KEY);
	const marker = ws.getCell(EXAMPLE_ROW, 1);
	marker.value = spec.exampleMarker;
	marker.font = { bold: true, color: { argb: 'FFC00000' } };
	marker.fill = EXAMPLE_FILL;
	marker.border = THIN;

	spec.columns.forEach((column, i) => {
		const c = i + 2;
		const col = ws.getColumn(c);
		col.width = widthFor(column);
		// A column style: Excel gives it to every cell typed into the column.
		const numFmt = NUM_FMT[column.type];
		if (numFmt) col.numFmt = numFmt;

		setHeader(ws.getCell(1, c), column.header.zh, column.required ? REQUIRED_FILL : OPTIONAL_FILL, headerNote(column));
		setKey(ws.getCell(2, c), column.key);

		const example = ws.getCell(EXAMPLE_ROW, c);
		example.value = column.example;
		if (numFmt) example.numFmt = numFmt;
		example.font = { italic: true, color: { argb: 'FF595959' } };
		example.fill = EXAMPLE_FILL;
		example.border = THIN;

		if (column.allowed && column.allowed.length > 0) {
			const values = column.allowed.map((v) => v.value);
			let formula: string;
			const inline = `"${values.join(',')}"`;
			if (values.every((v) => !/[,"]/.test(v)) && inline.length <= 257) formula = inline;
			else {
				lists ??= wb.addWorksheet(HIDDEN_LISTS_SHEET, { state: 'veryHidden' });
				const listCol = lists.columnCount + 1;
				values.forEach((v, r) => (lists!.getCell(r + 1, listCol).value = v));
				const letter = lists.getColumn(listCol).letter;
				formula = `'${HIDDEN_LISTS_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
			}
			const letter = col.letter;
			// Worksheet.dataValidations (one range, not 5,000 cells) is in exceljs but not in its types.
			(ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}${EXAMPLE_ROW}:${letter}${lastRow}`, {
				type: 'list',
				allowBlank: true,
				formulae: [formula],
				showInputMessage: true,
				promptTitle: cut(column.header.zh, 32),
				prompt: cut(column.allowed.map((v) => `${v.value} = ${v.label.zh} / ${v.label.en}`).join('\n'), 255),
				showErrorMessage: true,
				errorStyle: 'warning',
				errorTitle: cut('不在可选值中 Not a listed value', 32),
				error: cut(`请从下拉列表中选择（见「${INSTRUCTIONS_SHEET}」）。Choose from the drop-down (see "${INSTRUCTIONS_SHEET}").`, 255)
			});
		}
	});
	ws.getRow(1).height = 32;
	ws.getRow(2).height = 16;

	writeInstructions(instructions, spec);

	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
	return withFixedTimestamps(bytes, TEMPLATE_DATE);
}

/** UTF-8 with BOM: the headers, the keys, the example row (marked in the first column). */
export function writeTemplateCsv(spec: TemplateSpec): Uint8Array {
	checkSpec(spec);
	const rows = [
		[EXAMPLE_HEADER, ...spec.columns.map((c) => c.header.zh)],
		[EXAMPLE_KEY, ...spec.columns.map((c) => c.key)],
		[spec.exampleMarker, ...spec.columns.map((c) => csvValue(c.example))]
	];
	const text = Papa.unparse(rows, { newline: '\r\n', quotes: false });
	return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

function csvValue(value: TemplateColumn['example']): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return String(value);
}

function checkSpec(spec: TemplateSpec): void {
	const seen = new Set<string>();
	for (const c of spec.columns) {
		if (!KEY_PATTERN.test(c.key)) throw new Error(`template column key "${c.key}" is not a field key (${KEY_PATTERN})`);
		if (seen.has(c.key)) throw new Error(`template column key "${c.key}" appears twice`);
		seen.add(c.key);
	}
	if (spec.columns.length === 0) throw new Error('a template needs at least one column');
	if (!spec.sheetName || spec.sheetName.length > 31 || /[\\/?*[\]:]/.test(spec.sheetName)) throw new Error(`"${spec.sheetName}" is not a valid sheet name (1–31 characters, none of \\ / ? * [ ] :)`);
	if (spec.sheetName === INSTRUCTIONS_SHEET || spec.sheetName === HIDDEN_LISTS_SHEET) throw new Error(`the data sheet cannot be named "${spec.sheetName}"`);
	if (!spec.exampleMarker.trim()) throw new Error('the example marker cannot be empty');
}

function setHeader(cell: ExcelJS.Cell, text: string, fill: ExcelJS.Fill, note: ExcelJS.RichText[]): void {
	cell.value = text;
	cell.font = { bold: true };
	cell.fill = fill;
	cell.border = THIN;
	cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
	cell.note = { texts: note, margins: { insetmode: 'auto' } };
}

function setKey(cell: ExcelJS.Cell, key: string): void {
	cell.value = key;
	cell.font = { italic: true, size: 9, color: { argb: 'FF808080' } };
	cell.fill = KEY_FILL;
	cell.border = THIN;
	cell.alignment = { horizontal: 'center' };
}

function headerNote(column: TemplateColumn): ExcelJS.RichText[] {
	const required = column.required ? '必填 required' : '选填 optional';
	const type = TYPE_LABEL[column.type];
	const texts: ExcelJS.RichText[] = [
		{ font: { bold: true }, text: `${column.header.zh} / ${column.header.en}` },
		{ text: `\n${required} · ${type.zh} ${type.en}` },
		{ text: `\n${column.description.zh}` },
		{ text: `\n${column.description.en}` }
	];
	if (column.allowed && column.allowed.length > 0 && column.allowed.length <= 12) {
		texts.push({ text: `\n${column.allowed.map((v) => `${v.value} = ${v.label.zh}`).join('\n')}` });
	}
	return texts;
}

/** Display width: CJK characters count two. */
function displayWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
	return w;
}

function widthFor(column: TemplateColumn): number {
	const example = column.example instanceof Date ? 10 : displayWidth(String(column.example ?? ''));
	const widest = Math.max(displayWidth(column.header.zh), column.key.length, example, 8);
	return Math.min(40, Math.max(10, widest + 2));
}

function cut(text: string, max: number): string {
	return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

const TABLE_HEADERS = ['列 Column', '表头 Header', 'Header (English)', '字段 Key', '必填 Required', '类型 Type', '说明', 'Description', '可选值 Allowed values (代码 = 含义 code = meaning)'];
const TABLE_WIDTHS = [10, 18, 20, 18, 12, 18, 40, 40, 40];

function writeInstructions(ws: ExcelJS.Worksheet, spec: TemplateSpec): void {
	TABLE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const totalWidth = TABLE_WIDTHS.reduce((s, w) => s + w, 0);
	let r = 1;
	const paragraph = (text: string, font?: Partial<ExcelJS.Font>): void => {
		const cell = ws.getCell(r, 1);
		cell.value = text;
		if (font) cell.font = font;
		cell.alignment = { wrapText: true, vertical: 'top' };
		ws.mergeCells(r, 1, r, TABLE_WIDTHS.length);
		const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * 1.1) / totalWidth)), 0);
		ws.getRow(r).height = Math.max(15, lines * 15);
		r++;
	};
	const layout = layoutInstructions(spec);
	paragraph(`${spec.title.zh}  ${spec.title.en}`, { bold: true, size: 14 });
	r++;
	paragraph('填写说明', { bold: true, size: 12 });
	for (const p of [...layout.zh, ...spec.instructions.zh]) paragraph(p);
	r++;
	paragraph('Instructions', { bold: true, size: 12 });
	for (const p of [...layout.en, ...spec.instructions.en]) paragraph(p);
	r++;

	const head = ws.getRow(r);
	TABLE_HEADERS.forEach((h, i) => {
		const cell = head.getCell(i + 1);
		cell.value = h;
		cell.font = { bold: true };
		cell.fill = KEY_FILL;
		cell.border = THIN;
		cell.alignment = { wrapText: true, vertical: 'middle' };
	});
	r++;
	spec.columns.forEach((column, i) => {
		const type = TYPE_LABEL[column.type];
		const allowed = (column.allowed ?? []).map((v) => `${v.value} = ${v.label.zh} / ${v.label.en}`);
		const values = [
			ws.getColumn(i + 2).letter,
			column.header.zh,
			column.header.en,
			column.key,
			column.required ? '是 yes' : '否 no',
			`${type.zh} ${type.en}`,
			column.description.zh,
			column.description.en,
			allowed.join('\n')
		];
		const row = ws.getRow(r);
		values.forEach((v, j) => {
			const cell = row.getCell(j + 1);
			cell.value = v;
			cell.border = THIN;
			cell.alignment = { wrapText: true, vertical: 'top' };
		});
		const lines = Math.max(
			1,
			allowed.length,
			...values.map((v, j) => Math.ceil((displayWidth(v) * 1.1) / TABLE_WIDTHS[j]))
		);
		row.height = Math.max(15, lines * 15);
		r++;
	});
	ws.views = [{ state: 'normal', activeCell: 'A1' }];
}
