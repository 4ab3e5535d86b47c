/**
 * `npm run sources:refresh -- <source-id>… | --all [--force]`: brings sources up to date from
 * their origins (Overpass, Wikidata, the Shanghai Library) into the sources folder
 * (data/sources, or $HENGFU_SOURCES) and records them in sources.json. Each source is
 * refreshed on its own; one that fails changes nothing and the others go on.
 * Exit 0 when all went well, 1 when any failed, 2 for a usage error or an unknown id.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesDir } from './pipeline/read';
import { ManifestError, readManifest } from './sources/manifest';
import { describeIds } from './sources/refresh/diff';
import { refreshSource, type RefreshResult } from './sources/refresh/refresh';

const USAGE = 'usage: npm run sources:refresh -- <source-id>… | --all [--force]';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = sourcesDir(repoRoot);
const args = process.argv.slice(2);
const force = args.includes('--force');
const all = args.includes('--all');
const flags = args.filter((a) => a.startsWith('-'));
const ids = args.filter((a) => !a.startsWith('-'));

if (args.includes('--help') || args.includes('-h')) {
	console.log(USAGE);
	process.exit(0);
}
const badFlag = flags.find((f) => !['--force', '--all'].includes(f));
if (badFlag || (all && ids.length) || (!all && !ids.length)) {
	console.error(badFlag ? `unknown option ${badFlag}\n${USAGE}` : USAGE);
	process.exit(2);
}

let known: Array<{ id: string; refreshable: boolean }>;
try {
	known = readManifest(dir).sources.map((s) => ({ id: s.id, refreshable: s.refresh !== null }));
} catch (err) {
	if (!(err instanceof ManifestError)) throw err;
	console.error(err.message);
	process.exit(1);
}
// Every id is checked before anything is fetched: a typo must not cost a long Overpass query.
const unknown = ids.filter((id) => !known.some((k) => k.id === id));
if (unknown.length) {
	console.error(`unknown source${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
	console.error(`sources.json lists: ${known.map((k) => k.id).join(', ')}`);
	process.exit(2);
}

const today = new Date().toISOString().slice(0, 10);
const chosen = all ? known.filter((k) => k.refreshable).map((k) => k.id) : [...new Set(ids)];
const results: RefreshResult[] = [];
for (const id of chosen) {
	if (chosen.length > 1) console.log(known.find((k) => k.id === id)?.refreshable ? `\n${id}: asking its origin…` : '');
	const result = await refreshSource(dir, id, { today, force, env: process.env });
	results.push(result);
	print(result);
}
if (chosen.length > 1) console.log(`\n${summary(results)}`);
process.exit(results.some((r) => r.status === 'failed' || r.status === 'unknown') ? 1 : 0);

function print(r: RefreshResult): void {
	if (r.status !== 'refreshed') {
		(r.status === 'by-hand' ? console.log : console.error)(r.message);
		return;
	}
	const c = r.changes;
	const size = r.previousBytes === null ? `new, ${r.bytes.toLocaleString('en')} bytes` : `${r.previousBytes.toLocaleString('en')} → ${r.bytes.toLocaleString('en')} bytes`;
	console.log(`${r.id}: wrote ${r.file} (${size}; ${c.before.toLocaleString('en')} → ${c.after.toLocaleString('en')} items${r.asOf ? `, data as of ${r.asOf}` : ''}) and its sources.json entry`);
	console.log(`  ${describeIds('added', c.added)}`);
	console.log(`  ${describeIds('removed', c.removed)}`);
	console.log(`  ${describeIds('changed', c.changed)}`);
	console.log(`  ${c.unchanged.toLocaleString('en')} unchanged`);
	if (r.waits.length) console.log(`  the origin was busy: retried after ${r.waits.map((ms) => `${Math.round(ms / 1000)} s`).join(', ')}`);
	for (const note of r.notes) console.log(`  note: ${note}`);
}

function summary(rs: RefreshResult[]): string {
	const of = (status: RefreshResult['status']) => rs.filter((r) => r.status === status).map((r) => r.id);
	const parts = [`${of('refreshed').length} refreshed`];
	if (of('failed').length) parts.push(`${of('failed').length} failed (${of('failed').join(', ')}): nothing of theirs was changed`);
	if (of('by-hand').length) parts.push(`${of('by-hand').length} refreshed by hand (${of('by-hand').join(', ')})`);
	return `summary: ${parts.join('; ')}`;
}
