import type { Feature, Geometry } from 'geojson';
import type { Position } from '../../../src/lib/geo/crs';
import type { StreetFeature, StreetProperties } from './overpass';
import { meanLatitude, pointSegmentDistance, projector, SegmentGrid } from './planar';

/**
 * Foreign (concession-era) street names from Virtual Shanghai addresses such as
 * "1920 AVENUE JOFFRE". Each building votes for the OSM street it stands on; a modern
 * street takes the name most of its buildings give, so one mis-placed point cannot rename it.
 */

export type ForeignKind = 'fr' | 'en';

export interface ParsedForeignAddress {
	number: string | null;
	/** Street as written in the source, upper case, spacing normalised. */
	street: string;
	kind: ForeignKind;
}

/** The words that say a name is a street's, French ones first in the name, English ones last. */
const FRENCH_TYPES = 'AVENUE|ROUTE|RUE|BOULEVARD|QUAI|PLACE|PASSAGE|IMPASSE|CHEMIN|ALLEE';
const ENGLISH_TYPES = 'ROAD|STREET|TERRACE|LANE|CRESCENT|DRIVE|GARDENS';
const FRENCH = new RegExp(`^(${FRENCH_TYPES})\\b`);
const ENGLISH = new RegExp(`\\b(${ENGLISH_TYPES})$`);

/**
 * "1920 AVENUE JOFFRE" → { number: '1920', street: 'AVENUE JOFFRE', kind: 'fr' }.
 * Returns why not when the address names no single foreign street: crossings ("A / B") are
 * ambiguous, and pinyin forms ("HUASHAN LU") are modern names, not historic ones.
 */
export function parseForeignAddress(address: unknown): ParsedForeignAddress | { skip: string } {
	if (typeof address !== 'string' || !address.trim() || address.trim() === 'null') return { skip: 'no address' };
	const text = address.replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim().toUpperCase();
	// House numbers: 1920, 524-11, 23-8/23-12, 12-A, 20E, "393 -27", and "??" for unknown.
	const m = /^((?:\?\?|\d[\dA-Z]*)(?:\s?[-/]\s?[\dA-Z]+)*)\s+(.+)$/.exec(text);
	const rawNumber = m ? m[1].replace(/\s+/g, '') : null;
	const number = rawNumber === '??' ? null : rawNumber;
	const street = (m ? m[2] : text).trim();
	if (street.includes('/')) return { skip: 'names a crossing, not one street' };
	if (street.includes('?')) return { skip: 'street name is garbled' };
	// English first: "AVENUE ROAD" is an English name that merely starts like a French one.
	if (ENGLISH.test(street)) return { number, street, kind: 'en' };
	if (FRENCH.test(street)) return { number, street, kind: 'fr' };
	return { skip: `no street type word (pinyin or incomplete): "${street}"` };
}

const LOWER_FR = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'ET']);
/** Regnal numbers as they occur in street names (Edward VII, Victor Emmanuel III); narrow so pinyin words like LI or XI stay words. */
const ROMAN = /^(II|III|IV|VI|VII|VIII|IX)$/;

/** "AVENUE DU ROI ALBERT" → "Avenue du Roi Albert"; "ROUTE PORTE DE L'OUEST" → "Route Porte de l'Ouest"; keeps "VII". */
export function titleCase(street: string): string {
	return street
		.toLowerCase()
		.split(' ')
		.map((word, i) => {
			const up = word.toUpperCase();
			if (i > 0 && LOWER_FR.has(up)) return word;
			if (ROMAN.test(up)) return up;
			const elided = /^([ld])'(.+)$/.exec(word); // l'ouest → l'Ouest, d'argent → d'Argent
			if (elided) return `${i === 0 ? elided[1].toUpperCase() : elided[1]}'${cap(elided[2])}`;
			return word.split('-').map(cap).join('-');
		})
		.join(' ');
}

function cap(w: string): string {
	return w ? w[0].toUpperCase() + w.slice(1) : w;
}

const STREET_TYPE_WORDS = new RegExp(`\\b(${FRENCH_TYPES}|${ENGLISH_TYPES})\\b`, 'g');

/**
 * What names a foreign street, with the spellings sources differ by taken out: accents, the street
 * type, particles and doubled letters. "Route Hervé de Sieyès" and "ROUTE HERVE SIEYES" →
 * "HERVESIEYES"; "ROUTE FERGUSSON" and "Route Ferguson" → "FERGUSON".
 */
export function foreignStreetCore(street: string): string {
	return street
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toUpperCase()
		.replace(STREET_TYPE_WORDS, ' ')
		.split(/[^A-Z0-9]+/)
		.filter((word) => word && !LOWER_FR.has(word))
		.join('')
		.replace(/([A-Z])\1+/g, '$1');
}

/** Whether two foreign street names surely name two streets: neither's core holds the other's ("Route Culty" is "Route Charles Culty"). */
export function differentForeignStreets(a: string, b: string): boolean {
	const [x, y] = [foreignStreetCore(a), foreignStreetCore(b)];
	return Boolean(x && y) && !x.includes(y) && !y.includes(x);
}

