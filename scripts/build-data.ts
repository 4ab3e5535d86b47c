/**
 * `npm run data`: builds every layer, archive and report from the sources folder (data/sources),
 * after holding it to its manifest (data/sources/sources.json): a changed file stops the build
 * before anything is written.
 *   --district <id>   build another district of data/districts.json (default: the registry's default)
 *   --if-missing      do nothing when the outputs exist and nothing they depend on changed
 *   --timings         print milliseconds per stage
 *   --verbose         print every rejected record (they are always in static/data/build-report.json)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLayers } from './pipeline/build';
import { buildFingerprint } from './pipeline/fingerprint';
import { sourcesDir } from './pipeline/read';
import { countLine, SourceError } from './pipeline/report';
import { checkSources, describeProblem } from './sources/check';
import { ManifestError } from './sources/manifest';
import { writeOutputs } from './pipeline/write';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const districtId = valueOf('--district') ?? process.env.HENGFU_DISTRICT;
const dir = sourcesDir(repoRoot);
// HENGFU_STATIC_DIR writes elsewhere (svelte.config.js reads the same variable).
const staticDir = resolve(repoRoot, process.env.HENGFU_STATIC_DIR ?? 'static');
const stampFile = join(staticDir, 'data', '.fingerprint');

try {
	main();
} catch (err) {
	if (err instanceof SourceError || err instanceof ManifestError) {
		console.error(`\nbuild stopped: ${err.message}`);
		process.exit(1);
	}
	throw err;
}

function main(): void {
	const check = checkSources(dir);
	if (check.problems.length) {
		const lines = check.problems.map((p) => `  ${describeProblem(p)}`).join('\n');
		throw new SourceError(dir, `does not match its sources.json, so nothing was built:\n${lines}\n(npm run sources:check lists the same)`);
	}
	const fingerprint = buildFingerprint(repoRoot, dir, districtId ?? 'default');
	if (args.includes('--if-missing') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint) {
		console.log('data is up to date (static/data, static/tiles); `npm run data` rebuilds it');
		return;
	}
	const started = performance.now();
	console.log(`sources: ${dir} (${check.files} files match sources.json)`);
	if (check.pending.length) console.log(`not yet fetched, their layers wait: ${check.pending.map((s) => s.id).join(', ')} (npm run sources:refresh -- ${check.pending.map((s) => s.id).join(' ')})`);
	const result = buildLayers({ repoRoot, sourcesDir: dir, districtId });
	const writeStart = performance.now();
	const archives = writeOutputs(result, staticDir, dir);
	result.timings['tile + write'] = performance.now() - writeStart;
	writeFileSync(stampFile, fingerprint);

	console.log(`\n${result.districts.map((d) => `${d.name_zh} (${d.id})`).join(' + ')}`);
	for (const p of result.districtProblems) console.log(`  left out: ${p.district}: ${p.reason}`);
	console.log('\nsources: in = accepted + rejected');
	for (const c of result.counts) console.log('  ' + countLine(c));
	const broken = result.counts.filter((c) => c.read !== c.accepted + c.rejected);

	console.log(`\nrejected records: ${result.rejected.length} (every one in static/data/build-report.json)`);
	const byReason = new Map<string, number>();
	for (const r of result.rejected) {
		const key = `${r.source}: ${r.reason.replace(/\(.*?\)/g, '(…)').replace(/"[^"]*"/g, '"…"')}`;
		byReason.set(key, (byReason.get(key) ?? 0) + 1);
	}
	for (const [reason, n] of byReason) console.log(`  ${String(n).padStart(4)} × ${reason}`);
	if (args.includes('--verbose')) for (const r of result.rejected) console.log(`  ${r.file} #${r.index} ${r.id ?? ''}: ${r.reason}`);

	const ids = result.districts.map((d) => d.id);
	console.log(`\nlayers: total (${ids.join(' / ')})`);
	for (const [id, fs] of result.layers) console.log(`  ${id.padEnd(22)} ${String(fs.length).padStart(5)} (${ids.map((d) => fs.filter((f) => f.properties.district === d).length).join(' / ')})`);
	for (const m of result.registers.mismatches) console.log(`  ${m.register} ${m.id}: the source says ${m.claimed}, the point lies in ${m.lies_in ?? 'no covered district'}`);

	const same = result.sameName;
	console.log(`\nsame-name listings: ${same.pairs.length} pairs, ${same.merged} listings merged into another (same street, within ${same.limit_m} m; build-report.json, same_name)`);
	for (const p of same.pairs) console.log(`  ${p.merged ? 'merged' : 'apart '} ${p.name}: ${p.a.address ?? p.a.id} / ${p.b.address ?? p.b.id}: ${p.reason}`);

	console.log('\nprotected buildings in English: a source\'s name / descriptive (kind and address) / none (build-report.json, english_titles)');
	for (const [d, c] of Object.entries(result.englishTitles)) console.log(`  ${d.padEnd(10)} ${c.source} / ${c.descriptive} / ${c.none} of ${c.total}${c.none ? `   none: ${Object.entries(c.none_reasons).map(([r, n]) => `${n} ${r}`).join(', ')}` : ''}`);

	const missing = result.streetTables.neverWidenedUnmatched;
	if (missing.length) console.log(`\nnever-widened roads listed but not drawn (in build-report.json, streets): ${missing.length}`);
	for (const m of missing) console.log(`  ${m.name_zh} (${m.status}): ${m.reason}`);

	const reg = result.registers;
	console.log(`\nregisters: geocoder has ${reg.anchors} address anchors (${Object.values(reg.skippedAnchors).reduce((a, b) => a + b, 0)} skipped)`);
	for (const c of reg.counts) {
		const unplaced = reg.unplaced.filter((u) => `register:${u.register}` === c.source).length;
		console.log(`  ${c.source.padEnd(28)} ${c.read} records: ${c.accepted - unplaced} placed (${c.outsideArea} outside this build's area), ${unplaced} not placed, ${c.rejected} rejected`);
	}
	for (const u of reg.unplaced) console.log(`    not placed: ${u.id} ${u.name_zh} [${u.address ?? 'no address'}]: ${u.reason}`);
	for (const o of reg.open) console.log(`  open facilities from ${o.dataset.padEnd(19)} ${o.read} read: ${o.facilities} facilities, ${o.notFacilities} not life-circle facilities`);

	const walk = result.walk.report;
	console.log(`\nwalk graph: ${walk.nodes} nodes, ${walk.edges} edges from ${walk.waysKept} of ${walk.waysRead} ways; dropped ${Object.entries(walk.dropped).map(([r, n]) => `${n} (${r})`).join(', ') || 'none'}`);
	for (const island of walk.islands) console.log(`  left out: a piece of ${island.nodes} nodes not joined to the network (ways ${island.ways.join(', ')})`);

	for (const [district, figures] of Object.entries(result.figures)) {
		console.log(`\npublished figure beside computed count: ${district}`);
		for (const f of figures) console.log(`  ${f.label_en.padEnd(44)} published ${String(f.published).padStart(6)}   computed ${f.computed === null ? '     —' : String(f.computed).padStart(6)}   ${f.note}`);
	}
	console.log('\narchives');
	for (const a of archives) console.log(`  ${a.archive}.pmtiles ${(a.bytes / 1024).toFixed(1)} KiB, ${a.tileCount} tiles, largest ${(a.largestTileBytes / 1024).toFixed(1)} KiB (${a.largestTile})`);
	if (args.includes('--timings')) for (const [stage, ms] of Object.entries(result.timings)) console.log(`  ${stage.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms`);
	console.log(`\nbuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
	if (broken.length) {
		console.error(`count mismatch in ${broken.map((b) => b.source).join(', ')}: records were lost`);
		process.exit(1);
	}
}

function valueOf(flag: string): string | undefined {
	const i = args.indexOf(flag);
	return i >= 0 ? args[i + 1] : undefined;
}
