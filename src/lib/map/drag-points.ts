/**
 * Dragging points on the map: press on a point of the given style layers, move, release. A
 * press anywhere else is left to the map (panning, box zoom, clicks), so the map behaves as
 * before; a press on a point that does not travel a few pixels stays a click. While the
 * pointer is over a draggable point the cursor is a grab hand, a closed one while dragging.
 * Mouse and one-finger touch.
 */
import type { Map as MlMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';

export type LonLat = [number, number];

/** The point a drag picked up: its style layer and the importer's `_record`. */
export interface DragHit {
	layer: string;
	record: number;
}

export interface PointDragOptions {
	/** Style layers whose points can be dragged, asked at each press (imported layers come and go). */
	layers(): string[];
	/** False while the map's clicks mean something else (drawing an area). */
	enabled?(): boolean;
	/** Called on release with where the point was dropped. */
	ondrop(hit: DragHit, to: LonLat): void;
	/** A GeoJSON source drawn above the layers, given the dragged point and a line from where it was while dragging. */
	previewSource?: string;
	/** Pixels around the pointer that count as on the point. Default 8 (a 5 px circle, a finger). */
	tolerance?: number;
	/** Pixels the pointer travels before a press becomes a drag. Default 4. */
	threshold?: number;
}

/** The parts of a MapLibre map this uses (a test passes a stand-in). */
export type DragMap = Pick<MlMap, 'on' | 'off' | 'queryRenderedFeatures' | 'getLayer' | 'getSource' | 'getCanvas'>;

interface Drag {
	hit: DragHit;
	from: LonLat;
	start: { x: number; y: number };
	to: LonLat | null;
	moved: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Starts listening; returns the function that stops and puts the cursor back. */
export function enablePointDrag(map: DragMap, options: PointDragOptions): () => void {
	const tolerance = options.tolerance ?? 8;
	const threshold = options.threshold ?? 4;
	let drag: Drag | null = null;
	let ownCursor = false;
	const canvas = map.getCanvas();
	const setCursor = (c: '' | 'grab' | 'grabbing') => {
		canvas.style.cursor = c;
		ownCursor = c !== '';
	};

	const hitAt = (p: { x: number; y: number }): { hit: DragHit; at: LonLat } | null => {
		if (options.enabled && !options.enabled()) return null;
		const layers = options.layers().filter((id) => map.getLayer(id));
		if (!layers.length) return null;
		const found = map.queryRenderedFeatures(
			[
				[p.x - tolerance, p.y - tolerance],
				[p.x + tolerance, p.y + tolerance]
			],
			{ layers }
		);
		for (const f of found) {
			const record = f.properties?._record;
			if (typeof record === 'number' && f.geometry?.type === 'Point') return { hit: { layer: f.layer.id, record }, at: f.geometry.coordinates as LonLat };
		}
		return null;
	};

	const preview = (d: Drag | null) => {
		if (!options.previewSource) return;
		const source = map.getSource(options.previewSource) as { setData?: (data: unknown) => void } | undefined;
		if (!source?.setData) return;
		if (!d?.to || !d.moved) return source.setData(EMPTY);
		source.setData({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [d.from, d.to] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: d.to } }
			]
		});
	};

	const begin = (e: MapMouseEvent | MapTouchEvent) => {
		const found = hitAt(e.point);
		if (!found) return false;
		// Keeps the map from panning (and box-zooming) for this press.
		e.preventDefault();
		drag = { hit: found.hit, from: found.at, start: { x: e.point.x, y: e.point.y }, to: null, moved: false };
		setCursor('grabbing');
		return true;
	};
	const follow = (e: MapMouseEvent | MapTouchEvent) => {
		if (!drag) return;
		if (!drag.moved && Math.hypot(e.point.x - drag.start.x, e.point.y - drag.start.y) < threshold) return;
		drag.moved = true;
		drag.to = [e.lngLat.lng, e.lngLat.lat];
		preview(drag);
	};
	const finish = () => {
		const d = drag;
		drag = null;
		if (!d) return;
		preview(null);
		setCursor('grab');
		if (d.moved && d.to) options.ondrop(d.hit, d.to);
	};
	const cancel = () => {
		drag = null;
		preview(null);
		if (ownCursor) setCursor('');
	};

	const onmousedown = (e: MapMouseEvent) => {
		if (e.originalEvent.button === 0) begin(e);
	};
	const onmousemove = (e: MapMouseEvent) => {
		if (drag) return follow(e);
		// Hovering: the grab hand on a point, the map's own cursor elsewhere.
		if (hitAt(e.point)) setCursor('grab');
		else if (ownCursor) setCursor('');
	};
	const onmouseup = () => finish();
	const ontouchstart = (e: MapTouchEvent) => {
		if (e.points.length === 1) begin(e);
		else if (drag) cancel();
	};
	const ontouchmove = (e: MapTouchEvent) => {
		if (drag && e.points.length === 1) {
			// The page must not scroll under the finger either.
			e.originalEvent.preventDefault?.();
			follow(e);
		}
	};
	const ontouchend = () => finish();
	const onkeydown = (e: KeyboardEvent) => {
		if (drag && e.key === 'Escape') cancel();
	};

	map.on('mousedown', onmousedown);
	map.on('mousemove', onmousemove);
	map.on('mouseup', onmouseup);
	map.on('touchstart', ontouchstart);
	map.on('touchmove', ontouchmove);
	map.on('touchend', ontouchend);
	map.on('touchcancel', cancel);
	// A release outside the map still ends the drag.
	const win = typeof window === 'undefined' ? null : window;
	win?.addEventListener('mouseup', onmouseup);
	win?.addEventListener('keydown', onkeydown);

	return () => {
		map.off('mousedown', onmousedown);
		map.off('mousemove', onmousemove);
		map.off('mouseup', onmouseup);
		map.off('touchstart', ontouchstart);
		map.off('touchmove', ontouchmove);
		map.off('touchend', ontouchend);
		map.off('touchcancel', cancel);
		win?.removeEventListener('mouseup', onmouseup);
		win?.removeEventListener('keydown', onkeydown);
		cancel();
	};
}
