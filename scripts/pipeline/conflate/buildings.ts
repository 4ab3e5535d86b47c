import type { Feature, Geometry } from 'geojson';
import { addressesMatch, namesMatch, normalizedNamesMatch, normalizeName, oppositeSides, parseAddress, type ParsedAddress } from '../../../src/lib/geo/address';
import { BATCHES, BATCH_YEARS, RELIC_LEVELS, type ProtectedBuilding } from '../../../src/lib/schema/protected-building';
import type { SourceFeature } from '../validate';
import { differentForeignStreets, parseForeignAddress, titleCase, type ForeignNameRow } from '../streets/foreign';
import { anchorOf, contains, isArea, metres } from './geo';
import { matchOneToOne, type Pair } from './match';

export type Clipped = SourceFeature & { properties: { in_district: boolean; district: string | null } };

export interface ConflateInput {
	/** 上海市优秀历史建筑 (Shanghai Library): the authority for listing and batch. */
	excellent: Clipped[];
	/** 文物保护单位 (Shanghai Library): protection level. */
	relics: Clipped[];
	/** OSM heritage objects: footprints, English names. */
	osm: Clipped[];
	/** 645 atlas: architect, build years, municipal number. */
	atlas: Clipped[];
	/** Virtual Shanghai: historic address and name. */
	virtualShanghai: Clipped[];
	/**
	 * Concession-era street names and the modern streets that carry them (the streets stage's table):
	 * with them a Virtual Shanghai address such as "534 AVENUE PETAIN" reads as 衡山路534号 and can
	 * match a listing by address, where its point alone may sit nearer the house next door.
	 */
	foreignStreets?: readonly ForeignNameRow[];
	/** Photo file names present in the bundle. */
	photos: ReadonlySet<string>;
}

export interface MatchCount {
	source: string;
	candidates: number;
	matched: number;
	byMethod: Record<string, number>;
}

/** 'other-street': near, but its address is on another street than the listing's: the other door of a building on two streets, or the building across the corner. */
type Method = 'name' | 'address' | 'footprint' | 'proximity' | 'other-street';
const RANK: readonly Method[] = ['name', 'address', 'footprint', 'proximity', 'other-street'];

/** Search radii: a same-name record may sit a block away (geocoded to a lane entrance); a nameless one must be next door. */
const NAME_RADIUS_M = 200;
const PROXIMITY_M = { relic: 20, osm: 15, atlas: 25, vs: 30 } as const;

interface Draft {
	geometry: Geometry;
	anchor: [number, number];
	names: string[];
	address: string | null;
	props: Partial<ProtectedBuilding> & { id: string; name_zh: string };
	sourceIds: string[];
	match: string[];
	district: string | null;
}

