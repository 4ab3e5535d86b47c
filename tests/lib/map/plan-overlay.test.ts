import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importedLayerIds, importedPointLayerId, PLAN_DRAG_SOURCE, planOverlay } from '../../../src/lib/map/plan-overlay';
import type { ImportedLayer } from '../../../src/lib/state/imported';

const point = (record: number, p: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: { _record: record, ...p }, geometry: { type: 'Point', coordinates: [121.44, 31.2] } });
const layer: ImportedLayer = { id: 'abc', name: 'a.csv', crs: 'WGS84', created: '2026-12-01', errors: [], colour: '#7048e8', features: [point(0), point(1, { _placed_by: 'hand', _moved_from: [121.43, 31.2] })] };

/** Which of the layer's features a style layer's filter lets through, as MapLibre evaluates it. */
function passing(filter: unknown, features: Feature[]): number[] {
	const f = featureFilter(filter as FilterSpecification, 'layers[0].filter');
	return features.filter((x) => f.filter({ zoom: 16 }, { type: 1, properties: x.properties ?? {}, geometry: [] } as never)).map((x) => x.properties!._record as number);
}

describe('the planner’s overlay', () => {
	const overlay = planOverlay({ area: [], closed: false, near: [], imported: [layer], selected: layer.features[1] });
	const byId = new Map(overlay.above.map((l) => [l.id, l]));

	it('rings the points moved by hand, above the layer’s own points', () => {
		const ring = byId.get('imported-abc-moved') as { filter: unknown; source: string };
		expect(ring.source).toBe('imported-abc');
		expect(passing(ring.filter, layer.features)).toEqual([1]);
		const ids = overlay.above.map((l) => l.id);
		expect(ids.indexOf('imported-abc-moved')).toBeGreaterThan(ids.indexOf(importedPointLayerId(layer)));
		// Clicks pick from the layer's own style layers, not the ring.
		expect(importedLayerIds(layer)).toContain(importedPointLayerId(layer));
		expect(importedLayerIds(layer)).not.toContain('imported-abc-moved');
	});

	it('draws the point chosen in the panel, and an empty drag preview on top', () => {
		expect(overlay.sources['plan-selected']).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [layer.features[1]] } });
		expect(overlay.sources[PLAN_DRAG_SOURCE]).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
		expect(overlay.above.at(-1)!.id).toBe('plan-drag-point');
		expect(planOverlay({ area: [], closed: false, near: [], imported: [] }).sources['plan-selected']).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
	});
});
