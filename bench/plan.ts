/**
 * The planner's analysis at scale: a proximity query of 10,000 × 10,000 points (seeded), and
 * the real question of the issue on the built layers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withinDistance, type AnyFeature } from '../src/lib/analysis';
import { METRES_PER_DEGREE } from '../src/lib/geo/distance';
import type { Metrics } from './metrics';
import { mulberry32 } from '../tests/support/seeded-random';

const dataDir = resolve(import.meta.dirname, '../static/data');

export function planBench(): Metrics {
	const random = mulberry32(20261123);
	const kx = METRES_PER_DEGREE * Math.cos((31.2 * Math.PI) / 180);
	// 3 km square: about the district's size, so the density is the district's at 10,000 points.
	const points = (prefix: string): AnyFeature[] =>
		Array.from({ length: 10_000 }, (_, i) => ({ type: 'Feature', properties: { id: `${prefix}${i}` }, geometry: { type: 'Point', coordinates: [121.43 + (random() * 3000) / kx, 31.19 + (random() * 3000) / METRES_PER_DEGREE] } }));
	const [a, b] = [points('a'), points('b')];
	withinDistance(a.slice(0, 500), b, 50); // warm-up
	const t0 = performance.now();
	const matches = withinDistance(a, b, 50);
	const ms = performance.now() - t0;

	const layer = (id: string) => (existsSync(resolve(dataDir, `${id}.geojson`)) ? JSON.parse(readFileSync(resolve(dataDir, `${id}.geojson`), 'utf8')).features : []);
	const elevators = withinDistance(layer('elevator-retrofits'), layer('protected-buildings'), 50).length;
	return {
		proximity_10000_points_ms: { value: Math.round(ms), unit: 'ms', goal: `reference: 10,000 × 10,000 points within 50 m in a 3 km square (${matches.length} matches)` },
		elevators_within_50m_of_protected: { value: elevators, unit: '', goal: 'reference: the issue’s question on the built layers' }
	};
}
