import { z, type ZodObject } from 'zod';
import { FACILITY_CATEGORIES, FACILITY_CATEGORY_KEYS, PROJECT_STATUSES } from './vocabulary';
import type { RegisterId } from './register';

/**
 * One row of a register as an office fills it in (the template's columns, the importer's
 * gate): flat, one cell per field, in the words a clerk uses. Each column's zod schema carries
 * its header, meaning and aliases, so the XLSX/CSV template, its instructions sheet and the
 * importer's header matching are all generated from here and never drift apart.
 */

export interface ColumnMeta {
	header: { zh: string; en: string };
	en: string;
	zh: string;
	/** Other headers the column goes by in the offices' own files. */
	aliases?: string[];
	/** The example row's value. */
	example?: string | number | boolean | null;
	/** Labels for coded values, shown in the drop-down's instructions and accepted in place of the code. */
	labels?: Record<string, { zh: string; en: string }>;
}

function column<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
	return schema.meta({ description: meta.en, 'x-zh': meta.zh, 'x-column': meta });
}

const text = z.string().trim().min(1);
/** A day as the importer writes it after reading any of Excel's forms (a date cell, 2024/3/5, 2024年3月5日). */
const day = z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/, 'a date such as 2024-03-05 (or 2024-03, 2024)');

export const PROJECT_STATUS_LABELS = {
	consultation: { zh: '意见征询', en: 'Consultation' },
	design: { zh: '方案设计', en: 'Design' },
	construction: { zh: '施工中', en: 'Under construction' },
	completed: { zh: '已完成', en: 'Completed' }
} as const;

export const DISTRICT_LABELS = { tianping: { zh: '天平路街道', en: 'Tianping Road Subdistrict' }, hunan: { zh: '湖南路街道', en: 'Hunan Road Subdistrict' } } as const;

const KIND_LABELS = {
	retrofit: { zh: '加梯项目', en: 'Elevator retrofit' },
	'guidance-centre': { zh: '加梯指导站', en: 'Guidance centre' },
	installation: { zh: '喷淋安装', en: 'Sprinkler installation' },
	cabinet: { zh: '充电柜', en: 'Charging cabinet' },
	'estate-site': { zh: '小区集中充电点', en: 'Estate charging site' }
} as const;

const front = {
	id: column(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens').optional(), {
		header: { zh: '记录编号', en: 'Record id' },
		en: 'Your own stable id for the row (lower-case letters, digits, hyphens). Leave empty and the importer makes one from the address and kind, so a newer file updates the same records.',
		zh: '本记录的固定编号（小写字母、数字、连字符）。可不填：导入时按地址和类型生成，再次导入新版表格会更新同一条记录而不会重复。',
		aliases: ['编号', 'id', 'record id'],
		example: null
	}),
	name_zh: column(text, { header: { zh: '名称', en: 'Name' }, en: 'Name of the site or project, in Chinese', zh: '点位或项目名称（中文）', aliases: ['项目名称', '站点名称', '点位名称', '小区名称', 'name', 'name_zh'], example: '高安路50弄加装电梯' }),
};

