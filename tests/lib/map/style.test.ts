import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerById } from '../../../src/lib/layers';
import { filterExpression, rowMatches } from '../../../src/lib/map/filters';
import { shareProgram } from '../../../src/lib/map/shared-programs';
import { planOverlay } from '../../../src/lib/map/plan-overlay';
import { buildStyle, orderLayers, styleLayerIds, type StyleState } from '../../../src/lib/map/style';
import { mergeOverlays, tourOverlay } from '../../../src/lib/map/tour-overlay';
import { walkOverlay } from '../../../src/lib/map/walk-overlay';

describe('buildStyle', () => {
	const visible = new Set(['protected-buildings', 'streets']);
	const style = buildStyle('http://localhost:4173', { lang: 'en', visible, filters: { 'protected-buildings': { batch: ['第二批'] } }, selected: null });

	it('has no glyph server and only local pmtiles sources, named tile by tile for the worker', () => {
		expect(style.glyphs).toBeUndefined();
		expect(Object.values(style.sources)).toEqual([
			{ type: 'vector', tiles: ['pmtiles://http://localhost:4173/tiles/basemap.pmtiles/{z}/{x}/{y}'], minzoom: 12, maxzoom: 15, attribution: '' },
			{ type: 'vector', tiles: ['pmtiles://http://localhost:4173/tiles/thematic.pmtiles/{z}/{x}/{y}'], minzoom: 12, maxzoom: 15, attribution: '' }
		]);
	});
	it('draws every registry layer, hidden unless visible', () => {
		for (const layer of LAYERS) {
			for (const id of styleLayerIds(layer)) {
				const spec = style.layers.find((l) => l.id === id)!;
				expect(spec, id).toBeTruthy();
				expect(spec.layout?.visibility).toBe(visible.has(layer.id) ? 'visible' : 'none');
			}
		}
	});
	it('applies the user filter on top of the layer’s own', () => {
		const circle = style.layers.find((l) => l.id === 'protected-buildings')!;
		expect(JSON.stringify((circle as { filter: unknown }).filter)).toContain('第二批');
		expect(JSON.stringify((circle as { filter: unknown }).filter)).toContain('geometry-type');
	});
	it('labels in the chosen language first', () => {
		const label = style.layers.find((l) => l.id === 'streets-label')!;
		expect(JSON.stringify(label.layout)).toContain('["coalesce",["get","name_en"],["get","name"]');
	});
});

describe('filters', () => {
	const layer = layerById('protected-buildings')!;
	it('ORs values within a property and ANDs properties', () => {
		expect(filterExpression(layer, { batch: ['第一批', '第二批'], decade: ['1920'] })).toEqual([
			'all',
			['in', ['to-string', ['get', 'batch']], ['literal', ['第一批', '第二批']]],
			['in', ['to-string', ['get', 'decade']], ['literal', ['1920']]]
		]);
		expect(filterExpression(layer, { batch: [] })).toBeNull();
	});
	it('counts facet rows the same way', () => {
		const props = ['batch', 'decade'];
		expect(rowMatches(props, ['第一批', 1920], { batch: ['第一批'], decade: ['1920'] })).toBe(true);
		expect(rowMatches(props, ['第一批', null], { decade: ['1920'] })).toBe(false);
		expect(rowMatches(props, ['第一批', null], undefined)).toBe(true);
	});
});

describe('orderLayers', () => {
	const thematic = LAYERS.filter((l) => l.group === 'thematic').map((l) => l.id);

	it('keeps the registry order when the user chose none', () => {
		expect(orderLayers(LAYERS, undefined).map((l) => l.id)).toEqual(LAYERS.map((l) => l.id));
	});

	it('rearranges only the thematic layers, in their own slots', () => {
		const chosen = [...thematic].reverse();
		const ordered = orderLayers(LAYERS, chosen);
		expect(ordered.filter((l) => l.group === 'thematic').map((l) => l.id)).toEqual(chosen);
		// every other layer keeps its index
		LAYERS.forEach((l, i) => {
			if (l.group !== 'thematic') expect(ordered[i].id).toBe(l.id);
		});
	});

	it('puts layers the order does not name after those it does, and the style follows', () => {
		const ordered = orderLayers(LAYERS, ['protected-buildings']).filter((l) => l.group === 'thematic');
		expect(ordered[0].id).toBe('protected-buildings');
		const ids = buildStyle('http://x', { lang: 'zh', visible: new Set(), filters: {}, selected: null, order: [...thematic].reverse() }).layers.map((l) => l.id);
		expect(ids.indexOf('elevator-retrofits')).toBeLessThan(ids.indexOf('protected-buildings-footprint'));
	});
});

