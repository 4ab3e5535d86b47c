/**
 * `npm run bench`: every benchmark, printed side by side and written to bench/results.json
 * ({ key: { value, unit, goal } }). Each issue adds its keys in a module of its own here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Metrics } from './metrics';
import { mapBench } from './map';
import { pipelineBench } from './pipeline';

const suites: Array<[string, () => Metrics | Promise<Metrics>]> = [
	['pipeline', pipelineBench],
	['geocode', async () => (await import('./geocode')).geocodeBench()],
	['walk', async () => (await import('./walk')).walkBench()],
	['import', async () => (await import('./import')).importBench()],
	['plan', async () => (await import('./plan')).planBench()],
	['map', mapBench],
	['registers', async () => (await import('./registers')).registersBench()],
	['districts', async () => (await import('./districts')).districtsBench()],
	['serve', async () => (await import('./serve-load')).serveLoadBench()],
	['sources', async () => (await import('./sources')).sourcesBench()],
	['offline', async () => (await import('./offline')).offlineBench()],
	['places', async () => (await import('./places')).placesBench()],
	['english', async () => (await import('./english')).englishBench()],
	['lighthouse', async () => (await import('./lighthouse')).lighthouseBench()]
];

// `npm run bench -- walk geocode` runs only those suites (and merges into the existing results).
const only = process.argv.slice(2);
const unknown = only.filter((name) => !suites.some(([n]) => n === name));
if (unknown.length) {
	console.error(`unknown bench suite(s): ${unknown.join(', ')}; known: ${suites.map(([n]) => n).join(', ')}`);
	process.exit(1);
}
const path = resolve(import.meta.dirname, 'results.json');
const results: Metrics = only.length && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
for (const [name, run] of suites.filter(([n]) => !only.length || only.includes(n))) {
	console.log(`\n== ${name}`);
	const metrics = await run();
	for (const [key, m] of Object.entries(metrics)) {
		console.log(`  ${key.padEnd(28)} ${String(m.value).padStart(12)} ${m.unit.padEnd(4)} goal: ${m.goal}`);
	}
	// A suite that now yields less (skipped for a missing tool, say) must not leave its old figures behind.
	for (const [key, m] of Object.entries(results)) if (m.suite === name) delete results[key];
	for (const [key, m] of Object.entries(metrics)) results[key] = { ...m, suite: name };
}
writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${path}`);
