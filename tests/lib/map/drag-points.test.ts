import { describe, expect, it, vi } from 'vitest';
import { enablePointDrag, type DragMap } from '../../../src/lib/map/drag-points';

type Listener = (e: unknown) => void;

/**
 * A stand-in for the MapLibre map: one point of layer "pts" drawn at pixel (100, 100); pixels
 * map to lon/lat as x / 1000 + 121, 31 + y / 1000.
 */
function fakeMap() {
	const listeners = new Map<string, Set<Listener>>();
	const canvas = { style: { cursor: '' } };
	const setData = vi.fn();
	const map = {
		on: (type: string, fn: Listener) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
		off: (type: string, fn: Listener) => listeners.get(type)?.delete(fn),
		getLayer: (id: string) => (id === 'pts' ? {} : undefined),
		getSource: (id: string) => (id === 'preview' ? { setData } : undefined),
		getCanvas: () => canvas,
		queryRenderedFeatures: (box: [[number, number], [number, number]], o: { layers: string[] }) => {
			const [[x0, y0], [x1, y1]] = box;
			return o.layers.includes('pts') && x0 <= 100 && 100 <= x1 && y0 <= 100 && 100 <= y1 ? [{ layer: { id: 'pts' }, properties: { _record: 7 }, geometry: { type: 'Point', coordinates: [121.1, 31.1] } }] : [];
		}
	};
	const fire = (type: string, x: number, y: number, extra: Record<string, unknown> = {}) => {
		const e = { point: { x, y }, lngLat: { lng: 121 + x / 1000, lat: 31 + y / 1000 }, points: [{ x, y }], originalEvent: { button: 0, preventDefault: vi.fn() }, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...extra };
		for (const fn of listeners.get(type) ?? []) fn(e);
		return e;
	};
	return { map: map as unknown as DragMap, canvas, setData, fire, listeners };
}

describe('dragging a point', () => {
	it('takes a press on a point from the map, follows the pointer and drops it where released', () => {
		const { map, canvas, setData, fire } = fakeMap();
		const ondrop = vi.fn();
		enablePointDrag(map, { layers: () => ['pts', 'gone'], ondrop, previewSource: 'preview' });
		fire('mousemove', 103, 98);
		expect(canvas.style.cursor).toBe('grab');
		expect(fire('mousedown', 103, 98).defaultPrevented).toBe(true);
		expect(canvas.style.cursor).toBe('grabbing');
		fire('mousemove', 150, 120);
		expect(setData).toHaveBeenLastCalledWith({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[121.1, 31.1], [121.15, 31.12]] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.15, 31.12] } }
			]
		});
		fire('mousemove', 200, 130);
		fire('mouseup', 200, 130);
		expect(ondrop).toHaveBeenCalledOnce();
		expect(ondrop).toHaveBeenCalledWith({ layer: 'pts', record: 7 }, [121.2, 31.13]);
		expect(setData).toHaveBeenLastCalledWith({ type: 'FeatureCollection', features: [] });
		expect(canvas.style.cursor).toBe('grab');
	});

	it('leaves a press elsewhere to the map (panning), and the cursor to the map', () => {
		const { map, canvas, fire } = fakeMap();
		const ondrop = vi.fn();
		enablePointDrag(map, { layers: () => ['pts'], ondrop });
		fire('mousemove', 100, 100);
		fire('mousemove', 300, 300);
		expect(canvas.style.cursor).toBe('');
		canvas.style.cursor = 'pointer'; // the map's own, over a building
		fire('mousemove', 310, 300);
		expect(canvas.style.cursor).toBe('pointer');
		expect(fire('mousedown', 300, 300).defaultPrevented).toBe(false);
		fire('mousemove', 400, 400);
		fire('mouseup', 400, 400);
		expect(ondrop).not.toHaveBeenCalled();
	});

	it('keeps a press that hardly moves a click, ignores other buttons, and does nothing while disabled', () => {
		const { map, fire } = fakeMap();
		const ondrop = vi.fn();
		let enabled = true;
		enablePointDrag(map, { layers: () => ['pts'], ondrop, enabled: () => enabled });
		fire('mousedown', 100, 100);
		fire('mousemove', 102, 101);
		fire('mouseup', 102, 101);
		expect(ondrop).not.toHaveBeenCalled();
		expect(fire('mousedown', 100, 100, { originalEvent: { button: 2 } }).defaultPrevented).toBe(false);
		enabled = false;
		expect(fire('mousedown', 100, 100).defaultPrevented).toBe(false);
	});

	it('drags with one finger, and lets two fingers zoom', () => {
		const { map, fire } = fakeMap();
		const ondrop = vi.fn();
		enablePointDrag(map, { layers: () => ['pts'], ondrop });
		expect(fire('touchstart', 100, 100).defaultPrevented).toBe(true);
		const move = fire('touchmove', 140, 100);
		expect((move.originalEvent as { preventDefault: () => void }).preventDefault).toHaveBeenCalled();
		fire('touchend', 140, 100);
		expect(ondrop).toHaveBeenCalledWith({ layer: 'pts', record: 7 }, [121.14, 31.1]);
		expect(fire('touchstart', 100, 100, { points: [{ x: 100, y: 100 }, { x: 200, y: 200 }] }).defaultPrevented).toBe(false);
	});

	it('stops listening and puts the cursor back when switched off', () => {
		const { map, canvas, fire, listeners } = fakeMap();
		const stop = enablePointDrag(map, { layers: () => ['pts'], ondrop: vi.fn() });
		fire('mousemove', 100, 100);
		stop();
		expect(canvas.style.cursor).toBe('');
		expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
	});
});
