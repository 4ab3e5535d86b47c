import { buildings } from './buildings';
import { districtBoundary, districtMask } from './district';
import { historicTransitLines, historicTransitStops, places1928 } from './history';
import { protectedBuildings } from './protected-buildings';
import { formerResidences, historicArea, historicParks, metroLines, metroStations } from './simple';
import { chargingSites, elevatorRetrofits, facilities, fireSprinklers } from './registers';
import { neverWidenedRoads, streets } from './streets';
import type { LayerDef } from './types';

export type { LayerDef, Text, PopupField, LayerBuild } from './types';

/** Every layer of the portal, in drawing order (bottom first). */
export const LAYERS: readonly LayerDef[] = [
	districtMask,
	historicParks,
	buildings,
	historicArea,
	streets,
	metroLines,
	districtBoundary,
	neverWidenedRoads,
	historicTransitLines,
	historicTransitStops,
	places1928,
	protectedBuildings,
	formerResidences,
	metroStations,
	facilities,
	chargingSites,
	fireSprinklers,
	elevatorRetrofits
];

/**
 * The layer panel's list: by each layer's `panelOrder` (what the map is about first), then those
 * without one, topmost drawn first. The mask frames the map and is not listed.
 */
export function panelLayers(layers: readonly LayerDef[] = LAYERS): LayerDef[] {
	const drawn = (l: LayerDef) => layers.length - layers.indexOf(l);
	return layers.filter((l) => l.id !== 'district-mask').toSorted((a, b) => (a.panelOrder ?? Infinity) - (b.panelOrder ?? Infinity) || drawn(a) - drawn(b));
}

export function layerById(id: string): LayerDef | undefined {
	return LAYERS.find((l) => l.id === id);
}

/** Whether the side panel must fetch a feature's record even when picked on the map: its tiles lack some of the panel's fields. */
export function needsDetails(layer: LayerDef): boolean {
	const inTiles = layer.tileProperties;
	return Boolean(inTiles && layer.popup.some((field) => !inTiles.includes(field.key)));
}

/**
 * Whether the build writes a layer's records as files (src/lib/layers/details.ts): every layer
 * with a panel, since a feature chosen by a link or in search comes with no properties at all.
 */
export function hasRecordFiles(layer: LayerDef): boolean {
	return layer.popup.length > 0;
}

export const ARCHIVES = ['basemap', 'thematic'] as const;
export type ArchiveName = (typeof ARCHIVES)[number];