const place = {
	address: column(text.optional(), {
		header: { zh: '地址', en: 'Address' },
		en: 'Address as written: 路名 + 号 (高安路50号), 弄 (高安路50弄), 弄N号 (永嘉路492弄3号), a range (淮海中路1836-1858号); a district prefix (徐汇区) is fine. Give it, or longitude and latitude.',
		zh: '门牌地址原文：路名+号（高安路50号）、弄（高安路50弄）、弄内门牌（永嘉路492弄3号）、门牌区间（淮海中路1836-1858号），可带“徐汇区”等前缀。地址与经纬度至少填一项。',
		aliases: ['门牌', '门牌地址', '详细地址', '地点', '位置', 'addr'],
		example: '高安路50弄'
	}),
	district: column(z.enum(['tianping', 'hunan']).optional(), {
		header: { zh: '所属街道', en: 'Subdistrict' },
		en: 'tianping or hunan; empty: decided by where the point lies',
		zh: '天平路街道（tianping）或湖南路街道（hunan）；不填则按点位所在街道判定',
		aliases: ['街道', 'subdistrict'],
		labels: DISTRICT_LABELS,
		example: 'tianping'
	}),
	lon: column(z.number().min(73).max(136).optional(), { header: { zh: '经度', en: 'Longitude' }, en: 'Longitude, in the coordinate system of the 坐标系 column (or the one given to the import)', zh: '经度，坐标系见“坐标系”一列（或导入时指定）', aliases: ['lng', 'long', 'longitude', 'x'], example: null }),
	lat: column(z.number().min(3).max(54).optional(), { header: { zh: '纬度', en: 'Latitude' }, en: 'Latitude, same coordinate system', zh: '纬度，坐标系同上', aliases: ['latitude', 'y'], example: null }),
	crs: column(z.enum(['WGS84', 'GCJ02', 'BD09']).optional(), {
		header: { zh: '坐标系', en: 'Coordinate system' },
		en: 'WGS84 (GPS, OpenStreetMap), GCJ02 (高德, 腾讯, the national offset) or BD09 (百度); empty: the one given to the import (default WGS84)',
		zh: 'WGS84（GPS、OpenStreetMap）、GCJ02（高德、腾讯等国测局坐标）或 BD09（百度）；不填则用导入时指定的（默认 WGS84）',
		aliases: ['coordinate system', 'crs'],
		example: null
	}),
	placed_by: column(z.enum(['hand']).optional(), {
		header: { zh: '定位方式', en: 'Placed by' },
		en: 'hand: someone put the point where it belongs on the portal’s map (the planning panel writes this when a point is dragged); its coordinates are the position, and it needs no review',
		zh: 'hand（手工）：有人在门户地图上把点拖到了正确位置（规划分析面板拖动点位后导出时自动填写）；以其经纬度为准，无需复核',
		aliases: ['placed by', '定位'],
		labels: { hand: { zh: '手工', en: 'by hand' } },
		example: null
	})
};

const tail = {
	note_zh: column(text.optional(), { header: { zh: '说明', en: 'Note' }, en: 'What readers should know, in Chinese', zh: '向公众说明的情况（中文）', aliases: ['备注', 'note'], example: '整建制加梯' }),
	name_en: column(text.optional(), { header: { zh: '英文名称', en: 'English name' }, en: 'English name, if it has one (never translated by the portal)', zh: '英文名称（如有；门户不代为翻译）', aliases: ['english name', 'name en'], example: null }),
	note_en: column(text.optional(), { header: { zh: '英文说明', en: 'Note (English)' }, en: 'The same in English, if written', zh: '英文说明（如有）', aliases: ['note en', 'english note'], example: null }),
	confirmed: column(z.boolean().optional(), {
		header: { zh: '已核实位置', en: 'Position confirmed' },
		en: 'Yes when someone checked the position on the ground: a row the geocoder is unsure of, or outside the subdistrict, is then published; otherwise it waits for review',
		zh: '位置经实地核实时填“是”：地址定位把握不大或点位在街道范围外的记录，核实后才发布，否则列入待复核',
		aliases: ['核实', '已核实', 'confirmed'],
		example: null
	})
};

const status = column(z.enum(PROJECT_STATUSES), {
	header: { zh: '进度', en: 'Status' },
	en: 'Where the project stands: consultation → design → construction → completed',
	zh: '项目进度：意见征询 → 方案设计 → 施工中 → 已完成',
	aliases: ['状态', '当前进度', '项目进度'],
	labels: PROJECT_STATUS_LABELS,
	example: 'completed'
});
const statusDate = column(day, { header: { zh: '进度日期', en: 'Status date' }, en: 'When it reached that status (a date cell, or text such as 2024-03-05, 2024/3/5, 2024年3月)', zh: '达到该进度的日期（日期单元格，或 2024-03-05、2024/3/5、2024年3月 等）', aliases: ['日期', '完成日期', '竣工日期', 'date'], example: '2021-11-01' });
const kind = <K extends keyof typeof KIND_LABELS>(kinds: [K, ...K[]], example: K) =>
	column(z.enum(kinds), {
		header: { zh: '类型', en: 'Kind' },
		en: `Kind of site: ${kinds.join(', ')}`,
		zh: `点位类型：${kinds.map((k) => KIND_LABELS[k].zh).join('、')}`,
		aliases: ['点位类型', '项目类型', 'type'],
		labels: Object.fromEntries(kinds.map((k) => [k, KIND_LABELS[k]])),
		example
	});

