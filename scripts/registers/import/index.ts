import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toWgs84 } from '../../../src/lib/geo/crs';
import { createGeocoder } from '../../../src/lib/geo/geocode';
import { rowColumns } from '../../../src/lib/schema/register-row';
import { REGISTER_SCHEMAS, type RegisterId, type RegisterRecord } from '../../../src/lib/schema/register';
import { loadGeocoderInputs } from '../../pipeline/geocode/anchors';
import { readRegister, registerPath } from '../../pipeline/registers/read';
import { writeAtomically } from '../../sources/manifest';
import { matchHeaders } from '../io/headers';
import { readTable } from '../io/read-table';
import { EXAMPLE_MARKER } from '../template';
import { districtAreas } from './areas';
import { mergeImport, type RegisterDiff } from './merge';
import { recordOf, type DistrictArea, type ReviewItem } from './records';
import { readRows, type RowProblem, type RowValues } from './rows';
import { bothLanguages, msg } from '../../../src/lib/i18n/messages';

export type { RowProblem };

export interface ImportOptions {
	repoRoot: string;
	sourcesDir: string;
	register: RegisterId;
	/** Path of the .xlsx or .csv file. */
	file: string;
	crs?: 'WGS84' | 'GCJ02' | 'BD09';
	sheet?: string;
	replace?: boolean;
	dryRun?: boolean;
	acceptReview?: boolean;
	/** YYYY-MM-DD; defaults to today. */
	today?: string;
}

export interface Bilingual {
	zh: string;
	en: string;
}

export interface ImportReport {
	register: RegisterId;
	file: string;
	sheet: string | null;
	/** Exit status: 0 every row accepted; 1 a row rejected or waiting for review; 2 the file cannot be read. */
	status: 0 | 1 | 2;
	/** Why the file could not be read at all (status 2). */
	fatal: Bilingual | null;
	rowsRead: number;
	accepted: number;
	rejected: RowProblem[];
	review: Array<{ sheet: string | null; row: number; id: string; name_zh: string; zh: string; en: string }>;
	/** Where each accepted row lands: what a clerk checks before publishing. */
	placed: Array<{ sheet: string | null; row: number; id: string; name_zh: string; district: string; lon: number; lat: number; method: string }>;
	diff: RegisterDiff | null;
	notes: Bilingual[];
	written: boolean;
	/** The register file written (or that would be, under --dry-run). */
	target: string;
}

/**
 * `npm run register -- import`: a spreadsheet → validated, placed, reviewed register records,
 * merged into data/registers/<register>.json, which is written (temporary file + rename) only
 * when no row was rejected and it is not a dry run. Never throws for a bad file: every problem is
 * in the report, with the sheet, the row as the spreadsheet shows it, the column and the reason.
 */
