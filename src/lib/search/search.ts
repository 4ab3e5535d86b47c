import MiniSearch, { type SearchResult } from 'minisearch';
import { PINYIN_SEPARATOR, pinyinSources, type Bbox, type LonLat, type SearchDocument } from './documents';

export type Lang = 'zh' | 'en';
export type SearchField = 'title_zh' | 'title_en' | 'aliases' | 'subtitle' | 'pinyin' | 'keywords';

export interface SearchHit {
	id: string;
	layer: string;
	featureId: string | null;
	/** The title in the asked language, else the other one. */
	title: string;
	/**
	 * The name or text the query matched: an alias ('霞飞路' for 淮海中路), the address, the
	 * Chinese name a pinyin query spells. Equal to a title when the title matched; the UI shows
	 * it beside the title ("淮海中路（旧称 霞飞路）") only when it differs.
	 */
	matched: string;
	matchedField: SearchField;
	center: LonLat;
	bbox?: Bbox;
	/** MiniSearch relevance. Hits come ranked: exact and prefix title matches first, then by this. */
	score: number;
}

export interface Search {
	search(query: string, lang: Lang, limit?: number): SearchHit[];
}

/** Field order breaks ties when two fields match equally well. */
const FIELDS: SearchField[] = ['title_zh', 'title_en', 'aliases', 'subtitle', 'pinyin', 'keywords'];
const BOOST: Record<SearchField, number> = { title_zh: 5, title_en: 5, aliases: 3, pinyin: 2, subtitle: 1.5, keywords: 1.2 };
/** Longer queries are typos or pastes; capping them bounds the fuzzy search's cost. */
const MAX_QUERY_CHARS = 80;
/** A hit must match at least this share of the query's terms (CJK unigrams alone are noise). */
const MIN_COVERAGE = 0.5;

const HAN = /\p{Script=Han}/u;
const DIGITS = /^\p{N}+$/u;
// A run of Han characters, or a run of other letters, digits and their combining marks.
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

/**
 * Chinese has no spaces, so Han runs are indexed as single characters and pairs ("衡山路" →
 * 衡 山 路 衡山 山路): any substring of two or more characters then matches exactly.
 * NFKC first turns full-width digits and letters ("５３４") into ASCII.
 */
export function tokenize(text: string): string[] {
	const out: string[] = [];
	for (const [run] of text.normalize('NFKC').matchAll(RUNS)) {
		if (!HAN.test(run)) {
			out.push(run);
			continue;
		}
		const chars = [...run];
		chars.forEach((c, i) => {
			out.push(c);
			if (i + 1 < chars.length) out.push(c + chars[i + 1]);
		});
	}
	return out;
}

/** Accents and case do not count: "Petain" finds "PÉTAIN". */
export function processTerm(term: string): string {
	return term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** For exact/prefix comparisons of whole strings: what the terms see, without separators. */
function flat(text: string): string {
	return processTerm(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');
}

function termsOf(text: string): Set<string> {
	return new Set(tokenize(text).map(processTerm));
}

export function createSearch(documents: readonly SearchDocument[]): Search {
	const index = new MiniSearch<SearchDocument>({
		fields: FIELDS,
		storeFields: [],
		tokenize,
		processTerm,
		extractField: (doc, field) => {
			const value = doc[field as keyof SearchDocument];
			if (field === 'pinyin') return String(value ?? '').split(PINYIN_SEPARATOR).join('\n');
			return Array.isArray(value) ? value.join('\n') : (value ?? '');
		},
		searchOptions: {
			boost: BOOST,
			combineWith: 'OR',
			// Han terms are already exact pieces; fuzzy house numbers would find the neighbours.
			prefix: (term) => !HAN.test(term),
			fuzzy: (term) => (HAN.test(term) || DIGITS.test(term) ? false : 0.2)
		}
	});
	index.addAll(documents as SearchDocument[]);
	const byId = new Map(documents.map((d) => [d.id, d]));

	return {
		search(query, lang, limit = 10) {
			const q = [...String(query ?? '').normalize('NFKC')].slice(0, MAX_QUERY_CHARS).join('').trim();
			const wanted = termsOf(q);
			if (wanted.size === 0 || limit <= 0) return [];
			const target = flat(q);
			// A number in the query is a house number: 衡山路534号 must not bring up 衡山路524号.
			const numbers = [...wanted].filter((t) => DIGITS.test(t));
			return index
				.search(q)
				.map((r) => ({ r, doc: byId.get(r.id)!, coverage: new Set(r.queryTerms).size / wanted.size }))
				.filter((x) => x.doc && x.coverage >= MIN_COVERAGE && numbers.every((n) => x.r.queryTerms.includes(n)))
				.map((x) => ({ ...x, tier: tierOf(x.doc, target) }))
				.sort((a, b) => b.tier - a.tier || b.coverage - a.coverage || b.r.score - a.r.score || (a.doc.id < b.doc.id ? -1 : 1))
				.slice(0, limit)
				.map(({ r, doc }) => hitOf(doc, r, lang));
		}
	};
}

/** 4 the title is the query, 3 the title starts with it, 2 and 1 the same for an alias. */
function tierOf(doc: SearchDocument, target: string): number {
	const titles = [doc.title_zh, doc.title_en].filter((t): t is string => !!t).map(flat);
	if (titles.includes(target)) return 4;
	if (titles.some((t) => t.startsWith(target))) return 3;
	const aliases = doc.aliases.map(flat);
	if (aliases.includes(target)) return 2;
	return aliases.some((a) => a.startsWith(target)) ? 1 : 0;
}

function hitOf(doc: SearchDocument, r: SearchResult, lang: Lang): SearchHit {
	const title = (lang === 'en' ? doc.title_en || doc.title_zh : doc.title_zh || doc.title_en) ?? doc.id;
	const { field, text } = matchOf(doc, r);
	const hit: SearchHit = { id: doc.id, layer: doc.layer, featureId: doc.featureId, title, matched: text, matchedField: field, center: doc.center, score: r.score };
	if (doc.bbox) hit.bbox = doc.bbox;
	return hit;
}

/** The field with the most matched terms, then within it the one value (alias, pinyin segment) with the most. */
function matchOf(doc: SearchDocument, r: SearchResult): { field: SearchField; text: string } {
	const perField = new Map<SearchField, Set<string>>();
	for (const [term, fields] of Object.entries(r.match)) {
		for (const f of fields as SearchField[]) perField.set(f, (perField.get(f) ?? new Set()).add(term));
	}
	const field = FIELDS.reduce((best, f) => ((perField.get(f)?.size ?? 0) > (perField.get(best)?.size ?? 0) ? f : best));
	const terms = perField.get(field) ?? new Set<string>();
	const title = doc.title_zh ?? doc.title_en ?? '';
	switch (field) {
		case 'title_zh':
		case 'title_en':
		case 'subtitle':
			return { field, text: doc[field] ?? title };
		case 'aliases':
		case 'keywords':
			return { field, text: bestOf(doc[field], terms) ?? title };
		case 'pinyin': {
			const segments = doc.pinyin.split(PINYIN_SEPARATOR);
			const best = bestOf(segments, terms);
			return { field, text: pinyinSources(doc)[best === undefined ? 0 : segments.indexOf(best)] || title };
		}
	}
}

function bestOf(values: string[], terms: Set<string>): string | undefined {
	let best: string | undefined;
	let most = 0;
	for (const v of values) {
		const n = [...termsOf(v)].filter((t) => terms.has(t)).length;
		if (n > most) [best, most] = [v, n];
	}
	return best;
}
