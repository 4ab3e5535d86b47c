/**
 * English titles for listings that have no English name from a source: what is known said in
 * English (the kind of building the listing calls it and its address), never invented and never
 * pinyin. "住宅, 武康路12号" becomes "Residence, 12 Wukang Road".
 */

/**
 * Kinds of building as the listings write them, in English: a whole title (住宅) or the word a
 * name ends in (卫乐公寓 is an apartment building, 杜少如住宅 a residence). The rest of such a name
 * (卫乐, 杜少如) only a source can put in English; the title says the kind and the address.
 */
export const KIND_EN: Readonly<Record<string, string>> = {
	住宅: 'Residence',
	花园住宅: 'Garden house',
	花园洋房: 'Garden villa',
	洋房: 'Western-style house',
	别墅: 'Villa',
	公寓: 'Apartment building',
	里弄: 'Lane houses',
	里弄住宅: 'Lane houses',
	新式里弄: 'New-style lane houses',
	花园里弄: 'Garden lane houses',
	新村: 'Housing estate',
	新邨: 'Housing estate',
	民居: 'Dwelling',
	民宅: 'Dwelling',
	居民楼: 'Residential building',
	故居: 'Former residence',
	旧居: 'Former residence',
	办公楼: 'Office building',
	办公: 'Offices',
	大楼: 'Building',
	教堂: 'Church',
	礼拜堂: 'Church',
	天主堂: 'Catholic church',
	礼堂: 'Hall',
	医院: 'Hospital',
	学校: 'School',
	中学: 'Secondary school',
	小学: 'Primary school',
	幼儿园: 'Kindergarten',
	图书馆: 'Library',
	宾馆: 'Hotel',
	饭店: 'Hotel',
	教学楼: 'School building',
	宿舍: 'Dormitory',
	厂房: 'Factory building',
	仓库: 'Warehouse',
	领事馆: 'Consulate',
	电影院: 'Cinema',
	研究所: 'Research institute',
	酒店: 'Hotel'
};

/**
 * The one kind known of every listing titled here: it is on a protection list. It stands in for a
 * name whose kind the glossary lacks (上海市武警总队, 103所), so the English map never shows such a
 * building in Chinese alone where its address can be said.
 */
export const LISTED_KIND = 'Historic building';

// Longest first, so 花园住宅 is read before 住宅.
const KINDS = Object.keys(KIND_EN).sort((a, b) => b.length - a.length);

/**
 * The kind a title says, or null: the whole title, or the kind word it ends in. A title naming
 * several things (704所家属楼及水塔, 上海市作家协会等) or a numbered building (3号楼) says no one kind.
 */
export function kindOf(nameZh: string): string | null {
	const title = nameZh.normalize('NFKC').trim();
	if (Object.hasOwn(KIND_EN, title)) return KIND_EN[title];
	if (/[及、和与\/／等,，]|\d/.test(title)) return null;
	const kind = KINDS.find((k) => title.endsWith(k) && title.length > k.length);
	return kind ? KIND_EN[kind] : null;
}

export type TitleResult = { ok: true; title: string } | { ok: false; reason: 'no address read' | 'no English street name' };

// A whole address and nothing else: doors (号), lanes (弄) or houses in a lane, one street or several
// ("华亭路40,42,44,58号,延庆路132号"; a later part without a street is on the one before). A building,
// a floor or a note after it ("1号楼", "处") is more than a title can say truly, so none is made.
const PREFIX = /^(?:上海市?)?(?:[\u4e00-\u9fff]{1,3}区)?/;
const ROAD = /^([^\d、,，;；()（）]+?(?:路|街|大道|道|巷|坊|浜|桥))(?=\d)/;
const ITEM = '\\d+(?:号?[-—–~〜至]\\d+)?';
const LANES = new RegExp(`^(${ITEM}(?:[、,，和及]${ITEM})*)弄`);
const DOORS = new RegExp(`^(${ITEM}(?:号?[、,，和及]${ITEM})*)号`);
const SEPARATOR = /^[、,，;；和及]/;

interface Part {
	road: string;
	unit: '号' | '弄';
	numbers: string;
	houses: string | null;
}

/** The parts of a whole address, or null where anything in it is not read. */
export function addressParts(address: string | null | undefined): Part[] | null {
	let rest = (address ?? '').normalize('NFKC').replace(/\s+/g, '').replace(PREFIX, '');
	const parts: Part[] = [];
	let road: string | null = null;
	while (rest) {
		const r = ROAD.exec(rest);
		if (r) [road, rest] = [r[1], rest.slice(r[0].length)];
		if (!road) return null;
		const lanes = LANES.exec(rest);
		const doors = lanes ? null : DOORS.exec(rest);
		const m = lanes ?? doors;
		if (!m) return null;
		rest = rest.slice(m[0].length);
		const houses = lanes ? DOORS.exec(rest) : null;
		if (houses) rest = rest.slice(houses[0].length);
		parts.push({ road, unit: lanes ? '弄' : '号', numbers: m[1], houses: houses?.[1] ?? null });
		if (!rest) break;
		const sep = SEPARATOR.exec(rest);
		if (!sep) return null;
		rest = rest.slice(sep[0].length);
	}
	return parts.length ? parts : null;
}