export async function importRegister(options: ImportOptions): Promise<ImportReport> {
	const target = registerPath(options.register);
	const report: ImportReport = { register: options.register, file: options.file, sheet: null, status: 2, fatal: null, rowsRead: 0, accepted: 0, rejected: [], review: [], placed: [], diff: null, notes: [], written: false, target };
	const fatal = (message: Bilingual) => ({ ...report, fatal: message, status: 2 as const });

	let bytes: Uint8Array;
	try {
		if (!statSync(options.file).isFile()) return fatal(bothLanguages(msg('register.notAFile', { file: options.file })));
		bytes = readFileSync(options.file);
	} catch (err) {
		return fatal(bothLanguages(msg('register.cannotRead', { file: options.file, why: (err as NodeJS.ErrnoException).code ?? (err as Error).message })));
	}
	const name = basename(options.file);
	const read = await readTable({ name, bytes }, { sheet: options.sheet, exampleMarker: EXAMPLE_MARKER });
	if (!read.ok) return fatal(read.message);
	const table = read.table;
	report.sheet = table.sheet;
	report.notes.push(...table.notes);

	const columns = rowColumns(options.register);
	const matched = matchHeaders(table.headers, table.keys, columns.map((c) => ({ key: c.key, header: c.header, aliases: c.aliases })));
	const missing = columns.filter((c) => c.required && !matched.byKey.has(c.key));
	if (matched.byKey.size === 0 || missing.length) {
		const expected = columns.map((c) => `${c.header.zh}${c.required ? '*' : ''}`).join('、');
		const expectedEn = columns.map((c) => `${c.key}${c.required ? '*' : ''}`).join(', ');
		const found = table.headers.filter(Boolean).join('、') || '—';
		const lacking = missing.length ? missing.map((c) => c.header.zh).join('、') : '';
		return fatal({
			zh: `${name}${table.sheet ? `（工作表“${table.sheet}”）` : ''}的表头${lacking ? `缺少必填列：${lacking}` : '与本名录的任何一列都对不上'}。表头为：${found}。应有的列（*为必填）：${expected}。可下载填报模板对照。`,
			en: `the header of ${name}${table.sheet ? ` (sheet "${table.sheet}")` : ''} ${missing.length ? `lacks required columns: ${missing.map((c) => `${c.header.en} (${c.key})`).join(', ')}` : 'matches no column of this register'}. Found: ${found}. Expected (* required): ${expectedEn}. Compare with the register's template.`
		});
	}
	for (const u of matched.unknown) report.notes.push(bothLanguages(msg('register.unknownColumn', { header: u.header })));
	for (const d of matched.duplicates) report.notes.push(bothLanguages(msg('register.duplicateColumn', { key: d.key })));

	const rows = table.rows;
	report.rowsRead = rows.length;
	if (rows.length === 0) return fatal(bothLanguages(msg('register.noRows', { name })));
	const read1 = readRows(options.register, table.sheet, table.headers, matched.byKey, rows);
	report.rejected.push(...read1.problems);

	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const placeable = read1.rows;
	const outcomes = placeable.length ? placeAll(placeable, options, name, today) : [];
	const records: Array<{ record: RegisterRecord; row: RowValues }> = [];
	const firstRow = new Map<string, number>();
	for (const o of outcomes) {
		if ('problem' in o) report.rejected.push(o.problem);
		else if ('review' in o) report.review.push(reviewLine(o.review));
		else {
			const earlier = firstRow.get(o.record.id);
			if (earlier !== undefined) {
				report.rejected.push({ sheet: o.row.sheet, row: o.row.row, column: null, ...bothLanguages(msg('register.sameRecord', { earlier, id: o.record.id })) });
				continue;
			}
			firstRow.set(o.record.id, o.row.row);
			// The schema's output orders the fields as the schema does: every record is written alike.
			const checked = REGISTER_SCHEMAS[options.register].safeParse(o.record);
			if (checked.success) records.push({ record: checked.data, row: o.row });
			else report.rejected.push(recordProblem(o.row, checked.error.issues[0]));
		}
	}

	// Merged as the file holds them, so records the import does not touch keep their bytes.
	const current = readRegister(options.repoRoot, options.register);
	if (current.rejected.length) {
		const first = current.rejected[0];
		return fatal({ zh: `${target} 本身有 ${current.rejected.length} 条不合格记录（第一条：#${first.index} ${first.id ?? ''}：${first.reason}），请先修正`, en: `${target} itself holds ${current.rejected.length} invalid record(s) (first: #${first.index} ${first.id ?? ''}: ${first.reason}): fix it first` });
	}
	const path = join(options.repoRoot, target);
	const doc = JSON.parse(readFileSync(path, 'utf8')) as { records: RegisterRecord[] } & Record<string, unknown>;
	const merged = mergeImport(doc.records, records.map((r) => r.record), Boolean(options.replace));
	const rowOf = new Map(records.map((r) => [r.record.id, r.row]));
	for (const refused of merged.refused) {
		const row = rowOf.get(refused.id)!;
		report.rejected.push({ sheet: row.sheet, row: row.row, column: '记录编号', ...bothLanguages(msg('register.citedRecord', { id: refused.id, source: refused.source })) });
	}
	// A status may only move forward: the merged history is checked as the build will check it.
	for (const r of merged.records) {
		const row = rowOf.get(r.id);
		if (!row) continue;
		const checked = REGISTER_SCHEMAS[options.register].safeParse(r);
		if (!checked.success) report.rejected.push(recordProblem(row, checked.error.issues[0]));
	}
	report.diff = merged.diff;
	for (const { record, row } of records) {
		if (merged.refused.some((r) => r.id === record.id)) continue;
		const [lon, lat] = record.pin ? toWgs84([record.pin.lon, record.pin.lat], record.pin.crs) : [record.placement!.lon, record.placement!.lat];
		report.placed.push({ sheet: row.sheet, row: row.row, id: record.id, name_zh: record.name_zh, district: record.district, lon: round6(lon), lat: round6(lat), method: record.pin ? 'coordinates' : record.placement!.method });
	}
	report.accepted = records.length - merged.refused.length;
	report.rejected.sort((a, b) => a.row - b.row);
	report.status = report.rejected.length || report.review.length ? 1 : 0;
	if (report.rejected.length === 0 && !options.dryRun) {
		writeAtomically(path, JSON.stringify({ ...doc, records: merged.records }, null, '\t') + '\n');
		report.written = true;
	}
	return report;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function placeAll(rows: RowValues[], options: ImportOptions, file: string, today: string) {
	const { streets, anchors } = loadGeocoderInputs(options.sourcesDir);
	const geocoder = createGeocoder(streets, anchors);
	const districts: DistrictArea[] = districtAreas(options.repoRoot, options.sourcesDir);
	const input = { register: options.register, geocode: (a: string) => geocoder.geocode(a), districts, crs: options.crs ?? 'WGS84', file, today, acceptReview: Boolean(options.acceptReview) } as const;
	return rows.map((row) => recordOf(row, input));
}

function reviewLine(item: ReviewItem): ImportReport['review'][number] {
	return { sheet: item.row.sheet, row: item.row.row, id: item.record.id, name_zh: item.record.name_zh, zh: item.zh, en: item.en };
}

const FIELD_COLUMN: Record<string, string> = { status_history: '进度', categories: '类别', kind: '类型', name_zh: '名称', address: '地址' };

function recordProblem(row: RowValues, issue: { path: PropertyKey[]; message: string }): RowProblem {
	const field = String(issue.path[0] ?? '');
	if (field === 'status_history' && /follow/.test(issue.message)) {
		return { sheet: row.sheet, row: row.row, column: '进度', ...bothLanguages(msg('register.statusBackwards')) };
	}
	if (field === 'status_history') {
		return { sheet: row.sheet, row: row.row, column: '进度', ...bothLanguages(msg('register.retrofitNeedsStatus')) };
	}
	return { sheet: row.sheet, row: row.row, column: FIELD_COLUMN[field] ?? field, ...bothLanguages(msg('register.doesNotFit', { path: issue.path.join('.'), detail: issue.message })) };
}

