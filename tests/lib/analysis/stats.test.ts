import { describe, expect, it } from 'vitest';
import { layerStats, NONE, publishedFiguresFor, statistics, STAT_GROUPS, type Area } from '../../../src/lib/analysis';
import type { PublishedFigure } from '../../../src/lib/schema/district';
import { line, point, rectRing, square } from './fixtures';

// The drawn square: 100 m × 100 m at the origin. Features at x < 100 are inside, x > 100 outside.
const DRAWN: Area = { type: 'Polygon', coordinates: [rectRing(0, 0, 100, 100)] };

const elevators = [
	point('e1', 10, 10, { status: 'construction', kind: 'retrofit' }),
	point('e2', 20, 10, { status: 'construction', kind: 'retrofit' }),
	point('e3', 30, 10, { status: 'completed', kind: 'retrofit' }),
	point('e4', 40, 10, { status: null, kind: 'guidance-centre' }),
	point('e5', 500, 10, { status: 'consultation', kind: 'retrofit' }),
	point('e6', 600, 10, { status: 'completed', kind: 'retrofit' })
];
const buildings = [
	square('b1', 50, 50, 80, { protection: 'excellent', batch: '第二批', relic_level: null }), // overlaps the square's corner
	point('b2', 60, 20, { protection: 'both', batch: '第五批', relic_level: '上海市文物保护单位' }),
	point('b3', 300, 20, { protection: 'relic', batch: '', relic_level: '区级文物保护单位' })
];
// The 邻里汇 serves three categories but is one facility: counted once, under `community`.
const facilities = [
	point('f1', 10, 90, { category: 'community', categories: 'community elderly culture' }),
	point('f2', 15, 90, { category: 'transport', categories: 'transport' }),
	point('f3', 20, 90, { category: 'transport', categories: 'transport' }),
	point('f4', 900, 90, { category: 'culture', categories: 'culture' })
];
const roads = [line('r1', [[-50, 50], [150, 50]], { never_widened: 'confirmed' }), line('r2', [[-50, 500], [150, 500]], { never_widened: 'candidate' })];

const layers = { 'elevator-retrofits': elevators, 'protected-buildings': buildings, facilities, 'never-widened-roads': roads, 'former-residences': [] };

const counts = (stats: ReturnType<typeof layerStats>, property: string) => stats.groups.find((g) => g.property === property)?.counts;

describe('layerStats', () => {
	it('counts values most first, then by value, nulls and blanks as (none)', () => {
		const stats = layerStats('elevator-retrofits', elevators);
		expect(stats.total).toBe(6);
		expect(stats.groups.map((g) => g.property)).toEqual(['status', 'kind']);
		expect(counts(stats, 'status')).toEqual([
			{ value: 'completed', count: 2 },
			{ value: 'construction', count: 2 },
			{ value: NONE, count: 1 },
			{ value: 'consultation', count: 1 }
		]);
		const pb = layerStats('protected-buildings', buildings);
		expect(counts(pb, 'batch')).toEqual([{ value: NONE, count: 1 }, { value: '第二批', count: 1 }, { value: '第五批', count: 1 }]);
		expect(counts(pb, 'relic_level')?.find((c) => c.value === NONE)?.count).toBe(1);
	});
	it('counts a property missing from a feature as (none), and takes any grouping asked for', () => {
		const stats = layerStats('x', [point('a', 0, 0, { colour: 'red' }), point('b', 0, 0)], ['colour']);
		expect(counts(stats, 'colour')).toEqual([{ value: NONE, count: 1 }, { value: 'red', count: 1 }]);
		expect(layerStats('unknown-layer', elevators).groups).toEqual([]);
	});
	it('counts each facility once, under its main category', () => {
		const stats = layerStats('facilities', facilities);
		expect(counts(stats, 'category')).toEqual([
			{ value: 'transport', count: 2 },
			{ value: 'community', count: 1 },
			{ value: 'culture', count: 1 }
		]);
		expect(stats.groups.flatMap((g) => g.counts).reduce((s, c) => s + c.count, 0)).toBe(facilities.length);
	});
});

describe('statistics', () => {
	it('counts every feature without an area, per layer in order', () => {
		const all = statistics(layers);
		expect(all.map((s) => [s.layer, s.total])).toEqual([
			['elevator-retrofits', 6],
			['protected-buildings', 3],
			['facilities', 4],
			['never-widened-roads', 2],
			['former-residences', 0]
		]);
		expect(all.find((s) => s.layer === 'former-residences')?.groups).toEqual([]);
	});
	it('counts only what is in a drawn square', () => {
		const inside = statistics(layers, DRAWN);
		const by = (layer: string) => inside.find((s) => s.layer === layer)!;
		expect(by('elevator-retrofits').total).toBe(4);
		expect(counts(by('elevator-retrofits'), 'status')).toEqual([
			{ value: 'construction', count: 2 },
			{ value: NONE, count: 1 },
			{ value: 'completed', count: 1 }
		]);
		expect(counts(by('protected-buildings'), 'protection')).toEqual([{ value: 'both', count: 1 }, { value: 'excellent', count: 1 }]);
		expect(counts(by('facilities'), 'category')).toEqual([{ value: 'transport', count: 2 }, { value: 'community', count: 1 }]);
		expect(counts(by('never-widened-roads'), 'never_widened')).toEqual([{ value: 'confirmed', count: 1 }]);
	});
	it('inside and outside add up to the whole', () => {
		const outside: Area = { type: 'Polygon', coordinates: [rectRing(-10_000, -10_000, 10_000, 10_000), rectRing(0, 0, 100, 100)] };
		const e = (area: Area) => statistics({ 'elevator-retrofits': elevators }, area)[0].total;
		expect(e(DRAWN) + e(outside)).toBe(elevators.length);
	});
	it('groups the layers the issue names', () => {
		expect(STAT_GROUPS['protected-buildings']).toEqual(['protection', 'batch', 'relic_level']);
		expect(STAT_GROUPS.facilities).toEqual(['category']);
	});
});

describe('publishedFiguresFor', () => {
	const figure = (key: string, layer?: string): PublishedFigure => ({ key, value: 1, unit: 'x', label_zh: 'x', label_en: 'x', source: 's', quote: 'q', date: '2021', ...(layer ? { layer } : {}) });
	it('takes the figures tied to a layer and those whose key names it', () => {
		const figures = [figure('protected_buildings'), figure('elevator_entrances_surveyed', 'elevator-retrofits'), figure('area_km2')];
		expect(publishedFiguresFor('protected-buildings', figures).map((f) => f.key)).toEqual(['protected_buildings']);
		expect(publishedFiguresFor('elevator-retrofits', figures).map((f) => f.key)).toEqual(['elevator_entrances_surveyed']);
		expect(publishedFiguresFor('facilities', figures)).toEqual([]);
	});
});
