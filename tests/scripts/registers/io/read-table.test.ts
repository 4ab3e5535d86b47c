import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadOptions, type Table, type TableResult } from '../../../../scripts/registers/io/read-table';
import { writeTemplateXlsx, type TemplateSpec } from '../../../../scripts/registers/io/template';

const SPEC: TemplateSpec = {
	title: { zh: '名录', en: 'Register' },
	sheetName: '填报 Data',
	exampleMarker: '示例 example',
	instructions: { zh: [], en: [] },
	columns: [
		{ key: 'address', header: { zh: '地址', en: 'Address' }, description: { zh: '门牌', en: 'Door address' }, type: 'text', required: true, example: '永嘉路492弄3号' },
		{ key: 'status', header: { zh: '进度', en: 'Status' }, description: { zh: '进度', en: 'Status' }, type: 'text', required: true, allowed: [{ value: 'planned', label: { zh: '计划', en: 'Planned' } }, { value: 'built', label: { zh: '完工', en: 'Built' } }], example: 'built' }
	]
};

// ——— builders ————————————————————————————————————————————————————————————————————————

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	build(wb);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function read(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<TableResult> {
	return readTable({ name, bytes }, options);
}

async function table(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<Table> {
	const result = await read(name, bytes, options);
	if (!result.ok) throw new Error(`${result.code}: ${result.message.en}`);
	return result.table;
}

function failure(result: TableResult) {
	if (result.ok) throw new Error('expected a refusal');
	return result;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(data: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

interface ZipInput {
	name: string;
	data: Uint8Array | string;
	/** Already deflated bytes to store as method 8 (with `size` the true size). */
	deflated?: Uint8Array;
	/** The uncompressed size to declare (a lie, for the bomb tests). */
	declare?: number;
}

/** A zip written by hand, so its sizes can be forged. */
function zip(inputs: ZipInput[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const input of inputs) {
		const plain = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data);
		const body = input.deflated ? Buffer.from(input.deflated) : deflateRawSync(plain);
		const size = input.declare ?? plain.length;
		const name = Buffer.from(input.name, 'utf8');
		const crc = crc32(plain);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6);
		local.writeUInt16LE(8, 8);
		local.writeUInt16LE(0x21, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(8, 10);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += 30 + name.length + body.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(inputs.length, 8);
	end.writeUInt16LE(inputs.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** The smallest workbook exceljs reads, around one sheet's XML. */
function minimalXlsx(sheetXml: string, extra: ZipInput[] = []): Uint8Array {
	return zip([
		{ name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
		{ name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
		{ name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="登记 &amp; Data" sheetId="1" r:id="rId1"/></sheets></workbook>' },
		{ name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
		{ name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetXml}</worksheet>` },
		...extra
	]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** GB18030/GBK bytes of a text, from a table built with Node's GB18030 decoder (Node has no encoder). */
function gbk(text: string): Uint8Array {
	const table = new Map<string, number[]>();
	const decoder = new TextDecoder('gb18030');
	for (let a = 0x81; a <= 0xfe; a++) {
		for (let b = 0x40; b <= 0xfe; b++) {
			if (b === 0x7f) continue;
			const ch = decoder.decode(Uint8Array.of(a, b));
			if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
		}
	}
	const out: number[] = [];
	for (const ch of text) {
		if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
		else if (table.has(ch)) out.push(...table.get(ch)!);
		else throw new Error(`no GBK code for ${ch}`);
	}
	return Uint8Array.from(out);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

// ——— XLSX values ————————————————————————————————————————————————————————————————————————

describe('readTable: XLSX cells', () => {
	it('reads dates as dates, text dates as text, numbers as numbers', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['日期', '序列号日期', '文本日期', '数字', '小数', '百分比']);
			ws.addRow([new Date(Date.UTC(2024, 2, 5)), 45356, '2024-03-05', 42, 12.5, 0.25]);
			ws.getCell('A2').numFmt = 'yyyy-mm-dd';
			ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
			ws.getCell('E2').numFmt = '0.00';
			ws.getCell('F2').numFmt = '0%';
			ws.addRow([new Date(Date.UTC(2024, 2, 5, 14, 30)), null, '2024年3月', '0012']);
			ws.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
		});
		const t = await table('dates.xlsx', bytes);
		expect(t.headers).toEqual(['日期', '序列号日期', '文本日期', '数字', '小数', '百分比']);
		expect(t.headerRows).toBe(1);
		expect(t.keys).toBeNull();
		expect(t.rows[0]).toEqual({ row: 2, cells: [new Date('2024-03-05T00:00:00Z'), new Date('2024-03-05T00:00:00Z'), '2024-03-05', 42, 12.5, 0.25] });
		expect(t.rows[1]).toEqual({ row: 3, cells: [new Date('2024-03-05T14:30:00Z'), null, '2024年3月', '0012', null, null] });
	});

	it('reads formulas by their cached value; no cached value and errors are null with a note naming the cell', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('算');
			ws.addRow(['甲', '乙', '丙', '丁', '戊']);
			ws.addRow([5, { formula: 'A2*2', result: 10 }, { formula: 'A2*3' }, { error: '#N/A' }, { formula: 'TEXT(A2,"0")', result: '5' }]);
			ws.addRow([6, { sharedFormula: 'B2', result: 12 }, { formula: 'A3*3' }, { formula: 'NA()', result: { error: '#N/A' } }, { formula: 'DATE(2024,3,5)', result: new Date(Date.UTC(2024, 2, 5)) }]);
			ws.getCell('E3').numFmt = 'yyyy-mm-dd';
		} );
		const t = await table('formulas.xlsx', bytes);
		expect(t.rows.map((r) => r.cells)).toEqual([
			[5, 10, null, null, '5'],
			[6, 12, null, null, new Date('2024-03-05T00:00:00Z')]
		]);
		expect(t.notes).toContainEqual({ en: 'Cell C2 of sheet "算", cell C3 of sheet "算": holds a formula with no saved result, read as empty (open the file in Excel, let it recalculate, save).', zh: expect.stringContaining('工作表「算」C2 单元格、工作表「算」C3 单元格') });
		expect(t.notes.map((n) => n.en)).toContainEqual('Cell D2 of sheet "算", cell D3 of sheet "算": shows the error #N/A, read as empty.');
	});

	it('reads rich text and hyperlinks as their text; folds full-width digits, letters and spaces', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['地址', '链接', '编号']);
			ws.addRow([{ richText: [{ text: '永嘉路' }, { text: '４９２弄３号', font: { bold: true } }] }, { text: '官网', hyperlink: 'https://example.org' }, '\u3000ＡＢ－１２．５（选填），。 ']);
		});
		const t = await table('rich.xlsx', bytes);
		expect(t.rows[0].cells).toEqual(['永嘉路492弄3号', '官网', 'AB-12.5（选填），。']);
	});
});

// ——— XLSX layout ———————————————————————————————————————————————————————————————————

describe('readTable: XLSX layout', () => {
	it('gives a merged header cell\'s text to every column it covers (one header row)', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['名称', '地址', null, '备注']);
			ws.mergeCells('B1:C1');
			ws.addRow(['一号楼', '高安路', '50号', null]);
			ws.addRow(['二号楼', '永嘉路', '492弄', '无']);
		});
		const t = await table('merged.xlsx', bytes);
		expect(t.headerRows).toBe(1);
		expect(t.headers).toEqual(['名称', '地址', '地址', '备注']);
		expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
		expect(t.rows[0].cells).toEqual(['一号楼', '高安路', '50号', null]);
	});

	it('joins a two-row header as "group / sub", a cell merged down once', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['名称', '地址', null, '备注']);
			ws.addRow([null, '路', '号', null]);
			ws.mergeCells('A1:A2');
			ws.mergeCells('B1:C1');
			ws.mergeCells('D1:D2');
			ws.addRow(['一号楼', '高安路', '50号', '无']);
		});
		const t = await table('two-rows.xlsx', bytes);
		expect(t.headerRow).toBe(1);
		expect(t.headerRows).toBe(2);
		expect(t.headers).toEqual(['名称', '地址 / 路', '地址 / 号', '备注']);
		expect(t.rows).toEqual([{ row: 3, cells: ['一号楼', '高安路', '50号', '无'] }]);
	});

	it('skips a title row above the header and notes merged cells in the data', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['天平路街道加梯台账']);
			ws.mergeCells('A1:C1');
			ws.addRow(['小区', '地址', '进度']);
			ws.addRow(['新康花园', '淮海中路1273弄1号', '完工']);
			ws.addRow([null, '淮海中路1273弄2号', '在建']);
			ws.mergeCells('A3:A4');
		});
		const t = await table('title.xlsx', bytes);
		expect(t.headerRow).toBe(2);
		expect(t.headers).toEqual(['小区', '地址', '进度']);
		expect(t.rows).toEqual([
			{ row: 3, cells: ['新康花园', '淮海中路1273弄1号', '完工'] },
			{ row: 4, cells: [null, '淮海中路1273弄2号', '在建'] }
		]);
		expect(t.notes.map((n) => n.en).join('\n')).toMatch(/Row 1 \("天平路街道加梯台账"\) reads as a title/);
		expect(t.notes.map((n) => n.en).join('\n')).toMatch(/Merged cells in the data \(A3:A4\)/);
	});

	it('skips blank rows in the middle and at the end, keeping the spreadsheet\'s row numbers', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.getRow(1).values = ['地址', '层数'];
			ws.getRow(2).values = ['高安路50号', 6];
			ws.getRow(4).values = ['永嘉路492弄3号', 5];
			ws.getRow(5).values = ['  ', null];
			ws.getRow(6).values = ['湖南路1号', 3];
			for (const r of [8, 9, 10]) ws.getCell(`A${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
		});
		const t = await table('gaps.xlsx', bytes);
		expect(t.rows.map((r) => r.row)).toEqual([2, 4, 6]);
		const notes = t.notes.map((n) => n.en);
		expect(notes).toContain("Skipped 2 empty rows (3, 5); row numbers are the spreadsheet's.");
		expect(notes).toContain('Ignored 4 empty rows after the last data row (6).');
	});

	it('finds the key row under the header and exposes it', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['地址', '进度', '备注']);
			ws.addRow(['address', 'status', null]);
			ws.addRow(['高安路50号', 'built', 'x']);
		});
		const t = await table('keys.xlsx', bytes);
		expect(t.headerRows).toBe(2);
		expect(t.keys).toEqual(['address', 'status', null]);
		expect(t.rows).toEqual([{ row: 3, cells: ['高安路50号', 'built', 'x'] }]);
	});

	it('does not take a data row for a key row', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['地址', '进度', '备注']);
			ws.addRow(['高安路50号', 'built', 'x']);
		});
		const t = await table('nokeys.xlsx', bytes);
		expect(t.headerRows).toBe(1);
		expect(t.keys).toBeNull();
	});

	it('picks the first data sheet by default, another by name, and refuses an unknown name listing the sheets', async () => {
		const bytes = await xlsx((wb) => {
			wb.addWorksheet('说明 Instructions').addRow(['请按下表填写']);
			wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['a', 'b']);
			const a = wb.addWorksheet('加梯');
			a.addRow(['地址']);
			a.addRow(['高安路50号']);
			const b = wb.addWorksheet('充电');
			b.addRow(['地点', '桩数']);
			b.addRow(['衡山路10号', 4]);
			wb.addWorksheet('空');
		});
		const first = await table('sheets.xlsx', bytes);
		expect(first.sheet).toBe('加梯');
		expect(first.sheets).toEqual(['说明 Instructions', '隐藏', '加梯', '充电', '空']);
		expect(first.notes[0].en).toContain('Read the sheet "加梯"');
		const second = await table('sheets.xlsx', bytes, { sheet: '充电' });
		expect(second.sheet).toBe('充电');
		expect(second.rows).toEqual([{ row: 2, cells: ['衡山路10号', 4] }]);
		const missing = failure(await read('sheets.xlsx', bytes, { sheet: '消防' }));
		expect(missing.code).toBe('no-sheet');
		expect(missing.message.en).toBe('The file "sheets.xlsx" has no sheet named "消防"; its sheets are: "说明 Instructions", "隐藏", "加梯", "充电", "空".');
		expect(missing.message.zh).toContain('「消防」');
		const empty = failure(await read('sheets.xlsx', bytes, { sheet: '空' }));
		expect(empty.code).toBe('empty');
		expect(empty.message.en).toContain('sheet "空" of file "sheets.xlsx"');
	});

	it('without a marker, skips any row marked in the example column; warns when the column is gone', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await writeTemplateXlsx(SPEC)) as unknown as ExcelJS.Buffer);
		const ws = wb.worksheets[0];
		ws.getRow(4).values = ['x', '高安路50号', 'planned'];
		ws.getRow(5).values = [null, '永嘉路1号', 'built'];
		const marked = await table('t.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(marked.exampleRows).toEqual([3, 4]);
		expect(marked.rows.map((r) => r.row)).toEqual([5]);
		const withMarker = await table('t.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), { exampleMarker: '示例 example' });
		expect(withMarker.exampleRows).toEqual([3]);
		expect(withMarker.rows.map((r) => r.row)).toEqual([4, 5]);
		expect(withMarker.notes.map((n) => n.en)).toContain('Row 4 has something in the "示例 / example" column (A) other than the example marker and was read as data.');

		ws.spliceColumns(1, 1);
		const gone = await table('t.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(gone.rows.map((r) => r.row)).toEqual([3, 4, 5]);
		expect(gone.notes.map((n) => n.en).join('\n')).toContain('the "示例 / example" column was deleted');
	});
});

