import { RefreshError, SuspectAnswerError } from './errors';
import { describePage, fetchWithRetry, hostOf, isHtml, type RetryPolicy } from './http';

/** A record of the Shanghai Library's architecture list, as its API sends it; `uri` is its stable id. */
export type ShlRecord = Record<string, unknown> & { uri: string };

export interface ShlRequest {
	/** The list endpoint (getArchitectures) and its fixed parameters, from the manifest. */
	endpoint: string;
	params: Record<string, string>;
	/** SHL_API_URL: another server for the same API (a bare origin keeps the endpoint's path). */
	urlOverride?: string;
	/** SHL_API_KEY. */
	key: string;
	pageSize: number;
}

/** A guard against a pager that never ends; the list has about 1,100 records. */
const MAX_PAGES = 500;

/**
 * Reads the whole list, page after page: `{result: "0", data: [...], pager: {rowCount, pageCount}}`.
 * A record repeated on a later page (the list shifting while it is read) is kept once.
 */
export async function askShl(request: ShlRequest, retry: RetryPolicy): Promise<ShlRecord[]> {
	const endpoint = endpointUrl(request.endpoint, request.urlOverride);
	const host = hostOf(endpoint);
	const records = new Map<string, ShlRecord>();
	let pageCount = 1;
	for (let page = 1; page <= pageCount && page <= MAX_PAGES; page++) {
		const url = new URL(endpoint);
		for (const [k, v] of Object.entries(request.params)) url.searchParams.set(k, v);
		url.searchParams.set('pageth', String(page));
		url.searchParams.set('pageSize', String(request.pageSize));
		url.searchParams.set('key', request.key);
		const answer = await fetchWithRetry({ url: url.href, urlVariable: 'SHL_API_URL' }, { headers: { accept: 'application/json' } }, retry);
		const parsed = parseShlPage(answer.body, answer.contentType, host, page);
		pageCount = parsed.pageCount;
		for (const record of parsed.records) if (!records.has(record.uri)) records.set(record.uri, record);
		if (parsed.records.length === 0) break;
	}
	return [...records.values()];
}

export function parseShlPage(body: string, contentType: string, host: string, page: number): { records: ShlRecord[]; pageCount: number } {
	const where = `${host}'s page ${page} of getArchitectures`;
	if (body.trim() === '') throw new RefreshError(`${where} is empty: try again later.`);
	if (isHtml(body, contentType)) throw new RefreshError(`${where} is an HTML page, not JSON: “${describePage(body, contentType)}”. Check SHL_API_URL.`);
	let parsed: { result?: unknown; msg?: unknown; message?: unknown; data?: unknown; pager?: { pageCount?: unknown } };
	try {
		parsed = JSON.parse(body);
	} catch (err) {
		throw new RefreshError(`${where} is not whole JSON (${(err as Error).message}): the answer was probably cut off; try again.`);
	}
	if (String(parsed?.result) !== '0') {
		const said = [parsed?.msg, parsed?.message].find((m) => typeof m === 'string' && m) ?? JSON.stringify(body.slice(0, 120));
		throw new RefreshError(`${where} reports result ${JSON.stringify(parsed?.result ?? null)} (${said}): check SHL_API_KEY.`);
	}
	if (!Array.isArray(parsed.data)) throw new RefreshError(`${where} has no "data" list: check SHL_API_URL.`);
	const bad = parsed.data.findIndex((r) => typeof (r as ShlRecord)?.uri !== 'string' || !(r as ShlRecord).uri);
	if (bad >= 0) throw new RefreshError(`${where}: record ${bad + 1} has no uri, so it cannot be matched with the file's records.`);
	const pageCount = Number(parsed.pager?.pageCount);
	return { records: parsed.data as ShlRecord[], pageCount: Number.isInteger(pageCount) && pageCount > 0 ? pageCount : page };
}

/** An answer that is the list has records of buildings: a name and a type at least. */
export function checkShl(records: ShlRecord[]): void {
	if (records.some((r) => typeof r.nameS === 'string' && typeof r.type === 'string')) return;
	throw new SuspectAnswerError(`the Shanghai Library answered ${records.length} records, none with a name (nameS) and a type: the parameters may be wrong`);
}

function endpointUrl(endpoint: string, override: string | undefined): string {
	if (!override) return endpoint;
	const target = new URL(override);
	if (target.pathname !== '/' && target.pathname !== '') return target.href;
	const original = new URL(endpoint);
	return new URL(original.pathname, target).href;
}
