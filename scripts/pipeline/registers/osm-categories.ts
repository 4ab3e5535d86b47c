import type { FacilityCategory } from '../../../src/lib/schema/vocabulary';

/**
 * OSM tags → the life-circle facility categories (上海市15分钟社区生活圈规划导则), one table for
 * every POI. Rules are tried in order and the first that matches wins, so the specific comes
 * first: a social_facility for the elderly is elderly care before it is a community service.
 * Tags that are no everyday public service (restaurants, banks, benches, offices…) match
 * nothing and are counted as not facilities.
 */
export interface TagRule {
	/** Every key must hold one of the values ('*': any value). */
	tags: Record<string, readonly string[] | '*'>;
	category: FacilityCategory;
	/** What the place is, for a POI without a name: shown as its name. */
	label: { zh: string; en: string };
}

const any = '*' as const;

export const OSM_CATEGORY_RULES: readonly TagRule[] = [
	{ tags: { amenity: ['social_facility'], 'social_facility:for': ['senior', 'elderly'] }, category: 'elderly', label: { zh: '养老服务', en: 'Elderly care' } },
	{ tags: { social_facility: ['nursing_home', 'assisted_living', 'day_care'] }, category: 'elderly', label: { zh: '养老机构', en: 'Care home' } },
	{ tags: { amenity: ['nursing_home'] }, category: 'elderly', label: { zh: '养老院', en: 'Nursing home' } },
	{ tags: { amenity: ['hospital'] }, category: 'health', label: { zh: '医院', en: 'Hospital' } },
	{ tags: { amenity: ['clinic', 'doctors'] }, category: 'health', label: { zh: '诊所', en: 'Clinic' } },
	{ tags: { amenity: ['dentist'] }, category: 'health', label: { zh: '牙科', en: 'Dentist' } },
	{ tags: { amenity: ['pharmacy'] }, category: 'health', label: { zh: '药店', en: 'Pharmacy' } },
	{ tags: { healthcare: any }, category: 'health', label: { zh: '医疗卫生', en: 'Health care' } },
	{ tags: { amenity: ['kindergarten', 'childcare'] }, category: 'education', label: { zh: '幼儿园', en: 'Kindergarten' } },
	{ tags: { amenity: ['school'] }, category: 'education', label: { zh: '学校', en: 'School' } },
	{ tags: { amenity: ['college', 'university'] }, category: 'education', label: { zh: '高校', en: 'College' } },
	{ tags: { amenity: ['library'] }, category: 'culture', label: { zh: '图书馆', en: 'Library' } },
	{ tags: { amenity: ['theatre', 'cinema', 'arts_centre'] }, category: 'culture', label: { zh: '文化场所', en: 'Arts venue' } },
	{ tags: { tourism: ['museum', 'gallery'] }, category: 'culture', label: { zh: '博物馆', en: 'Museum' } },
	{ tags: { leisure: ['sports_centre', 'fitness_centre', 'pitch'] }, category: 'culture', label: { zh: '体育场所', en: 'Sports venue' } },
	{ tags: { amenity: ['marketplace'] }, category: 'market', label: { zh: '菜场', en: 'Market' } },
	{ tags: { shop: ['supermarket', 'convenience', 'greengrocer', 'butcher', 'seafood', 'bakery', 'general'] }, category: 'market', label: { zh: '日常购物', en: 'Daily shopping' } },
	{ tags: { leisure: ['park', 'garden', 'playground', 'fitness_station'] }, category: 'park', label: { zh: '公园与游憩', en: 'Park or playground' } },
	{ tags: { amenity: ['police', 'fire_station'] }, category: 'safety', label: { zh: '公共安全', en: 'Police or fire station' } },
	{ tags: { amenity: ['community_centre', 'social_centre', 'social_facility', 'townhall', 'post_office'] }, category: 'community', label: { zh: '社区服务', en: 'Community service' } },
	{ tags: { office: ['government'] }, category: 'community', label: { zh: '政务服务', en: 'Government office' } }
];

/** The first rule a POI's tags satisfy, or null: not a life-circle facility. */
export function categoryOfTags(tags: Record<string, unknown>): TagRule | null {
	return OSM_CATEGORY_RULES.find((rule) => Object.entries(rule.tags).every(([key, values]) => {
		const value = tags[key];
		if (typeof value !== 'string' || value === '') return false;
		return values === any || value.split(';').some((v) => values.includes(v.trim()));
	})) ?? null;
}