// ——— CSV ——————————————————————————————————————————————————————————————————————————————

describe('readTable: CSV', () => {
	const text = '地址,层数,备注\r\n高安路５０号,6,\r\n\r\n"永嘉路492弄3号","5","两行\r\n备注"\r\n衡山路1号,,\r\n';
	const expected = [
		{ row: 2, cells: ['高安路50号', '6', null] },
		{ row: 4, cells: ['永嘉路492弄3号', '5', '两行\n备注'] },
		{ row: 6, cells: ['衡山路1号', null, null] }
	];

	it('reads UTF-8 without and with BOM, keeping line numbers across blank lines and quoted breaks', async () => {
		const plain = await table('a.csv', utf8(text));
		expect(plain).toMatchObject({ format: 'csv', sheet: null, sheets: [], encoding: 'utf-8', headerRows: 1, headers: ['地址', '层数', '备注'] });
		expect(plain.rows).toEqual(expected);
		expect(plain.notes.map((n) => n.en)).toContain("Skipped 1 blank line; row numbers are the file's line numbers.");
		const bom = await table('a.csv', utf8(`\ufeff${text}`));
		expect(bom.encoding).toBe('utf-8-bom');
		expect(bom.headers[0]).toBe('地址');
		expect(bom.rows).toEqual(expected);
	});

	it('reads GB18030 (Chinese Excel\'s CSV) with a note, and UTF-16LE with BOM', async () => {
		const gb = await table('gb.csv', gbk(text));
		expect(gb.encoding).toBe('gb18030');
		expect(gb.headers).toEqual(['地址', '层数', '备注']);
		expect(gb.rows).toEqual(expected);
		expect(gb.notes[0].en).toContain('read as GB18030');
		const utf16 = await table('u16.csv', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')])));
		expect(utf16.encoding).toBe('utf-16');
		expect(utf16.rows).toEqual(expected);
	});

	it('reads the key row, ignores a sheet name, and refuses bad text', async () => {
		const t = await table('k.csv', utf8('地址,进度\naddress,status\n高安路50号,built\n'), { sheet: 'Data' });
		expect(t.keys).toEqual(['address', 'status']);
		expect(t.rows).toEqual([{ row: 3, cells: ['高安路50号', 'built'] }]);
		expect(t.notes[0].en).toContain('A CSV file has no sheets');
		expect(failure(await read('bad.csv', Uint8Array.of(0x61, 0x2c, 0xff, 0xff, 0x0a, 0x62))).code).toBe('encoding');
		expect(failure(await read('bin.csv', Uint8Array.of(0x61, 0x00, 0x62, 0x0a))).code).toBe('not-a-spreadsheet');
		expect(failure(await read('blank.csv', utf8('\r\n , \r\n'))).code).toBe('empty');
	});

	it('refuses more rows than the limit', async () => {
		const many = utf8(['地址', ...Array.from({ length: 40 }, (_, i) => `路${i}号`)].join('\n'));
		expect(failure(await read('many.csv', many, { limits: { maxRows: 20 } })).code).toBe('too-many-rows');
		expect((await table('many.csv', many, { limits: { maxRows: 40 } })).rows).toHaveLength(40);
	});
});

// ——— Refusals ——————————————————————————————————————————————————————————————————————————

describe('readTable: refusals', () => {
	it('refuses an empty file and a file over 20 MB, naming it', async () => {
		const empty = failure(await read('空.xlsx', new Uint8Array()));
		expect(empty.code).toBe('empty');
		expect(empty.message.zh).toContain('空.xlsx');
		const big = failure(await read('big.xlsx', new Uint8Array(20 * 1024 * 1024 + 1)));
		expect(big.code).toBe('too-large');
		expect(big.message.en).toContain('"big.xlsx" is 20 MB, over the 20 MB limit');
		expect(failure(await read('small.xlsx', await writeTemplateXlsx(SPEC), { limits: { maxFileBytes: 1000 } })).code).toBe('too-large');
	});

	it('recognises an OLE/CFB file: password-protected workbook or old .xls', async () => {
		const header = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
		const cfb = (streams: string[]) => new Uint8Array(Buffer.concat([Buffer.from(header), Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(64)]));
		const encrypted = failure(await read('加密.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])));
		expect(encrypted.code).toBe('encrypted');
		expect(encrypted.message.en).toContain('"加密.xlsx" is password-protected');
		expect(encrypted.message.zh).toContain('密码');
		const xls = failure(await read('old.xls', cfb(['Root Entry', 'Workbook'])));
		expect(xls.code).toBe('encrypted');
		expect(xls.message.en).toContain('Excel 97–2003 (.xls)');
	});

	it('refuses random bytes and a zip that is not a workbook', async () => {
		let seed = 7;
		const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16);
		expect(failure(await read('random.xlsx', random)).code).toBe('not-a-spreadsheet');
		expect(failure(await read('random.xls', random)).message.en).toContain('web page');
		const docx = failure(await read('doc.xlsx', zip([{ name: 'word/document.xml', data: '<w:document/>' }])));
		expect(docx.code).toBe('not-a-spreadsheet');
		expect(docx.message.en).toContain('a Word document');
	});

	it('refuses a truncated workbook, and a damaged one exceljs cannot parse, as corrupt', async () => {
		const whole = await writeTemplateXlsx(SPEC);
		const cut = failure(await read('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2))));
		expect(cut.code).toBe('corrupt');
		expect(cut.message.en).toContain('"cut.xlsx" is damaged');
		const broken = failure(await read('broken.xlsx', minimalXlsx('<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>')));
		expect(broken.code).toBe('corrupt');
		expect(broken.message.en).toMatch(/^The file "broken\.xlsx" is damaged or not a valid Excel workbook \(.+\)/);
		expect(failure(await read('pk.xlsx', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0))).code).toBe('corrupt');
	});

	it('refuses a zip bomb by its declared sizes, before inflating anything', async () => {
		const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
		expect(zeros.length).toBeLessThan(100_000);
		const started = Date.now();
		const ratio = failure(await read('bomb.xlsx', zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: '', deflated: zeros, declare: 50 * 1024 * 1024 }])));
		expect(ratio.code).toBe('zip-bomb');
		expect(ratio.message.en).toMatch(/xl\/worksheets\/sheet1\.xml compresses \d+:1, over 100:1/);
		const forged = failure(await read('forged.xlsx', zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/sharedStrings.xml', data: '<sst/>', declare: 150 * 1024 * 1024 }])));
		expect(forged.code).toBe('zip-bomb');
		expect(forged.message.en).toContain('xl/sharedStrings.xml declares 150 MB uncompressed, over 100 MB');
		const total = failure(await read('total.xlsx', await writeTemplateXlsx(SPEC), { limits: { maxUncompressedBytes: 10_000 } }));
		expect(total.message.en).toMatch(/its parts declare .* over/);
		expect(failure(await read('entries.xlsx', await writeTemplateXlsx(SPEC), { limits: { maxZipEntries: 3 } })).code).toBe('zip-bomb');
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('stops inflating an entry that holds more than it declares', async () => {
		const lie = failure(await read('lie.xlsx', zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/styles.xml', data: '', deflated: deflateRawSync(Buffer.alloc(5 * 1024 * 1024)), declare: 1000 }])));
		expect(lie.code).toBe('zip-bomb');
		expect(lie.message.en).toContain('xl/styles.xml inflates to more than the 1000 bytes it declares');
	});

	it('refuses a sheet with a cell at row 1,048,576 quickly, naming the sheet', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('加梯');
			ws.addRow(['地址']);
			ws.addRow(['高安路50号']);
			ws.getCell('A1048576').value = 'x';
		});
		const started = Date.now();
		const refused = failure(await read('far.xlsx', bytes));
		expect(Date.now() - started).toBeLessThan(1500);
		expect(refused.code).toBe('too-many-rows');
		expect(refused.message.en).toBe('The sheet "加梯" of "far.xlsx" uses rows down to row 1,048,576, past the limit of 20,000 data rows. If the rows below your data are empty, select them and delete them (Delete rows, not Clear contents), then save; otherwise split the file.');
	});

	it('refuses a sheet whose dimension or merges claim too many rows or cells, from the XML alone', async () => {
		const rows = `<sheetData><row r="1">${inline('A1', '地址')}</row><row r="2">${inline('A2', '高安路50号')}</row></sheetData>`;
		const claim = failure(await read('dim.xlsx', minimalXlsx(`<dimension ref="A1:C1048576"/>${rows}`)));
		expect(claim.code).toBe('too-many-rows');
		expect(claim.message.en).toContain('The sheet "登记 & Data" of "dim.xlsx" uses rows down to row 1,048,576');
		const merged = failure(await read('merge.xlsx', minimalXlsx(`${rows}<mergeCells count="1"><mergeCell ref="B1:XFD200"/></mergeCells>`)));
		expect(merged.code).toBe('too-many-rows');
		expect(merged.message.en).toContain('cells (merged cells included)');
		// The same sheet without the claims reads.
		expect((await table('ok.xlsx', minimalXlsx(rows))).rows).toEqual([{ row: 2, cells: ['高安路50号'] }]);
	});

	it('refuses more data rows than the limit, before and after building the sheet', async () => {
		const sheet = (n: number) =>
			xlsx((wb) => {
				const ws = wb.addWorksheet('Data');
				ws.addRow(['地址']);
				for (let i = 0; i < n; i++) ws.addRow([`路${i}号`]);
			});
		expect(failure(await read('30.xlsx', await sheet(30), { limits: { maxRows: 5 } })).message.en).toContain('uses rows down to row 31');
		expect(failure(await read('8.xlsx', await sheet(8), { limits: { maxRows: 5 } })).message.en).toContain('more than 5 data rows');
		expect((await table('5.xlsx', await sheet(5), { limits: { maxRows: 5 } })).rows).toHaveLength(5);
	});

	it('reads a sheet with whole-column drop-downs quickly (exceljs would expand them cell by cell)', async () => {
		const bytes = await xlsx((wb) => {
			const ws = wb.addWorksheet('Data');
			ws.addRow(['地址', '进度']);
			ws.addRow(['高安路50号', 'built']);
			(ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('B2:E1048576', { type: 'list', allowBlank: true, formulae: ['"planned,built"'] });
		});
		const started = Date.now();
		expect((await table('dropdowns.xlsx', bytes)).rows).toEqual([{ row: 2, cells: ['高安路50号', 'built'] }]);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('refuses a workbook whose sheets are all empty', async () => {
		const bytes = await xlsx((wb) => void wb.addWorksheet('Data'));
		const empty = failure(await read('blank.xlsx', bytes));
		expect(empty.code).toBe('empty');
		expect(empty.message.en).toContain('"blank.xlsx"');
	});
});
