import { RefreshError, SuspectAnswerError } from './errors';
import { describePage, fetchWithRetry, hostOf, isHtml, type RetryPolicy } from './http';

export const DEFAULT_WIKIDATA_SPARQL_URL = 'https://query.wikidata.org/sparql';

/** Wikimedia asks every client to name itself and a way to reach its authors (User-Agent policy). */
export const USER_AGENT = 'HengfuHeritageMap/0.1 (npm run sources:refresh of an offline heritage map of the Hengfu area, Shanghai) Node.js';

/** One value of a SPARQL result row (W3C SPARQL 1.1 Query Results JSON). */
export interface SparqlValue {
	type: 'uri' | 'literal' | 'bnode' | 'typed-literal';
	value: string;
	datatype?: string;
	'xml:lang'?: string;
}

export interface SparqlResults {
	head: { vars: string[] };
	results: { bindings: Array<Record<string, SparqlValue>> };
}

export async function askWikidata(url: string, query: string, queryFile: string, retry: RetryPolicy): Promise<SparqlResults> {
	// POST, so a long query never meets a URL length limit; the service accepts both.
	const answer = await fetchWithRetry(
		{ url, urlVariable: 'WIKIDATA_SPARQL_URL' },
		{
			method: 'POST',
			body: new URLSearchParams({ query }),
			headers: { accept: 'application/sparql-results+json', 'user-agent': USER_AGENT }
		},
		retry
	);
	return parseSparql(answer.body, answer.contentType, hostOf(url), queryFile);
}

/**
 * The query service streams its answer: a query that times out midway leaves a 200 answer cut
 * off in the middle of the JSON (with a Java exception after it), which JSON.parse refuses.
 */
export function parseSparql(body: string, contentType: string, host: string, queryFile: string): SparqlResults {
	if (body.trim() === '') throw new RefreshError(`${host} sent an empty answer to ${queryFile}: try again later.`);
	if (isHtml(body, contentType)) throw new RefreshError(`${host} sent an HTML page instead of SPARQL results for ${queryFile}: “${describePage(body, contentType)}”. Try later.`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch (err) {
		throw new RefreshError(`${host}'s answer to ${queryFile} is not whole JSON (${(err as Error).message}): the query probably timed out midway; try again, or narrow the query.`);
	}
	const results = parsed as SparqlResults;
	if (!Array.isArray(results?.head?.vars) || !Array.isArray(results?.results?.bindings)) {
		throw new RefreshError(`${host}'s answer to ${queryFile} is not SPARQL results JSON (no head.vars / results.bindings): check WIKIDATA_SPARQL_URL.`);
	}
	return results;
}

/** Every row the file needs has an item and its coordinates; an answer with none of them is not the list. */
export function checkPlaces(results: SparqlResults, queryFile: string): void {
	if (results.results.bindings.some((row) => row.item?.value && row.coords?.value)) return;
	throw new SuspectAnswerError(`the answer to ${queryFile} holds no row with both ?item and ?coords (${results.results.bindings.length} rows): the query may be wrong`);
}
