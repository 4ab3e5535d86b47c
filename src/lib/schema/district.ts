import { z } from 'zod';

/** The map's choice of every district a build covers (`d=all`). */
export const ALL_DISTRICTS = 'all';

/** A figure the subdistrict published, with where it was published. */
export const publishedFigure = z.object({
	key: z.string().regex(/^[a-z0-9_]+$/),
	value: z.number().finite(),
	unit: z.string(),
	label_zh: z.string().min(1),
	label_en: z.string().min(1),
	source: z.string().min(1),
	quote: z.string().min(1),
	date: z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/),
	date_basis: z.string().optional(),
	/** The seed's own hedge ("5800多个" = more than 5,800): shown with the number, never dropped. */
	qualifier: z.enum(['more than', 'nearly', 'about']).optional(),
	/** The registry layer this total belongs to, where the seed gives a total but no sites. */
	layer: z.string().optional()
});

export const district = z.object({
	id: z.string().regex(/^[a-z][a-z0-9-]*$/),
	name_zh: z.string().min(1),
	name_en: z.string().min(1),
	/** Id of the manifest source holding the boundary polygon. */
	boundary_source: z.string().min(1),
	context_buffer_m: z.number().positive().max(2000),
	figures: z.array(publishedFigure)
});

export const districtRegistry = z
	.object({ default: z.string(), districts: z.array(district).min(1) })
	.refine((r) => r.districts.some((d) => d.id === r.default), { message: 'default names no district in the registry' })
	.refine((r) => new Set(r.districts.map((d) => d.id)).size === r.districts.length, { message: 'district ids must be unique' });

export type District = z.infer<typeof district>;
export type PublishedFigure = z.infer<typeof publishedFigure>;
export type DistrictRegistry = z.infer<typeof districtRegistry>;
