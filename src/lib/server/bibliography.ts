/**
 * The newsletters the portal cites (data/bibliography.json), for the pages and the API: a key
 * becomes its headline and date; the file name stays in the data.
 */
import { bibliographyPath, loadBibliography } from '../../../scripts/pipeline/bibliography';
import { citationText, citedNewsletter, type BibliographyEntry, type CitedNewsletter } from '../schema/bibliography';

export function bibliographyEntries(): BibliographyEntry[] {
	return loadBibliography(bibliographyPath()).entries;
}

export function newsletterCitations(): Map<string, CitedNewsletter> {
	return new Map(bibliographyEntries().map((e) => [e.key, citedNewsletter(e)]));
}

/** A citation as a reader sees it: a newsletter's headline and date, anything else as it is. */
export function citationOf(source: string, cited = newsletterCitations()): string {
	const n = cited.get(source);
	return n ? citationText(n) : source;
}