// Columns in the order a clerk fills them: what it is, where it stands, where it is, then the rest.
const elevatorRow = z.object({
	...front,
	kind: kind(['retrofit', 'guidance-centre'], 'retrofit'),
	status: status.optional(),
	status_date: statusDate.optional(),
	entrances: column(z.number().int().positive().optional(), { header: { zh: '门洞数', en: 'Entrances' }, en: 'Building entrances (门洞) in the project', zh: '项目涉及的门洞数', aliases: ['门洞', '单元数'], example: 6 }),
	...place,
	...tail
});

const sprinklerRow = z.object({ ...front, kind: kind(['installation'], 'installation').optional(), status, status_date: statusDate, ...place, ...tail });
const chargingRow = z.object({ ...front, kind: kind(['cabinet', 'estate-site'], 'cabinet'), status, status_date: statusDate, ...place, ...tail });

const categoryLabels = Object.fromEntries(Object.entries(FACILITY_CATEGORIES).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));
const facilityRow = z.object({
	...front,
	category: column(z.enum(FACILITY_CATEGORY_KEYS), { header: { zh: '类别', en: 'Category' }, en: '15-minute life-circle category', zh: '15分钟生活圈类别', aliases: ['设施类别', '分类'], labels: categoryLabels, example: 'elderly' }),
	other_categories: column(z.array(z.enum(FACILITY_CATEGORY_KEYS)).optional(), {
		header: { zh: '其他类别', en: 'Other categories' },
		en: 'Other categories it also serves, separated by spaces or 、',
		zh: '同时提供的其他类别，以空格或顿号分隔',
		aliases: ['兼有类别'],
		labels: categoryLabels,
		example: null
	}),
	...place,
	...tail
});

/** The row schema of each register: the template's columns, in order, and the importer's first gate. */
export const REGISTER_ROWS: Record<RegisterId, ZodObject> = {
	'elevator-retrofits': elevatorRow,
	'fire-sprinklers': sprinklerRow,
	'charging-sites': chargingRow,
	facilities: facilityRow
};

/** A column as the template and the importer see it: read off the row schema. */
export interface RowColumn {
	key: string;
	header: { zh: string; en: string };
	description: { zh: string; en: string };
	type: 'text' | 'number' | 'integer' | 'date' | 'boolean' | 'list';
	required: boolean;
	allowed?: Array<{ value: string; label: { zh: string; en: string } }>;
	aliases: string[];
	example: string | number | boolean | null;
}

interface JsonProp {
	type?: string;
	enum?: string[];
	pattern?: string;
	items?: { enum?: string[] };
	'x-column'?: ColumnMeta;
}

export function rowColumns(register: RegisterId): RowColumn[] {
	const json = z.toJSONSchema(REGISTER_ROWS[register], { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonProp>; required?: string[] };
	return Object.entries(json.properties).map(([key, prop]) => {
		const meta = prop['x-column']!;
		const values = prop.enum ?? prop.items?.enum;
		const type: RowColumn['type'] = prop.type === 'array' ? 'list' : prop.type === 'integer' ? 'integer' : prop.type === 'number' ? 'number' : prop.type === 'boolean' ? 'boolean' : prop.pattern?.startsWith('^\\d{4}') ? 'date' : 'text';
		return {
			key,
			header: meta.header,
			description: { zh: meta.zh, en: meta.en },
			type,
			required: (json.required ?? []).includes(key),
			...(values ? { allowed: values.map((v) => ({ value: v, label: meta.labels?.[v] ?? { zh: v, en: v } })) } : {}),
			aliases: meta.aliases ?? [],
			example: meta.example ?? null
		};
	});
}
