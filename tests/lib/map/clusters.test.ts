import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerById } from '../../../src/lib/layers';
import { comboClass, groupClass, groupClasses, groupCount, groupLayerIds, groupStyleLayers, groupTables, groupTarget, largest, type GroupTable } from '../../../src/lib/map/clusters';
import { buildStyle, styleLayerIds } from '../../../src/lib/map/style';
import { css, evaluate, passes } from '../../support/style-expression';

const elevators = layerById('elevator-retrofits')!;
const facilities = layerById('facilities')!;

// status, kind, year, as facets.json lists them for the elevator retrofits.
const table: GroupTable = {
	properties: ['status', 'kind', 'year'],
	combos: [
		['completed', 'retrofit', '2021'], // 0
		['completed', 'retrofit', '2022'], // 1
		['construction', 'retrofit', '2022'], // 2
		['design', 'retrofit', '2023'], // 3
		[null, 'guidance-centre', null] // 4
	]
};
// A group: 3 completed in 2021, 1 in 2022, 2 under construction, 1 in design, 4 guidance centres.
const group = { n: 11, top: 4, x: 15, c0: 3, c1: 1, c2: 2, c3: 1, c4: 4 };
const records = [...Array(3).fill(table.combos[0]), table.combos[1], ...Array(2).fill(table.combos[2]), table.combos[3], ...Array(4).fill(table.combos[4])] as unknown[][];
const matching = (picked: Record<string, string[]>) => records.filter((r) => table.properties.every((p, i) => !picked[p]?.length || (r[i] !== null && picked[p].includes(String(r[i]))))).length;

describe('a group’s number under the user’s filters', () => {
	it('is n with no filter, or without the table', () => {
		expect(groupCount(table, undefined)).toEqual(['get', 'n']);
		expect(groupCount(table, { status: [] })).toEqual(['get', 'n']);
		expect(groupCount(undefined, { status: ['completed'] })).toEqual(['get', 'n']);
	});

	it('sums the counts of the combinations the filters let through', () => {
		expect(groupCount(table, { status: ['completed'] })).toEqual(['+', ['coalesce', ['get', 'c0'], 0], ['coalesce', ['get', 'c1'], 0]]);
		expect(groupCount(table, { status: ['design'] })).toEqual(['coalesce', ['get', 'c3'], 0]);
		expect(groupCount(table, { status: ['consultation'] })).toBe(0);
	});

	it('equals the number of the group’s records that match, for every filter the panel can set', () => {
		const picks: Record<string, string[]>[] = [
			{},
			{ status: ['completed'] },
			{ status: ['completed', 'construction'] },
			{ status: ['construction'], year: ['2021'] },
			{ kind: ['guidance-centre'] },
			{ kind: ['retrofit'], year: ['2022', '2023'] },
			{ status: ['consultation'] },
			{ year: ['2021'] }
		];
		for (const picked of picks) expect(evaluate(groupCount(table, picked), group), JSON.stringify(picked)).toBe(matching(picked));
	});
});

describe('a group’s colour', () => {
	const classes = groupClasses(elevators);
	const color = (picked: Record<string, string[]>) => {
		const circle = groupStyleLayers(elevators, table, picked)[0] as { paint: Record<string, unknown> };
		return css(String(evaluate(circle.paint['circle-color'], group, 14, 'color')));
	};

	it('comes from the legend classes, each a test of one filter property', () => {
		expect(classes.map((c) => `${c.property}=${c.value}`)).toEqual(['status=consultation', 'status=design', 'status=construction', 'status=completed', 'kind=guidance-centre']);
		expect(table.combos.map((c) => comboClass(classes, table.properties, c))).toEqual([3, 3, 2, 1, 4]);
		expect(groupClasses(layerById('fire-sprinklers')!)).toEqual([]);
		for (const layer of LAYERS.filter((l) => l.cluster)) expect(() => groupClasses(layer), layer.id).not.toThrow();
	});

	it('is its largest class’s, the first on a tie; unfiltered, the one the pipeline chose', () => {
		expect(largest([1, 3, 3, 0])).toBe(1);
		expect(groupClass(elevators, table, undefined)).toEqual(['get', 'top']);
		expect(color({})).toBe(css('#ffffff')); // top 4: the guidance centres
		// Completed (3 + 1) against construction (2).
		expect(color({ status: ['completed', 'construction'] })).toBe(css(classes[3].color));
		// 2022: completed 1, construction 2.
		expect(color({ year: ['2022'] })).toBe(css(classes[2].color));
		expect(evaluate(groupClass(elevators, table, { year: ['2022'] }), group)).toBe(2);
		expect(color({ kind: ['retrofit'] })).toBe(css(classes[3].color));
		// One class only: a constant.
		expect(groupClass(elevators, table, { status: ['design'] })).toBe(1);
	});

	it('is the layer’s own colour where it has no classes', () => {
		const sprinklers = layerById('fire-sprinklers')!;
		const circle = groupStyleLayers(sprinklers, { properties: ['status', 'year'], combos: [['completed', '2021']] }, { status: ['completed'] })[0] as { paint: Record<string, unknown> };
		expect(css(String(evaluate(circle.paint['circle-color'], { n: 2, c0: 2 }, 14, 'color')))).toBe(css(sprinklers.style.swatch.color));
	});
});

