import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_HEADER, EXAMPLE_KEY } from '../../../../scripts/registers/io/headers';
import { readTable } from '../../../../scripts/registers/io/read-table';
import { INSTRUCTIONS_SHEET, TEMPLATE_DATE, writeTemplateCsv, writeTemplateXlsx, type TemplateSpec } from '../../../../scripts/registers/io/template';

const SPEC: TemplateSpec = {
	title: { zh: '加装电梯名录', en: 'Elevator retrofits' },
	sheetName: '填报 Data',
	exampleMarker: '示例 example',
	instructions: { zh: ['地址按门牌原文填写。'], en: ['Write addresses as written on the door.'] },
	columns: [
		{ key: 'address', header: { zh: '地址', en: 'Address' }, description: { zh: '门牌地址', en: 'Door address' }, type: 'text', required: true, example: '永嘉路492弄3号' },
		{
			key: 'status',
			header: { zh: '进度', en: 'Status' },
			description: { zh: '当前进度', en: 'Current status' },
			type: 'text',
			required: true,
			allowed: [
				{ value: 'planned', label: { zh: '计划', en: 'Planned' } },
				{ value: 'built', label: { zh: '已完工, 待验收', en: 'Built, awaiting acceptance' } }
			],
			example: 'built'
		},
		{ key: 'status_date', header: { zh: '进度日期', en: 'Status date' }, description: { zh: '进度的日期', en: 'Date of the status' }, type: 'date', required: false, example: new Date(Date.UTC(2024, 2, 5)) },
		{ key: 'floors', header: { zh: '层数', en: 'Floors' }, description: { zh: '楼层数', en: 'Number of floors' }, type: 'integer', required: false, example: 6 },
		{ key: 'confirmed', header: { zh: '已核实', en: 'Confirmed' }, description: { zh: '位置已核实', en: 'Position checked' }, type: 'boolean', required: false, example: true },
		{ key: 'note', header: { zh: '备注', en: 'Note' }, description: { zh: '备注, 可含逗号', en: 'Note, commas allowed' }, type: 'text', required: false, example: '一梯, 两户 "东"' }
	]
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return wb;
}

