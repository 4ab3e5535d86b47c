import { z } from 'zod';

/**
 * The newsletters the portal cites (data/bibliography.json). A record cites one by its key; the
 * file it lives in (data/sources/newsletters/<file>) is for the build and the tests only: pages,
 * downloads and the API show the headline and the date.
 */

export const NEWSLETTER_KEY = /^[a-z]+-\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;
/** How a newsletter's file is named in data/sources/newsletters: never shown to a reader. */
export const NEWSLETTER_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;

export const DATE_BASIS_KINDS = ['stated', 'latest-event', 'inferred'] as const;
export type DateBasisKind = (typeof DATE_BASIS_KINDS)[number];

const text = z.string().trim().min(1);

export const bibliographyEntry = z.object({
	key: z.string().regex(NEWSLETTER_KEY, 'a key is lower-case words: issuer-year-subject'),
	file: z.string().regex(NEWSLETTER_FILE, 'a file of data/sources/newsletters, e.g. 003_56d26621740f9aa2.txt'),
	/** The newsletter's own headline, word for word. */
	headline: text,
	/** The project's translation of the headline. */
	headline_en: text,
	issuer: z.object({
		/** The district of data/districts.json, or null for a subdistrict the portal does not cover. */
		district: z.string().nullable(),
		zh: text,
		en: text
	}),
	date: z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
	/** How the date was read from the text, with the newsletter's words it rests on. */
	date_basis: z.object({ kind: z.enum(DATE_BASIS_KINDS), zh: text, en: text, quotes: z.array(text).min(1) }),
	language: z.enum(['zh', 'en'])
});

export const bibliography = z
	.object({ $comment: z.string().optional(), entries: z.array(bibliographyEntry).min(1) })
	.refine((b) => new Set(b.entries.map((e) => e.key)).size === b.entries.length, { message: 'keys must be unique' })
	.refine((b) => new Set(b.entries.map((e) => e.file)).size === b.entries.length, { message: 'one entry per newsletter file' });

export type BibliographyEntry = z.infer<typeof bibliographyEntry>;
export type Bibliography = z.infer<typeof bibliography>;

/** What a reader sees of a citation: the headline and the date, never the file. */
export interface CitedNewsletter {
	key: string;
	headline: string;
	headline_en: string;
	issuer_zh: string;
	issuer_en: string;
	date: string;
}

export function citedNewsletter(e: BibliographyEntry): CitedNewsletter {
	return { key: e.key, headline: e.headline, headline_en: e.headline_en, issuer_zh: e.issuer.zh, issuer_en: e.issuer.en, date: e.date };
}

/** One line for a table cell, a CSV column or a panel: “headline” (issuer, date). */
export function citationText(e: Pick<CitedNewsletter, 'headline' | 'issuer_zh' | 'date'>): string {
	return `“${e.headline}”（${e.issuer_zh}，${e.date}）`;
}