/** One record per real building: the listings merged, then enriched from OSM, the 645 atlas and Virtual Shanghai. */
export function conflateProtectedBuildings(input: ConflateInput): { features: Feature<Geometry, ProtectedBuilding>[]; matches: MatchCount[] } {
	const drafts = input.excellent.map(fromExcellent);
	const matches: MatchCount[] = [];

	const relicPairs = pairs(drafts, input.relics, (f) => [String(f.properties.nameS)], (f) => String(f.properties.address ?? ''), PROXIMITY_M.relic);
	const relicMatches = matchOneToOne(relicPairs, RANK);
	matches.push(count('shl-relic-sites', input.relics.length, relicMatches));
	const matchedRelics = new Set([...relicMatches.values()].map((p) => p.candidate));
	for (const [target, pair] of relicMatches) applyRelic(drafts[target], input.relics[pair.candidate], pair);
	input.relics.forEach((relic, i) => {
		if (!matchedRelics.has(i)) drafts.push(fromRelic(relic));
	});

	const osmPairs = pairs(drafts, input.osm, osmNames, osmAddress, PROXIMITY_M.osm);
	const osmMatches = matchOneToOne(osmPairs, RANK);
	matches.push(count('osm-heritage', input.osm.length, osmMatches));
	for (const [target, pair] of osmMatches) applyOsm(drafts[target], input.osm[pair.candidate], pair);

	const atlasPairs = pairs(drafts, input.atlas, (f) => [String(f.properties.title)], (f) => String(f.properties.xian_di_zhi ?? ''), PROXIMITY_M.atlas);
	const atlasMatches = matchOneToOne(atlasPairs, RANK);
	matches.push(count('645-buildings', input.atlas.length, atlasMatches));
	for (const [target, pair] of atlasMatches) applyAtlas(drafts[target], input.atlas[pair.candidate], pair);

	const modernOf = modernStreetsByForeignName(input.foreignStreets ?? []);
	const foreignOf = new Map((input.foreignStreets ?? []).map((row) => [row.modern, row.foreign]));
	const vsPairs = pairs(
		drafts,
		input.virtualShanghai,
		(f) => [String(f.properties.name_zh ?? '')],
		(f) => modernAddress(f.properties.address, modernOf),
		PROXIMITY_M.vs,
		(address, f) => onAnotherStreet(address, f.properties.address, modernOf, foreignOf)
	);
	const vsMatches = matchOneToOne(vsPairs, RANK);
	matches.push(count('virtual-shanghai', input.virtualShanghai.length, vsMatches));
	for (const [target, pair] of vsMatches) applyVirtualShanghai(drafts[target], input.virtualShanghai[pair.candidate], pair);

	const features = drafts.map((d) => finish(d, input.photos)).sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
	return { features, matches };
}

function pairs(
	drafts: Draft[],
	candidates: Clipped[],
	namesOf: (f: Clipped) => string[],
	addressOf: (f: Clipped) => string,
	proximityM: number,
	/** Whether a candidate's address is on another street than the listing's, beyond what the modern addresses tell. */
	onAnother: (address: ParsedAddress | null, f: Clipped) => boolean = () => false
): Pair<Method>[] {
	const out: Pair<Method>[] = [];
	const prepared = candidates.map((f) => ({ f, anchor: anchorOf(f.geometry), names: namesOf(f).map(normalizeName), address: parseAddress(addressOf(f)) }));
	drafts.forEach((draft, target) => {
		const address = parseAddress(draft.address);
		const draftNames = draft.names.map(normalizeName);
		prepared.forEach(({ f, anchor, names, address: theirs }, candidate) => {
			const distanceM = metres(draft.anchor, anchor);
			if (distanceM > NAME_RADIUS_M && !(isArea(f) && distanceM < 2 * NAME_RADIUS_M)) return;
			let method: Method | null = null;
			if (names.some((n) => draftNames.some((m) => normalizedNamesMatch(n, m)))) method = 'name';
			else if (addressesMatch(address, theirs)) method = 'address';
			else if (isArea(f) && contains(f, draft.anchor)) method = 'footprint';
			// Nearness alone is weak: it yields to addresses that put the two across the road from each other,
			// and a record on another street is taken only when no nearby record suits better.
			else if (distanceM <= proximityM && !oppositeSides(address, theirs)) method = onAnother(address, f) ? 'other-street' : 'proximity';
			if (method) out.push({ target, candidate, method, distanceM });
		});
	});
	return out;
}

const foreignKey = (street: string) => street.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();

/** Foreign street name → the one modern street it became; a name two modern streets claim is left out. */
export function modernStreetsByForeignName(rows: readonly ForeignNameRow[]): Map<string, string> {
	const modern = new Map<string, Set<string>>();
	for (const row of rows) {
		const key = foreignKey(row.foreign);
		modern.set(key, (modern.get(key) ?? new Set()).add(row.modern));
	}
	return new Map([...modern].filter(([, names]) => names.size === 1).map(([key, names]) => [key, [...names][0]]));
}

/**
 * Whether a concession-era address is on another street than a listing's modern one: it reads as
 * another modern street, or the modern street had a foreign name and this one differs. That may be
 * the other door of a building on two streets (西湖公寓, 衡山路303号, was 338/340
 * Route André Cohen, now 高安路) or the building across the corner (115 Route Fergusson is 密丹公寓,
 * 武康路115号, not 湖南别墅 at 湖南路262号). An address neither table knows tells nothing.
 */
