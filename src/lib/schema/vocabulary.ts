/**
 * The coded values the data uses (listing batches, relic levels, project statuses, facility
 * categories). Kept free of zod so the map, legend and filters can import them without
 * loading the schemas; the schemas import them from here.
 */

export const BATCHES = ['第一批', '第二批', '第三批', '第四批', '第五批'] as const;
export const BATCH_YEARS: Record<(typeof BATCHES)[number], number> = { 第一批: 1989, 第二批: 1994, 第三批: 1999, 第四批: 2005, 第五批: 2015 };
export const RELIC_LEVELS = ['全国重点文物保护单位', '上海市文物保护单位', '区级文物保护单位'] as const;

/** The retrofit lifecycle the subdistricts report, in order. */
export const PROJECT_STATUSES = ['consultation', 'design', 'construction', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Shanghai's 15-minute community life circle groups services like this (上海市15分钟社区生活圈
 * 规划导则); the portal's facilities, curated and open-data alike, use these keys.
 */
export const FACILITY_CATEGORIES = {
	community: { zh: '社区服务', en: 'Community services', color: '#8e44ad' },
	health: { zh: '医疗卫生', en: 'Health', color: '#d62828' },
	elderly: { zh: '养老与助餐', en: 'Elderly care & dining', color: '#e76f51' },
	education: { zh: '教育', en: 'Education', color: '#2a9d8f' },
	culture: { zh: '文化体育', en: 'Culture & sport', color: '#457b9d' },
	market: { zh: '菜场与日常购物', en: 'Markets & daily shopping', color: '#e9a820' },
	park: { zh: '公园与公共空间', en: 'Parks & public space', color: '#4c956c' },
	safety: { zh: '公共安全', en: 'Safety', color: '#9d0208' },
	legal: { zh: '法律服务', en: 'Legal services', color: '#5c677d' },
	transport: { zh: '公共交通', en: 'Public transport', color: '#1d3557' }
} as const;
export type FacilityCategory = keyof typeof FACILITY_CATEGORIES;
export const FACILITY_CATEGORY_KEYS = Object.keys(FACILITY_CATEGORIES) as [FacilityCategory, ...FacilityCategory[]];

/** Layers a tour may stop at: the places visitors come for. */
export const TOUR_LAYERS = ['protected-buildings', 'former-residences'] as const;
