import { normalizeName, parseAddress } from '../../../src/lib/geo/address';
import type { Draft } from './draft';
import { metres } from './geo';

/**
 * Titles that say what a building is, not which one: two listings called 住宅 on one street are
 * two houses. Declared here from the kinds the listings use; titles held by many listings are
 * added to them by `genericTitles`.
 */
export const DECLARED_GENERIC_TITLES = [
	'住宅', '花园住宅', '公寓', '里弄', '里弄住宅', '新式里弄', '石库门里弄', '办公楼', '办公', '别墅', '洋房',
	'民居', '民宅', '居民楼', '厂房', '仓库', '教学楼', '宿舍', '商铺', '商住楼'
] as const;

/**
 * A title held by this many listings or more is a kind, not a name: across the whole city the
 * listings write 住宅 217 times, 花园住宅 17, 民宅 8, 居民楼 6, 办公 and 民居 4 each, while a name
 * never recurs more than three times (上海市武警总队: three listings of one house at one address).
 */
export const GENERIC_FROM = 4;

/**
 * How far apart two listings of one name on one street may be and still be one building. Same-name
 * matching elsewhere reaches 200 m (a listing geocoded to a lane entrance); a listing's point may be
 * off by a whole block more: 国际礼拜堂 is listed at 衡山路58号 some 290 m from its relic listing at
 * 衡山路53号, where the church stands. Beyond two blocks a same name is more likely a namesake.
 */
export const SAME_NAME_LIMIT_M = 400;

export interface ListingRef {
	id: string;
	address: string | null;
	/** The listing's own point [lon, lat], WGS84. */
	point: [number, number];
	/** The shape the record had when compared: an OSM footprint or the listing's point. */
	position: 'osm-footprint' | 'point';
}

export interface SameNamePair {
	name: string;
	a: ListingRef;
	b: ListingRef;
	distance_m: number;
	merged: boolean;
	/** Why the two were kept apart, or 'same street, N m' for a merge. */
	reason: string;
}

export interface SameNameReport {
	limit_m: number;
	generic: { declared: readonly string[]; derived: Array<{ name: string; listings: number }> };
	pairs: SameNamePair[];
	/** Listings merged into another record: the drafts before minus after. */
	merged: number;
}

/** The generic titles of a set of listings: the declared ones, and any title `GENERIC_FROM` listings share. */
export function genericTitles(drafts: readonly Draft[]): { all: Set<string>; derived: Array<{ name: string; listings: number }> } {
	const counts = new Map<string, number>();
	for (const d of drafts) counts.set(normalizeName(d.props.name_zh), (counts.get(normalizeName(d.props.name_zh)) ?? 0) + 1);
	const declared = new Set(DECLARED_GENERIC_TITLES.map(normalizeName));
	const derived = [...counts]
		.filter(([name, n]) => n >= GENERIC_FROM && !declared.has(name))
		.map(([name, listings]) => ({ name, listings }))
		.sort((x, y) => y.listings - x.listings || (x.name < y.name ? -1 : 1));
	return { all: new Set([...declared, ...derived.map((d) => d.name)]), derived };
}

const ref = (d: Draft): ListingRef => ({
	id: d.props.id,
	address: d.address,
	point: [round(d.listingPoint[0]), round(d.listingPoint[1])],
	position: d.props.geometry_source === 'osm-footprint' ? 'osm-footprint' : 'point'
});
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether two same-name listings are one building, and why (not). */
export function judgePair(a: Draft, b: Draft, generic: ReadonlySet<string>): { merged: boolean; reason: string; distanceM: number } {
	const distanceM = Math.round(metres(a.listingPoint, b.listingPoint));
	if (generic.has(normalizeName(a.props.name_zh))) return { merged: false, reason: 'generic title', distanceM };
	const [ra, rb] = [parseAddress(a.address)?.road, parseAddress(b.address)?.road];
	if (!ra || !rb) return { merged: false, reason: 'no street to compare', distanceM };
	if (ra !== rb) return { merged: false, reason: `different streets: ${ra} / ${rb}`, distanceM };
	if (distanceM > SAME_NAME_LIMIT_M) return { merged: false, reason: `too far: ${distanceM} m`, distanceM };
	return { merged: true, reason: `same street, ${distanceM} m`, distanceM };
}

/**
 * One record per building where two listings give it one distinctive name on one street: the
 * excellent-buildings list and the relic list each list 国际礼拜堂, at 衡山路58号 and 53号, and the
 * listings' points lie on opposite sides of the road, which kept them apart before. Each merged
 * group keeps the better position (an OSM footprint over a point, else the first listing's) with
 * that listing's address, and says on the record what the listings disagree on. Every same-name
 * pair found is reported with its reason; a generic title's listings are counted, not paired (住宅
 * alone would be thousands of pairs), except pairs on one street within the limit, which only the
 * title kept apart.
 */
