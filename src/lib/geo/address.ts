/**
 * Shanghai addresses: `parseAddress` is just enough to compare two (conflation);
 * `parseShanghaiAddress` reads lanes and houses too, and says why it cannot read one (the geocoder).
 */
import { msg, type Message } from '../i18n/messages';

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

/**
 * Same road and overlapping number ranges on the same side (a lane 弄 and a door 号 never match each
 * other): 复兴中路1360–1366号 and 1365–1373号 overlap as numbers but face each other.
 */
export function addressesMatch(a: ParsedAddress | null, b: ParsedAddress | null): boolean {
	if (!a || !b || a.road !== b.road) return false;
	if (a.unit && b.unit && a.unit !== b.unit) return false;
	return a.from <= b.to && b.from <= a.to && !oppositeSides(a, b);
}

/**
 * Whether two addresses sit on opposite sides of the same road: Shanghai numbers one side odd and the
 * other even, and a concession-era renumbering kept the sides (淮海中路1836–1858号 was 1920 Avenue Joffre).
 * Two nearby points with such addresses are two buildings facing each other, not one.
 */
export function oppositeSides(a: ParsedAddress | null, b: ParsedAddress | null): boolean {
	if (!a || !b || a.road !== b.road) return false;
	const side = (x: ParsedAddress) => (x.from % 2 === x.to % 2 ? x.from % 2 : null);
	const [sa, sb] = [side(a), side(b)];
	return sa !== null && sb !== null && sa !== sb;
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

/**
 * A Shanghai street address for the geocoder. `number`..`numberTo` is the position in the
 * street's own numbering: a door (号) or a lane opening (弄) — lanes share the doors'
 * sequence, so 50弄 opens between 48号 and 52号. Inside a lane, `sub`..`subTo` is the house.
 */
export interface ShanghaiAddress {
	road: string;
	number: number;
	numberTo: number;
	unit: '号' | '弄' | null;
	/** The lane number for `X路N弄…` (then equal to `number`), else null. */
	lane: number | null;
	sub: number | null;
	subTo: number | null;
}

export type AddressProblem = 'empty' | 'unparseable' | 'no-number' | 'malformed-number';

export type ParsedShanghaiAddress =
	| { ok: true; address: ShanghaiAddress }
	| { ok: false; reason: string; code: AddressProblem; message: Message };

const ROAD_SUFFIX = '(?:路|街|大道|道|巷|坊|里|浜|桥)';
const ROAD = new RegExp(`^(.+?${ROAD_SUFFIX})`);
// The road is the shortest prefix ending in a road suffix *followed by a number*: 天钥桥路380号 is 天钥桥路, not 天钥桥.
const ROAD_BEFORE_NUMBER = new RegExp(`^(.+?${ROAD_SUFFIX})(?=\\d)`);
// A number, then more numbers of a range or list ("1836-1858", "212、244", "2号-10号"). A number
// followed by 楼/室/层… is a floor or room, not a list member ("12号,2楼").
// Lanes list only lanes ("55弄、75弄"): a hyphen or a door after 弄 is the house part ("6弄-1号", "4弄,2号").
const NUMBERS = /^(\d+)((?:号?[-—–~〜至、,和及]+\d+(?![\d楼室层幢栋座])|弄[、,和及]+\d+(?=弄))*)(号|弄)?/;
// After 弄: an optional lane name (万宜坊), then the house number or range (59A, 1-24号, 2、3号).
const LANE_HOUSE = /^,?[^\d号弄路街,、;；]{0,8}?(\d+)((?:号?[-—–~〜至、,]+\d+(?![\d楼室层幢栋座]))*)/;

/**
 * Reads `上海市徐汇区高安路50弄3号`, `淮海中路1836-1858号`, `建国西路652` (号 left out) and the
 * like. Lists and ranges become their lowest..highest number; anything after the number that is
 * not a lane house (楼, 室, a second address) is ignored. Says why when it cannot read one.
 */
export function parseShanghaiAddress(input: string | null | undefined): ParsedShanghaiAddress {
	const text = clean(input ?? '');
	if (!text) return { ok: false, code: 'empty', reason: 'empty address', message: msg('geocode.empty') };
	const road = ROAD.exec(text);
	if (!road) return { ok: false, code: 'unparseable', reason: `no road name (…路, …街) in "${text}"`, message: msg('geocode.unparseable', { address: text }) };
	const withNumber = ROAD_BEFORE_NUMBER.exec(text);
	if (!withNumber) return { ok: false, code: 'no-number', reason: `no house number after ${road[1]}`, message: msg('geocode.noNumber', { road: road[1] }) };
	const rest = text.slice(withNumber[1].length);
	const m = NUMBERS.exec(rest)!;
	const after = rest.slice(m[0].length);
	// "武康路2S0弄" is an OCR slip for 280弄: reading it as 2 would be a silent guess.
	if (!m[3] && /^[A-Za-z]\d/.test(after)) return { ok: false, code: 'malformed-number', reason: `malformed house number "${m[1]}${after.slice(0, 3)}"`, message: msg('geocode.malformedNumber', { number: `${m[1]}${after.slice(0, 3)}` }) };
	const [number, numberTo] = span(m[1], m[2]);
	const unit = (m[3] as '号' | '弄' | undefined) ?? null;
	let sub: number | null = null;
	let subTo: number | null = null;
	if (unit === '弄') {
		const house = LANE_HOUSE.exec(after);
		if (house) [sub, subTo] = span(house[1], house[2]);
	}
	const address = { road: withNumber[1], number, numberTo, unit, lane: unit === '弄' ? number : null, sub, subTo };
	return { ok: true, address };
}

/** The key a road name is compared by: NFKC, no spaces ("华山路 1520 弄" → "华山路1520弄"). */
export function roadKey(name: string): string {
	return name.normalize('NFKC').replace(/\s+/g, '');
}

/** NFKC (full-width digits), no spaces, no city/district prefix, no "name：" label before the address. */
function clean(input: string): string {
	let text = input.normalize('NFKC').replace(/\s+/g, '');
	const colon = text.search(/:[^:]*$/);
	if (colon >= 0 && ROAD.test(text.slice(colon + 1))) text = text.slice(colon + 1);
	return text.replace(/^中国/, '').replace(PREFIX, '').replace(/^[\u4e00-\u9fff]{2,5}街道(?=.)/, '');
}

function span(first: string, more: string): [number, number] {
	const all = [Number(first), ...(more.match(/\d+/g) ?? []).map(Number)];
	return [Math.min(...all), Math.max(...all)];
}
