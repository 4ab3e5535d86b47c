import { z } from 'zod';

/**
 * `data/sources/sources.json`: every file the pipeline reads, with where it came from, when,
 * under which terms, and its checksum. `npm run sources:check` holds the folder to it and
 * `npm run sources:refresh` rewrites it; the build refuses to start when the two disagree.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const sourceFile = z.object({
	/** Relative to the sources folder, with forward slashes. */
	path: z.string().min(1),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
	bytes: z.number().int().nonnegative()
});
export type SourceFile = z.infer<typeof sourceFile>;

/** How `sources:refresh` brings a source up to date; absent where the origin has no API we can call. */
export const refreshSpec = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('overpass'),
		/** The Overpass QL file beside the data, relative to the sources folder. */
		query: z.string().regex(/\.overpassql$/),
		/** How the answer is turned into the file's established format. */
		convert: z.enum(['overpass-json', 'osm-geojson', 'osm-boundary', 'metro-stations', 'metro-lines']),
		/** A kind of element every answer must hold (e.g. ways tagged highway). */
		expect: z.object({ type: z.enum(['node', 'way', 'relation']), tag: z.string() })
	}),
	z.object({
		kind: z.literal('wikidata'),
		/** The SPARQL file beside the data. */
		query: z.string().regex(/\.rq$/)
	}),
	z.object({
		kind: z.literal('shl'),
		/** The Shanghai Library open-data API's list endpoint and its fixed parameters (the key comes from SHL_API_KEY). */
		endpoint: z.string().url(),
		params: z.record(z.string(), z.string())
	})
]);
export type RefreshSpec = z.infer<typeof refreshSpec>;

export const sourceRecord = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	title: z.string().min(1),
	/** Every file of the source; empty for a source that waits for its first refresh. */
	files: z.array(sourceFile),
	/** Where a person finds the data: a page, an API, a query service. */
	origin: z.object({ url: z.string().url().nullable(), note: z.string().min(1) }),
	/** When the data was taken from its origin, and how that date is known. */
	retrieved: day.nullable(),
	retrieved_basis: z.string().min(1),
	/** The data's own date where the file states one (an Overpass answer's osm_base, say). */
	as_of: day.nullable(),
	licence: z.string().min(1),
	attribution: z.string().min(1),
	/** What a reuser must know beyond the licence's name. */
	terms: z.string().min(1),
	refresh: refreshSpec.nullable(),
	/** The pipeline builds without it (its layers wait for a refresh); otherwise a missing file stops the build. */
	optional: z.boolean().optional()
});
export type SourceRecord = z.infer<typeof sourceRecord>;

export const sourceManifest = z
	.object({
		$comment: z.string().optional(),
		sources: z.array(sourceRecord)
	})
	.superRefine((m, ctx) => {
		const ids = new Set<string>();
		const paths = new Map<string, string>();
		m.sources.forEach((s, i) => {
			if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `source id "${s.id}" is listed twice` });
			ids.add(s.id);
			for (const f of s.files) {
				const other = paths.get(f.path);
				if (other) ctx.addIssue({ code: 'custom', path: ['sources', i, 'files'], message: `${f.path} is listed by both ${other} and ${s.id}` });
				paths.set(f.path, s.id);
			}
		});
	});
export type SourceManifest = z.infer<typeof sourceManifest>;
