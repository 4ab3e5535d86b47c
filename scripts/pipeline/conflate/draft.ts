import type { Geometry } from 'geojson';
import { BATCHES, RELIC_LEVELS, type ProtectedBuilding } from '../../../src/lib/schema/protected-building';
import type { SourceFeature } from '../validate';
import { anchorOf } from './geo';
import type { Pair } from './match';

export type Clipped = SourceFeature & { properties: { in_district: boolean; district: string | null } };

/** 'other-street': near, but its address is on another street than the listing's: the other door of a building on two streets, or the building across the corner. */
export type Method = 'name' | 'address' | 'footprint' | 'proximity' | 'other-street';
export const RANK: readonly Method[] = ['name', 'address', 'footprint', 'proximity', 'other-street'];

export interface Draft {
	geometry: Geometry;
	anchor: [number, number];
	names: string[];
	address: string | null;
	props: Partial<ProtectedBuilding> & { id: string; name_zh: string };
	sourceIds: string[];
	match: string[];
	district: string | null;
	/** Where the listing itself puts the building, before any footprint: what a same-name pair is measured by. */
	listingPoint: [number, number];
}

export function fromExcellent(f: Clipped): Draft {
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
		district: p.district,
		listingPoint: anchorOf(f.geometry)
	};
}

export function fromRelic(f: Clipped): Draft {
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
		district: p.district,
		listingPoint: anchorOf(f.geometry)
	};
	applyRelic(draft, f, null);
	// Only for a relic of its own: one merged into a listing may be one house of a lane (张元济故居 in 上方花园).
	Object.assign(draft.props, builtIn(p.des));
	return draft;
}

export function applyRelic(draft: Draft, f: Clipped, pair: Pair<Method> | null): void {
	const type = String(f.properties.type);
	draft.props.relic_level = RELIC_LEVELS.find((level) => type.includes(level)) ?? null;
	draft.props.red_site = type.includes('红色旅游景点');
	draft.props.description ??= (f.properties.des as string) || null;
	draft.sourceIds.push(`shl:${uriTail(f.properties.uri)}`);
	if (pair) draft.match.push(`relic:${pair.method}`);
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
export function yearFrom(text: string | null | undefined, source: string): Pick<ProtectedBuilding, 'year_built' | 'year_text'> | Record<string, never> {
	if (!text) return {};
	const m = /(1[89]\d\d|20[0-2]\d)/.exec(String(text));
	return m ? { year_built: Number(m[1]), year_text: `${String(text).trim()} (${source})` } : {};
}

export function uriTail(uri: unknown): string {
	return String(uri).split('/').pop() ?? String(uri);
}

