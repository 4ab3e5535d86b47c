import { z } from 'zod';

/**
 * One row of `data/never_widened_roads.csv`: a road that may be one of Shanghai's 64 first-class
 * protected roads (一类风貌保护道路, "永不拓宽"). Every row says what it rests on (`source`) and
 * holds one of three states:
 *
 * - `confirmed`: an official list names the road (none is in hand yet). Cited like a reported road,
 *   and the list is a primary source, so its strength is H.
 * - `reported`: a public source (news, a government page, a copy of one) names the road as one of
 *   the 64 or as never to be widened, in its own words. The row carries the page (`source_url`),
 *   those words (`quote`), the day they were read (`read`), the source's strength (H/M/L, as in
 *   data/registers) and, where the page copies another, the original `publisher`. A road named
 *   only collectively ("64条马路") is not reported.
 * - `candidate`: commonly named, not yet confirmed or reported; carries no citation.
 *
 * `between` limits a row to the stretch of the road between two cross streets ("常熟路–陕西南路"),
 * where the source names only that stretch.
 */

export const NEVER_WIDENED_COLUMNS = ['name_zh', 'name_en', 'status', 'source', 'note', 'date', 'source_url', 'quote', 'read', 'strength', 'publisher', 'between'] as const;

export const NEVER_WIDENED_STATUSES = ['confirmed', 'reported', 'candidate'] as const;
export type NeverWidenedStatus = (typeof NEVER_WIDENED_STATUSES)[number];

/** The same scale as the registers' public pages (src/lib/schema/register.ts SOURCE_STRENGTHS). */
export const NEVER_WIDENED_STRENGTHS = ['H', 'M', 'L'] as const;

/** The columns a confirmed or reported road is cited with, and a candidate leaves empty. */
const CITATION = ['source_url', 'quote', 'read', 'strength'] as const;

const isoDate = (what: string) =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be YYYY-MM-DD`)
		.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${what} is not a real calendar date`);

/** Empty cells of the optional columns read as null. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v), schema.nullable());

/** Words that put a road among the 64 or say it is never to be widened. */
const NAMES_THE_64 = /64|sixty-four|永不拓[宽寬]|never/i;

const CHINESE = /[\u4e00-\u9fff]/;
const BETWEEN = /^\s*([^\s–—-]+)\s*[–—-]\s*([^\s–—-]+)\s*$/;

/** The two cross streets of a `between` cell ("常熟路–陕西南路"), or null when it is not two names. */
export function parseBetween(cell: string): [string, string] | null {
	const m = BETWEEN.exec(cell);
	return m && CHINESE.test(m[1]) && CHINESE.test(m[2]) && m[1] !== m[2] ? [m[1], m[2]] : null;
}

export const neverWidenedRow = z
	.object({
		name_zh: z.string().trim().min(1, 'name_zh is empty').regex(CHINESE, 'name_zh must be a Chinese street name'),
		name_en: z.string().trim(),
		status: z.enum(NEVER_WIDENED_STATUSES, { message: `status must be one of ${NEVER_WIDENED_STATUSES.join('|')}` }),
		source: z.string().trim().min(1, 'source is empty: every row must say what it rests on'),
		note: z.string().trim(),
		date: isoDate('date'),
		source_url: optional(z.string().regex(/^https?:\/\/\S+$/, 'source_url must be a web address (https://…)')),
		quote: optional(z.string()),
		read: optional(isoDate('read')),
		strength: optional(z.enum(NEVER_WIDENED_STRENGTHS, { message: `strength must be one of ${NEVER_WIDENED_STRENGTHS.join('|')}` })),
		publisher: optional(z.string()),
		between: optional(z.string().refine((v) => parseBetween(v) !== null, 'between must name two cross streets, e.g. "常熟路–陕西南路"'))
	})
	.superRefine((row, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (row.status === 'candidate') {
			for (const key of [...CITATION, 'publisher'] as const) if (row[key] !== null) issue(key, `a candidate carries no citation: leave ${key} empty, or make the row reported`);
			return;
		}
		const missing: Record<(typeof CITATION)[number], string> = {
			source_url: 'the page that names it',
			quote: 'the words that name it',
			read: 'the day those words were read',
			strength: 'how strong the source is (H, M or L)'
		};
		for (const key of CITATION) if (row[key] === null) issue(key, `a ${row.status} road is cited with ${missing[key]}: ${key} is empty`);
		if (row.quote !== null) {
			const names = [row.name_zh, row.name_en].filter(Boolean).map((n) => n.toLowerCase());
			if (!names.some((n) => row.quote!.toLowerCase().includes(n))) issue('quote', `the quote does not name the road (neither "${row.name_zh}" nor "${row.name_en}" is in it): a road named only collectively is a candidate`);
			if (!NAMES_THE_64.test(row.quote)) issue('quote', 'the quote does not say the road is one of the 64 or never to be widened');
		}
		if (row.status === 'confirmed' && row.strength !== null && row.strength !== 'H') issue('strength', 'confirmed means an official list: its strength is H (otherwise the road is reported)');
	});

export type NeverWidenedEntry = z.infer<typeof neverWidenedRow>;