describe('shared programs', () => {
	// What MapLibre keys a layer's WebGL program on: per data-driven-capable paint property,
	// uniform (constant or zoom-only), per-feature attribute, or zoom-and-feature attribute.
	function programKey(layer: LayerSpecification): string {
		const spec = (latest as unknown as Record<string, Record<string, { 'property-type': string }>>)[`paint_${layer.type}`];
		const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
		const kinds: Record<string, string> = {};
		for (const [prop, s] of Object.entries(spec)) {
			if (!s['property-type'].includes('data-driven')) continue;
			if (!(prop in paint)) continue;
			// A constant written as JSON (a dash array) is no expression, and a uniform.
			if (!expression.isExpression(paint[prop])) continue;
			const parsed = expression.createPropertyExpression(paint[prop], prop, s as never) as { result: string; value: { kind: string } };
			expect(parsed.result, `${layer.id} ${prop}`).toBe('success');
			kinds[prop] = { constant: 'u', camera: 'u', source: 'a', composite: 'z' }[parsed.value.kind]!;
		}
		// Left out, the outline colour follows the fill colour.
		if (layer.type === 'fill' && !('fill-outline-color' in paint)) kinds['fill-outline-color'] = kinds['fill-color'] ?? 'u';
		return `${layer.type} ${Object.entries(kinds).filter(([, k]) => k !== 'u').map(([p, k]) => `${k}:${p}`).sort().join(' ')}`;
	}

	it('draws every layer of a type with one program', () => {
		for (const lang of ['zh', 'en'] as const) {
			const style = buildStyle('http://x', { lang, visible: new Set(LAYERS.map((l) => l.id)), filters: {}, selected: { layer: 'streets', id: 'x' } });
			// Filtered groups' paint is computed from their counts: still the one program.
			const grouped = buildStyle('http://x', { lang, visible: new Set(LAYERS.map((l) => l.id)), filters: { 'elevator-retrofits': { status: ['completed', 'construction'] } }, selected: null, groups: GROUPS });
			style.layers.push(...grouped.layers.filter((l) => l.id.startsWith('elevator-retrofits-group')));
			const keys = new Map<string, Set<string>>();
			for (const layer of style.layers) {
				if (layer.type === 'background') continue;
				const dashed = layer.type === 'line' && (layer.paint as Record<string, unknown> | undefined)?.['line-dasharray'] ? ' dashed' : '';
				const set = keys.get(layer.type + dashed) ?? new Set<string>();
				keys.set(layer.type + dashed, set.add(programKey(layer)));
			}
			for (const [type, set] of keys) expect([...set], type).toHaveLength(1);
		}
	});

	it('draws what the registry says', () => {
		const layer = shareProgram({ id: 'x', type: 'circle', source: 's', paint: { 'circle-color': '#fff', 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 7], 'circle-opacity': 0.5 } });
		const paint = layer.paint as Record<string, unknown>;
		expect(paint['circle-opacity']).toBe(0.5);
		expect(JSON.stringify(paint['circle-color'])).toContain('"#fff"');
		expect(paint['circle-radius']).toMatchObject(['interpolate', ['linear'], ['zoom'], 12, expect.anything(), 17, expect.anything()]);
		expect(JSON.stringify(paint['circle-radius'])).toMatch(/12,\["coalesce",\["get","[^"]+"\],3\],17,\["coalesce",\["get","[^"]+"\],7\]\]/);
	});
});

/** Combinations of filter values of the clustered layers, as facets.json lists them. */
const GROUPS = {
	'elevator-retrofits': { properties: ['status', 'kind', 'year', 'district'], combos: [['completed', 'retrofit', '2021', 'tianping'], ['construction', 'retrofit', '2022', 'hunan'], [null, 'guidance-centre', null, null]] },
	facilities: { properties: ['category', 'origin', 'district'], combos: [['community', 'register', 'tianping'], ['health', 'open-data', 'hunan'], ['market', 'register', null], ['transport', 'open-data', 'tianping']] }
};

