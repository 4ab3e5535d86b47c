import { describe, expect, it } from 'vitest';
import { LAYERS, panelLayers, type LayerDef } from '../../../src/lib/layers';

describe('the layer panel’s order, from the registry', () => {
	it('leads with protected buildings, never-widened roads and facilities, and leaves out the mask', () => {
		const ids = panelLayers().map((l) => l.id);
		expect(ids.slice(0, 3)).toEqual(['protected-buildings', 'never-widened-roads', 'facilities']);
		expect(ids).not.toContain('district-mask');
		expect(ids).toHaveLength(LAYERS.length - 1);
	});

	it('puts the registers with totals but few or no points after what the map is about', () => {
		const ids = panelLayers().map((l) => l.id);
		for (const register of ['elevator-retrofits', 'fire-sprinklers', 'charging-sites']) expect(ids.indexOf(register), register).toBeGreaterThan(ids.indexOf('facilities'));
	});

	it('lists a layer without a panelOrder last, the topmost drawn first', () => {
		const bare = (id: string): LayerDef => ({ ...LAYERS[1], id, panelOrder: undefined });
		const ordered = (id: string, panelOrder: number): LayerDef => ({ ...LAYERS[1], id, panelOrder });
		expect(panelLayers([bare('a'), ordered('b', 2), bare('c'), ordered('d', 1)]).map((l) => l.id)).toEqual(['d', 'b', 'c', 'a']);
	});
});
