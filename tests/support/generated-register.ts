/**
 * A register of generated elevator retrofits over the district's real addresses, for the
 * benchmark and the browser tests of the map at real sizes. It lives in a temporary copy of the
 * project's own data (never in data/, never shipped): the pipeline reads it from there
 * (`buildLayers({ repoRoot: copy })`) as it would the real register.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuildResult } from '../../scripts/pipeline/build';
import { createGeocoder } from '../../src/lib/geo/geocode';
import { PROJECT_STATUSES } from '../../src/lib/schema/vocabulary';
import { mulberry32, type Random } from './seeded-random';

const repoRoot = resolve(import.meta.dirname, '../..');

/** An address as a register would write it, and where the build's geocoder puts it. */
export interface Place {
	address: string;
	point: [number, number];
}

const HOUSE = /^(\p{Script=Han}+?[路街])(\d+)(弄|号)/u;

/**
 * The district's addresses: the geocoder's anchors that lie in the district, and house numbers
 * between them along their streets (what a real register of thousands of doors would hold), each
 * kept only where the build's own geocoder places it inside the district. Sorted, so the same
 * build gives the same places.
 */
export function districtPlaces(result: BuildResult, opts: { perStreet?: number; seed?: number } = {}): Place[] {
	const random = mulberry32(opts.seed ?? 7);
	const geocoder = createGeocoder(result.geocoderInput.streets, result.geocoderInput.anchors);
	const inside = (p: [number, number]) => booleanPointInPolygon(p, result.boundary);
	const numbers = new Map<string, number[]>();
	const candidates = new Set<string>();
	for (const a of result.geocoderInput.anchors) {
		if (!inside(a.point as [number, number])) continue;
		candidates.add(a.address);
		const m = HOUSE.exec(a.address);
		if (m) numbers.set(m[1], [...(numbers.get(m[1]) ?? []), Number(m[2])]);
	}
	for (const [road, ns] of numbers) {
		const [lo, hi] = [Math.min(...ns), Math.max(...ns)];
		for (let i = 0; i < (opts.perStreet ?? 60); i++) {
			const n = lo + Math.floor(random() * (hi - lo + 1));
			candidates.add(`${road}${n}${random() < 0.5 ? '号' : '弄'}`);
		}
	}
	const places: Place[] = [];
	for (const address of [...candidates].sort()) {
		const g = geocoder.geocode(address);
		if (g.ok && g.method !== 'street' && inside(g.point as [number, number])) places.push({ address, point: g.point as [number, number] });
	}
	return places;
}

/** Places at least `metres` apart from each other (greedy, in the given order). */
export function apart(places: Place[], metres: number): Place[] {
	const kept: Place[] = [];
	const m = (a: [number, number], b: [number, number]) => Math.hypot((a[0] - b[0]) * 95_300, (a[1] - b[1]) * 111_200);
	for (const p of places) if (kept.every((k) => m(k.point, p.point) >= metres)) kept.push(p);
	return kept;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * `count` elevator-retrofit records at `places` (each place in turn when `spread` is 'each',
 * else at random), as an office's register file brought in by `npm run register -- import`
 * would give them: one in ten a guidance centre, the rest retrofits at every status, their
 * latest status dated 2018–2026.
 */
export function elevatorRecords(places: Place[], count: number, opts: { seed?: number; spread?: 'random' | 'each'; prefix?: string } = {}): Record<string, unknown>[] {
	const random = mulberry32(opts.seed ?? 1);
	const imported = (row: number) => ({ file: 'generated-register.xlsx', sheet: '加梯', row, date: '2026-12-01' });
	return Array.from({ length: count }, (_, i) => {
		const place = opts.spread === 'each' ? places[i % places.length] : pick(random, places);
		const row = i + 2;
		const base = {
			id: `${opts.prefix ?? 'generated'}-${i + 1}`,
			district: 'tianping',
			name_zh: `${place.address}加装电梯`,
			address: place.address,
			source: 'import',
			imported: imported(row)
		};
		if (random() < 0.1) return { ...base, kind: 'guidance-centre', name_zh: `${place.address}加梯指导站`, date: '2026-11' };
		const reached = Math.floor(random() * PROJECT_STATUSES.length);
		const year = 2018 + Math.floor(random() * 9);
		const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
		const history = PROJECT_STATUSES.slice(0, reached + 1).map((status, k) => ({ status, source: 'import', date: `${year - (reached - k > 0 ? 1 : 0)}-${month}`, imported: imported(row) }));
		// Dates follow the statuses' order: earlier stages the year before the latest.
		return { ...base, kind: 'retrofit', date: history[history.length - 1].date, status_history: history };
	});
}

/**
 * A temporary copy of the project's own data (everything `buildLayers` reads from the
 * repository: the district registry, the registers, the tours, the never-widened roads) with
 * `records` as the elevator-retrofits register. Returns the copy's root.
 */
export function dataWithRegister(records: Record<string, unknown>[], base = mkdtempSync(join(tmpdir(), 'hengfu-register-'))): string {
	const data = join(base, 'data');
	mkdirSync(data, { recursive: true });
	for (const file of ['districts.json', 'tours.json', 'never_widened_roads.csv', 'bibliography.json']) cpSync(join(repoRoot, 'data', file), join(data, file));
	cpSync(join(repoRoot, 'data/registers'), join(data, 'registers'), { recursive: true });
	writeFileSync(
		join(data, 'registers/elevator-retrofits.json'),
		JSON.stringify({ $comment: 'Generated for a benchmark or test (tests/support/generated-register.ts); never shipped.', register: 'elevator-retrofits', records }, null, '\t') + '\n'
	);
	return base;
}
