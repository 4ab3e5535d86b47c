import { z } from 'zod';
import { FACILITY_CATEGORY_KEYS, PROJECT_STATUSES } from './vocabulary';

export { FACILITY_CATEGORIES, FACILITY_CATEGORY_KEYS, PROJECT_STATUSES, type FacilityCategory, type ProjectStatus } from './vocabulary';

/**
 * The project's own registers (data/registers/*.json): sites the subdistrict newsletters
 * name, each with its seed, the article's date and the address exactly as the seed writes
 * it. Points come from the geocoder at build time unless a record pins coordinates with a
 * cited source. Totals the seeds give without sites live in data/districts.json as figures.
 */

export const SEED_REF = /^seed \d{3}_[0-9a-f]{16}\.txt$/;
const seedRef = z.string().regex(SEED_REF, 'must name a seed file, e.g. "seed 003_56d26621740f9aa2.txt"');
const date = z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1);

/** Where a fact was read: the seed, the article's date, and the words themselves. */
const cited = z.object({
	source: seedRef,
	date,
	/** How the date was inferred, where the article prints none. */
	date_basis: text.optional(),
	quote: text
});

/** Coordinates a record may carry instead of its address, with where they come from. */
const pin = z.object({
	lon: z.number().finite().min(73).max(136),
	lat: z.number().finite().min(3).max(54),
	crs: z.enum(['WGS84', 'GCJ02', 'BD09']),
	source: text
});

const baseRecord = cited.extend({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
	district: z.enum(['tianping', 'hunan']),
	name_zh: text,
	name_en: text,
	/** As the seed writes it; null where the seed names the place without an address. */
	address: text.nullable(),
	/** The seed that writes the address, where it is not the record's own source. */
	address_source: seedRef.optional(),
	pin: pin.optional(),
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

export const elevatorRecord = z.union([
	project.and(z.object({ kind: z.literal('retrofit'), entrances: z.number().int().positive().optional() })),
	baseRecord.extend({ kind: z.literal('guidance-centre') })
]);

export const sprinklerRecord = project.and(z.object({ kind: z.literal('installation') }));

export const chargingRecord = project.and(z.object({ kind: z.enum(['cabinet', 'estate-site']) }));


/** A published number about one site (e.g. 71 stalls), kept with its words. */
const fact = z.object({ key: z.string().regex(/^[a-z0-9_]+$/), value: z.number().finite(), unit: text, quote: text });

export const facilityRecord = baseRecord.extend({
	category: z.enum(FACILITY_CATEGORY_KEYS),
	/** Every category the place serves, its main one first (a 邻里汇 is also a canteen). */
	categories: z.array(z.enum(FACILITY_CATEGORY_KEYS)).min(1),
	facts: z.array(fact).optional()
}).refine((r) => r.categories[0] === r.category, { message: 'categories must start with category', path: ['categories'] });

export type ElevatorRecord = z.infer<typeof elevatorRecord>;
export type SprinklerRecord = z.infer<typeof sprinklerRecord>;
export type ChargingRecord = z.infer<typeof chargingRecord>;
export type FacilityRecord = z.infer<typeof facilityRecord>;
export type RegisterRecord = ElevatorRecord | SprinklerRecord | ChargingRecord | FacilityRecord;

/** A register file: which register, and its records (validated one by one, so one bad record never hides the rest). */
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