// The browser skips MapLibre's style validation (validateStyle: false: the style is ours, and
// validating it on every change is wasted work), so every style the page can build is validated here.
describe('every style the page builds', () => {
	const all = new Set(LAYERS.map((l) => l.id));
	const filters = Object.fromEntries(LAYERS.filter((l) => l.filters?.length).map((l) => [l.id, Object.fromEntries(l.filters!.map((f) => [f.property, ['a', 'b']]))]));
	const overlay = mergeOverlays(
		walkOverlay({ answer: null, route: null, coverage: null }),
		tourOverlay({ stops: [[121.44, 31.2], [121.45, 31.21]], legs: [], current: 0 }),
		planOverlay({
			area: [[121.44, 31.2], [121.45, 31.2], [121.45, 31.21]],
			closed: true,
			near: [],
			imported: [{ id: 'sites', name: 'sites.csv', crs: 'WGS84', created: '2026-12-01', features: [], errors: [], colour: '#7048e8' }]
		})
	);
	const states: StyleState[] = (['zh', 'en'] as const).flatMap((lang): StyleState[] => [
		{ lang, visible: new Set<string>(), filters: {}, selected: null },
		{ lang, visible: all, filters, selected: null, overlay, opacity: Object.fromEntries([...all].map((id) => [id, 0.5])), order: [...LAYERS].reverse().map((l) => l.id) },
		...LAYERS.filter((l) => l.style.interactive).map((l) => ({ lang, visible: all, filters: {}, selected: { layer: l.id, id: '1' } })),
		// Clustered layers with their combinations (facets.json), filtered so their groups' numbers and colours are sums.
		{ lang, visible: all, filters: { 'elevator-retrofits': { status: ['completed', 'construction'] }, facilities: { origin: ['register'] } }, selected: null, groups: GROUPS, opacity: { facilities: 0.5 } },
		// Each district choice: its mask, and the groups and points alone of its records.
		...['tianping', 'hunan', 'all'].map((district) => ({ lang, visible: all, filters: { facilities: { origin: ['register'] } }, selected: null, groups: GROUPS, district }))
	]);

	it('passes the style specification', () => {
		for (const state of states) {
			const errors = validateStyleMin(buildStyle('http://localhost:4173', state));
			expect(errors.map((e) => e.message), JSON.stringify({ lang: state.lang, selected: state.selected, overlay: Boolean(state.overlay), district: state.district })).toEqual([]);
		}
	});
});

describe('the district choice in the style', () => {
	const styleFor = (district?: string) => buildStyle('http://x', { lang: 'zh', visible: new Set(LAYERS.map((l) => l.id)), filters: {}, selected: null, groups: GROUPS, district });
	const layer = (district: string | undefined, id: string) => styleFor(district).layers.find((l) => l.id === id) as LayerSpecification & { filter?: unknown };
	const test = (filter: unknown, properties: Record<string, unknown>, zoom = 14) => {
		const parsed = expression.createExpression(filter, { type: 'boolean', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never) as { value: { evaluate(g: unknown, f: unknown): boolean } };
		return parsed.value.evaluate({ zoom }, { type: 1, properties });
	};

	it('draws only the chosen mask of the three the archive holds (all of them where a page has no choice)', () => {
		const masks = ['tianping', 'hunan', 'all'];
		for (const district of masks) expect(masks.filter((d) => test(layer(district, 'district-mask').filter, { d })), district).toEqual([district]);
		expect(masks.filter((d) => test(layer(undefined, 'district-mask').filter, { d }))).toEqual(['all']);
	});

	it('draws a clustered layer’s points alone below z16 in the choice only, and every point from z16', () => {
		const points = (district: string, properties: Record<string, unknown>, zoom: number) => test(layer(district, 'facilities').filter, properties, zoom);
		expect(points('hunan', { alone: true, district: 'hunan' }, 14)).toBe(true);
		expect(points('hunan', { alone: true, district: 'tianping' }, 14)).toBe(false);
		expect(points('all', { alone: true, district: 'tianping' }, 14)).toBe(true);
		expect(points('all', { alone: true }, 14)).toBe(false);
		expect(points('hunan', { district: 'tianping' }, 16)).toBe(true);
		expect(points('hunan', {}, 16)).toBe(true);
		// Layers that are not clustered draw every feature whatever the choice.
		expect(JSON.stringify(layer('hunan', 'protected-buildings').filter)).not.toContain('district');
	});

	it('numbers the groups with the chosen district’s records', () => {
		const count = (district: string) => (layer(district, 'elevator-retrofits-group-count') as { layout: Record<string, unknown> }).layout['text-field'];
		expect(JSON.stringify(count('tianping'))).toBe(JSON.stringify(['to-string', ['coalesce', ['get', 'c0'], 0]]));
		expect(JSON.stringify(count('hunan'))).toBe(JSON.stringify(['to-string', ['coalesce', ['get', 'c1'], 0]]));
		expect(JSON.stringify(count('all'))).toBe(JSON.stringify(['to-string', ['+', ['coalesce', ['get', 'c0'], 0], ['coalesce', ['get', 'c1'], 0]]]));
	});
});
