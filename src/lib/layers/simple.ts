import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { LayerDef, Text } from './types';

// Shanghai Metro's own line colours, so the map matches the signs in the stations.
const METRO_COLORS: Record<string, string> = {
	'1': '#e4002b', '2': '#97d700', '3': '#ffd100', '4': '#5f259f', '7': '#ff6900', '9': '#71c5e8', '10': '#c1a7e2', '11': '#76232f', '12': '#007b5f', '13': '#ef95cf', '14': '#827a04', '15': '#bca886'
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The person a 645 residence title names. The atlas tells one person's several homes apart by a
 * digit (巴金1, 巴金2, 巴金3) and lists a couple with a backslash (萧军\萧红): neither is a name
 * to show anyone.
 */
export function residencePerson(title: string): string {
	return title
		.trim()
		.replace(/\d+$/, '')
		.split(/\s*[\\/]\s*/)
		.join('、');
}

/** What a residence is called on its page and as a tour stop: the person's home. */
export function residenceTitle(person: string): Text {
	return { zh: `${person}旧居`, en: `Former residence of ${person}` };
}

export const formerResidences: LayerDef = {
	id: 'former-residences',
	title: { zh: '名人故居', en: 'Former residences' },
	description: { zh: '名人旧居（645《上海历史建筑数字地图集》）。', en: 'Former residences of notable people (645 historic buildings atlas).' },
	archive: 'thematic',
	group: 'context',
	panelOrder: 40,
	geometry: 'point',
	sources: ['645-residences'],
	build: {
		source: '645-residences',
		properties: (p, id) => ({ id: `residence-${id}`, name_zh: residencePerson(String(p.title)), address: str(p.di_zhi), district_zh: str(p.zheng_qu) })
	},
	minzoom: 12,
	popup: [
		{ key: 'name_zh', label: { zh: '人物', en: 'Person' } },
		{ key: 'address', label: { zh: '地址', en: 'Address' } }
	],
	searchable: ['name_zh', 'address'],
	style: {
		layers: (lang) => [
			{ type: 'circle', paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 7], 'circle-color': '#2f6f8f', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
			{ type: 'symbol', minzoom: 16, layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-size': 11 }, paint: { ...LABEL_PAINT, 'text-color': '#2f6f8f' }, suffix: 'label' }
		],
		swatch: { kind: 'circle', color: '#2f6f8f' },
		visible: false,
		interactive: true
	}
};

export const historicArea: LayerDef = {
	id: 'historic-area',
	title: { zh: '历史文化风貌区', en: 'Historic area' },
	description: { zh: '衡山路—复兴路历史文化风貌区等风貌保护区范围。', en: 'Boundaries of the historic conservation areas, incl. Hengshan Rd–Fuxing Rd.' },
	archive: 'thematic',
	group: 'context',
	panelOrder: 100,
	geometry: 'polygon',
	sources: ['645-historic-areas'],
	build: { source: '645-historic-areas', properties: (p, id) => ({ id: `area-${id}`, name_zh: String(p.title) }) },
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '名称', en: 'Name' } }],
	searchable: ['name_zh'],
	style: {
		// A broad soft band, so the area's edge never reads as one more street.
		layers: () => [{ type: 'line', paint: { 'line-color': '#6a8caf', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 17, 12], 'line-opacity': 0.35 } }],
		swatch: { kind: 'line', color: 'rgba(106,140,175,0.6)' },
		visible: true,
		interactive: true
	}
};

export const historicParks: LayerDef = {
	id: 'historic-parks',
	title: { zh: '历史公园', en: 'Historic parks' },
	description: { zh: '历史公园与花园（645 图集）。', en: 'Historic parks and gardens (645 atlas).' },
	archive: 'basemap',
	group: 'base',
	panelOrder: 50,
	geometry: 'polygon',
	sources: ['645-parks'],
	build: { source: '645-parks', properties: (p, id) => ({ id: `park-${id}`, name_zh: String(p.title) }) },
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '名称', en: 'Name' } }],
	searchable: ['name_zh'],
	style: {
		layers: (lang) => [
			{ type: 'fill', paint: { 'fill-color': '#cfe3c1', 'fill-outline-color': '#9fbf8c' } },
			{ type: 'symbol', layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang) }, paint: { ...LABEL_PAINT, 'text-color': '#3f6b2f' }, suffix: 'label' }
		],
		swatch: { kind: 'fill', color: '#cfe3c1', outline: '#9fbf8c' },
		visible: true,
		interactive: true
	}
};

export const metroLines: LayerDef = {
	id: 'metro-lines',
	title: { zh: '地铁线路', en: 'Metro lines' },
	description: { zh: '上海地铁线路（OpenStreetMap）。', en: 'Shanghai Metro lines (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	panelOrder: 130,
	geometry: 'line',
	sources: ['osm-metro-lines'],
	build: { source: 'osm-metro-lines', properties: (p, id) => ({ id, name_zh: String(p.name), route: str(p.route) }) },
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '线路', en: 'Line' } }],
	searchable: [],
	style: {
		layers: () => [
			{
				type: 'line',
				paint: {
					'line-color': ['match', ['get', 'route'], ...Object.entries(METRO_COLORS).flat(), '#888888'] as never,
					'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 3],
					'line-opacity': 0.55
				}
			}
		],
		swatch: { kind: 'line', color: '#e4002b' },
		visible: true,
		interactive: false
	}
};

export const metroStations: LayerDef = {
	id: 'metro-stations',
	title: { zh: '地铁站', en: 'Metro stations' },
	description: { zh: '地铁车站（OpenStreetMap）。', en: 'Metro stations (OpenStreetMap).' },
	archive: 'basemap',
	group: 'base',
	panelOrder: 60,
	geometry: 'point',
	sources: ['osm-metro-stations'],
	// OSM gives stations no English name here. Shanghai Metro names most stations after their street,
	// in English too (衡山路 → Hengshan Road), so a station named exactly as a street takes its English name.
	build: { source: 'osm-metro-stations', properties: (p, id, known) => ({ id, name_zh: String(p.name), name_en: known.streetEn(String(p.name)) }) },
	minzoom: 12,
	popup: [{ key: 'name_zh', label: { zh: '车站', en: 'Station' } }],
	searchable: ['name_zh', 'name_en'],
	style: {
		layers: (lang) => [
			{ type: 'circle', paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': '#1d3557', 'circle-stroke-width': 2.5 } },
			{ type: 'symbol', layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 1.2], 'text-anchor': 'top' }, paint: { ...LABEL_PAINT, 'text-color': '#1d3557' }, suffix: 'label' }
		],
		swatch: { kind: 'circle', color: '#ffffff', outline: '#1d3557' },
		visible: true,
		interactive: true
	}
};
