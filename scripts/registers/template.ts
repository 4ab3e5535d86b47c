import { layerById } from '../../src/lib/layers';
import { rowColumns } from '../../src/lib/schema/register-row';
import type { RegisterId } from '../../src/lib/schema/register';
import { writeTemplateCsv, writeTemplateXlsx, type TemplateSpec } from './io/template';

export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
/** What marks the template's example row (its first column), which the import skips. */
export const EXAMPLE_MARKER = '示例 example';
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** The file name a template is downloaded as: register id and format. */
export const templateName = (register: RegisterId, format: TemplateFormat) => `${register}-template.${format}`;

/** What every template says about filling it in, beside each column's own description. */
const INSTRUCTIONS = {
	zh: [
		'每行一个点位或项目。第 1 行为中文列名，第 2 行为对应的英文字段名，请勿改动；第 3 行为示例，导入时跳过，可删除。',
		'地址按门牌原文填写：路名+号（高安路50号）、弄（高安路50弄）、弄内门牌（永嘉路492弄3号）、门牌区间（淮海中路1836-1858号）；可带“上海市徐汇区”前缀，全角数字亦可。导入时用本门户的地址定位器在道路网上定位，定位把握不大或落在街道范围外的记录先列入待复核，核实后在“已核实位置”一列填“是”再导入。',
		'没有门牌的点位请填经纬度，并在“坐标系”一列注明：WGS84（GPS、OpenStreetMap）、GCJ02（高德、腾讯）或 BD09（百度）；门户一律转换为 WGS84。',
		'日期可用日期格式单元格，或写作 2024-03-05、2024/3/5、2024年3月5日、2024年3月。带下拉框的列请从下拉选项中选择（也可填中文名称）。',
		'同一份表格可反复导入：有“记录编号”的按编号更新，没有的按地址和类型识别，不会重复。导入前可用 --dry-run 预览变化。'
	],
	en: [
		'One site or project per row. Row 1 holds the Chinese column names and row 2 their English field keys: leave both as they are. Row 3 is an example, which the import skips; you may delete it.',
		'Write addresses as they are written on the door: street + number (高安路50号), a lane (高安路50弄), a house in a lane (永嘉路492弄3号), a range (淮海中路1836-1858号); a 上海市徐汇区 prefix and full-width digits are fine. The import places them on the street network with the portal’s geocoder; a row it is unsure of, or that falls outside the subdistrict, waits for review until someone checks it and writes 是 (yes) in “Position confirmed”.',
		'For a site without a door number give longitude and latitude, and say in “Coordinate system” which: WGS84 (GPS, OpenStreetMap), GCJ02 (Gaode/Amap, Tencent) or BD09 (Baidu); the portal converts all of them to WGS84.',
		'Dates may be date cells, or text such as 2024-03-05, 2024/3/5, 2024年3月5日 or 2024-03. Columns with a drop-down take one of its values (their Chinese names are accepted too).',
		'Import the same file again as often as needed: rows with a record id update that record, rows without one are recognised by address and kind, so nothing is duplicated. Preview the changes first with --dry-run.'
	]
};

export function templateSpec(register: RegisterId): TemplateSpec {
	const layer = layerById(register);
	if (!layer) throw new Error(`no layer "${register}" in the registry`);
	return {
		title: { zh: `${layer.title.zh}填报模板`, en: `${layer.title.en}: register template` },
		sheetName: '填报 Data',
		exampleMarker: EXAMPLE_MARKER,
		instructions: INSTRUCTIONS,
		columns: rowColumns(register).map((c) => ({
			key: c.key,
			header: c.header,
			description: c.description,
			type: c.type === 'list' ? 'text' : c.type,
			required: c.required,
			...(c.allowed && c.type !== 'list' ? { allowed: c.allowed } : {}),
			example: c.example
		}))
	};
}

export async function registerTemplate(register: RegisterId, format: TemplateFormat): Promise<Uint8Array> {
	const spec = templateSpec(register);
	return format === 'xlsx' ? writeTemplateXlsx(spec) : writeTemplateCsv(spec);
}