/** "2号-10号" → "2–10"; "40,42,44" → "40, 42, 44". */
const numbers = (text: string) =>
	text
		.split(/号?[、,，和及]/)
		.map((item) => item.split(/号?[-—–~〜至]/).map(Number))
		.map(([from, to]) => (to !== undefined && to !== from ? `${from}–${to}` : String(from)))
		.join(', ');

/**
 * "高安路50弄3号" with Gao'an Road → "3 Lane 50, Gao'an Road"; "淮海中路1836-1858号" → "1836–1858
 * Middle Huaihai Road"; "永嘉路590弄、永嘉路588弄" → "Lane 590; Lane 588, Yongjia Road"… Null where
 * the address is not read whole, or a street in it has no English name.
 */
export function addressInEnglish(address: string | null | undefined, streetEn: (zh: string) => string | null): { ok: true; text: string } | { ok: false; reason: 'no address read' | 'no English street name' } {
	const parts = addressParts(address);
	if (!parts) return { ok: false, reason: 'no address read' };
	const out: string[] = [];
	for (const part of parts) {
		const street = streetEn(part.road);
		if (!street) return { ok: false, reason: 'no English street name' };
		if (part.unit === '号') out.push(`${numbers(part.numbers)} ${street}`);
		else {
			const lane = `${/[、,，和及\-—–~〜至]/.test(part.numbers) ? 'Lanes' : 'Lane'} ${numbers(part.numbers)}`;
			out.push(part.houses ? `${numbers(part.houses)} ${lane}, ${street}` : `${lane}, ${street}`);
		}
	}
	return { ok: true, text: out.join('; ') };
}

/** Whether a listing's title is only a kind of building (住宅), with no name of its own. */
export const isKind = (nameZh: string): boolean => Object.hasOwn(KIND_EN, nameZh.normalize('NFKC').trim());

/** "Garden house, 12 Wukang Road": the listing's kind (else that it is a historic building) and its address, or why there is none. */
export function descriptiveTitle(nameZh: string, address: string | null | undefined, streetEn: (zh: string) => string | null): TitleResult {
	return titleAt(nameZh, addressInEnglish(address, streetEn));
}

/** The descriptive title for an address already read in English (or why it was not). */
function titleAt(nameZh: string, where: ReturnType<typeof addressInEnglish>): TitleResult {
	return where.ok ? { ok: true, title: `${kindOf(nameZh) ?? LISTED_KIND}, ${where.text}` } : where;
}

export interface EnglishTitleCounts {
	total: number;
	source: number;
	descriptive: number;
	none: number;
	/** Why the rest have none: the reasons of `TitleResult`. */
	none_reasons: Record<string, number>;
}

/** Per district id (and 'context' for the 300 m around them): how the protected buildings are titled in English. */
export type EnglishTitleReport = Record<string, EnglishTitleCounts>;

interface Titled {
	properties: { name_zh: string; name_en: string | null; name_historic_en: string | null; address: string | null; name_en_source?: 'source' | 'descriptive' | null; district: string | null };
}

/**
 * Every protected building's English title: a source's English name first (OSM's present one, or
 * for a title that is only a kind Virtual Shanghai's concession-era one, which the panel also labels
 * as such), else the descriptive title, else none; `name_en_source` says which.
 */
export type WithTitle<F extends Titled> = F & { properties: F['properties'] & { name_en_source: 'source' | 'descriptive' | null; address_en: string | null } };

export function titleInEnglish<F extends Titled>(features: readonly F[], streetEn: (zh: string) => string | null): { features: WithTitle<F>[]; report: EnglishTitleReport } {
	const report: EnglishTitleReport = {};
	const out = features.map((f): WithTitle<F> => {
		const where = addressInEnglish(f.properties.address, streetEn);
		// The address in English goes with every title, a source's or not: English readers see it beside the Chinese.
		const p = { ...f.properties, address_en: where.ok ? where.text : null };
		const counts = (report[p.district ?? 'context'] ??= { total: 0, source: 0, descriptive: 0, none: 0, none_reasons: {} });
		counts.total += 1;
		// A concession-era name stands in only for a title that is a kind (住宅), where it is the one
		// name the building has; over a name of today it would misname it (上海眼耳鼻喉科医院 is no
		// longer the Embassy of Poland).
		const named = p.name_en ?? (isKind(p.name_zh) ? p.name_historic_en : null);
		if (named) {
			counts.source += 1;
			return { ...f, properties: { ...p, name_en: named, name_en_source: 'source' as const } };
		}
		const made = titleAt(p.name_zh, where);
		if (made.ok) {
			counts.descriptive += 1;
			return { ...f, properties: { ...p, name_en: made.title, name_en_source: 'descriptive' as const } };
		}
		counts.none += 1;
		counts.none_reasons[made.reason] = (counts.none_reasons[made.reason] ?? 0) + 1;
		return { ...f, properties: { ...p, name_en_source: null } };
	});
	return { features: out, report: Object.fromEntries(Object.entries(report).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
