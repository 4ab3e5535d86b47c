import { describe, expect, it } from 'vitest';
import { LAYERS, layerById } from '../../../src/lib/layers';
import { filterExpression, rowMatches } from '../../../src/lib/map/filters';
import { buildStyle, orderLayers, styleLayerIds } from '../../../src/lib/map/style';

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
