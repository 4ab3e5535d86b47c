import type { ExpressionSpecification } from 'maplibre-gl';
import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { NeverWidenedStatus } from '../schema/never-widened';
import { SOURCE_STRENGTH_LABELS } from './registers';
import type { LayerDef, Text } from './types';

const MAJOR: ExpressionSpecification = ['in', ['get', 'highway'], ['literal', ['trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link']]];
const NEVER_WIDENED = '#c8902a';
const NEVER_WIDENED_REPORTED = '#a63d2a';

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
	panelOrder: 120,
	geometry: 'line',
	sources: ['osm-streets', '645-roads', 'virtual-shanghai'],
	build: { stage: 'streets' },
	minzoom: 12,
	tileProperties: ['id', 'name', 'name_en', 'name_historic', 'name_fr', 'highway', 'oneway', 'never_widened', 'in_district', 'district'],
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

/** The three states of a never-widened road (data/never_widened_roads.csv), as the panel, legend, dictionary and planner name them. */
export const NEVER_WIDENED_LABELS: Record<NeverWidenedStatus, Text> = {
	confirmed: { zh: '已确认：官方名单所列', en: 'Confirmed: on an official list' },
	reported: { zh: '有报道：公开来源称其为64条之一', en: 'Reported: a public source names it one of the 64' },
	candidate: { zh: '候选：待核实', en: 'Candidate: not yet confirmed' }
};

/** Each state's look: solid for confirmed; dashed while not confirmed, a reported road in its own colour (and longer dashes on the map). */
const NEVER_WIDENED_LOOK: Record<NeverWidenedStatus, { color: string; dash?: number[] }> = {
	confirmed: { color: NEVER_WIDENED },
	reported: { color: NEVER_WIDENED_REPORTED, dash: [3, 1.2] },
	candidate: { color: NEVER_WIDENED, dash: [1.2, 1.2] }
};

const isState = (state: NeverWidenedStatus): ExpressionSpecification => ['==', ['get', 'never_widened'], state];

export const neverWidenedRoads: LayerDef = {
	...streets,
	id: 'never-widened-roads',
	title: { zh: '永不拓宽道路', en: 'Roads never to be widened' },
	description: {
		zh: '风貌保护道路（永不拓宽）。每条注明依据，分三种状态：已确认（官方名单，目前尚无）、有报道（公开来源称其为64条之一，附网址、原文、查阅日期与来源可信度）、候选（待核实）；与街道公布的总数（17 条）并列显示。',
		en: 'Heritage roads never to be widened. Each says what it rests on, in one of three states: confirmed (an official list; none yet), reported (a public source names it one of the 64, with its page, words, read date and strength) and candidate (not yet confirmed); shown beside the published total (17).'
	},
	archive: 'thematic',
	group: 'thematic',
	panelOrder: 20,
	build: { stage: 'never-widened-roads' },
	minzoom: 12,
	popup: [
		...streets.popup,
		{ key: 'never_widened', label: { zh: '永不拓宽', en: 'Never widened' }, valueLabels: NEVER_WIDENED_LABELS },
		{ key: 'never_widened_quote', label: { zh: '原文', en: 'In the source’s words' } },
		{ key: 'never_widened_url', label: { zh: '出处网页', en: 'Source page' } },
		{ key: 'never_widened_publisher', label: { zh: '最初发布者', en: 'First published by' } },
		{ key: 'never_widened_strength', label: { zh: '来源可信度', en: 'Source strength' }, valueLabels: SOURCE_STRENGTH_LABELS },
		{ key: 'never_widened_read', label: { zh: '查阅日期', en: 'Read on' } },
		{ key: 'never_widened_source', label: { zh: '依据', en: 'Basis' } }
	],
	// The state styles the line; the citation is read from the feature's details when it is clicked.
	tileProperties: [...(streets.tileProperties ?? [])],
	style: {
		layers: () =>
			(['confirmed', 'reported', 'candidate'] as const).map((state) => ({
				type: 'line' as const,
				filter: isState(state),
				layout: { 'line-cap': state === 'confirmed' ? ('round' as const) : ('butt' as const) },
				paint: {
					'line-color': NEVER_WIDENED_LOOK[state].color,
					'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 6] as ExpressionSpecification,
					'line-opacity': 0.9,
					...(NEVER_WIDENED_LOOK[state].dash ? { 'line-dasharray': NEVER_WIDENED_LOOK[state].dash } : {})
				},
				...(state === 'confirmed' ? {} : { suffix: state })
			})),
		swatch: { kind: 'line', color: NEVER_WIDENED, dashed: true },
		visible: true,
		interactive: true,
		classes: [
			{ label: { zh: '已确认：官方名单（实线）', en: 'Confirmed: official list (solid)' }, color: NEVER_WIDENED, dashed: false, filter: isState('confirmed') },
			{ label: { zh: '有报道：公开来源所称（虚线）', en: 'Reported by a public source (dashed)' }, color: NEVER_WIDENED_REPORTED, filter: isState('reported') },
			{ label: { zh: '候选：待核实（虚线）', en: 'Candidate, not yet confirmed (dashed)' }, color: NEVER_WIDENED, filter: isState('candidate') }
		]
	}
};
