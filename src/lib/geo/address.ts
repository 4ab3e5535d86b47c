/**
 * Just enough Shanghai address parsing to compare two addresses: the road and the
 * house-number range. (The geocoder grows from here.)
 */
export interface ParsedAddress {
	road: string;
	from: number;
	to: number;
	/** 号 = door number, 弄 = lane number. */
	unit: '号' | '弄' | null;
}

const PREFIX = /^(上海市|上海)?(黄浦|徐汇|长宁|静安|普陀|虹口|杨浦|闵行|宝山|嘉定|浦东新|金山|松江|青浦|奉贤|崇明)?区?/;
const ROAD_AND_NUMBER = /^(.+?(?:路|街|大道|道|巷|坊|里|浜|桥))(\d+)(?:\s*[-—–~～、,，至]\s*(\d+))?\s*(号|弄)?/;

export function parseAddress(input: string | null | undefined): ParsedAddress | null {
	if (!input) return null;
	const text = input.normalize('NFKC').replace(/\s+/g, '').replace(PREFIX, '');
	const m = ROAD_AND_NUMBER.exec(text);
	if (!m) return null;
	const from = Number(m[2]);
	const to = m[3] ? Number(m[3]) : from;
	return { road: m[1], from: Math.min(from, to), to: Math.max(from, to), unit: (m[4] as '号' | '弄' | undefined) ?? null };
}

/** Same road and overlapping number ranges (a lane 弄 and a door 号 never match each other). */
export function addressesMatch(a: ParsedAddress | null, b: ParsedAddress | null): boolean {
	if (!a || !b || a.road !== b.road) return false;
	if (a.unit && b.unit && a.unit !== b.unit) return false;
	return a.from <= b.to && b.from <= a.to;
}

/** A name reduced for comparison: NFKC, no spaces or punctuation, lower case. */
export function normalizeName(name: string | null | undefined): string {
	if (!name) return '';
	return name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s·・.,，、:：;；'"“”‘’()（）【】[\]「」《》<>\-—_/]+/g, '');
}

/** Equal, or one contains the other when the shorter has at least three characters. */
export function namesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
	return normalizedNamesMatch(normalizeName(a), normalizeName(b));
}

/** `namesMatch` for names already passed through `normalizeName` (for loops that compare many pairs). */
export function normalizedNamesMatch(x: string, y: string): boolean {
	if (!x || !y) return false;
	if (x === y) return true;
	const [short, long] = x.length <= y.length ? [x, y] : [y, x];
	return short.length >= 3 && long.includes(short);
}