describe('writeTemplateXlsx', () => {
	it('is deterministic: the same spec gives the same bytes', async () => {
		const a = await writeTemplateXlsx(SPEC);
		await new Promise((r) => setTimeout(r, 2100)); // zip timestamps have 2-second steps
		const b = await writeTemplateXlsx(SPEC);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		const wb = await load(a);
		expect(wb.created.getTime()).toBe(TEMPLATE_DATE.getTime());
		expect(wb.modified.getTime()).toBe(TEMPLATE_DATE.getTime());
	});

	it('reads back: headers, key row, example row skipped, no data', async () => {
		const result = await readTable({ name: 'template.xlsx', bytes: await writeTemplateXlsx(SPEC) }, { exampleMarker: SPEC.exampleMarker });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const t = result.table;
		expect(t.sheet).toBe('填报 Data');
		expect(t.sheets).toEqual(['填报 Data', INSTRUCTIONS_SHEET]);
		expect(t.headerRows).toBe(2);
		expect(t.headers).toEqual(['地址', '进度', '进度日期', '层数', '已核实', '备注']);
		expect(t.keys).toEqual(['address', 'status', 'status_date', 'floors', 'confirmed', 'note']);
		expect(t.columns).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
		expect(t.exampleRows).toEqual([3]);
		expect(t.rows).toEqual([]);
	});

	it('reads back a filled-in copy: the example skipped, typed values as typed', async () => {
		const wb = await load(await writeTemplateXlsx(SPEC));
		const ws = wb.getWorksheet('填报 Data')!;
		ws.getRow(4).values = [null, '高安路50号', 'planned', new Date(Date.UTC(2025, 0, 2)), 5, false, null];
		ws.getRow(5).values = [null, '淮海中路1836-1858号', 'built'];
		const result = await readTable({ name: 'filled.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, { exampleMarker: SPEC.exampleMarker });
		if (!result.ok) throw new Error(result.message.en);
		expect(result.table.exampleRows).toEqual([3]);
		expect(result.table.rows).toEqual([
			{ row: 4, cells: ['高安路50号', 'planned', new Date(Date.UTC(2025, 0, 2)), 5, false, null] },
			{ row: 5, cells: ['淮海中路1836-1858号', 'built', null, null, null, null] }
		]);
	});

	it('writes the example column, key row, example values, notes, formats and a frozen header', async () => {
		const wb = await load(await writeTemplateXlsx(SPEC));
		expect(wb.worksheets.map((w) => w.name)).toEqual(['填报 Data', INSTRUCTIONS_SHEET]);
		const ws = wb.worksheets[0];
		expect(ws.getCell('A1').value).toBe(EXAMPLE_HEADER);
		expect(ws.getCell('A2').value).toBe(EXAMPLE_KEY);
		expect(ws.getCell('A3').value).toBe('示例 example');
		expect(ws.getRow(1).values).toEqual([undefined, EXAMPLE_HEADER, '地址', '进度', '进度日期', '层数', '已核实', '备注']);
		expect(ws.getRow(2).values).toEqual([undefined, EXAMPLE_KEY, 'address', 'status', 'status_date', 'floors', 'confirmed', 'note']);
		expect(ws.getCell('B3').value).toBe('永嘉路492弄3号');
		expect(ws.getCell('D3').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
		expect(ws.getCell('D3').numFmt).toBe('yyyy-mm-dd');
		expect(ws.getColumn('D').numFmt).toBe('yyyy-mm-dd');
		expect(ws.getColumn('B').numFmt).toBe('@');
		expect(ws.getCell('E3').value).toBe(6);
		expect(ws.getCell('F3').value).toBe(true);
		expect(ws.getCell('A2').font?.italic).toBe(true);
		const note = ws.getCell('D1').note as ExcelJS.Comment;
		const noteText = note.texts!.map((t) => t.text).join('');
		expect(noteText).toContain('进度的日期');
		expect(noteText).toContain('Date of the status');
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		expect(ws.getColumn('B').width).toBeGreaterThanOrEqual(10);
	});

	it('puts a drop-down of the codes on the coded column, rows 3 to 5000', async () => {
		const ws = (await load(await writeTemplateXlsx(SPEC))).worksheets[0];
		for (const address of ['C3', 'C4', 'C5000']) {
			expect(ws.getCell(address).dataValidation).toMatchObject({ type: 'list', formulae: ['"planned,built"'], allowBlank: true });
		}
		expect(ws.getCell('C5001').dataValidation).toBeUndefined();
		expect(ws.getCell('B4').dataValidation).toBeUndefined();
		expect(ws.getCell('C4').dataValidation.prompt).toContain('built = 已完工, 待验收');
	});

	it('puts a long or comma-holding list on a hidden sheet', async () => {
		const allowed = Array.from({ length: 40 }, (_, i) => ({ value: `category_number_${i}`, label: { zh: `类${i}`, en: `Kind ${i}` } }));
		const spec: TemplateSpec = { ...SPEC, columns: [{ ...SPEC.columns[1], allowed, example: 'category_number_1' }] };
		const wb = await load(await writeTemplateXlsx(spec));
		expect(wb.getWorksheet('_lists')?.state).toBe('veryHidden');
		expect(wb.worksheets[0].getCell('B4').dataValidation.formulae).toEqual(["'_lists'!$A$1:$A$40"]);
		const read = await readTable({ name: 't.xlsx', bytes: await writeTemplateXlsx(spec) });
		expect(read.ok && read.table.sheet).toBe('填报 Data');
	});

	it('writes the instructions sheet: paragraphs in zh and en, then every column', async () => {
		const ws = (await load(await writeTemplateXlsx(SPEC))).getWorksheet(INSTRUCTIONS_SHEET)!;
		const texts: string[] = [];
		ws.eachRow((row) => row.eachCell((cell) => void (cell.type !== ExcelJS.ValueType.Merge && texts.push(String(cell.value)))));
		const all = texts.join('\n');
		for (const s of ['加装电梯名录', 'Elevator retrofits', '地址按门牌原文填写。', 'Write addresses as written on the door.', '第3行是示例', 'Row 3 is an example', '示例 example']) expect(all).toContain(s);
		let tableRow = 0;
		ws.eachRow((row, n) => {
			if (row.getCell(1).value === '列 Column') tableRow = n;
		});
		expect(tableRow).toBeGreaterThan(0);
		const status = ws.getRow(tableRow + 2).values as unknown[];
		expect(status.slice(1)).toEqual(['C', '进度', 'Status', 'status', '是 yes', '文本 text', '当前进度', 'Current status', 'planned = 计划 / Planned\nbuilt = 已完工, 待验收 / Built, awaiting acceptance']);
		expect((ws.getRow(tableRow + 3).values as unknown[]).slice(1, 6)).toEqual(['D', '进度日期', 'Status date', 'status_date', '否 no']);
	});

	it('refuses a spec it cannot write', async () => {
		await expect(writeTemplateXlsx({ ...SPEC, columns: [{ ...SPEC.columns[0], key: 'Bad Key' }] })).rejects.toThrow(/not a field key/);
		await expect(writeTemplateXlsx({ ...SPEC, sheetName: 'a/b' })).rejects.toThrow(/sheet name/);
		expect(() => writeTemplateCsv({ ...SPEC, columns: [SPEC.columns[0], SPEC.columns[0]] })).toThrow(/twice/);
	});
});

describe('writeTemplateCsv', () => {
	it('writes UTF-8 with BOM: headers, keys, the marked example row, properly quoted', () => {
		const bytes = writeTemplateCsv(SPEC);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.subarray(3));
		const rows = Papa.parse<string[]>(text.trimEnd()).data;
		expect(rows).toEqual([
			[EXAMPLE_HEADER, '地址', '进度', '进度日期', '层数', '已核实', '备注'],
			[EXAMPLE_KEY, 'address', 'status', 'status_date', 'floors', 'confirmed', 'note'],
			['示例 example', '永嘉路492弄3号', 'built', '2024-03-05', '6', 'TRUE', '一梯, 两户 "东"']
		]);
		expect(text).toContain('"一梯, 两户 ""东"""');
		expect(Buffer.from(writeTemplateCsv(SPEC)).equals(Buffer.from(bytes))).toBe(true);
	});

	it('reads back with the example row skipped', async () => {
		const result = await readTable({ name: 'template.csv', bytes: writeTemplateCsv(SPEC) }, { exampleMarker: SPEC.exampleMarker });
		if (!result.ok) throw new Error(result.message.en);
		expect(result.table).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', headerRows: 2, exampleRows: [3], rows: [] });
		expect(result.table.keys).toEqual(['address', 'status', 'status_date', 'floors', 'confirmed', 'note']);
	});
});
