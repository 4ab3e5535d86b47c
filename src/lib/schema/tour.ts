import { z } from 'zod';
import { TOUR_LAYERS } from './vocabulary';

export { TOUR_LAYERS } from './vocabulary';

const text = z.string().trim().min(1);

export const tourStop = z.object({
	layer: z.enum(TOUR_LAYERS),
	id: text,
	/** The stop's name on the tour, where the layer's is generic (住宅) or English names an old function. */
	title_zh: text.optional(),
	title_en: text,
	/** Why the stop matters, written by the project (facts from the layer's sources, never copied text). */
	why_zh: text,
	why_en: text
});

export const tour = z.object({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	title_zh: text,
	title_en: text,
	summary_zh: text,
	summary_en: text,
	/** What the tour grew from, e.g. a seed naming the subdistrict's own walk. */
	inspired_by: text.optional(),
	stops: z.array(tourStop).min(2).max(12)
});

export const tourFile = z.object({ tours: z.array(z.unknown()) });

export type Tour = z.infer<typeof tour>;
export type TourStop = z.infer<typeof tourStop>;