export function onAnotherStreet(
	address: ParsedAddress | null,
	foreign: unknown,
	modernOf: ReadonlyMap<string, string>,
	foreignOf: ReadonlyMap<string, string>
): boolean {
	if (!address) return false;
	const parsed = parseForeignAddress(foreign);
	if ('skip' in parsed) return false;
	const modern = modernOf.get(foreignKey(parsed.street));
	if (modern) return modern !== address.road;
	const known = foreignOf.get(address.road);
	return known !== undefined && differentForeignStreets(known, parsed.street);
}

/**
 * "534 AVENUE PETAIN" → "衡山路534号" when the street is known. Only door numbers are read, one or
 * two on the same side ("47/49"): a lane form such as "524-11" names a house inside a lane, which
 * the listings write differently.
 */
export function modernAddress(address: unknown, modernOf: ReadonlyMap<string, string>): string {
	const parsed = parseForeignAddress(address);
	if ('skip' in parsed || !parsed.number) return '';
	const street = modernOf.get(foreignKey(parsed.street));
	if (!street) return '';
	if (/^\d+$/.test(parsed.number)) return `${street}${parsed.number}号`;
	// Two doors of one building, "47/49": one side of the street, so read as the range they span.
	const doors = /^(\d+)\/(\d+)$/.exec(parsed.number);
	return doors && Number(doors[1]) % 2 === Number(doors[2]) % 2 ? `${street}${doors[1]}-${doors[2]}号` : '';
}

function fromExcellent(f: Clipped): Draft {
	const p = f.properties;
	const batch = BATCHES.find((b) => b === p.batch) ?? null;
	const names = [String(p.nameS), ...((p.csv_names as string[] | null) ?? [])];
	return {
		geometry: f.geometry,
		anchor: anchorOf(f.geometry),
		names,
		address: (p.address as string) || null,
		props: {
			id: `ehb-${uriTail(p.uri)}`,
			name_zh: String(p.nameS),
			name_pinyin: (p.nameE as string) || null,
			address: (p.address as string) || null,
			excellent: true,
			batch,
			batch_source: batch ? 'shl-excellent-buildings' : null,
			description: (p.des as string) || null,
			wiki_url: (p.wiki_url as string) || null,
			photo: (p.photo_url as string) || null,
			...yearFrom(p.construction_year as string | null, 'shl')
		},
		sourceIds: [`shl:${uriTail(p.uri)}`],
		match: [],
		district: p.district
	};
}

function fromRelic(f: Clipped): Draft {
	const p = f.properties;
	const draft: Draft = {
		geometry: f.geometry,
		anchor: anchorOf(f.geometry),
		names: [String(p.nameS)],
		address: (p.address as string) || null,
		props: {
			id: `relic-${uriTail(p.uri)}`,
			name_zh: String(p.nameS),
			name_pinyin: (p.nameE as string) || null,
			address: (p.address as string) || null,
			excellent: false,
			batch: null,
			batch_source: null,
			description: (p.des as string) || null
		},
		sourceIds: [],
		match: [],
		district: p.district
	};
	applyRelic(draft, f, null);
	// Only for a relic of its own: one merged into a listing may be one house of a lane (张元济故居 in 上方花园).
	Object.assign(draft.props, builtIn(p.des));
	return draft;
}

function applyRelic(draft: Draft, f: Clipped, pair: Pair<Method> | null): void {
	const type = String(f.properties.type);
	draft.props.relic_level = RELIC_LEVELS.find((level) => type.includes(level)) ?? null;
	draft.props.red_site = type.includes('红色旅游景点');
	draft.props.description ??= (f.properties.des as string) || null;
	draft.sourceIds.push(`shl:${uriTail(f.properties.uri)}`);
	if (pair) draft.match.push(`relic:${pair.method}`);
}

function osmNames(f: Clipped): string[] {
	const p = f.properties;
	return ['name', 'name:zh', 'name:zh-Hans', 'old_name', 'alt_name'].map((k) => p[k]).filter((v): v is string => typeof v === 'string');
}

