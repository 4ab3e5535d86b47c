/**
 * deck.gl overlays for the planner, loaded only when one is switched on (this module and
 * deck.gl are a chunk of their own, never in the first view): a hexagon density of the
 * facilities, and the protected buildings extruded by construction decade.
 */
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { PolygonLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MlMap } from 'maplibre-gl';
import type { LayerFeature } from './layer-data';

export interface DeckChoice {
	hexagons: boolean;
	extrusion: boolean;
}

type Ring = Array<[number, number]>;

let overlay: MapboxOverlay | null = null;

/** Older buildings darker: a sepia ramp from the 1900s to the 1940s and after. */
function decadeColour(decade: number | null): [number, number, number, number] {
	if (decade === null) return [160, 150, 140, 170];
	const t = Math.min(1, Math.max(0, (decade - 1900) / 50));
	return [Math.round(110 + 120 * t), Math.round(50 + 120 * t), Math.round(30 + 90 * t), 220];
}

export function showDeckOverlays(map: MlMap, choice: DeckChoice, data: { facilities: LayerFeature[]; buildings: LayerFeature[] }): void {
	const layers: Array<HexagonLayer<[number, number]> | PolygonLayer<{ ring: Ring; decade: number | null }>> = [];
	if (choice.hexagons) {
		const points = data.facilities.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates as [number, number]] : []));
		layers.push(
			new HexagonLayer<[number, number]>({
				id: 'facility-density',
				data: points,
				getPosition: (p) => p,
				radius: 120,
				extruded: false,
				opacity: 0.55,
				colorRange: [
					[255, 255, 204],
					[199, 233, 180],
					[127, 205, 187],
					[65, 182, 196],
					[44, 127, 184],
					[37, 52, 148]
				],
				pickable: false
			})
		);
	}
	if (choice.extrusion) {
		const polygons = data.buildings.flatMap((f) => {
			const g = f.geometry;
			const decade = typeof f.properties.decade === 'number' ? f.properties.decade : null;
			const rings: Ring[] = g.type === 'Polygon' ? [g.coordinates[0] as Ring] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0] as Ring) : [];
			return rings.map((ring) => ({ ring, decade }));
		});
		layers.push(
			new PolygonLayer<{ ring: Ring; decade: number | null }>({
				id: 'buildings-by-decade',
				data: polygons,
				getPolygon: (d) => d.ring,
				extruded: true,
				// Height says age: a decade older is 8 m taller, so the oldest streets stand out.
				getElevation: (d) => (d.decade === null ? 6 : 6 + Math.max(0, 1950 - d.decade) * 0.8),
				getFillColor: (d) => decadeColour(d.decade),
				getLineColor: [80, 40, 30, 255],
				pickable: false
			})
		);
	}
	if (!overlay) {
		overlay = new MapboxOverlay({ interleaved: false, layers });
		map.addControl(overlay as unknown as import('maplibre-gl').IControl);
	} else overlay.setProps({ layers });
	if (choice.extrusion && map.getPitch() < 30) map.easeTo({ pitch: 50, duration: 0 });
	if (!choice.extrusion && map.getPitch() > 0) map.easeTo({ pitch: 0, duration: 0 });
}

export function hideDeckOverlays(map: MlMap): void {
	if (!overlay) return;
	map.removeControl(overlay as unknown as import('maplibre-gl').IControl);
	overlay.finalize();
	overlay = null;
	map.easeTo({ pitch: 0, duration: 0 });
}
