/**
 * The checks an XLSX file passes before exceljs is given it, because exceljs builds every sheet of a
 * workbook and expands merges and data validations cell by cell: an OLE/CFB file (a password-
 * protected .xlsx or an old .xls) is named for what it is; the zip's central directory is judged
 * on declared sizes, entry count and compression ratios without inflating anything; then every
 * entry is inflated with its declared size as a ceiling, and each worksheet's XML is scanned for
 * its used range (dimension, last <row>, merges, cell count) against the row and cell limits.
 */
import { inflateEntry, readCentralDirectory } from './zip';
import { fail, HEADER_ALLOWANCE, mb, n, type Failure, type Limits } from './table-result';

const RATIO_FLOOR = 1024 * 1024;

// ——— OLE / CFB: password-protected .xlsx or an old .xls ———————————————————————————————

export function isCfb(bytes: Uint8Array): boolean {
	const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
	return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}

export function cfbFailure(name: string, bytes: Uint8Array): Failure {
	if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
		return fail('encrypted', `文件「${name}」设有打开密码，无法读取：请在 Excel 中打开，「文件 → 信息 → 保护工作簿 → 用密码进行加密」清空密码，保存为 .xlsx 后再导入。`, `The file "${name}" is password-protected and cannot be read: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and import it again.`);
	}
	return fail('encrypted', `文件「${name}」是旧版 Excel 97–2003 (.xls) 或设有密码的文件，无法读取：请在 Excel 中打开（如有密码请先清除），另存为「Excel 工作簿 (.xlsx)」后再导入。`, `The file "${name}" is an old Excel 97–2003 (.xls) file or a password-protected one, which cannot be read: open it in Excel (remove any password), save it as "Excel Workbook (.xlsx)" and import it again.`);
}

// ——— XLSX ————————————————————————————————————————————————————————————————————————

interface SheetScan {
	path: string;
	lastRow: number;
	cells: number;
	mergedCells: number;
}

/**
 * The archive judged before exceljs sees it. Declared sizes first (nothing inflated); then each
 * entry inflated with its declared size as a ceiling; then each worksheet's used range.
 */
export function inspectXlsx(name: string, bytes: Uint8Array, limits: Limits): { ok: true } | Failure {
	const dir = readCentralDirectory(bytes, limits.maxZipEntries);
	if (!dir.ok) {
		if (dir.reason === 'too-many-entries') return bomb(name, `${dir.detail}, over ${n(limits.maxZipEntries)}`, `压缩包有 ${dir.detail.replace(' entries', '')} 个条目，超过 ${n(limits.maxZipEntries)}`);
		return fail('corrupt', `文件「${name}」已损坏（可能下载或复制不完整）：请重新获取文件，或在 Excel 中打开并另存为 .xlsx。`, `The file "${name}" is damaged (perhaps cut short in a download or copy: ${dir.detail}): get it again, or open it in Excel and save it as .xlsx.`);
	}
	const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
	let total = 0;
	for (const e of entries) {
		total += e.uncompressedSize;
		if (e.uncompressedSize > limits.maxEntryBytes) return bomb(name, `the part ${e.name} declares ${mb(e.uncompressedSize)} uncompressed, over ${mb(limits.maxEntryBytes)}`, `其中的 ${e.name} 解压后有 ${mb(e.uncompressedSize)}，超过 ${mb(limits.maxEntryBytes)}`);
		if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
			const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
			return bomb(name, `the part ${e.name} compresses ${ratio}:1, over ${limits.maxCompressionRatio}:1`, `其中的 ${e.name} 压缩比为 ${ratio}:1，超过 ${limits.maxCompressionRatio}:1`);
		}
	}
	if (total > limits.maxUncompressedBytes) return bomb(name, `its parts declare ${mb(total)} uncompressed, over ${mb(limits.maxUncompressedBytes)}`, `解压后共 ${mb(total)}，超过 ${mb(limits.maxUncompressedBytes)}`);

	const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
	if (!names.has('xl/workbook.xml')) return notAWorkbook(name, names);

	const scans: SheetScan[] = [];
	let workbookXml = '';
	let relsXml = '';
	for (const e of entries) {
		const inflated = inflateEntry(bytes, e);
		if (!inflated.ok) {
			if (inflated.reason === 'larger-than-declared') return bomb(name, inflated.detail, `其中的 ${e.name} 解压后超过其声明的大小`);
			if (inflated.reason === 'encrypted') return fail('encrypted', `文件「${name}」中的内容已加密，无法读取：请清除密码，另存为 .xlsx 后再导入。`, `The file "${name}" holds encrypted parts and cannot be read: remove the password, save as .xlsx and import it again.`);
			return fail('corrupt', `文件「${name}」已损坏（其中的 ${e.name} 无法解压）：请在 Excel 中打开并重新保存为 .xlsx 后再试。`, `The file "${name}" is damaged (${inflated.detail}): open it in Excel, save it again as .xlsx and retry.`);
		}
		const path = e.name.replace(/^\//, '');
		if (path === 'xl/workbook.xml') workbookXml = utf8(inflated.data);
		else if (path === 'xl/_rels/workbook.xml.rels') relsXml = utf8(inflated.data);
		else if (/^xl\/worksheets\/[^/]+\.xml$/.test(path)) scans.push(scanSheet(path, inflated.data));
	}

	const sheetNames = sheetPaths(workbookXml, relsXml);
	for (const scan of scans) {
		const sheet = sheetNames.get(scan.path) ?? scan.path;
		if (scan.cells > limits.maxCells || scan.mergedCells > limits.maxCells) {
			const count = Math.max(scan.cells, scan.mergedCells);
			return fail('too-many-rows', `文件「${name}」的工作表「${sheet}」有 ${n(count)} 个单元格${scan.mergedCells > limits.maxCells ? '（含合并单元格）' : ''}，超过 ${n(limits.maxCells)} 的上限：请删去多余的行、列和合并单元格，或分成几个文件。`, `The sheet "${sheet}" of "${name}" has ${n(count)} cells${scan.mergedCells > limits.maxCells ? ' (merged cells included)' : ''}, over the ${n(limits.maxCells)} limit: delete the extra rows, columns and merged cells, or split the file.`);
		}
		if (scan.lastRow > limits.maxRows + HEADER_ALLOWANCE) {
			return fail('too-many-rows', `文件「${name}」的工作表「${sheet}」用到了第 ${n(scan.lastRow)} 行，超过 ${n(limits.maxRows)} 行数据的上限。如果数据下方都是空行，请选中这些行「删除」（不是清除内容）后保存；否则请分成几个文件。`, `The sheet "${sheet}" of "${name}" uses rows down to row ${n(scan.lastRow)}, past the limit of ${n(limits.maxRows)} data rows. If the rows below your data are empty, select them and delete them (Delete rows, not Clear contents), then save; otherwise split the file.`);
		}
	}
	return { ok: true };
}

