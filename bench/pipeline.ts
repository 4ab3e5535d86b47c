import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ArchiveStats } from '../scripts/pipeline/write';
import { median, type Metrics } from './metrics';

const RUNS = 5;

/** One cold run of bench/pipeline-child.ts; `dataRoot` builds from another copy of the project's data, `district` one district alone. */
export function child(mode: 'parse' | 'build', dataRoot?: string, district?: string): { seconds: number; archives?: ArchiveStats[] } {
	const env = { ...process.env, ...(district ? { BENCH_DISTRICT: district } : {}) };
	const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'pipeline-child.ts'), mode, ...(dataRoot ? [dataRoot] : [])], { encoding: 'utf8', env });
	const line = out.split('\n').find((l) => l.startsWith('RESULT '));
	if (!line) throw new Error(`pipeline-child ${mode} printed no result:\n${out}`);
	return JSON.parse(line.slice(7));
}

/** Cold build beside cold parse, alternated in one run so both see the same machine. */
export function pipelineBench(): Metrics {
	const parse: number[] = [];
	const build: number[] = [];
	let archives: ArchiveStats[] = [];
	for (let i = 0; i < RUNS; i++) {
		parse.push(child('parse').seconds);
		const b = child('build');
		build.push(b.seconds);
		archives = b.archives ?? [];
	}
	const buildS = median(build);
	const parseS = median(parse);
	return {
		build_seconds: { value: round(buildS), unit: 's', goal: '≤ 5 (cold full build, median of 5)' },
		parse_seconds: { value: round(parseS), unit: 's', goal: 'reference: reading + parsing the inputs only' },
		build_parse_ratio: { value: round(buildS / parseS), unit: '×', goal: '≤ 10' },
		// The registry's archives; the districts' first archives (a copy of part of thematic) are measured by bench/districts.ts.
		archive_bytes_total: { value: archives.filter((a) => !a.district).reduce((s, a) => s + a.bytes, 0), unit: 'B', goal: 'smaller is better' },
		largest_tile_bytes: { value: Math.max(...archives.map((a) => a.largestTileBytes)), unit: 'B', goal: '≤ 100000 (gzipped)' }
	};
}

function round(v: number): number {
	return Math.round(v * 1000) / 1000;
}
