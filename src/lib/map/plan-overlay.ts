import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ImportedLayer } from '../state/imported';
import type { Overlay } from './style';

export interface PlanDrawing {
	/** The polygon being drawn (open) or drawn (closed), as its vertices. */
	area: Array<[number, number]>;
	closed: boolean;
	/** Features a proximity query found, highlighted. */
	near: Feature[];
	imported: ImportedLayer[];
	/** The imported point chosen in the panel to be moved from the keyboard, ringed. */
	selected?: Feature | null;
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const IS_POINT: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const IS_LINE: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const IS_AREA: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const MOVED: ExpressionSpecification = ['==', ['get', '_placed_by'], 'hand'];

/** The style layers that draw an imported layer's features (the ones a click can pick). */
export const importedLayerIds = (layer: ImportedLayer) => [`imported-${layer.id}-fill`, `imported-${layer.id}-line`, `imported-${layer.id}-circle`];
/** The style layer of an imported layer's points: the ones a planner can drag. */
export const importedPointLayerId = (layer: ImportedLayer) => `imported-${layer.id}-circle`;
/** Drawn while a point is dragged (the point and a line from where it was); empty otherwise. */
export const PLAN_DRAG_SOURCE = 'plan-drag';

/** The planner's drawings: the area, proximity matches, and every imported layer with its own colour. */
export function planOverlay({ area, closed, near, imported, selected }: PlanDrawing): Overlay {
	const areaFeatures: Feature[] = area.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
	if (area.length >= 2) {
		const ring = closed ? [...area, area[0]] : area;
		areaFeatures.push({ type: 'Feature', properties: {}, geometry: closed && area.length >= 3 ? { type: 'Polygon', coordinates: [ring] } : { type: 'LineString', coordinates: ring } });
	}
	const sources: Overlay['sources'] = {
		'plan-area': { type: 'geojson', data: collection(areaFeatures) },
		'plan-near': { type: 'geojson', data: collection(near) },
		'plan-selected': { type: 'geojson', data: collection(selected ? [selected] : []) },
		[PLAN_DRAG_SOURCE]: { type: 'geojson', data: collection([]) }
	};
	const above: LayerSpecification[] = [];
	for (const layer of imported) {
		const source = `imported-${layer.id}`;
		sources[source] = { type: 'geojson', data: collection(layer.features) };
		const [fill, line, circle] = importedLayerIds(layer);
		above.push(
			{ id: fill, type: 'fill', source, filter: IS_AREA, paint: { 'fill-color': layer.colour, 'fill-opacity': 0.35 } } as LayerSpecification,
			{ id: line, type: 'line', source, filter: ['any', IS_LINE, IS_AREA], paint: { 'line-color': layer.colour, 'line-width': 2 } } as LayerSpecification,
			{ id: circle, type: 'circle', source, filter: IS_POINT, paint: { 'circle-radius': 5, 'circle-color': layer.colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } } as LayerSpecification,
			// A point moved by hand wears a dark ring, so the planner sees which ones were placed by a person.
			{ id: `imported-${layer.id}-moved`, type: 'circle', source, filter: ['all', IS_POINT, MOVED], paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#2b2320', 'circle-stroke-width': 2 } } as LayerSpecification
		);
	}
	above.push(
		{ id: 'plan-near-area', type: 'line', source: 'plan-near', filter: ['any', IS_LINE, IS_AREA], paint: { 'line-color': '#f76707', 'line-width': 4 } } as LayerSpecification,
		{ id: 'plan-near-point', type: 'circle', source: 'plan-near', filter: IS_POINT, paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#f76707', 'circle-stroke-width': 3 } } as LayerSpecification,
		{ id: 'plan-area-fill', type: 'fill', source: 'plan-area', filter: IS_AREA, paint: { 'fill-color': '#1c7ed6', 'fill-opacity': 0.12 } } as LayerSpecification,
		{ id: 'plan-area-line', type: 'line', source: 'plan-area', filter: ['any', IS_LINE, IS_AREA], paint: { 'line-color': '#1c7ed6', 'line-width': 2.5, 'line-dasharray': [2, 1] } } as LayerSpecification,
		{ id: 'plan-area-vertex', type: 'circle', source: 'plan-area', filter: IS_POINT, paint: { 'circle-radius': 4, 'circle-color': '#1c7ed6', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } } as LayerSpecification,
		{ id: 'plan-selected-point', type: 'circle', source: 'plan-selected', paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#1c7ed6', 'circle-stroke-width': 3 } } as LayerSpecification,
		{ id: 'plan-drag-line', type: 'line', source: PLAN_DRAG_SOURCE, filter: IS_LINE, paint: { 'line-color': '#2b2320', 'line-width': 1.5, 'line-dasharray': [2, 2] } } as LayerSpecification,
		{ id: 'plan-drag-point', type: 'circle', source: PLAN_DRAG_SOURCE, filter: IS_POINT, paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-opacity': 0.6, 'circle-stroke-color': '#2b2320', 'circle-stroke-width': 2.5 } } as LayerSpecification
	);
	return { sources, below: [], above };
}
