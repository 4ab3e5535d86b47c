import type { ExpressionSpecification } from 'maplibre-gl';
import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { LayerDef } from './types';

const MAJOR: ExpressionSpecification = ['in', ['get', 'highway'], ['literal', ['trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link']]];
const NEVER_WIDENED = '#c8902a';

function streetLabel(lang: 'zh' | 'en'): ExpressionSpecification {
	const modern = nameLabel(lang, 'name', 'name_en');
	const historic: ExpressionSpecification = lang === 'zh' ? ['coalesce', ['get', 'name_historic'], ['get', 'name_fr'], ''] : ['coalesce', ['get', 'name_fr'], ['get', 'name_historic'], ''];
	const both: ExpressionSpecification = ['format', modern, {}, '\n', {}, historic, { 'font-scale': 0.85, 'text-color': '#8a5a3b' }];
	return ['step', ['zoom'], modern, 16, ['case', ['any', ['has', 'name_historic'], ['has', 'name_fr']], both, modern]];
}

export const streets: LayerDef = {
	id: 'streets',
	title: { zh: '街道', en: 'Streets' },
	description: {
		zh: 'OpenStreetMap 道路网，附历史路名（645 图集，按几何重叠匹配）与法租界时期外文路名（Virtual Shanghai）。',
		en: 'OpenStreetMap street network with historic names (645 atlas, matched by geometric overlap) and French-concession names (Virtual Shanghai).'
	},
	archive: 'basemap',
	group: 'base',
	geometry: 'line',
	sources: ['osm-streets', '645-roads', 'virtual-shanghai'],
	build: { stage: 'streets' },
	minzoom: 12,
	tileProperties: ['id', 'name', 'name_en', 'name_historic', 'name_fr', 'highway', 'oneway', 'never_widened', 'in_district'],
	popup: [
		{ key: 'name', label: { zh: '路名', en: 'Street' } },
		{ key: 'name_en', label: { zh: '英文路名', en: 'English name' } },
		{ key: 'name_historic', label: { zh: '历史路名', en: 'Historic name' } },
		{ key: 'name_fr', label: { zh: '外文旧名', en: 'Concession-era name' } }
	],
	searchable: ['name', 'name_en', 'name_historic', 'name_fr'],
	style: {
		layers: (lang) => [
			{ type: 'line', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#d9cfc1', 'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 12, ['case', MAJOR, 3, 1.5], 17, ['case', MAJOR, 18, 10]] }, suffix: 'casing' },
			{ type: 'line', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['case', MAJOR, '#fff3d6', '#ffffff'], 'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 12, ['case', MAJOR, 2, 0.8], 17, ['case', MAJOR, 15, 8]] } },
			// From z16 the historic name rides under the modern one, in one label so the two never
			// compete for space: 衡山路 / 贝当路 (zh) or Hengshan Road / Avenue Petain (en).
			{ type: 'symbol', minzoom: 14, layout: { ...LABEL_LAYOUT, 'symbol-placement': 'line', 'text-field': streetLabel(lang), 'text-size': 12 }, paint: LABEL_PAINT, suffix: 'label' }
		],
		swatch: { kind: 'line', color: '#d9cfc1' },
		visible: true,
		interactive: true
	}
};

export const neverWidenedRoads: LayerDef = {
	...streets,
	id: 'never-widened-roads',
	title: { zh: '永不拓宽道路', en: 'Roads never to be widened' },
	description: {
		zh: '风貌保护道路（永不拓宽）。名单逐条注明出处；未经核实者标为“待核实”，并与街道公布的总数（17 条）并列显示。',
		en: 'Heritage roads never to be widened. Every entry cites its source; entries not confirmed are marked unconfirmed and shown beside the published total (17).'
	},
	archive: 'thematic',
	group: 'thematic',
	build: { stage: 'never-widened-roads' },
	minzoom: 12,
	popup: [...streets.popup, { key: 'never_widened', label: { zh: '核实状态', en: 'Status' } }, { key: 'never_widened_source', label: { zh: '出处', en: 'Source' } }],
	tileProperties: [...(streets.tileProperties ?? []), 'never_widened_source'],
	style: {
		layers: () => [
			{ type: 'line', filter: ['==', ['get', 'never_widened'], 'confirmed'], layout: { 'line-cap': 'round' }, paint: { 'line-color': NEVER_WIDENED, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 6], 'line-opacity': 0.9 } },
			{ type: 'line', filter: ['==', ['get', 'never_widened'], 'unconfirmed'], paint: { 'line-color': NEVER_WIDENED, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 6], 'line-opacity': 0.9, 'line-dasharray': [1.5, 1] }, suffix: 'unconfirmed' }
		],
		swatch: { kind: 'line', color: NEVER_WIDENED, dashed: true },
		visible: true,
		interactive: true,
		classes: [
			{ label: { zh: '已核实', en: 'Confirmed' }, color: NEVER_WIDENED, filter: ['==', ['get', 'never_widened'], 'confirmed'] },
			{ label: { zh: '待核实（虚线）', en: 'Unconfirmed (dashed)' }, color: NEVER_WIDENED, filter: ['==', ['get', 'never_widened'], 'unconfirmed'] }
		]
	}
};
