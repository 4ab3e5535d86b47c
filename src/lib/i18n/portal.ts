import type { Lang, Text } from '../layers/types';

/** UI strings of the data portal's pages (/datasets, /about); the map's own are in strings.ts. */
export const PORTAL = {
	siteName: { zh: '衡复风貌地图', en: 'Hengfu Heritage Map' },
	map: { zh: '地图', en: 'Map' },
	data: { zh: '开放数据', en: 'Open data' },
	about: { zh: '关于与方法', en: 'About & methods' },
	api: { zh: 'API', en: 'API' },
	mainNav: { zh: '主导航', en: 'Main navigation' },
	catalogueIntro: {
		zh: '门户地图上的每个图层都是可下载、可引用的数据集。所有下载均为 WGS84 坐标；每个数据集保留其来源的许可与署名。',
		en: 'Every layer on the portal’s map is a dataset you can download and build on. Every download is in WGS84; each dataset keeps the licence and attribution of its sources.'
	},
	apiIntro: { zh: '静态 JSON API：', en: 'Static JSON API:' },
	groupThematic: { zh: '专题数据', en: 'Thematic datasets' },
	groupContext: { zh: '参考数据', en: 'Context datasets' },
	groupHistory: { zh: '历史', en: 'History' },
	groupBase: { zh: '底图数据', en: 'Basemap datasets' },
	features: { zh: '要素', en: 'Features' },
	inDistrict: { zh: '街道内', en: 'in the subdistrict' },
	inContext: { zh: '周边 300 米', en: 'in the 300 m around it' },
	sources: { zh: '来源', en: 'Sources' },
	licence: { zh: '许可', en: 'Licence' },
	originalCrs: { zh: '原始坐标系', en: 'Original coordinate system' },
	updated: { zh: '数据日期', en: 'Data as of' },
	undated: { zh: '来源未注明', en: 'not stated by the sources' },
	built: { zh: '生成于', en: 'Built' },
	bbox: { zh: '范围（西, 南, 东, 北）', en: 'Extent (W, S, E, N)' },
	downloads: { zh: '下载', en: 'Downloads' },
	pmtilesLayer: { zh: '图层名', en: 'layer' },
	template: { zh: '填报模板', en: 'Template' },
	templateHint: { zh: '街道填写后用 npm run register -- import 导入', en: 'fill it in, then npm run register -- import' },
	dictionary: { zh: '数据字典', en: 'Data dictionary' },
	field: { zh: '字段', en: 'Field' },
	type: { zh: '类型', en: 'Type' },
	description: { zh: '说明', en: 'Description' },
	example: { zh: '示例', en: 'Example' },
	allowed: { zh: '取值', en: 'Allowed values' },
	required: { zh: '必有字段', en: 'always present' },
	optional: { zh: '可能缺失', en: 'may be absent' },
	preview: { zh: '数据预览', en: 'Preview' },
	rows: { zh: '行', en: 'Rows' },
	of: { zh: '共', en: 'of' },
	previous: { zh: '上一页', en: 'Previous' },
	next: { zh: '下一页', en: 'Next' },
	smallMap: { zh: '数据范围地图', en: 'Map of the dataset' },
	buildReport: { zh: '生成报告', en: 'Build report' },
	reportIntro: {
		zh: '每个来源：读入 = 接受 + 剔除。剔除的每条记录都列出原因。',
		en: 'For every source: read = accepted + rejected. Every rejected record is listed with its reason.'
	},
	source: { zh: '来源', en: 'Source' },
	file: { zh: '文件', en: 'File' },
	read: { zh: '读入', en: 'Read' },
	accepted: { zh: '接受', en: 'Accepted' },
	rejected: { zh: '剔除', en: 'Rejected' },
	outsideArea: { zh: '范围外', en: 'Outside the area' },
	reason: { zh: '原因', en: 'Reason' },
	record: { zh: '记录', en: 'Record' },
	count: { zh: '数量', en: 'Count' },
	allRejected: { zh: '全部剔除记录', en: 'Every rejected record' },
	noneRejected: { zh: '没有剔除的记录。', en: 'No record was rejected.' },
	unplaced: { zh: '未能定位的名录记录', en: 'Register records not placed on the map' },
	empty: { zh: '该数据集目前没有要素。', en: 'This dataset has no features yet.' },
	loadingData: { zh: '正在加载全部数据…', en: 'Loading all rows…' }
} satisfies Record<string, Text>;

export type PortalKey = keyof typeof PORTAL;

export function p(lang: Lang, key: PortalKey): string {
	return PORTAL[key][lang];
}
