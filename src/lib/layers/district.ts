import type { LayerDef } from './types';

const BOUNDARY = '#7a2e1f';

export const districtBoundary: LayerDef = {
	id: 'district-boundary',
	title: { zh: '街道边界', en: 'Subdistrict boundary' },
	description: { zh: '所选街道的行政边界（OpenStreetMap）。', en: 'Administrative boundary of the selected subdistrict (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	panelOrder: 110,
	geometry: 'polygon',
	sources: ['osm-boundary-tianping', 'osm-boundary-hunan'],
	build: { stage: 'district-boundary' },
	minzoom: 12,
	popup: [],
	searchable: ['name_zh', 'name_en'],
	style: {
		layers: () => [
			{ type: 'line', paint: { 'line-color': '#fffaf0', 'line-width': 6, 'line-opacity': 0.8 }, suffix: 'halo' },
			{ type: 'line', paint: { 'line-color': BOUNDARY, 'line-width': 2.5 } }
		],
		swatch: { kind: 'line', color: BOUNDARY },
		visible: true,
		interactive: false
	},
	catalogue: false
};

export const districtMask: LayerDef = {
	id: 'district-mask',
	title: { zh: '街道以外', en: 'Outside the subdistrict' },
	description: { zh: '用于淡化街道以外区域的遮罩。', en: 'Mask that dims everything outside the subdistrict.' },
	archive: 'basemap',
	group: 'base',
	geometry: 'polygon',
	sources: ['osm-boundary-tianping', 'osm-boundary-hunan'],
	build: { stage: 'district-mask' },
	minzoom: 12,
	popup: [],
	searchable: [],
	style: {
		layers: () => [{ type: 'fill', paint: { 'fill-color': '#2b2320', 'fill-opacity': 0.28 } }],
		swatch: { kind: 'fill', color: 'rgba(43,35,32,0.28)' },
		visible: true,
		interactive: false
	},
	catalogue: false
};
