import { z } from 'zod';
import type { LayerDef } from './types';

export const districtBoundary: LayerDef = {
	id: 'district-boundary',
	title: { zh: '街道边界', en: 'Subdistrict boundary' },
	description: { zh: '所选街道的行政边界（OpenStreetMap）。', en: 'Administrative boundary of the selected subdistrict (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	geometry: 'polygon',
	sources: ['osm-boundary-tianping', 'osm-boundary-hunan'],
	build: { stage: 'district-boundary' },
	schema: z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), in_district: z.boolean() }),
	minzoom: 12,
	popup: [],
	searchable: ['name_zh', 'name_en']
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
	schema: z.object({ in_district: z.boolean() }),
	minzoom: 12,
	popup: [],
	searchable: []
};
