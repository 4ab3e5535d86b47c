import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLayers } from '../../../scripts/pipeline/build';
import { writeOutputs } from '../../../scripts/pipeline/write';
import { importRegister, type ImportOptions } from '../../../scripts/registers/import';
import { registerTemplate } from '../../../scripts/registers/template';
import { readArchive } from '../../../src/lib/tiles/read-archive';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sourcesDir = join(repoRoot, 'data/sources');
const register = 'data/registers/elevator-retrofits.json';

/** A copy of the project's own data (not its sources), to import into without touching data/. */
function project(): string {
	const dir = mkdtempSync(join(tmpdir(), 'register-import-'));
	cpSync(join(repoRoot, 'data'), join(dir, 'data'), { recursive: true, filter: (src) => !src.startsWith(join(repoRoot, 'data/sources')) });
	return dir;
}

/** The template as downloaded, filled in the way Excel stores what a clerk types: date cells, numbers, labels from the drop-downs. */
async function filledTemplate(rows: Array<Record<string, unknown>>): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(await registerTemplate('elevator-retrofits', 'xlsx')) as unknown as ExcelJS.Buffer);
	const sheet = workbook.worksheets[0];
	const keys = (sheet.getRow(2).values as unknown[]).map((v) => (typeof v === 'string' ? v : null));
	rows.forEach((values, i) => {
		const row = sheet.getRow(4 + i);
		for (const [key, value] of Object.entries(values)) row.getCell(keys.indexOf(key)).value = value as ExcelJS.CellValue;
		row.commit();
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const at = (dir: string, name: string, bytes: Uint8Array) => {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	return path;
};
const run = (dir: string, file: string, extra: Partial<ImportOptions> = {}) => importRegister({ repoRoot: dir, sourcesDir, register: 'elevator-retrofits', file, today: '2026-12-03', ...extra });

describe('a filled template, imported and built', () => {
	it('imports Excel’s own formats, rebuilds into the tiles, and a newer file updates the same records', async () => {
		const dir = project();
		const file = at(dir, '加梯台账.xlsx', await filledTemplate([
			{ name_zh: '永嘉路492弄加装电梯', kind: '加梯项目', status: '施工中', status_date: new Date(Date.UTC(2026, 9, 8)), entrances: 4, address: '永嘉路492弄' },
			{ name_zh: '高安路50弄加装电梯二期', kind: 'retrofit', status: 'design', status_date: '2026年9月', address: '徐汇区高安路50弄', note_zh: '二期' }
		]));
		const first = await run(dir, file);
		expect(first.rejected).toEqual([]);
		expect(first).toMatchObject({ status: 0, rowsRead: 2, accepted: 2, written: true, review: [] });
		expect(first.diff!.added).toHaveLength(2);
		expect(first.placed.map((p) => [p.row, p.district])).toEqual([[4, 'tianping'], [5, 'tianping']]);
		const records = JSON.parse(readFileSync(join(dir, register), 'utf8')).records as Array<Record<string, any>>;
		const yongjia = records.find((r) => r.name_zh === '永嘉路492弄加装电梯')!;
		expect(yongjia).toMatchObject({ source: 'import', date: '2026-10-08', entrances: 4, imported: { file: '加梯台账.xlsx', sheet: '填报 Data', row: 4, date: '2026-12-03' }, status_history: [{ status: 'construction', date: '2026-10-08' }] });
		expect(yongjia.placement.method).toMatch(/exact|interpolated/);

		// The same file again changes nothing, not even the file's bytes.
		const before = readFileSync(join(dir, register), 'utf8');
		const again = await run(dir, file);
		expect(again.diff).toMatchObject({ added: [], changed: [], unchanged: [yongjia.id, expect.any(String)] });
		expect(readFileSync(join(dir, register), 'utf8')).toBe(before);

		// A newer file: the project moved on; its history keeps both statuses.
		const newer = at(dir, '加梯台账-12月.xlsx', await filledTemplate([{ name_zh: '永嘉路492弄加装电梯', kind: '加梯项目', status: '已完成', status_date: new Date(Date.UTC(2026, 10, 20)), entrances: 4, address: '永嘉路492弄' }]));
		const update = await run(dir, newer);
		expect(update.diff!.changed).toEqual([{ id: yongjia.id, fields: [{ field: 'status_history', before: expect.any(Array), after: expect.any(Array) }] }]);
		expect(update.diff!.missing).toHaveLength(1);
		const updated = (JSON.parse(readFileSync(join(dir, register), 'utf8')).records as Array<Record<string, any>>).find((r) => r.id === yongjia.id)!;
		expect(updated.status_history.map((e: { status: string }) => e.status)).toEqual(['construction', 'completed']);

		// The build puts them on the map: in the layer's data and in the tiles.
		const out = mkdtempSync(join(tmpdir(), 'register-build-'));
		const result = buildLayers({ repoRoot: dir, sourcesDir });
		writeOutputs(result, out, sourcesDir);
		const features = JSON.parse(readFileSync(join(out, 'data/elevator-retrofits.geojson'), 'utf8')).features as Array<{ properties: Record<string, unknown> }>;
		expect(features.find((f) => f.properties.id === yongjia.id)!.properties).toMatchObject({ status: 'completed', in_district: true, imported_from: '加梯台账-12月.xlsx › 填报 Data › row 4 (imported 2026-12-03)' });
		const archive = await readArchive(new Uint8Array(readFileSync(join(out, 'tiles/thematic.pmtiles'))));
		const ids = new Set<unknown>();
		// Tiles stop at z15 (the map overzooms them), where register points are drawn one by one.
		for await (const { tile } of archive.tiles(15)) {
			const layer = tile.layers['elevator-retrofits'];
			for (let i = 0; i < (layer?.length ?? 0); i++) ids.add(layer!.feature(i).properties.id);
		}
		expect(ids).toContain(yongjia.id);
	});
});

describe('rows a clerk must fix', () => {
	it('a GBK CSV: good rows placed in Tianping, the two bad ones named by line and reason, nothing written under --dry-run', () => {
		const before = readFileSync(join(repoRoot, register));
		const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/register.ts', 'import', 'elevator-retrofits', 'tests/fixtures/registers/elevators-gbk.csv', '--dry-run'], { cwd: repoRoot, encoding: 'utf8' });
		expect(out.status).toBe(1);
		expect(out.stdout).toContain('read as GB18030');
		expect(out.stdout).toMatch(/row 2: 永嘉路492弄加装电梯 → 121\.\d+, 31\.\d+ \(tianping, (exact|interpolated)\)/);
		expect(out.stdout).toMatch(/row 3: 高安路50弄加装电梯 → 121\.\d+, 31\.\d+ \(tianping, (exact|interpolated)\)/);
		expect(out.stdout).toContain('第 4 行，“地址”列：地址为空，也没有经纬度：无法定位');
		expect(out.stdout).toContain('row 4, column "地址": the address is empty and there are no coordinates: the row cannot be placed');
		expect(out.stdout).toContain('row 5, column "地址": the address "幸福大道88号" cannot be placed');
		expect(out.stdout).toContain('nothing was written');
		expect(readFileSync(join(repoRoot, register)).equals(before)).toBe(true);
	});

	it('names each rejected row and writes nothing while one is rejected; a duplicated row is one', async () => {
		const dir = project();
		const before = readFileSync(join(dir, register), 'utf8');
		const file = at(dir, 'bad.xlsx', await filledTemplate([
			{ name_zh: '甲', kind: '加梯项目', status: '施工中', status_date: '2026-02-30', address: '永嘉路492弄' },
			{ name_zh: '乙', kind: '电梯', status: '施工中', status_date: '2026-02', address: '高安路50弄' },
			{ name_zh: '丙', kind: '加梯项目', address: '高安路50弄' },
			{ name_zh: '丁', kind: 'retrofit', status: 'design', status_date: '2026-03', address: '永嘉路492弄' },
			{ name_zh: '丁二', kind: 'retrofit', status: 'design', status_date: '2026-04', address: '永嘉路 492弄' }
		]));
		const report = await run(dir, file);
		expect(report.status).toBe(1);
		expect(report.written).toBe(false);
		expect(report.rejected.map((p) => [p.row, p.column, p.en])).toEqual([
			[4, '进度日期', '"2026-02-30" has no such day'],
			[5, '类型', '"电梯" is not one of the allowed values: retrofit (Elevator retrofit), guidance-centre (Guidance centre)'],
			[6, '进度', 'a project needs its status (consultation, design, construction or completed)'],
			[8, null, expect.stringMatching(/^the same record as row 7 \(id elevator-[0-9a-f]{10}\)$/)]
		]);
		expect(readFileSync(join(dir, register), 'utf8')).toBe(before);
	});

	it('holds a row outside every subdistrict for review, and publishes it once confirmed', async () => {
		const dir = project();
		const unsure = { name_zh: '某路加梯', kind: 'retrofit', status: 'design', status_date: '2026-05', lon: 121.48, lat: 31.23, crs: 'WGS84' };
		const held = await run(dir, at(dir, 'review.xlsx', await filledTemplate([unsure])));
		expect(held).toMatchObject({ status: 1, accepted: 0, written: true });
		expect(held.review.map((r) => [r.row, r.en])).toEqual([[4, 'the point lies in no subdistrict the portal covers']]);
		const confirmed = await run(dir, at(dir, 'confirmed.xlsx', await filledTemplate([{ ...unsure, confirmed: '是' }])));
		expect(confirmed).toMatchObject({ status: 0, accepted: 1 });
		const record = (JSON.parse(readFileSync(join(dir, register), 'utf8')).records as Array<Record<string, any>>).find((r) => r.name_zh === '某路加梯')!;
		expect(record.pin.source).toMatch(/; position confirmed at import$/);
	});
});

describe('files that cannot be read at all (exit 2, register untouched)', () => {
	it.each([
		['a corrupt workbook', 'broken.xlsx', () => Buffer.from('PK\u0003\u0004 this is not really a zip'), /broken\.xlsx/],
		['an empty file', 'empty.csv', () => Buffer.alloc(0), /empty\.csv/],
		['headers that match no column', 'other.csv', () => Buffer.from('品牌,型号,价格\nA,B,1\n'), /Expected \(\* required\): id, name_zh\*, kind\*/]
	])('%s', async (_, name, bytes, message) => {
		const dir = project();
		const before = readFileSync(join(dir, register), 'utf8');
		const report = await run(dir, at(dir, name, bytes()));
		expect(report.status).toBe(2);
		expect(`${report.fatal?.zh}\n${report.fatal?.en}`).toMatch(message);
		expect(readFileSync(join(dir, register), 'utf8')).toBe(before);
	});

	it('a missing file', async () => {
		const report = await run(project(), '/nonexistent/台账.xlsx');
		expect(report).toMatchObject({ status: 2, fatal: { en: expect.stringMatching(/cannot read \/nonexistent\/台账\.xlsx \(ENOENT\)/) } });
	});
});
