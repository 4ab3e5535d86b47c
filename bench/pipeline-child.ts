/**
 * One cold measurement in a fresh process, so neither JIT warm-up nor caches from an
 * earlier run flatter the numbers. `parse` only reads and parses the inputs the build
 * reads; `build` runs the whole pipeline into a temporary folder (from the repository's data, or
 * from the copy of it named after the mode).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LAYERS } from '../src/lib/layers';
import { buildLayers } from '../scripts/pipeline/build';
import { SOURCES } from '../scripts/pipeline/manifest';
import { sourcesDir } from '../scripts/pipeline/read';
import { writeOutputs } from '../scripts/pipeline/write';

const repoRoot = resolve(import.meta.dirname, '..');
const dir = sourcesDir(repoRoot);
const mode = process.argv[2];
// Another copy of the project's own data (data/districts.json, data/registers/, …) to build from: bench/registers.ts's.
const dataRoot = process.argv[3] ?? repoRoot;

if (mode === 'parse') {
	const used = new Set(['osm-boundary-tianping', ...LAYERS.flatMap((l) => l.sources)]);
	const start = performance.now();
	for (const s of SOURCES) if (used.has(s.id) && s.format !== 'photos') JSON.parse(readFileSync(join(dir, s.file), 'utf8'));
	report({ seconds: (performance.now() - start) / 1000 });
} else if (mode === 'build') {
	const out = mkdtempSync(join(tmpdir(), 'hengfu-bench-'));
	const start = performance.now();
	// BENCH_DISTRICT builds that district alone, as `npm run data -- --district` does.
	const result = buildLayers({ repoRoot: dataRoot, sourcesDir: dir, districtId: process.env.BENCH_DISTRICT || undefined });
	const archives = writeOutputs(result, out, dir);
	const seconds = (performance.now() - start) / 1000;
	rmSync(out, { recursive: true, force: true });
	report({ seconds, archives });
} else {
	throw new Error('usage: pipeline-child.ts parse|build');
}

function report(value: unknown): void {
	process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);
}