function osmAddress(f: Clipped): string {
	const p = f.properties;
	return `${p['addr:street'] ?? ''}${p['addr:housenumber'] ?? ''}号`;
}

function applyOsm(draft: Draft, f: Clipped, pair: Pair<Method>): void {
	const p = f.properties;
	if (isArea(f)) {
		draft.geometry = f.geometry;
		draft.props.geometry_source = 'osm-footprint';
	}
	draft.props.name_en ??= englishName(p['name:en']);
	if (!draft.props.batch) {
		const year = /^(\d{4})年/.exec(String(p['heritage:ref'] ?? ''))?.[1];
		const batch = BATCHES.find((b) => String(BATCH_YEARS[b]) === year);
		if (batch) Object.assign(draft.props, { batch, batch_source: 'osm-heritage (heritage:ref)' });
	}
	if (draft.props.year_built == null) Object.assign(draft.props, yearFrom(p.start_date as string, 'osm'));
	draft.sourceIds.push(`osm:${p['@id']}`);
	draft.match.push(`osm:${pair.method}`);
}

function applyAtlas(draft: Draft, f: Clipped, pair: Pair<Method>): void {
	const p = f.properties;
	draft.props.architect ??= (p.she_ji_zhe as string) || (p.she_ji_shi as string) || null;
	draft.props.municipal_no ??= (p.shi_you_bian_hao as string) || null;
	// The atlas numbers listed buildings batch-first ("5D017" = batch 5), which agrees with the listing wherever both exist.
	const batchNo = /^([1-5])[A-Z]\d/.exec(draft.props.municipal_no ?? '')?.[1];
	if (!draft.props.batch && draft.props.excellent && batchNo) {
		Object.assign(draft.props, { batch: BATCHES[Number(batchNo) - 1], batch_source: '645 municipal number' });
	}
	if (draft.props.year_built == null) {
		const from = p.kai_shi_jian_zao_shi_jian;
		const to = p.jie_shu_jian_zao_shi_jian;
		const text = from && to && from !== to ? `${from}–${to}` : from ? String(from) : null;
		Object.assign(draft.props, yearFrom(text, '645'));
	}
	draft.sourceIds.push(`645:${f.id}`);
	draft.match.push(`645:${pair.method}`);
}

function applyVirtualShanghai(draft: Draft, f: Clipped, pair: Pair<Method>): void {
	const p = f.properties;
	// Virtual Shanghai names the building as it was then (a legation, a school): a historic name, never
	// today's English name, which would put "Embassy of Poland" over what is now a hospital.
	const en = englishName(p.name_en);
	draft.props.name_historic_en = en && !onlyAKind(en) && en.toLowerCase() !== draft.props.name_en?.toLowerCase() ? en : null;
	const historic = (p.name_zh as string) || null;
	if (historic && !namesMatch(historic, draft.props.name_zh)) draft.props.name_historic = historic;
	draft.props.address_historic = (p.address as string) || null;
	draft.sourceIds.push(`vs:${f.id}`);
	draft.match.push(`vs:${pair.method}`);
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'a', 'an']);

/**
 * An English name as the panel should show it, or null. A value in Chinese is no English name (one
 * OSM way has its two names swapped); a name written all in capitals, as Virtual Shanghai writes many
 * ("KING'S LYNN APARTMENTS"), is set in title case, but a one-word acronym (YMCA) stays as it is.
 */
export function englishName(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const name = value.replace(/\s+/g, ' ').trim();
	if (!/[A-Za-z]/.test(name) || /\p{Script=Han}/u.test(name)) return null;
	if (name !== name.toUpperCase() || !name.includes(' ')) return name;
	return titleCase(name)
		.split(' ')
		.map((word, i) => (i > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word))
		.join(' ');
}

/** Words that say what a building was, not which one: Virtual Shanghai names many records only so. */
const KIND_WORDS = new Set(
	'primary junior senior high middle school schools kindergarten girl girls boys hospital clinic residential residence complex apartment apartments house houses temple church garden playground ball game sports field public bath toilets post office camp military american refugee factory restaurant bank jetty cemetery muslim warehouse police station sub and of no the'.split(' ')
);

