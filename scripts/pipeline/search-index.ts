import { writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { buildSearchDocuments, hasHan, PINYIN_SEPARATOR, pinyinSources, type SearchDocument, type SearchLayer } from '../../src/lib/search/documents';

/**
 * The search index the site loads: `buildSearchDocuments` plus pinyin. Pinyin is computed
 * here because pinyin-pro's dictionary is far too big to ship to the browser.
 */
export function buildSearchIndex(layers: SearchLayer[]): SearchDocument[] {
	return buildSearchDocuments(layers).map((doc) => ({ ...doc, pinyin: pinyinField(doc) }));
}

/** Writes `search-index.json`: documents sorted by id, so two builds write the same bytes. */
export function writeSearchIndex(layers: SearchLayer[], path: string): SearchDocument[] {
	const docs = buildSearchIndex(layers);
	writeFileSync(path, JSON.stringify(docs) + '\n');
	return docs;
}

/**
 * Toneless syllables, neighbouring pairs, the whole run and the initials: "wu kang da lou
 * wukang kangda dalou wukangdalou wkdl". People type pinyin without spaces, so "wukang"
 * (a prefix of the run), "dalou" (a pair) and "wkdl" must each be one token.
 * Non-Chinese characters are dropped; they are searchable as they are.
 */
export function pinyinOf(text: string, personName = false): string {
	if (!hasHan(text)) return '';
	const options = { toneType: 'none', type: 'array', nonZh: 'removed', surname: personName ? 'head' : 'off' } as const;
	// ü is written u, as the search folds it anyway (吕 lu, 绿 lu).
	const syllables = pinyin(text, options).filter(Boolean).map((s) => s.replace(/ü/g, 'u'));
	const initials = pinyin(text, { ...options, pattern: 'first' }).filter(Boolean);
	const pairs = syllables.length > 2 ? syllables.slice(1).map((s, i) => syllables[i] + s) : [];
	return [...syllables, ...pairs, syllables.join(''), initials.join('')].join(' ');
}

/** Names of people read surnames differently (曾 zeng, not ceng; 单 shan, not dan). */
const PERSON_LAYERS = new Set(['former-residences']);

function pinyinField(doc: SearchDocument): string {
	const segments = pinyinSources(doc).map((source, i) => {
		const spelled = pinyinOf(source, i === 0 && PERSON_LAYERS.has(doc.layer));
		// The listing's own romanisation (`name_pinyin`) belongs to the title; keep it where it reads differently.
		const own = i === 0 ? doc.pinyin.split(' ').filter((p) => p && !spelled.split(' ').includes(p)) : [];
		return [spelled, ...own].filter(Boolean).join(' ');
	});
	return segments.join(PINYIN_SEPARATOR);
}
