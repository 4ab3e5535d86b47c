/**
 * The walk feature's speed on the shipped data: isochrones from random starts in the district
 * (what a resident's click costs in the worker), the coverage grid for every category, and
 * the size of the graph the site ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inRings } from '../src/lib/geo/geometry';
import { FACILITY_CATEGORY_KEYS } from '../src/lib/schema/register';
import { bandsFor } from '../src/lib/walk/bands';
import { WalkEngine } from '../src/lib/walk/engine';
import { decodeWalkGraph } from '../src/lib/walk/graph';
import { median, percentile, type Metrics } from './metrics';
import { mulberry32 } from '../tests/support/seeded-random';

const STARTS = 240;
const dataDir = resolve(import.meta.dirname, '../static/data');

export function walkBench(): Metrics {
	const graphFile = join(dataDir, 'walk-graph.bin');
	if (!existsSync(graphFile)) throw new Error(`walk bench: ${graphFile} is missing: run npm run data first`);
	const bytes = readFileSync(graphFile);
	const graph = decodeWalkGraph(new Uint8Array(bytes));
	const facilities = JSON.parse(readFileSync(join(dataDir, 'walk-facilities.json'), 'utf8'));
	// Starts in the registry's default district (Tianping), as the bench always measured.
	const districts = JSON.parse(readFileSync(join(dataDir, 'districts.json'), 'utf8')) as { default: string; districts: Array<{ id: string; boundary: { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] } }> };
	const boundary = districts.districts.find((d) => d.id === districts.default)!.boundary;
	const rings = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
	const engine = new WalkEngine(graph, facilities, [...FACILITY_CATEGORY_KEYS]);

	// Random starts inside the district, from a fixed seed so every run asks the same questions.
	const random = mulberry32(20261123);
	const all = rings.flat(2) as Array<[number, number]>;
	const [w, s, e, n] = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
	const starts: Array<[number, number]> = [];
	while (starts.length < STARTS) {
		const p: [number, number] = [w + random() * (e - w), s + random() * (n - s)];
		if (inRings(p, rings)) starts.push(p);
	}
	for (const p of starts.slice(0, 20)) engine.isochrone({ start: p, minutes: bandsFor(15), metresPerMinute: 60 }); // warm-up
	const times = starts.map((p) => {
		const t0 = performance.now();
		engine.isochrone({ start: p, minutes: bandsFor(15), metresPerMinute: 60 });
		return performance.now() - t0;
	});

	const c0 = performance.now();
	const cells = engine.grid(rings);
	const coverage = engine.coverage('health', cells, 15, 60);
	const coverageMs = performance.now() - c0;

	const r = (v: number) => Math.round(v * 100) / 100;
	return {
		isochrone_median_ms: { value: r(median(times)), unit: 'ms', goal: `≤ 30 (${STARTS} random starts in the district, 5/10/15 min at 60 m/min)` },
		isochrone_p95_ms: { value: r(percentile(times, 95)), unit: 'ms', goal: 'reference' },
		coverage_all_categories_ms: { value: r(coverageMs), unit: 'ms', goal: `reference: ${cells.length} cells of 50 m × ${FACILITY_CATEGORY_KEYS.length} categories (health covers ${Math.round(coverage.shares.health * 100)}% in 15 min)` },
		walk_graph_bytes: { value: bytes.byteLength, unit: 'B', goal: `reference: shipped (${gzipSync(bytes).byteLength} B gzipped)` },
		walk_graph_nodes: { value: graph.nodeCount, unit: '', goal: 'reference' },
		walk_graph_edges: { value: graph.edgeCount, unit: '', goal: 'reference' }
	};
}
