import { z } from 'zod';
import type { LayerDef } from './types';

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export const formerResidences: LayerDef = {
	id: 'former-residences',
	title: { zh: '名人故居', en: 'Former residences' },
	description: { zh: '名人旧居（645《上海历史建筑数字地图集》）。', en: 'Former residences of notable people (645 historic buildings atlas).' },
	archive: 'thematic',
	group: 'context',
	geometry: 'point',
	sources: ['645-residences'],
	build: {
		source: '645-residences',
		properties: (p, id) => ({ id: `residence-${id}`, name_zh: String(p.title), address: str(p.di_zhi), district_zh: str(p.zheng_qu) })
	},
	schema: z.object({ id: z.string(), name_zh: z.string().min(1), address: z.string().nullable(), district_zh: z.string().nullable(), in_district: z.boolean() }),
	minzoom: 12,
	popup: [
		{ key: 'name_zh', label: { zh: '人物', en: 'Person' } },
		{ key: 'address', label: { zh: '地址', en: 'Address' } }
	],
	searchable: ['name_zh', 'address']
};

export const historicArea: LayerDef = {
	id: 'historic-area',
	title: { zh: '历史文化风貌区', en: 'Historic area' },
	description: { zh: '衡山路—复兴路历史文化风貌区等风貌保护区范围。', en: 'Boundaries of the historic conservation areas, incl. Hengshan Rd–Fuxing Rd.' },
	archive: 'thematic',
	group: 'context',
	geometry: 'polygon',
	sources: ['645-historic-areas'],
	build: { source: '645-historic-areas', properties: (p, id) => ({ id: `area-${id}`, name_zh: String(p.title) }) },
	schema: z.object({ id: z.string(), name_zh: z.string().min(1), in_district: z.boolean() }),
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '名称', en: 'Name' } }],
	searchable: ['name_zh']
};

export const historicParks: LayerDef = {
	id: 'historic-parks',
	title: { zh: '历史公园', en: 'Historic parks' },
	description: { zh: '历史公园与花园（645 图集）。', en: 'Historic parks and gardens (645 atlas).' },
	archive: 'basemap',
	group: 'base',
	geometry: 'polygon',
	sources: ['645-parks'],
	build: { source: '645-parks', properties: (p, id) => ({ id: `park-${id}`, name_zh: String(p.title) }) },
	schema: z.object({ id: z.string(), name_zh: z.string().min(1), in_district: z.boolean() }),
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '名称', en: 'Name' } }],
	searchable: ['name_zh']
};

export const metroLines: LayerDef = {
	id: 'metro-lines',
	title: { zh: '地铁线路', en: 'Metro lines' },
	description: { zh: '上海地铁线路（OpenStreetMap）。', en: 'Shanghai Metro lines (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	geometry: 'line',
	sources: ['osm-metro-lines'],
	build: { source: 'osm-metro-lines', properties: (p, id) => ({ id, name_zh: String(p.name), route: str(p.route) }) },
	schema: z.object({ id: z.string(), name_zh: z.string().min(1), route: z.string().nullable(), in_district: z.boolean() }),
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '线路', en: 'Line' } }],
	searchable: []
};

export const metroStations: LayerDef = {
	id: 'metro-stations',
	title: { zh: '地铁站', en: 'Metro stations' },
	description: { zh: '地铁车站（OpenStreetMap）。', en: 'Metro stations (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	geometry: 'point',
	sources: ['osm-metro-stations'],
	build: { source: 'osm-metro-stations', properties: (p, id) => ({ id, name_zh: String(p.name) }) },
	schema: z.object({ id: z.string(), name_zh: z.string().min(1), in_district: z.boolean() }),
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '车站', en: 'Station' } }],
	searchable: ['name_zh']
};
