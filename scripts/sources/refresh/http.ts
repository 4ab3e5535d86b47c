import { STATUS_CODES } from 'node:http';
import { OfflineError, RefreshError } from './errors';

/** How long and how often to wait for a busy origin; tests inject `sleep` and `now` so they never wait. */
export interface RetryPolicy {
	/** Attempts in all, the first included. */
	tries: number;
	/** The most this run waits between attempts, summed. */
	maxTotalWaitMs: number;
	/** The wait before the second attempt when the origin sends no Retry-After; doubles each time. */
	backoffMs: number;
	/** One request's limit, the answer included (Overpass queries here allow the server up to 300 s). */
	timeoutMs: number;
	sleep: (ms: number) => Promise<void>;
	/** Milliseconds since the epoch, for Retry-After given as an HTTP date. */
	now: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	tries: 4,
	maxTotalWaitMs: 120_000,
	backoffMs: 10_000,
	timeoutMs: 600_000,
	sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
	now: () => Date.now()
};

export interface HttpAnswer {
	status: number;
	contentType: string;
	body: string;
	/** Each wait before a retry, in ms, in order. */
	waits: number[];
}

export interface Origin {
	url: string;
	/** The environment variable that points elsewhere, named in advice ("set OVERPASS_URL to another instance"). */
	urlVariable: string;
}

/** Statuses a busy origin sends and that pass with time: Overpass uses both. */
const RETRIED = new Set([429, 504]);

/**
 * One request, retried while the origin answers 429 or 504 (honouring Retry-After), within
 * `policy`. Any other status ≥ 400 is a RefreshError quoting the origin's page; a connection
 * that never opens is an OfflineError. Answers with status < 400 are returned whole.
 */
export async function fetchWithRetry(origin: Origin, init: RequestInit, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpAnswer> {
	const host = hostOf(origin.url);
	const waits: number[] = [];
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const response = await send(origin.url, init, policy, host);
		const body = await readBody(response, host);
		const contentType = response.headers.get('content-type') ?? '';
		if (response.status < 400) return { status: response.status, contentType, body, waits };
		const status = `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trim();
		if (!RETRIED.has(response.status)) {
			const advice = response.status >= 500 ? `try later, or set ${origin.urlVariable} to another instance` : 'check the query and the address';
			throw new RefreshError(`${host} answered ${status}${quote(describePage(body, contentType))}: ${advice}.`);
		}
		if (attempt >= policy.tries) {
			throw new RefreshError(`${host} kept answering ${status} after ${attempt} tries: try later, or set ${origin.urlVariable} to another instance.`);
		}
		const wait = retryAfter(response.headers.get('retry-after'), policy.now()) ?? policy.backoffMs * 2 ** (attempt - 1);
		if (waited + wait > policy.maxTotalWaitMs) {
			throw new RefreshError(
				`${host} answered ${status} and asked to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.round((policy.maxTotalWaitMs - waited) / 1000)} s left of this run's ${Math.round(policy.maxTotalWaitMs / 1000)} s: try later, or set ${origin.urlVariable} to another instance.`
			);
		}
		waits.push(wait);
		waited += wait;
		await policy.sleep(wait);
	}
}

async function send(url: string, init: RequestInit, policy: RetryPolicy, host: string): Promise<Response> {
	try {
		return await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
	} catch (err) {
		throw connectionError(err, host, policy.timeoutMs);
	}
}

async function readBody(response: Response, host: string): Promise<string> {
	try {
		return await response.text();
	} catch (err) {
		// The connection broke mid-answer: what arrived is incomplete, so none of it is kept.
		throw new RefreshError(`the connection to ${host} broke while the answer arrived (${errorCode(err) ?? (err as Error).message}): try again.`);
	}
}

/** Codes that mean the request never reached a server: say "no network?" rather than a stack trace. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function connectionError(err: unknown, host: string, timeoutMs: number): RefreshError {
	if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
		return new RefreshError(`${host} did not answer within ${Math.round(timeoutMs / 1000)} s: try later.`);
	}
	const code = errorCode(err);
	if (code && UNREACHABLE.has(code)) return new OfflineError(host, code);
	return new RefreshError(`the request to ${host} failed (${code ?? (err as Error).message}): try again.`);
}

/** undici wraps the socket's error in `cause`, sometimes as an AggregateError of one per address. */
function errorCode(err: unknown): string | undefined {
	const cause = (err as { cause?: { code?: string; errors?: Array<{ code?: string }> } })?.cause;
	return cause?.code ?? cause?.errors?.find((e) => e.code)?.code ?? (err as { code?: string })?.code;
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfter(header: string | null, now: number): number | null {
	if (!header) return null;
	const value = header.trim();
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/**
 * What an error page says, in one line: an HTML page's <title> and the paragraph that names
 * the error (Overpass puts its copyright notice first), or the first line of a text answer.
 */
export function describePage(body: string, contentType = ''): string {
	if (isHtml(body, contentType)) {
		const title = textOf(body.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '');
		const paragraphs = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => textOf(m[1])).filter(Boolean);
		const telling = paragraphs.find((p) => /error|busy|timeout|timed out|too many/i.test(p)) ?? paragraphs[0] ?? '';
		return clip([title, telling].filter(Boolean).join(' — ') || textOf(body.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/gi, '')));
	}
	return clip(body.trim().split('\n')[0] ?? '');
}

export function isHtml(body: string, contentType = ''): boolean {
	return /html|xml/i.test(contentType) || /^\s*</.test(body);
}

function textOf(html: string): string {
	return html
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

function clip(text: string, max = 300): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function quote(text: string): string {
	return text ? `: “${text}”` : '';
}