function bomb(name: string, en: string, zh: string): Failure {
	return fail('zip-bomb', `文件「${name}」异常：${zh}。为安全起见没有读取。请在 Excel 中打开并重新保存为 .xlsx，或分成几个文件。`, `The file "${name}" looks wrong: ${en}. It was not read, to be safe. Open it in Excel, save it again as .xlsx, or split it into several files.`);
}

function notAWorkbook(name: string, names: Set<string>): Failure {
	const what = names.has('word/document.xml')
		? { zh: 'Word 文档', en: 'a Word document' }
		: [...names].some((p) => p.startsWith('ppt/'))
			? { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' }
			: names.has('content.xml') && names.has('mimetype')
				? { zh: 'OpenDocument（WPS/LibreOffice）文件', en: 'an OpenDocument (WPS/LibreOffice) file' }
				: { zh: '压缩包', en: 'a zip archive' };
	return fail('not-a-spreadsheet', `文件「${name}」是${what.zh}，不是 Excel 工作簿：请在表格软件中打开，另存为「Excel 工作簿 (.xlsx)」或「CSV UTF-8」后再导入。`, `The file "${name}" is ${what.en}, not an Excel workbook: open it in a spreadsheet program, save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and import it again.`);
}

function utf8(data: Uint8Array): string {
	return new TextDecoder('utf-8').decode(data);
}

/** Worksheet part path → sheet name, from xl/workbook.xml and its relationships. */
function sheetPaths(workbookXml: string, relsXml: string): Map<string, string> {
	const targets = new Map<string, string>();
	for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
		const id = attr(m[1], 'Id');
		const target = attr(m[1], 'Target');
		if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
	}
	const out = new Map<string, string>();
	for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
		const sheetName = attr(m[1], 'name');
		const rid = attr(m[1], 'r:id') ?? attr(m[1], 'id');
		const path = rid ? targets.get(rid) : undefined;
		if (sheetName !== null && path) out.set(path, sheetName);
	}
	return out;
}

function attr(attrs: string, key: string): string | null {
	const m = new RegExp(`(?:^|\\s)${key.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(attrs);
	return m ? decodeXml(m[1]) : null;
}

function decodeXml(text: string): string {
	return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
		switch (e.toLowerCase()) {
			case 'lt':
				return '<';
			case 'gt':
				return '>';
			case 'amp':
				return '&';
			case 'quot':
				return '"';
			case 'apos':
				return "'";
			default:
				return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		}
	});
}

/**
 * A worksheet's used range as its XML claims it, without building anything: the <dimension>
 * ref, the last <row> (with or without cells: exceljs builds it either way), merged ranges, and
 * the number of <c> elements and of cells merges cover.
 */
function scanSheet(path: string, data: Uint8Array): SheetScan {
	const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
	let lastRow = 0;
	const dimension = /<dimension\s+ref="([^"]*)"/.exec(xml);
	if (dimension) lastRow = Math.max(lastRow, lastRowOf(dimension[1]));
	let row = 0;
	const rows = /<row\b([^>]*)>/g;
	for (let m = rows.exec(xml); m; m = rows.exec(xml)) {
		const r = /(?:^|\s)r="(\d+)"/.exec(m[1]);
		row = r ? Number(r[1]) : row + 1;
		if (row > lastRow) lastRow = row;
	}
	let cells = 0;
	const cellTags = /<c[\s>/]/g;
	while (cellTags.exec(xml)) cells++;
	let mergedCells = 0;
	const merges = /<mergeCell\s+ref="([^"]*)"/g;
	for (let m = merges.exec(xml); m; m = merges.exec(xml)) {
		const range = parseRange(m[1]);
		if (!range) continue;
		mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
		if (range.bottom > lastRow) lastRow = range.bottom;
	}
	return { path, lastRow, cells, mergedCells };
}

function lastRowOf(ref: string): number {
	const range = parseRange(ref);
	return range ? range.bottom : 0;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
	const [a, b = a] = ref.split(':');
	const p = parseAddress(a);
	const q = parseAddress(b);
	if (!p || !q) return null;
	return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function parseAddress(address: string): { row: number; col: number } | null {
	const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
	if (!m) return null;
	let col = 0;
	for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
	return { row: Number(m[2]), col };
}
