import type { Feature } from 'geojson';
import { z } from 'zod';
import type { LayerDef } from '../layers';
import { bboxOf, placeOfGroup, representativePoint, type Bbox, type LonLat } from './place';

export type { Bbox, LonLat } from './place';

/** One searchable thing: a feature, or (for streets) every way that carries one name. */
export interface SearchDocument {
	id: string;
	layer: string;
	/** The feature to select; null for a street group, which is shown by its bbox instead. */
	featureId: string | null;
	title_zh: string | null;
	title_en: string | null;
	/** What the result list shows under the title: the address. */
	subtitle: string | null;
	/** Other names it is searched by: historic, French, English. */
	aliases: string[];
	/**
	 * Searchable, but not a name: the historic address, the architect. Kept apart from
	 * aliases so that "Joffre" ranks the street called Avenue Joffre above the many
	 * buildings that once stood at "… AVENUE JOFFRE".
	 */
	keywords: string[];
	/**
	 * Toneless pinyin, filled in at build time (`scripts/pipeline/search-index.ts`): one
	 * segment per entry of `pinyinSources(doc)`, joined by `PINYIN_SEPARATOR`, so a pinyin hit
	 * can be traced back to the Chinese name it spells.
	 */
	pinyin: string;
	center: LonLat;
	bbox?: Bbox;
}

export interface SearchLayer {
	layer: Pick<LayerDef, 'id' | 'searchable'>;
	features: Feature[];
}

export const PINYIN_SEPARATOR = ' | ';

/** The Chinese strings the pinyin field spells, in segment order: the title, then Chinese aliases. */
export function pinyinSources(doc: Pick<SearchDocument, 'title_zh' | 'aliases'>): string[] {
	return [doc.title_zh ?? '', ...doc.aliases.filter(hasHan)];
}

export function hasHan(text: string): boolean {
	return /\p{Script=Han}/u.test(text);
}

/** Where each searchable property goes; any other searchable property becomes a keyword. */
const ROLES: Record<string, 'title_zh' | 'title_en' | 'subtitle' | 'alias' | 'pinyin'> = {
	name_zh: 'title_zh',
	name: 'title_zh',
	name_en: 'title_en',
	address: 'subtitle',
	name_historic: 'alias',
	name_historic_en: 'alias',
	name_fr: 'alias',
	name_pinyin: 'pinyin'
};

/** OSM splits a street into many ways; a search for it wants the street, once. */
const GROUPED_BY_NAME = new Set(['streets']);
/** Its ways are a subset of `streets`, whose groups already find them. */
const DUPLICATE_LAYERS = new Set(['never-widened-roads']);

/** Pure and browser-safe; pinyin is added by the pipeline, which can afford pinyin-pro. */
export function buildSearchDocuments(layers: SearchLayer[]): SearchDocument[] {
	const docs: SearchDocument[] = [];
	for (const { layer, features } of layers) {
		if (layer.searchable.length === 0 || DUPLICATE_LAYERS.has(layer.id)) continue;
		const read = features.filter((f) => f.geometry).map((f) => ({ feature: f, fields: readFields(layer.searchable, f) }));
		if (GROUPED_BY_NAME.has(layer.id)) docs.push(...groupByTitle(layer.id, read));
		else for (const r of read) if (r.fields.id && (r.fields.title_zh || r.fields.title_en)) docs.push(featureDocument(layer.id, r));
	}
	docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	// MiniSearch refuses duplicate ids in the browser; better the build stops here.
	const twice = docs.find((d, i) => i > 0 && docs[i - 1].id === d.id);
	if (twice) throw new Error(`search index: two documents with id ${twice.id}`);
	return docs;
}

interface Fields {
	id: string | null;
	title_zh: string | null;
	title_en: string | null;
	subtitle: string | null;
	aliases: string[];
	keywords: string[];
	pinyin: string[];
}
type Read = { feature: Feature; fields: Fields };

function readFields(searchable: string[], feature: Feature): Fields {
	const props = feature.properties ?? {};
	const fields: Fields = { id: text(props.id), title_zh: null, title_en: null, subtitle: null, aliases: [], keywords: [], pinyin: [] };
	for (const key of searchable) {
		const value = text(props[key]);
		if (!value) continue;
		const role = ROLES[key];
		if (role === 'alias') fields.aliases.push(...splitNames(value));
		else if (role === 'pinyin') fields.pinyin.push(value);
		else if (role === undefined) fields.keywords.push(value);
		else fields[role] ??= value;
	}
	return fields;
}

function featureDocument(layer: string, { feature, fields }: Read): SearchDocument {
	const titles = [fields.title_zh, fields.title_en];
	const doc: SearchDocument = {
		id: `${layer}:${fields.id}`,
		layer,
		featureId: fields.id,
		title_zh: fields.title_zh,
		title_en: fields.title_en,
		subtitle: fields.subtitle,
		aliases: unique(fields.aliases).filter((a) => !titles.includes(a)),
		keywords: unique(fields.keywords),
		pinyin: unique(fields.pinyin).join(' '),
		center: representativePoint(feature.geometry!)
	};
	if (feature.geometry!.type !== 'Point') doc.bbox = bboxOf(feature.geometry!);
	return doc;
}

/** One document per modern name; its other names are ranked by how many ways carry them. */
function groupByTitle(layer: string, read: Read[]): SearchDocument[] {
	const groups = new Map<string, Read[]>();
	// By feature id, so the ranking's ties do not depend on the order the features came in.
	const byId = [...read].sort((a, b) => ((a.fields.id ?? '') < (b.fields.id ?? '') ? -1 : 1));
	for (const r of byId) if (r.fields.title_zh) groups.set(r.fields.title_zh, [...(groups.get(r.fields.title_zh) ?? []), r]);
	return [...groups].map(([title, members]) => {
		const all = (pick: (f: Fields) => (string | null)[]) => ranked(members.flatMap((m) => pick(m.fields)));
		const englishNames = all((f) => [f.title_en]);
		const titleEn = englishNames[0] ?? null;
		const { center, bbox } = placeOfGroup(members.map((m) => m.feature.geometry!));
		return {
			id: `${layer}:${title}`,
			layer,
			featureId: null,
			title_zh: title,
			title_en: titleEn,
			subtitle: all((f) => [f.subtitle])[0] ?? null,
			aliases: unique([...all((f) => f.aliases), ...englishNames]).filter((a) => a !== title && a !== titleEn),
			keywords: all((f) => f.keywords),
			pinyin: unique(members.flatMap((m) => m.fields.pinyin)).join(' '),
			center,
			bbox
		};
	});
}

/** Multi-valued name properties are joined with '；' by the pipeline. */
function splitNames(value: string): string[] {
	return value.split(/[；;]/).map((s) => s.trim()).filter(Boolean);
}

/** Most ways first; ties keep first-seen order, which puts historic Chinese names before French ones. */
function ranked(values: (string | null)[]): string[] {
	const counts = new Map<string, number>();
	for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

function text(value: unknown): string | null {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

const lonLat = z.tuple([z.number(), z.number()]);
const searchDocument = z.object({
	id: z.string(),
	layer: z.string(),
	featureId: z.string().nullable(),
	title_zh: z.string().nullable(),
	title_en: z.string().nullable(),
	subtitle: z.string().nullable(),
	aliases: z.array(z.string()),
	keywords: z.array(z.string()),
	pinyin: z.string(),
	center: lonLat,
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional()
});

/** `search-index.json` as fetched is untrusted input: check its shape before indexing it. */
export function parseSearchIndex(json: unknown): SearchDocument[] {
	return z.array(searchDocument).parse(json) as SearchDocument[];
}
