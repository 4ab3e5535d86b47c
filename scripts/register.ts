/**
 * `npm run register -- <command>`: the subdistrict offices' registers, in and out of Excel.
 *
 *   template <layer> [--format xlsx|csv] [--out FILE]
 *       writes the fill-in template of a register layer (default: <layer>-template.xlsx here)
 *   import <layer> <file.xlsx|.csv> [--crs WGS84|GCJ02|BD09] [--sheet NAME] [--replace] [--dry-run] [--accept-review]
 *       validates, places and reviews every row, prints what would change and why any row cannot
 *       be taken, and writes data/registers/<layer>.json when no row was rejected (not with --dry-run)
 *
 * Exit status: 0 every row accepted; 1 a row rejected or waiting for review; 2 the file cannot be
 * read at all, or the command is wrong.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTER_IDS } from './pipeline/registers/read';
import { sourcesDir } from './pipeline/read';
import { importRegister, type ImportReport } from './registers/import';
import { registerTemplate, templateName, TEMPLATE_FORMATS, type TemplateFormat } from './registers/template';
import type { RegisterId } from '../src/lib/schema/register';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !['--format', '--out', '--crs', '--sheet'].includes(args[i - 1] ?? ''));

function usage(message: string): never {
	console.error(`${message}\n\nusage:\n  npm run register -- template <layer> [--format xlsx|csv] [--out FILE]\n  npm run register -- import <layer> <file.xlsx|.csv> [--crs WGS84|GCJ02|BD09] [--sheet NAME] [--replace] [--dry-run] [--accept-review]\n\nlayers: ${REGISTER_IDS.join(', ')}`);
	process.exit(2);
}

const [command, layer, file] = positional;
if (!command) usage('no command');
if (!layer || !(REGISTER_IDS as readonly string[]).includes(layer)) usage(layer ? `unknown layer "${layer}"` : 'which register layer?');
const register = layer as RegisterId;

if (command === 'template') {
	const format = (value('--format') ?? 'xlsx') as TemplateFormat;
	if (!TEMPLATE_FORMATS.includes(format)) usage(`unknown format "${format}" (xlsx or csv)`);
	const out = value('--out') ?? templateName(register, format);
	writeFileSync(out, await registerTemplate(register, format));
	console.log(`wrote ${out}: the ${register} template (${format})`);
} else if (command === 'import') {
	if (!file) usage('which file?');
	const crs = value('--crs');
	if (crs && !['WGS84', 'GCJ02', 'BD09'].includes(crs)) usage(`unknown coordinate system "${crs}" (WGS84, GCJ02 or BD09)`);
	const report = await importRegister({
		repoRoot,
		sourcesDir: sourcesDir(repoRoot),
		register,
		file,
		crs: crs as 'WGS84' | 'GCJ02' | 'BD09' | undefined,
		sheet: value('--sheet'),
		replace: flag('--replace'),
		dryRun: flag('--dry-run'),
		acceptReview: flag('--accept-review')
	});
	printReport(report, flag('--dry-run'));
	process.exit(report.status);
} else usage(`unknown command "${command}"`);

/** The report in both languages: a clerk reads the Chinese, a developer the English. */
function printReport(r: ImportReport, dryRun: boolean): void {
	const where = (p: { sheet: string | null; row: number }) => ({ zh: `${p.sheet ? `工作表“${p.sheet}”` : ''}第 ${p.row} 行`, en: `${p.sheet ? `sheet "${p.sheet}", ` : ''}row ${p.row}` });
	console.log(`${r.file} → ${r.target}`);
	if (r.fatal) {
		console.error(`无法导入：${r.fatal.zh}\ncannot import: ${r.fatal.en}`);
		return;
	}
	for (const n of r.notes) console.log(`  注：${n.zh}\n  note: ${n.en}`);
	console.log(`\n读入 ${r.rowsRead} 行：接受 ${r.accepted}，剔除 ${r.rejected.length}，待复核 ${r.review.length}`);
	console.log(`read ${r.rowsRead} rows: ${r.accepted} accepted, ${r.rejected.length} rejected, ${r.review.length} waiting for review`);
	if (r.placed.length) {
		console.log('\n定位 / placed:');
		for (const p of r.placed) console.log(`  ${where(p).en}: ${p.name_zh} → ${p.lon}, ${p.lat} (${p.district}, ${p.method})`);
	}
	if (r.rejected.length) {
		console.log('\n剔除 / rejected:');
		for (const p of r.rejected) {
			const w = where(p);
			console.log(`  ${w.zh}${p.column ? `，“${p.column}”列` : ''}：${p.zh}\n  ${w.en}${p.column ? `, column "${p.column}"` : ''}: ${p.en}`);
		}
	}
	if (r.review.length) {
		console.log('\n待复核（未发布；核实后在“已核实位置”列填“是”，或加 --accept-review）/ waiting for review (not published; confirm in the "Position confirmed" column, or pass --accept-review):');
		for (const v of r.review) {
			const w = where(v);
			console.log(`  ${w.zh} ${v.name_zh}：${v.zh}\n  ${w.en} ${v.id}: ${v.en}`);
		}
	}
	if (r.diff) {
		const d = r.diff;
		console.log(`\n变化 / changes: +${d.added.length} added, ~${d.changed.length} changed, =${d.unchanged.length} unchanged, ${d.missing.length} missing from the file (kept), ${d.removed.length} removed`);
		for (const c of d.changed) console.log(`  ~ ${c.id}: ${c.fields.map((f) => `${f.field} ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join('; ')}`);
		for (const id of d.added) console.log(`  + ${id}`);
		for (const id of d.missing) console.log(`  ? ${id} (not in the file; kept — --replace removes it)`);
		for (const id of d.removed) console.log(`  - ${id}`);
	}
	if (r.written) console.log(`\n已写入 / written: ${r.target}. 下次 npm run data 构建时上图 / the next npm run data puts it on the map.`);
	else if (dryRun) console.log('\n--dry-run：未写入任何文件 / nothing was written.');
	else if (r.rejected.length) console.log(`\n有记录被剔除，未写入 ${r.target}：请修正后重新导入 / rows were rejected, so ${r.target} was not written: fix them and import again.`);
}
