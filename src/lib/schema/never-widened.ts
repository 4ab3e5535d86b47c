import { z } from 'zod';

/**
 * One row of `data/never_widened_roads.csv`: a road named as 永不拓宽 (一类风貌保护道路)
 * or a candidate for it. Every row must say what it rests on; 'confirmed' is reserved for
 * rows whose `source` is a published list that names the road.
 */

export const NEVER_WIDENED_COLUMNS = ['name_zh', 'name_en', 'status', 'source', 'note', 'date'] as const;

export const NEVER_WIDENED_STATUSES = ['confirmed', 'unconfirmed'] as const;
export type NeverWidenedStatus = (typeof NEVER_WIDENED_STATUSES)[number];

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
	.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date is not a real calendar date');

export const neverWidenedRow = z.object({
	name_zh: z.string().trim().min(1, 'name_zh is empty').regex(/[\u4e00-\u9fff]/, 'name_zh must be a Chinese street name'),
	name_en: z.string().trim(),
	status: z.enum(NEVER_WIDENED_STATUSES, { message: `status must be one of ${NEVER_WIDENED_STATUSES.join('|')}` }),
	source: z.string().trim().min(1, 'source is empty: every row must say what it rests on'),
	note: z.string().trim(),
	date: isoDate
});

export type NeverWidenedEntry = z.infer<typeof neverWidenedRow>;
