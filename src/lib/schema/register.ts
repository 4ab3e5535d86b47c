import { z } from 'zod';
import { NEWSLETTER_KEY } from './bibliography';
import { FACILITY_CATEGORY_KEYS, PROJECT_STATUSES } from './vocabulary';

export { FACILITY_CATEGORIES, FACILITY_CATEGORY_KEYS, PROJECT_STATUSES, type FacilityCategory, type ProjectStatus } from './vocabulary';

/**
 * The project's registers (data/registers/*.json): sites named by the subdistrict newsletters,
 * by public pages, or by the offices' own register files brought in with `npm run register --
 * import`. Every record and every status event says where it was read (its citation). Points
 * come from the geocoder at build time unless a record pins coordinates with a cited source or
 * carries the placement its import reviewed. Totals without sites live in data/districts.json.
 */

/** A register file brought in by `npm run register -- import` (its file, sheet and row are in `imported`). */
export const IMPORT_SOURCE = 'import';
const WEB_SOURCE = /^https?:\/\/[^\s]+$/;
const date = z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const text = z.string().trim().min(1);

/** How far a public page is to be trusted: H an official or primary page, M reputable media or a copy of it, L a blog or unknown site. */
export const SOURCE_STRENGTHS = ['H', 'M', 'L'] as const;
export type SourceKind = 'newsletter' | 'web' | 'import';

export function sourceKind(source: string): SourceKind | null {
	if (NEWSLETTER_KEY.test(source)) return 'newsletter';
	if (WEB_SOURCE.test(source)) return 'web';
	if (source === IMPORT_SOURCE) return 'import';
	return null;
}

/** Where an imported row came from: what a clerk needs to find it again in their own file. */
export const importedFrom = z.object({
	file: text,
	sheet: text.nullable(),
	/** The row as the spreadsheet shows it (the header is row 1). */
	row: z.number().int().min(2),
	/** The day it was imported. */
	date: day
});
export type ImportedFrom = z.infer<typeof importedFrom>;

/**
 * Where a fact was read. `source` says which kind of citation it is, and each kind carries its own:
 * a newsletter (its key in data/bibliography.json) the words it says; a public page (its URL) the words, the day it
 * was read, how strong the source is and who published it; an import ("import") the file, sheet
 * and row. Checked by `citationIssues`, since zod cannot extend a refined object.
 */
const cited = z.object({
	source: text,
	date,
	/** How the date was inferred, where the article prints none. */
	date_basis: text.optional(),
	quote: text.optional(),
	read: day.optional(),
	strength: z.enum(SOURCE_STRENGTHS).optional(),
	publisher: text.optional(),
	imported: importedFrom.optional()
});
type Citation = z.infer<typeof cited>;

function citationIssues(c: Citation, path: (string | number)[], ctx: z.RefinementCtx): void {
	const issue = (message: string, key: string) => ctx.addIssue({ code: 'custom', message, path: [...path, key] });
	const kind = sourceKind(c.source);
	if (kind === null) return issue('must name a newsletter by its key in data/bibliography.json ("tianping-2021-people-city"), a public page (https://…) or "import"', 'source');
	if (kind !== 'import' && !c.quote) issue(`a ${kind === 'newsletter' ? 'newsletter' : 'public page'} is cited with its own words: quote is missing`, 'quote');
	if (kind === 'web') {
		if (!c.read) issue('a public page is cited with the day it was read (read: YYYY-MM-DD)', 'read');
		if (!c.strength) issue('a public page is cited with its strength (H, M or L)', 'strength');
	} else {
		for (const key of ['read', 'strength', 'publisher'] as const) if (c[key] !== undefined) issue(`only a public page carries ${key}`, key);
	}
	if (kind === 'import' && !c.imported) issue('an imported record says where it came from (imported: file, sheet, row, date)', 'imported');
	if (kind !== 'import' && c.imported) issue('only an imported record carries imported', 'imported');
}

/** Checks the citation of a record and of each of its status events. */
function checkCitations(r: Citation & { status_history?: Citation[] }, ctx: z.RefinementCtx): void {
	citationIssues(r, [], ctx);
	r.status_history?.forEach((e, i) => citationIssues(e, ['status_history', i], ctx));
}

