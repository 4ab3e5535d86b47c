import { z } from 'zod';

/**
 * zod schemas for Overpass JSON (`[out:json]`), as far as the streets stage relies on it.
 * Loose about everything it does not read, so extra upstream fields never break the build.
 */

/** The file: any object with an `elements` array. Anything else is a whole-file problem. */
export const overpassFile = z.looseObject({ elements: z.array(z.unknown()) });

const osmId = z.number().int().positive();

export const overpassNode = z.looseObject({
	type: z.literal('node'),
	id: osmId,
	lat: z.number().finite().min(-90).max(90),
	lon: z.number().finite().min(-180).max(180)
});

/** Values of `oneway` we can turn into a boolean; anything else (e.g. "yes;no") is reported, not guessed. */
export const ONEWAY_VALUES = ['yes', 'true', '1', '-1', 'no', 'false', '0', 'reversible', 'alternating'] as const;

export const overpassWay = z.looseObject({
	type: z.literal('way'),
	id: osmId,
	nodes: z.array(osmId),
	/** Known keys are checked for meaning; every other key must still be a string, as OSM tags are. */
	tags: z
		.object({
			highway: z.string({ message: 'missing highway tag' }).trim().min(1, 'missing highway tag'),
			oneway: z.enum(ONEWAY_VALUES, { message: `oneway must be one of ${ONEWAY_VALUES.join('|')}` }).optional(),
			lanes: z.string().regex(/^[1-9]\d?$/, 'lanes must be a whole number 1–99').optional()
		})
		.catchall(z.string({ message: 'tag values must be strings' }))
});

export type OverpassNode = z.infer<typeof overpassNode>;
export type OverpassWay = z.infer<typeof overpassWay>;
