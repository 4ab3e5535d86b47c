import { RefreshError, SuspectAnswerError } from './errors';
import { describePage, fetchWithRetry, hostOf, isHtml, type RetryPolicy } from './http';

export const DEFAULT_OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

export interface OsmElement {
	type: 'node' | 'way' | 'relation';
	id: number;
	tags?: Record<string, string>;
	[key: string]: unknown;
}

/** Overpass JSON (`[out:json]`), as far as a refresh relies on it. */
export interface OverpassAnswer {
	version?: number;
	generator?: string;
	osm3s?: { timestamp_osm_base?: string; copyright?: string };
	remark?: string;
	elements: OsmElement[];
	[key: string]: unknown;
}

/** Runs one query (POST, form field `data`, as the API documents) and returns its checked answer. */
export async function askOverpass(url: string, query: string, queryFile: string, retry: RetryPolicy): Promise<OverpassAnswer> {
	const answer = await fetchWithRetry(
		{ url, urlVariable: 'OVERPASS_URL' },
		{ method: 'POST', body: new URLSearchParams({ data: query }), headers: { accept: 'application/json' } },
		retry
	);
	return parseOverpass(answer.body, answer.contentType, hostOf(url), queryFile);
}

/**
 * Holds an answer to what `[out:json]` promises. Overpass reports a query that ran out of
 * time or memory with status 200, the elements found so far and a `remark`: such an answer
 * is partial, so it is refused rather than mistaken for the area's data.
 */
export function parseOverpass(body: string, contentType: string, host: string, queryFile: string): OverpassAnswer {
	if (body.trim() === '') throw new RefreshError(`${host} sent an empty answer to ${queryFile}: try again later.`);
	if (isHtml(body, contentType)) {
		throw new RefreshError(`${host} sent an HTML page instead of JSON for ${queryFile}: “${describePage(body, contentType)}”. Try later, or set OVERPASS_URL to another instance.`);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch (err) {
		throw new RefreshError(`${host}'s answer to ${queryFile} is not whole JSON (${(err as Error).message}; ${body.length} characters arrived): the answer was probably cut off; try again.`);
	}
	if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as OverpassAnswer).elements)) {
		throw new RefreshError(`${host}'s answer to ${queryFile} is JSON but not Overpass JSON (no "elements" list): check that OVERPASS_URL points at an Overpass API interpreter.`);
	}
	const answer = parsed as OverpassAnswer;
	if (typeof answer.remark === 'string' && /error/i.test(answer.remark)) {
		throw new RefreshError(`Overpass stopped ${queryFile} early: “${answer.remark.trim()}” (${answer.elements.length} elements arrived, which would be partial). Try later, or raise [timeout:…] in the query.`);
	}
	const bad = answer.elements.find((e) => !e || !['node', 'way', 'relation'].includes(e.type) || !Number.isInteger(e.id));
	if (bad) throw new RefreshError(`${host}'s answer to ${queryFile} holds an element that is not an OSM node, way or relation (${JSON.stringify(bad).slice(0, 80)}).`);
	return answer;
}

/** The refresh spec's `expect`: at least one element of that type carrying that tag. */
export function checkExpected(answer: OverpassAnswer, expect: { type: string; tag: string }, queryFile: string): void {
	if (answer.elements.some((e) => e.type === expect.type && e.tags?.[expect.tag] !== undefined)) return;
	const kinds = countTypes(answer.elements);
	throw new SuspectAnswerError(`the answer to ${queryFile} holds no ${expect.type} tagged ${expect.tag} (${kinds || 'no elements at all'}): the query or the area may be wrong`);
}

/** The data's date: the minute of the OSM database the answer was read from. */
export function osmBaseDate(answer: OverpassAnswer): string | null {
	const stamp = answer.osm3s?.timestamp_osm_base;
	return typeof stamp === 'string' && /^\d{4}-\d{2}-\d{2}/.test(stamp) ? stamp.slice(0, 10) : null;
}

function countTypes(elements: OsmElement[]): string {
	const counts = new Map<string, number>();
	for (const e of elements) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
	return [...counts].map(([type, n]) => `${n} ${type}${n > 1 ? 's' : ''}`).join(', ');
}