export interface ForeignNameProperties {
	/** French-form historic name (French Concession), e.g. "Avenue Joffre"; spelled as the source spells it, accents and all (or none). */
	name_fr: string | null;
	/** English-form historic name (International Settlement and extra-settlement roads), e.g. "Bubbling Well Road". */
	name_historic_en: string | null;
}

export interface ForeignNameRow {
	modern: string;
	foreign: string;
	kind: ForeignKind;
	votes: number;
	/** Buildings assigned to the modern street with a usable foreign address. */
	total: number;
	share: number;
}

export interface ForeignStats {
	points: number;
	parsed: number;
	/** Parsed points within `maxDistance` of a named OSM way. */
	assigned: number;
	/** Why addresses could not be used, with how many of each. */
	skipped: Record<string, number>;
}

export interface ForeignOptions {
	/** Metres: a building further than this from every named OSM way votes for nothing. */
	maxDistance?: number;
	minVotes?: number;
	/** The winner needs strictly more than this share of its street's votes. */
	minShare?: number;
	/** Metres: a building whose second-nearest street is less than this much further away than its nearest does not vote. */
	ambiguityMargin?: number;
}

export function attachForeignNames<P extends StreetProperties>(
	streets: StreetFeature<P>[],
	vsBuildings: Feature<Geometry | null, Record<string, unknown> | null>[],
	options: ForeignOptions = {}
): { features: StreetFeature<P & ForeignNameProperties>[]; table: ForeignNameRow[]; stats: ForeignStats } {
	const { maxDistance = 60, minVotes = 2, minShare = 0.5, ambiguityMargin = 10 } = options;
	const toXY = projector(meanLatitude(streets.map((s) => s.geometry.coordinates as Position[])));
	// Only named ways vote-collect: the vote is per modern street name.
	const grid = new SegmentGrid<string>(Math.max(50, maxDistance), maxDistance);
	for (const s of streets) if (s.properties.name) grid.addLine(s.geometry.coordinates.map((p) => toXY(p as Position)), s.properties.name);

	const stats: ForeignStats = { points: vsBuildings.length, parsed: 0, assigned: 0, skipped: {} };
	const skip = (why: string) => (stats.skipped[why] = (stats.skipped[why] ?? 0) + 1);
	const votes = new Map<string, Map<string, { kind: ForeignKind; n: number }>>();
	for (const b of vsBuildings) {
		if (b.geometry?.type !== 'Point') {
			skip('no point geometry');
			continue;
		}
		const parsed = parseForeignAddress(b.properties?.address);
		if ('skip' in parsed) {
			skip(parsed.skip.startsWith('no street type') ? 'no street type word (pinyin or incomplete)' : parsed.skip);
			continue;
		}
		stats.parsed++;
		const [x, y] = toXY(b.geometry.coordinates as Position);
		const nearest = new Map<string, number>(); // street name → distance of its closest way
		for (const seg of grid.near(x, y)) {
			const d = pointSegmentDistance(x, y, seg.a, seg.b);
			if (d <= maxDistance && d < (nearest.get(seg.owner) ?? Infinity)) nearest.set(seg.owner, d);
		}
		const [best, second] = [...nearest].sort((a, b) => a[1] - b[1]).map(([name, d]) => ({ name, d }));
		if (!best) {
			skip(`no named OSM way within ${maxDistance} m`);
			continue;
		}
		// A building about as close to two streets is a corner building, or one geocoded between them:
		// its vote would go to a crossing street as easily as to its own, so it does not vote.
		if (second && second.d - best.d < ambiguityMargin) {
			skip(`ambiguous: another street within ${ambiguityMargin} m of the nearest`);
			continue;
		}
		stats.assigned++;
		const forStreet = votes.get(best.name) ?? new Map();
		const label = titleCase(parsed.street);
		const v = forStreet.get(label) ?? { kind: parsed.kind, n: 0 };
		v.n++;
		forStreet.set(label, v);
		votes.set(best.name, forStreet);
	}

	const table: ForeignNameRow[] = [];
	for (const [modern, forStreet] of votes) {
		const total = [...forStreet.values()].reduce((a, v) => a + v.n, 0);
		const [foreign, top] = [...forStreet].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0];
		const share = top.n / total;
		if (top.n >= minVotes && share > minShare) table.push({ modern, foreign, kind: top.kind, votes: top.n, total, share: Math.round(share * 1000) / 1000 });
	}
	table.sort((a, b) => a.modern.localeCompare(b.modern, 'zh'));

	const byModern = new Map(table.map((r) => [r.modern, r]));
	const features = streets.map((s) => {
		const row = s.properties.name ? byModern.get(s.properties.name) : undefined;
		const extra: ForeignNameProperties = {
			name_fr: row?.kind === 'fr' ? row.foreign : null,
			name_historic_en: row?.kind === 'en' ? row.foreign : null
		};
		return { ...s, properties: { ...s.properties, ...extra } };
	});
	return { features, table, stats };
}
