/**
 * `npm run sources:check`: holds the sources folder (data/sources, or $HENGFU_SOURCES) to its
 * manifest, sources.json. Names every missing, extra or changed file and exits 1 if there is one.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesDir } from './pipeline/read';
import { checkSources, describeProblem } from './sources/check';
import { ManifestError } from './sources/manifest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = sourcesDir(repoRoot);
try {
	const started = performance.now();
	const check = checkSources(dir);
	const ms = performance.now() - started;
	if (check.problems.length) {
		console.error(`${dir} does not match its sources.json (${check.problems.length} problem${check.problems.length > 1 ? 's' : ''}):`);
		for (const p of check.problems) console.error(`  ${describeProblem(p)}`);
		process.exit(1);
	}
	console.log(`${dir}: ${check.files} files, ${(check.bytes / 1e6).toFixed(1)} MB, ${check.manifest.sources.length} sources: all match sources.json (${ms.toFixed(0)} ms)`);
	if (check.pending.length) {
		console.log(`not yet fetched (the build runs without them): ${check.pending.map((s) => s.id).join(', ')}. Fetch with npm run sources:refresh -- ${check.pending.map((s) => s.id).join(' ')}`);
	}
} catch (err) {
	if (err instanceof ManifestError) {
		console.error(err.message);
		process.exit(1);
	}
	throw err;
}
