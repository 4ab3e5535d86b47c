import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A hash of everything a build depends on: the pipeline's code, the project's own data, and
 * the sources folder's manifest, whose checksums the build has just verified against the files.
 * `--if-missing` rebuilds only when it changes, so the run command stays fast on the second
 * start yet never serves stale layers.
 */
export function buildFingerprint(repoRoot: string, sourcesDir: string, districtId: string): string {
	const hash = createHash('sha256').update(`district:${districtId}\n`);
	for (const dir of ['data', 'scripts/pipeline', 'scripts/sources', 'scripts/build-data.ts', 'src/lib/layers', 'src/lib/schema', 'src/lib/geo', 'src/lib/tiles', 'src/lib/search', 'src/lib/sources.ts']) {
		for (const file of walk(join(repoRoot, dir))) {
			const name = relative(repoRoot, file);
			if (!name.startsWith(`data${sep}sources${sep}`)) hash.update(name).update(readFileSync(file));
		}
	}
	hash.update(`sources:${sourcesDir}\n`).update(readFileSync(join(sourcesDir, 'sources.json')));
	return hash.digest('hex');
}

function walk(path: string): string[] {
	if (!existsSync(path)) return [];
	if (statSync(path).isFile()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => walk(join(path, name)));
}