export function mergeSameName(drafts: readonly Draft[]): { drafts: Draft[]; report: SameNameReport } {
	const generic = genericTitles(drafts);
	const groups = new Map<string, number[]>();
	drafts.forEach((d, i) => {
		const key = normalizeName(d.props.name_zh);
		if (key) groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	const parent = drafts.map((_, i) => i);
	const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
	const pairs: SameNamePair[] = [];
	for (const members of groups.values()) {
		for (let x = 0; x < members.length; x++) {
			for (let y = x + 1; y < members.length; y++) {
				const [a, b] = [drafts[members[x]], drafts[members[y]]];
				const verdict = judgePair(a, b, generic.all);
				const sameStreetNear = verdict.reason === 'generic title' && judgePair(a, b, new Set()).merged;
				if (verdict.reason === 'generic title' && !sameStreetNear) continue;
				pairs.push({ name: a.props.name_zh, a: ref(a), b: ref(b), distance_m: verdict.distanceM, merged: verdict.merged, reason: verdict.reason });
				if (verdict.merged) parent[root(members[y])] = root(members[x]);
			}
		}
	}
	const components = new Map<number, Draft[]>();
	drafts.forEach((d, i) => components.set(root(i), [...(components.get(root(i)) ?? []), d]));
	const out = [...components.values()].map((group) => (group.length === 1 ? group[0] : mergeGroup(group)));
	pairs.sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : p.a.id < q.a.id ? -1 : p.a.id > q.a.id ? 1 : p.b.id < q.b.id ? -1 : 1));
	return { drafts: out, report: { limit_m: SAME_NAME_LIMIT_M, generic: { declared: DECLARED_GENERIC_TITLES, derived: generic.derived }, pairs, merged: drafts.length - out.length } };
}

/** The listing first: an excellent building with its batch, then any excellent one, then a relic; by id within. */
const authority = (d: Draft) => (d.props.excellent ? (d.props.batch ? 0 : 1) : 2);

function mergeGroup(group: Draft[]): Draft {
	const ranked = [...group].sort((x, y) => authority(x) - authority(y) || (x.props.id < y.props.id ? -1 : 1));
	const primary = ranked[0];
	const placed = ranked.find((d) => d.props.geometry_source === 'osm-footprint') ?? primary;
	const props = { ...primary.props };
	for (const other of ranked.slice(1)) {
		for (const [key, value] of Object.entries(other.props) as Array<[keyof typeof props, unknown]>) {
			if (props[key] == null && value != null) (props as Record<string, unknown>)[key] = value;
		}
		props.excellent = Boolean(props.excellent || other.props.excellent);
		props.red_site = Boolean(props.red_site || other.props.red_site);
	}
	Object.assign(props, { address: placed.props.address ?? null, geometry_source: placed.props.geometry_source ?? 'point', ...disagreement(ranked, placed) });
	return {
		geometry: placed.geometry,
		anchor: placed.anchor,
		names: [...new Set(ranked.flatMap((d) => d.names))],
		address: placed.address,
		props,
		sourceIds: ranked.flatMap((d) => d.sourceIds),
		match: [...ranked.flatMap((d) => d.match), ...ranked.slice(1).map((d) => `listing:same-name:${d.props.id}`)],
		district: placed.district,
		listingPoint: placed.listingPoint
	};
}

/** What the panel says about a merged record: each listing's address, point and kind, how far apart, and which was kept. */
function disagreement(ranked: Draft[], placed: Draft): { merged_listings_zh: string; merged_listings_en: string } {
	const kind = (d: Draft, lang: 'zh' | 'en') =>
		d.props.excellent && !d.props.relic_level ? (lang === 'zh' ? '优秀历史建筑' : 'Excellent Historic Building') : d.props.excellent ? (lang === 'zh' ? '优秀历史建筑、文物保护单位' : 'Excellent Historic Building and relic site') : lang === 'zh' ? '文物保护单位' : 'protected relic site';
	const at = (d: Draft) => `${d.listingPoint[0].toFixed(5)}, ${d.listingPoint[1].toFixed(5)}`;
	const far = Math.max(...ranked.map((d) => Math.round(metres(d.listingPoint, placed.listingPoint))));
	const zh = ranked.map((d) => `${d.address ?? '无地址'}（${kind(d, 'zh')}，${d.props.id}，${at(d)}）`).join('；');
	const en = ranked.map((d) => `${d.address ?? 'no address'} (${kind(d, 'en')}, ${d.props.id}, ${at(d)})`).join('; ');
	const keptZh = placed.props.geometry_source === 'osm-footprint' ? `采用 ${placed.address ?? placed.props.id} 的 OSM 建筑轮廓` : `采用 ${placed.address ?? placed.props.id} 的名录坐标`;
	const keptEn = placed.props.geometry_source === 'osm-footprint' ? `the OSM footprint at ${placed.address ?? placed.props.id} is kept` : `the listed point of ${placed.address ?? placed.props.id} is kept`;
	return {
		merged_listings_zh: `${ranked.length} 条同名名录合并为一幢：${zh}；相距至多 ${far} 米，${keptZh}。`,
		merged_listings_en: `${ranked.length} listings of one name merged as one building: ${en}; up to ${far} m apart, ${keptEn}.`
	};
}
