import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Leg } from '../walk/engine';
import type { Overlay } from './style';

export interface TourDrawing {
	stops: Array<[number, number]>;
	legs: Leg[];
	/** The stop shown (-1: none yet): legs before it are walked. */
	current: number;
}

/** The route drawn solid where walked and dashed ahead; stops as numbered circles. */
export function tourOverlay({ stops, legs, current }: TourDrawing): Overlay {
	const route: FeatureCollection = {
		type: 'FeatureCollection',
		features: legs.map((leg, i): Feature => ({ type: 'Feature', properties: { leg: i, walked: i < current }, geometry: { type: 'LineString', coordinates: leg.line } }))
	};
	const points: FeatureCollection = {
		type: 'FeatureCollection',
		features: stops.map((p, i): Feature => ({ type: 'Feature', properties: { n: String(i + 1), current: i === current }, geometry: { type: 'Point', coordinates: p } }))
	};
	return {
		sources: { 'tour-route': { type: 'geojson', data: route }, 'tour-stops': { type: 'geojson', data: points } },
		below: [],
		above: [
			{ id: 'tour-route-ahead', type: 'line', source: 'tour-route', filter: ['!', ['get', 'walked']], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#b5523b', 'line-width': 4, 'line-dasharray': [1.2, 1.4], 'line-opacity': 0.8 } },
			{ id: 'tour-route-walked', type: 'line', source: 'tour-route', filter: ['get', 'walked'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#5a2a1c', 'line-width': 5.5 } },
			{
				id: 'tour-stops',
				type: 'circle',
				source: 'tour-stops',
				paint: {
					'circle-radius': ['case', ['get', 'current'], 13, 10],
					'circle-color': ['case', ['get', 'current'], '#5a2a1c', '#b5523b'],
					'circle-stroke-color': '#fffaf0',
					'circle-stroke-width': 2
				}
			},
			{ id: 'tour-stops-number', type: 'symbol', source: 'tour-stops', layout: { 'text-field': ['get', 'n'], 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true }, paint: { 'text-color': '#ffffff' } }
		] as LayerSpecification[]
	};
}

/** Two overlays as one (the walk and tour panels never open together, but the page need not know). */
export function mergeOverlays(...overlays: Array<Overlay | undefined>): Overlay | undefined {
	const present = overlays.filter((o): o is Overlay => Boolean(o));
	if (!present.length) return undefined;
	return {
		sources: Object.assign({}, ...present.map((o) => o.sources)),
		below: present.flatMap((o) => o.below),
		above: present.flatMap((o) => o.above)
	};
}
