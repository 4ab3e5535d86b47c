/**
 * A place's name, facts and credits in both languages, read the way the map's side panel reads
 * them: the layer registry's popup fields, their labels and coded values. Values stay text.
 */
import { layerById } from '$lib/layers';
import { fieldText } from '$lib/layers/popup';
import { residenceTitle } from '$lib/layers/simple';
import type { Lang, Text } from '$lib/layers/types';
import { CREDITS, type SourceCredit } from '$lib/sources';
import type { PlaceCredit, PlaceFact } from '$lib/places/types';

type Props = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** Only web links become anchors. */
export const safeUrl = (v: unknown): string | null => (typeof v === 'string' && /^https?:\/\//i.test(v) ? v : null);

const NAME_KEYS = new Set(['name', 'name_zh', 'name_en']);
/** Shown as the page's text, not as a fact. */
const TEXT_KEYS = new Set(['description']);
const LINKED = new Set(['source', 'never_widened_url']);

/** The title in each language: a former residence is the person's home; without an English name, the Chinese one. */
export function placeName(layer: string, p: Props): Text {
	if (layer === 'former-residences') return residenceTitle(String(p.name_zh ?? ''));
	const zh = str(p.name_zh) ?? str(p.name) ?? str(p.address) ?? '未命名';
	const en = str(p.name_en) ?? (zh === '未命名' ? 'Unnamed' : zh);
	return { zh, en };
}

/** The layer's popup fields that have a value, minus the names and the description. */
export function placeFacts(layer: string, p: Props): PlaceFact[] {
	const def = layerById(layer);
	if (!def) throw new Error(`place pages: no layer "${layer}" in the registry`);
	const facts: PlaceFact[] = [];
	for (const field of def.popup) {
		if (NAME_KEYS.has(field.key) || TEXT_KEYS.has(field.key)) continue;
		const zh = fieldText(field, p, 'zh');
		const en = fieldText(field, p, 'en');
		if (zh === null && en === null) continue;
		const fact: PlaceFact = { key: field.key, label: field.label, value: { zh: zh ?? en!, en: en ?? zh! } };
		const href = LINKED.has(field.key) ? safeUrl(p[field.key]) : null;
		if (href) fact.href = href;
		facts.push(fact);
	}
	if (layer === 'protected-buildings' && str(p.year_text) && !facts.some((f) => f.key === 'year_built')) {
		facts.push({ key: 'year_text', label: { zh: '建造年代', en: 'Built' }, value: { zh: String(p.year_text), en: String(p.year_text) } });
	}
	return facts;
}

/** Which source each prefix of a protected building's `source_ids` names. */
const ID_SOURCES: Record<string, string> = { shl: 'shl-excellent-buildings', '645': '645-buildings', osm: 'osm-heritage', vs: 'virtual-shanghai', relic: 'shl-relic-sites', wd: 'wikidata-places' };

/**
 * The sources behind this record, with their licences: the ones its ids name where it carries
 * them (a building merged from several lists), its own source (a register or open-data place),
 * else the layer's.
 */
export function placeCredits(layer: string, p: Props): PlaceCredit[] {
	const ids = new Set<string>();
	for (const part of String(p.source_ids ?? '').split(';')) {
		const src = ID_SOURCES[part.split(':')[0]];
		if (src) ids.add(src);
	}
	if (typeof p.source === 'string' && CREDITS[p.source]) ids.add(p.source);
	if (typeof p.dataset === 'string' && CREDITS[p.dataset]) ids.add(p.dataset);
	if (p.origin === 'register') ids.add('hengfu-registers');
	if (ids.size === 0) for (const s of layerById(layer)?.sources ?? []) ids.add(s);
	const seen = new Map<string, SourceCredit>();
	for (const id of ids) {
		const c = CREDITS[id];
		if (c && !seen.has(c.attribution)) seen.set(c.attribution, c);
	}
	return [...seen.values()].map(({ attribution, licence, link }) => ({ attribution, licence, link }));
}

/** One line for search results and shared links: what it is, where, when, by whom. */
export function placeSummary(name: Text, layerTitle: Text, p: Props, district: Text | null): Text {
	const year = str(p.year_built);
	const architect = str(p.architect);
	const address = str(p.address);
	const desc = str(p.description);
	const zh = [
		`${name.zh}：${layerTitle.zh}`,
		address ? `位于${address}` : district ? `位于${district.zh}` : null,
		year ? `${year}年建成` : null,
		architect ? `建筑师${architect}` : null
	]
		.filter(Boolean)
		.join('，');
	const en = [`${name.en}: ${layerTitle.en}`, address ? `at ${address}` : district ? `in ${district.en}` : null, year ? `built ${year}` : null, architect ? `architect ${architect}` : null]
		.filter(Boolean)
		.join(', ');
	const tail = desc ? ` ${desc}` : '';
	return { zh: clip(`${zh}。${tail}`, 150), en: clip(`${en}.`, 200) };
}

function clip(s: string, n: number): string {
	const chars = [...s.trim()];
	return chars.length <= n ? chars.join('') : `${chars.slice(0, n - 1).join('')}…`;
}