describe('the groups’ style layers', () => {
	const [circle, count] = groupStyleLayers(elevators, table, { status: ['completed'] }) as Array<LayerSpecification & { filter?: unknown; paint: Record<string, unknown>; layout?: Record<string, unknown> }>;

	it('read the layer’s groups below the zoom its points show from', () => {
		expect(circle).toMatchObject({ id: 'elevator-retrofits-groups', source: 'thematic', 'source-layer': 'elevator-retrofits-clusters', maxzoom: 16, type: 'circle' });
		expect(count).toMatchObject({ id: 'elevator-retrofits-group-count', 'source-layer': 'elevator-retrofits-clusters', maxzoom: 16, type: 'symbol' });
		expect(groupLayerIds(elevators)).toEqual([circle.id, count.id]);
		expect(groupLayerIds(layerById('protected-buildings')!)).toEqual([]);
	});

	it('hide a group the filters empty, draw a group of one as a point (no number), and number the rest', () => {
		expect(passes(circle.filter, { n: 3, c2: 3 })).toBe(false);
		expect(passes(circle.filter, { n: 3, c0: 1, c2: 2 })).toBe(true);
		expect(passes(count.filter, { n: 3, c0: 1, c2: 2 })).toBe(false);
		expect(passes(count.filter, { n: 3, c0: 1, c1: 1, c2: 1 })).toBe(true);
		expect(evaluate(count.layout!['text-field'], { n: 9, c0: 2, c1: 5 }, 14, 'string')).toBe('7');
		// A group of one is a point's size (4 px at z12 to 8 at z16, as the points); more are larger.
		expect(evaluate(circle.paint['circle-radius'], { n: 1, c0: 1 }, 12)).toBe(4);
		expect(evaluate(circle.paint['circle-radius'], { n: 1, c0: 1 }, 16)).toBe(8);
		expect(evaluate(circle.paint['circle-radius'], { n: 9, c0: 2 }, 14)).toBeGreaterThan(8);
		// Nothing let through: no group at all.
		const [none, noCount] = groupStyleLayers(elevators, table, { status: ['consultation'] }) as Array<{ filter?: unknown }>;
		expect([none.filter, noCount.filter]).toEqual([false, false]);
	});

	it('are part of the whole style: the layer’s points from z16 and those alone below, its groups below z16, all visible with the layer', () => {
		const style = buildStyle('http://x', { lang: 'zh', visible: new Set(['elevator-retrofits']), filters: { 'elevator-retrofits': { status: ['completed'] } }, selected: null, groups: { 'elevator-retrofits': table } });
		const byId = new Map(style.layers.map((l) => [l.id, l as LayerSpecification & { minzoom?: number; maxzoom?: number; filter?: unknown }]));
		expect(styleLayerIds(elevators)).toEqual(['elevator-retrofits', 'elevator-retrofits-label', 'elevator-retrofits-groups', 'elevator-retrofits-group-count']);
		const points = byId.get('elevator-retrofits')!.filter;
		// The filter sees the zoom of the tile: z15 tiles at z15, the same tiles parsed again at z16 and beyond.
		const at = (zoom: number, properties: Record<string, unknown>) => evaluate(points, properties, zoom, 'boolean');
		expect(at(15, { status: 'completed', alone: true })).toBe(true);
		expect(at(15, { status: 'completed' })).toBe(false);
		expect(at(16, { status: 'completed' })).toBe(true);
		expect(at(16, { status: 'design' })).toBe(false);
		expect(at(12, { status: 'design', alone: true })).toBe(false);
		expect(JSON.stringify(byId.get('elevator-retrofits-label')!.filter)).toContain('alone');
		expect(byId.get('elevator-retrofits-groups')!.maxzoom).toBe(16);
		expect(byId.get('elevator-retrofits-groups')!.layout?.visibility).toBe('visible');
		expect(byId.get('facilities-groups')!.layout?.visibility).toBe('none');
		expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
		// Layers that are not clustered keep their filters.
		expect(JSON.stringify(byId.get('protected-buildings')!.filter)).not.toContain('alone');
	});
});

