/**
 * How the 645 atlas's concession-era transport tables are read. Zod-free, so the legend and
 * filters import the labels without the schemas (./history.ts validates with these).
 *
 * The tables' operator fields (`yun_ying_shang`, `jiao_tong_yun_ying_shang`) hold opaque record
 * ids of the atlas's database (SOURCES.md's field notes), and no table in the bundle names them.
 * Every line's title names its network, though, and each id goes with one network only: the
 * three ids below are read off the titles of the bundle's 29 lines (tests/lib/schema/history.test.ts
 * holds every line to them). A record whose id is not here, or whose title names another
 * network than its id, is rejected rather than guessed.
 */

import type { Text } from '../layers/types';

export const NETWORKS = ['french', 'settlement', 'chinese'] as const;
export type Network = (typeof NETWORKS)[number];

/** Each network as the titles begin, and in the UI's languages. */
export const NETWORK_LABELS: Record<Network, Text & { prefix: string }> = {
	french: { prefix: '法租界', zh: '法租界', en: 'French Concession' },
	settlement: { prefix: '公共租界', zh: '公共租界', en: 'International Settlement' },
	chinese: { prefix: '华商', zh: '华商', en: 'Chinese-run' }
};

/** The atlas's operator record ids, by the network the titles of their lines name. */
export const OPERATOR_IDS: Record<string, Network> = {
	'136736498': 'french',
	'136736352': 'settlement',
	'136736644': 'chinese'
};

export const MODES = ['tram', 'trolleybus'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, Text & { title: string }> = {
	tram: { title: '有轨电车', zh: '有轨电车', en: 'Tram' },
	trolleybus: { title: '无轨电车', zh: '无轨电车', en: 'Trolleybus' }
};

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral from 一 to 九十九 (十, 十八, 二十, 二十一), or null. */
export function chineseNumber(text: string): number | null {
	const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
	if (!m || text === '') return null;
	const [, tens, ten, ones] = m;
	if (!ten) return tens && !ones ? DIGITS[tens] : null;
	return (tens ? DIGITS[tens] : 1) * 10 + (ones ? DIGITS[ones] : 0);
}

export interface LineTitle {
	network: Network;
	mode: Mode;
	/** The line numbers the title gives: one, or several for a shared route (第一、二路). */
	numbers: number[];
}

/** A line's title read into its parts (法租界有轨电车第一、二路 → french, tram, [1, 2]), or why it cannot be. */
export function parseLineTitle(title: string): LineTitle | string {
	const m = /^(法租界|公共租界|华商)(有轨电车|无轨电车)第(.+)路$/.exec(title.trim());
	if (!m) return `title "${title}" is not "<network><有轨电车|无轨电车>第<number>路"`;
	const network = NETWORKS.find((n) => NETWORK_LABELS[n].prefix === m[1])!;
	const mode = MODES.find((x) => MODE_LABELS[x].title === m[2])!;
	const numbers = m[3].split('、').map(chineseNumber);
	if (numbers.some((n) => n === null)) return `title "${title}": line number "${m[3]}" is not a Chinese numeral`;
	return { network, mode, numbers: numbers as number[] };
}

/** The English rendering of a line's title, from its parts: "French Concession tram lines 1 & 2". */
export function lineNameEn({ network, mode, numbers }: LineTitle): string {
	const kind = mode === 'tram' ? 'tram' : 'trolleybus';
	return `${NETWORK_LABELS[network].en} ${kind} line${numbers.length > 1 ? 's' : ''} ${numbers.join(' & ')}`;
}

/**
 * A line record's decoded fields: its title must read as a line of the table's mode, and its
 * operator id must be the network the title names.
 */
export function decodeLine(title: string, operatorId: string | null | undefined, tableMode: Mode): { network: Network; mode: Mode; name_en: string } | string {
	const parsed = parseLineTitle(title);
	if (typeof parsed === 'string') return parsed;
	if (parsed.mode !== tableMode) return `title "${title}" names a ${parsed.mode} line in the ${tableMode} table`;
	if (operatorId === null || operatorId === undefined || operatorId === '') return 'missing operator id';
	const network = OPERATOR_IDS[operatorId];
	if (!network) return `unknown operator id "${operatorId}" (known: ${Object.entries(OPERATOR_IDS).map(([id, n]) => `${id} ${NETWORK_LABELS[n].zh}`).join(', ')})`;
	if (network !== parsed.network) return `operator id "${operatorId}" is the ${NETWORK_LABELS[network].zh} network's, but the title names ${NETWORK_LABELS[parsed.network].zh}`;
	return { network, mode: parsed.mode, name_en: lineNameEn(parsed) };
}

/** A 1928-guide place's years as the table gives them ("1905–1937", "1905–", "–1937"), or null. */
export function yearsText(begin: unknown, end: unknown): string | null {
	const y = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? '' : String(v).trim());
	const [b, e] = [y(begin), y(end)];
	if (!b && !e) return null;
	return b === e ? b : `${b}–${e}`;
}
