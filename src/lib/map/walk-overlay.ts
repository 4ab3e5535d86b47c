import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { CoverageAnswer, WalkAnswer } from '../walk/engine';
import type { Overlay } from './style';

export interface WalkDrawing {
	answer: WalkAnswer | null;
	route: GeoJSON.Feature | null;
	coverage: CoverageAnswer | null;
}

/** Nearest band darkest: the colours read as "closer" at a glance, and survive colour-blindness (one hue). */
const BAND_COLORS = ['#00441b', '#238b45', '#74c476', '#c7e9c0'];
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The walk feature's drawings as style sources and layers, appended to the registry's
 * style: GeoJSON computed in the worker, so they ride the same setStyle diff as everything else.
 */
export function walkOverlay({ answer, route, coverage }: WalkDrawing): Overlay {
	const ranked: FeatureCollection = answer
		? {
				type: 'FeatureCollection',
				features: answer.bands.features.map((f) => ({
					...f,
					properties: { ...f.properties, rank: [...answer.bands.features].sort((a, b) => a.properties.minutes - b.properties.minutes).findIndex((b) => b === f) }
				}))
			}
		: empty;
	const start: FeatureCollection = answer
		? {
				type: 'FeatureCollection',
				features: [
					{ type: 'Feature', properties: { kind: 'start' }, geometry: { type: 'Point', coordinates: answer.start } },
					{ type: 'Feature', properties: { kind: 'snapped' }, geometry: { type: 'Point', coordinates: answer.snapped } }
				]
			}
		: empty;
	const limit = coverage?.minutes ?? 15;
	return {
		sources: {
			'walk-coverage': { type: 'geojson', data: coverage?.grid ?? empty },
			'walk-bands': { type: 'geojson', data: ranked },
			'walk-route': { type: 'geojson', data: route ? { type: 'FeatureCollection', features: [route] } : empty },
			'walk-start': { type: 'geojson', data: start }
		},
		below: [
			{
				id: 'walk-coverage',
				type: 'fill',
				source: 'walk-coverage',
				paint: {
					'fill-color': ['case', ['!', ['get', 'covered']], '#d7301f', ['interpolate', ['linear'], ['get', 'minutes'], 0, '#1a9850', limit, '#fee08b']],
					'fill-opacity': 0.5
				}
			},
			{
				id: 'walk-bands',
				type: 'line',
				source: 'walk-bands',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: {
					'line-color': ['match', ['get', 'rank'], 0, BAND_COLORS[0], 1, BAND_COLORS[1], 2, BAND_COLORS[2], BAND_COLORS[3]],
					'line-width': ['interpolate', ['linear'], ['zoom'], 13, 4, 17, 10],
					'line-opacity': 0.75
				}
			}
		] as LayerSpecification[],
		above: [
			{ id: 'walk-route-casing', type: 'line', source: 'walk-route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 8 } },
			{ id: 'walk-route', type: 'line', source: 'walk-route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#1f5f99', 'line-width': 4.5 } },
			{
				id: 'walk-start',
				type: 'circle',
				source: 'walk-start',
				paint: {
					'circle-radius': ['case', ['==', ['get', 'kind'], 'start'], 8, 3],
					'circle-color': ['case', ['==', ['get', 'kind'], 'start'], '#e85d04', '#3b2f2a'],
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 2.5
				}
			}
		] as LayerSpecification[]
	};
}

export { BAND_COLORS };