describe('facets and clicks', () => {
	it('takes the tables of the clustered layers from facets.json', () => {
		expect(groupTables({ 'elevator-retrofits': { groups: table }, streets: {} })).toEqual({ 'elevator-retrofits': table });
	});

	it('zooms a clicked group in to where it splits, at least one zoom, never past where its points show', () => {
		expect(groupTarget(facilities, { x: 15 }, 13.4)).toBe(15);
		expect(groupTarget(facilities, { x: 13 }, 13.4)).toBe(14);
		expect(groupTarget(facilities, { x: 16 }, 15.2)).toBe(16);
		expect(groupTarget(facilities, {}, 12)).toBe(16);
	});
});

describe('a group’s number under the district choice', () => {
	// The same combinations with the district last, as the pipeline writes them: 0–2 in Tianping, 3 in Hunan, 4 in the context.
	const districts = ['tianping', 'tianping', 'tianping', 'hunan', null];
	const withDistrict: GroupTable = { properties: [...table.properties, 'district'], combos: table.combos.map((c, i) => [...c, districts[i]]) };
	const inDistrict = (i: number, choice: string) => (choice === 'all' ? districts[i] !== null : districts[i] === choice);
	const expected = (choice: string, picked: Record<string, string[]>) =>
		records.filter((r) => {
			const i = table.combos.indexOf(r);
			return inDistrict(i, choice) && table.properties.every((p, k) => !picked[p]?.length || (r[k] !== null && picked[p].includes(String(r[k]))));
		}).length;

	it('counts the records of the chosen district, of any district for all (never the context), under every filter', () => {
		for (const choice of ['tianping', 'hunan', 'all']) {
			for (const picked of [{}, { status: ['completed'] }, { status: ['design'] }, { year: ['2022'] }, { kind: ['guidance-centre'] }] as Record<string, string[]>[]) {
				expect(evaluate(groupCount(withDistrict, picked, choice), group), `${choice} ${JSON.stringify(picked)}`).toBe(expected(choice, picked));
			}
		}
		expect(evaluate(groupCount(withDistrict, {}, 'tianping'), group)).toBe(6);
		expect(evaluate(groupCount(withDistrict, {}, 'hunan'), group)).toBe(1);
		expect(evaluate(groupCount(withDistrict, {}, 'all'), group)).toBe(7);
	});

	it('is n where the choice and filters let every combination through, and ignores the choice without the district in the table', () => {
		const allTianping: GroupTable = { properties: withDistrict.properties, combos: table.combos.map((c) => [...c, 'tianping']) };
		expect(groupCount(allTianping, undefined, 'tianping')).toEqual(['get', 'n']);
		expect(groupCount(allTianping, undefined, 'all')).toEqual(['get', 'n']);
		expect(groupCount(allTianping, undefined, 'hunan')).toBe(0);
		expect(groupCount(table, undefined, 'hunan')).toEqual(['get', 'n']);
		// A pick on the district in a hand-made link is no filter of the layer's.
		expect(groupCount(withDistrict, { district: ['hunan'] })).toEqual(['get', 'n']);
	});

	it('colours a group by its largest class among the chosen district’s records', () => {
		// Tianping: 3 + 1 completed against 2 under construction.
		expect(evaluate(groupClass(elevators, withDistrict, undefined, 'tianping'), group)).toBe(3);
		// Hunan: the one in design, a constant.
		expect(groupClass(elevators, withDistrict, undefined, 'hunan')).toBe(1);
	});
});