/** "Residential Complex", "Hospital", "Primary School No. 1": a kind of building, which the panel must not show as its name. */
export function onlyAKind(name: string): boolean {
	const words = name.toLowerCase().match(/[a-z]+/g) ?? [];
	return words.length > 0 && words.every((w) => KIND_WORDS.has(w));
}

function finish(d: Draft, photos: ReadonlySet<string>): Feature<Geometry, ProtectedBuilding> {
	const photo = d.props.photo && photos.has(d.props.photo) ? d.props.photo : null;
	const commonsName = photo?.replace(/^\d+px-/, '') ?? null;
	const excellent = d.props.excellent ?? false;
	const relic = d.props.relic_level ?? null;
	const props: ProtectedBuilding = {
		id: d.props.id,
		name_zh: d.props.name_zh,
		name_en: d.props.name_en ?? null,
		name_pinyin: d.props.name_pinyin ?? null,
		name_historic: d.props.name_historic ?? null,
		name_historic_en: d.props.name_historic_en ?? null,
		address: d.props.address ?? null,
		address_historic: d.props.address_historic ?? null,
		excellent,
		batch: d.props.batch ?? null,
		batch_source: d.props.batch_source ?? null,
		relic_level: relic,
		red_site: d.props.red_site ?? false,
		protection: excellent && relic ? 'both' : excellent ? 'excellent' : 'relic',
		year_built: d.props.year_built ?? null,
		decade: d.props.year_built ? Math.floor(d.props.year_built / 10) * 10 : null,
		year_text: d.props.year_text ?? null,
		architect: d.props.architect ?? null,
		municipal_no: d.props.municipal_no ?? null,
		description: d.props.description ?? null,
		wiki_url: d.props.wiki_url ?? null,
		photo,
		photo_credit: commonsName ? `Wikimedia Commons: File:${commonsName}` : null,
		photo_link: commonsName ? `https://commons.wikimedia.org/wiki/File:${encodeURIComponent(commonsName.replace(/ /g, '_'))}` : null,
		geometry_source: d.props.geometry_source ?? 'point',
		lon: d.anchor[0],
		lat: d.anchor[1],
		source_ids: d.sourceIds.join(';'),
		match: d.match.join(';'),
		in_district: d.district !== null, district: d.district
	};
	return { type: 'Feature', geometry: d.geometry, properties: props };
}

/**
 * The year a relic's description says it was built ("主楼始建于1920年"), when it says so in as many
 * words and names one year only: the listing's own account, taken before OSM's start_date (which
 * says 1948 for 宋庆龄故居, built in 1920).
 */
export function builtIn(description: unknown): Pick<ProtectedBuilding, 'year_built' | 'year_text'> | Record<string, never> {
	if (typeof description !== 'string') return {};
	const years = new Set([...description.matchAll(/(?:始建|建成|建|落成)于(?:公元)?(1[89]\d\d|20[0-2]\d)年/g)].map((m) => m[1]));
	if (years.size !== 1) return {};
	const [year] = years;
	return { year_built: Number(year), year_text: `${year} (shl)` };
}

/** The first plausible four-digit year in a free-text date ("1928 1932增建", "1912~1932", "不详"). */
function yearFrom(text: string | null | undefined, source: string): Pick<ProtectedBuilding, 'year_built' | 'year_text'> | Record<string, never> {
	if (!text) return {};
	const m = /(1[89]\d\d|20[0-2]\d)/.exec(String(text));
	return m ? { year_built: Number(m[1]), year_text: `${String(text).trim()} (${source})` } : {};
}

function uriTail(uri: unknown): string {
	return String(uri).split('/').pop() ?? String(uri);
}

function count(source: string, candidates: number, matched: Map<number, Pair<Method>>): MatchCount {
	const byMethod: Record<string, number> = {};
	for (const p of matched.values()) byMethod[p.method] = (byMethod[p.method] ?? 0) + 1;
	return { source, candidates, matched: matched.size, byMethod };
}
