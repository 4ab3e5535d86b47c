import { resolve } from 'node:path';
import { buildLayers } from '../scripts/pipeline/build';
import type { EnglishTitleReport } from '../scripts/pipeline/conflate/english-title';
import { sourcesDir } from '../scripts/pipeline/read';
import type { Metrics } from './metrics';

const repoRoot = resolve(import.meta.dirname, '..');

/** Shares of the protected buildings in the districts (not their context) by where the English title comes from. */
export function englishShares(report: EnglishTitleReport): { source: number; descriptive: number; none: number; total: number } {
	const districts = Object.entries(report).filter(([d]) => d !== 'context').map(([, c]) => c);
	const sum = (k: 'source' | 'descriptive' | 'none' | 'total') => districts.reduce((s, c) => s + c[k], 0);
	return { source: sum('source'), descriptive: sum('descriptive'), none: sum('none'), total: sum('total') };
}

/** How the English map titles protected buildings: read from a full build's report (english_titles), both districts. */
export function englishBench(): Metrics {
	const result = buildLayers({ repoRoot, sourcesDir: sourcesDir(repoRoot) });
	const s = englishShares(result.englishTitles);
	const share = (n: number) => Math.round((n / s.total) * 1000) / 1000;
	return {
		english_source_share: { value: share(s.source), unit: '', goal: `reference: protected buildings in the districts with an English name from a source (${s.source} of ${s.total})` },
		english_descriptive_share: { value: share(s.descriptive), unit: '', goal: `reference: with a descriptive English title, kind and address (${s.descriptive} of ${s.total}); the rest (${s.none}) have none` }
	};
}
