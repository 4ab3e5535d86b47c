import type { Feature, Geometry } from 'geojson';
import { addressesMatch, namesMatch, normalizedNamesMatch, normalizeName, oppositeSides, parseAddress, type ParsedAddress } from '../../../src/lib/geo/address';
import { BATCHES, BATCH_YEARS, type ProtectedBuilding } from '../../../src/lib/schema/protected-building';
import { differentForeignStreets, parseForeignAddress, type ForeignNameRow } from '../streets/foreign';
import { applyRelic, fromExcellent, fromRelic, RANK, yearFrom, type Clipped, type Draft, type Method } from './draft';
import { englishName, onlyAKind } from './english';
import { anchorOf, contains, isArea, metres } from './geo';
import { matchOneToOne, type Pair } from './match';
import { mergeSameName, type SameNameReport } from './same-name';

export { builtIn, type Clipped } from './draft';
export { englishName, onlyAKind } from './english';

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

/** Search radii: a same-name record may sit a block away (geocoded to a lane entrance); a nameless one must be next door. */
const NAME_RADIUS_M = 200;
const PROXIMITY_M = { relic: 20, osm: 15, atlas: 25, vs: 30 } as const;

/** One record per real building: the listings merged, then enriched from OSM, the 645 atlas and Virtual Shanghai. */
export function conflateProtectedBuildings(input: ConflateInput): { features: Feature<Geometry, ProtectedBuilding>[]; matches: MatchCount[]; sameName: SameNameReport } {
	let drafts = input.excellent.map(fromExcellent);
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

	// Once OSM has given footprints, so a merged building keeps the better of its listings' positions;
	// before the atlas and Virtual Shanghai, so they match the one record where it stands.
	const sameName = mergeSameName(drafts);
	drafts = sameName.drafts;
	matches.push(sameNameCount(sameName.report));

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
	return { features, matches, sameName: sameName.report };
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

function finish(d: Draft, photos: ReadonlySet<string>): Feature<Geometry, ProtectedBuilding> {
	const photo = d.props.photo && photos.has(d.props.photo) ? d.props.photo : null;
	const commonsName = photo?.replace(/^\d+px-/, '') ?? null;
	const excellent = d.props.excellent ?? false;
	const relic = d.props.relic_level ?? null;
	const props: ProtectedBuilding = {
		id: d.props.id,
		name_zh: d.props.name_zh,
		name_en: d.props.name_en ?? null,
		// Filled by the English-title stage (english-title.ts), once the streets' English names are known.
		name_en_source: null,
		name_pinyin: d.props.name_pinyin ?? null,
		name_historic: d.props.name_historic ?? null,
		name_historic_en: d.props.name_historic_en ?? null,
		address: d.props.address ?? null,
		// Filled with the English title.
		address_en: null,
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
		merged_listings_zh: d.props.merged_listings_zh ?? null,
		merged_listings_en: d.props.merged_listings_en ?? null,
		in_district: d.district !== null, district: d.district
	};
	return { type: 'Feature', geometry: d.geometry, properties: props };
}

function count(source: string, candidates: number, matched: Map<number, Pair<Method>>): MatchCount {
	const byMethod: Record<string, number> = {};
	for (const p of matched.values()) byMethod[p.method] = (byMethod[p.method] ?? 0) + 1;
	return { source, candidates, matched: matched.size, byMethod };
}

/** Same-name listings in the conflation counts: pairs found, listings merged into another, by verdict. */
function sameNameCount(report: SameNameReport): MatchCount {
	const byMethod: Record<string, number> = {};
	for (const p of report.pairs) {
		const reason = p.merged ? 'merged' : p.reason.replace(/:.*$/, '');
		byMethod[reason] = (byMethod[reason] ?? 0) + 1;
	}
	return { source: 'same-name listings', candidates: report.pairs.length, matched: report.merged, byMethod };
}
