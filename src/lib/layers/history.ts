import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { MODE_LABELS, NETWORK_LABELS, type Mode } from '../schema/history-vocabulary';
import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { LayerDef, Text } from './types';

/*
 * The History group: the concession-era city from the 645 atlas's tables, drawn muted (sepia,
 * dashed) under everything of today and off until a visitor opens the group.
 */

const SEPIA = '#8b5a2b';
const TROLLEY = '#6f7d4a';
const PLACE = '#5b3a1e';
const MODE_COLOR: ExpressionSpecification = ['match', ['get', 'mode'], 'trolleybus', TROLLEY, SEPIA];
const isMode = (mode: Mode): FilterSpecification => ['==', ['get', 'mode'], mode];
// Only the two languages: the vocabulary's other keys (how titles spell them) are not labels.
const labels = (table: Record<string, Text>): Record<string, Text> => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));
const MODES_TEXT = labels(MODE_LABELS);
const NETWORKS_TEXT = labels(NETWORK_LABELS);

export const historicTransitLines: LayerDef = {
	id: 'historic-transit-lines',
	title: { zh: '电车线路（租界时期）', en: 'Tram and trolleybus lines (concession era)' },
	description: {
		zh: '租界时期的有轨电车与无轨电车线路，以 645《上海历史建筑数字地图集》所载历史线路名称显示；所属路网（法租界、公共租界、华商）由线路名称解读。',
		en: 'Concession-era tram (有轨电车) and trolleybus (无轨电车) lines under their historic names, from the 645 historic buildings atlas; the network (French Concession, International Settlement, Chinese-run) is read from each title.'
	},
	archive: 'thematic',
	group: 'history',
	geometry: 'line',
	sources: ['645-trams', '645-trolleybuses'],
	build: { stage: 'history' },
	minzoom: 12,
	// The English rendering is read from the feature's details when it is clicked.
	tileProperties: ['id', 'name_zh', 'mode', 'network', 'in_district', 'district'],
	popup: [
		{ key: 'name_zh', label: { zh: '历史线路名称', en: 'Historic name' } },
		{ key: 'name_en', label: { zh: '英文（据名称译出）', en: 'In English (rendered from the name)' } },
		{ key: 'mode', label: { zh: '类型', en: 'Mode' }, valueLabels: MODES_TEXT },
		{ key: 'network', label: { zh: '路网', en: 'Network' }, valueLabels: NETWORKS_TEXT }
	],
	searchable: ['name_zh', 'name_en'],
	style: {
		layers: () => [
			// A tram is drawn as the old maps drew rails: a thin line crossed by sleepers, unlike the dashed roads of today's layers.
			{ type: 'line', filter: isMode('tram'), paint: { 'line-color': SEPIA, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 2.2], 'line-opacity': 0.85 } },
			{ type: 'line', filter: isMode('tram'), layout: { 'line-cap': 'butt' }, paint: { 'line-color': SEPIA, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 17, 9], 'line-opacity': 0.75, 'line-dasharray': [0.25, 2.5] }, suffix: 'sleepers' },
			{ type: 'line', filter: isMode('trolleybus'), layout: { 'line-cap': 'round' }, paint: { 'line-color': TROLLEY, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 4], 'line-opacity': 0.85, 'line-dasharray': [0.1, 2] }, suffix: 'trolleybus' }
		],
		swatch: { kind: 'line', color: SEPIA, dashed: true },
		visible: false,
		interactive: true,
		classes: [
			{ label: { zh: '有轨电车（轨枕线）', en: 'Tram (rails and sleepers)' }, color: SEPIA, filter: isMode('tram') },
			{ label: { zh: '无轨电车（点线）', en: 'Trolleybus (dotted)' }, color: TROLLEY, filter: isMode('trolleybus') }
		]
	}
	// No filters: a few lines cross the two subdistricts, and the legend's classes already say which mode is which.
};

export const historicTransitStops: LayerDef = {
	id: 'historic-transit-stops',
	title: { zh: '电车站（租界时期）', en: 'Tram and trolleybus stops (concession era)' },
	description: {
		zh: '租界时期的有轨电车与无轨电车站，站名为当时的历史路名（645 图集）；经停线路为 20 米内经过该站的同类线路，由几何关系算出。',
		en: 'Concession-era tram and trolleybus stops, named after the streets of the time (645 atlas); the lines listed are those of the same mode passing within 20 m, found from the geometry.'
	},
	archive: 'thematic',
	group: 'history',
	geometry: 'point',
	sources: ['645-tram-stops', '645-trolleybus-stops', '645-trams', '645-trolleybuses'],
	build: { stage: 'history' },
	minzoom: 13,
	// The lines passing are read from the feature's details when it is clicked.
	tileProperties: ['id', 'name_zh', 'mode', 'in_district', 'district'],
	popup: [
		{ key: 'name_zh', label: { zh: '历史站名', en: 'Historic stop name' } },
		{ key: 'mode', label: { zh: '类型', en: 'Mode' }, valueLabels: MODES_TEXT },
		{ key: 'lines', label: { zh: '经停线路（按几何算出）', en: 'Lines passing (found from the geometry)' }, lang: true }
	],
	searchable: ['name_zh'],
	style: {
		layers: (lang) => [
			{ type: 'circle', paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 2, 17, 4.5], 'circle-color': '#fffaf0', 'circle-stroke-color': MODE_COLOR, 'circle-stroke-width': 1.5 } },
			{ type: 'symbol', minzoom: 16, layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-size': 10, 'text-optional': true }, paint: { ...LABEL_PAINT, 'text-color': SEPIA }, suffix: 'label' }
		],
		swatch: { kind: 'circle', color: '#fffaf0', outline: SEPIA },
		visible: false,
		interactive: true
	}
};

export const places1928: LayerDef = {
	id: 'places-1928',
	title: { zh: '1928 年指南中的地点', en: 'Places of a 1928 guide' },
	description: {
		zh: '一部 1928 年指南所载的地点，附当时的中文与英文名称（645 图集）。',
		en: 'Places a 1928 guide lists, with their Chinese and English names of the time (645 atlas).'
	},
	archive: 'thematic',
	group: 'history',
	geometry: 'point',
	sources: ['645-places-1928'],
	build: { stage: 'history' },
	minzoom: 12,
	popup: [
		{ key: 'name_zh', label: { zh: '中文名称（1928）', en: 'Chinese name (1928)' } },
		{ key: 'name_en', label: { zh: '英文名称（1928）', en: 'English name (1928)' } },
		{ key: 'years', label: { zh: '年代', en: 'Years' } }
	],
	searchable: ['name_zh', 'name_en'],
	style: {
		layers: (lang) => [
			{ type: 'circle', paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 6], 'circle-color': PLACE, 'circle-stroke-color': '#f3e6cf', 'circle-stroke-width': 1.5, 'circle-opacity': 0.9 } },
			{ type: 'symbol', minzoom: 15, layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 1], 'text-anchor': 'top', 'text-size': 11, 'text-optional': true }, paint: { ...LABEL_PAINT, 'text-color': PLACE }, suffix: 'label' }
		],
		swatch: { kind: 'circle', color: PLACE, outline: '#f3e6cf' },
		visible: false,
		interactive: true
	}
};

/** The History group, bottom first. */
export const HISTORY_LAYERS = [historicTransitLines, historicTransitStops, places1928] as const;