/** Coordinates a record may carry instead of its address, with where they come from. */
const pin = z.object({
	lon: z.number().finite().min(73).max(136),
	lat: z.number().finite().min(3).max(54),
	crs: z.enum(['WGS84', 'GCJ02', 'BD09']),
	source: text
});

/**
 * Where an import placed an address-only row, as its review saw it: the build publishes this
 * point rather than geocoding again, so what was reviewed is what the map shows.
 */
const placement = z.object({
	lon: z.number().finite().min(73).max(136),
	lat: z.number().finite().min(3).max(54),
	method: z.enum(['exact', 'interpolated', 'street']),
	confidence: z.number().min(0).max(1),
	note: text,
	/** Confirmed by a person although the geocoder was unsure or the point lies outside the district. */
	confirmed: z.boolean().optional()
});

const baseRecord = cited.extend({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
	district: z.enum(['tianping', 'hunan']),
	name_zh: text,
	/** An English name where a source gives one; never made up (the map falls back to the Chinese). */
	name_en: text.optional(),
	/** As the source writes it; null where it names the place without an address. */
	address: text.nullable(),
	/** The newsletter that writes the address, where it is not the record's own source (its bibliography key). */
	address_source: z.string().regex(NEWSLETTER_KEY, 'must name a newsletter by its bibliography key, e.g. "tianping-2021-people-city"').optional(),
	pin: pin.optional(),
	placement: placement.optional(),
	note_zh: text.optional(),
	note_en: text.optional()
});

const statusEvent = cited.extend({ status: z.enum(PROJECT_STATUSES) });

/** A project's status is its latest event; events must follow the lifecycle's order. */
const project = baseRecord.extend({
	status_history: z.array(statusEvent).min(1)
}).refine(
	(r) => r.status_history.every((e, i, all) => i === 0 || PROJECT_STATUSES.indexOf(all[i - 1].status) <= PROJECT_STATUSES.indexOf(e.status)),
	{ message: 'status_history must follow consultation → design → construction → completed', path: ['status_history'] }
);

export const elevatorRecord = z
	.union([project.and(z.object({ kind: z.literal('retrofit'), entrances: z.number().int().positive().optional() })), baseRecord.extend({ kind: z.literal('guidance-centre') })])
	.superRefine(checkCitations);

export const sprinklerRecord = project.and(z.object({ kind: z.literal('installation') })).superRefine(checkCitations);

export const chargingRecord = project.and(z.object({ kind: z.enum(['cabinet', 'estate-site']) })).superRefine(checkCitations);

/** A published number about one site (e.g. 71 stalls), kept with its words. */
const fact = z.object({ key: z.string().regex(/^[a-z0-9_]+$/), value: z.number().finite(), unit: text, quote: text });

export const facilityRecord = baseRecord
	.extend({
		category: z.enum(FACILITY_CATEGORY_KEYS),
		/** Every category the place serves, its main one first (a 邻里汇 is also a canteen). */
		categories: z.array(z.enum(FACILITY_CATEGORY_KEYS)).min(1),
		facts: z.array(fact).optional()
	})
	.refine((r) => r.categories[0] === r.category, { message: 'categories must start with category', path: ['categories'] })
	.superRefine(checkCitations);

export type ElevatorRecord = z.infer<typeof elevatorRecord>;
export type SprinklerRecord = z.infer<typeof sprinklerRecord>;
export type ChargingRecord = z.infer<typeof chargingRecord>;
export type FacilityRecord = z.infer<typeof facilityRecord>;
export type RegisterRecord = ElevatorRecord | SprinklerRecord | ChargingRecord | FacilityRecord;

export const registerFile = z.object({
	register: z.enum(['elevator-retrofits', 'fire-sprinklers', 'charging-sites', 'facilities']),
	records: z.array(z.unknown())
});
export type RegisterId = z.infer<typeof registerFile>['register'];

export const REGISTER_SCHEMAS: Record<RegisterId, z.ZodType<RegisterRecord>> = {
	'elevator-retrofits': elevatorRecord,
	'fire-sprinklers': sprinklerRecord,
	'charging-sites': chargingRecord,
	facilities: facilityRecord
};
