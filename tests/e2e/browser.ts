/**
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core.
 * (`npx playwright install` cannot download browsers on this project's machines, so we never use
 * Playwright's bundled builds.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenPageOptions {
	/** Viewport width; 375 for a phone. Default 1280. */
	width?: number;
	/** Viewport height. Default 800 (812 when width ≤ 480, a phone's). */
	height?: number;
	/** Server to load from; default the one global-setup started. */
	baseURL?: string;
	/** Passed to page.goto. Default 'load'. */
	waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
	/** A position the browser reports to `navigator.geolocation` (permission granted). */
	geolocation?: { longitude: number; latitude: number };
	/** Script source run in the page before any of its own (a string: tsx's helpers do not exist in the page). */
	initScript?: string;
	/**
	 * 'allow' lets the page register its service worker (tests/e2e/offline.e2e.ts). Blocked by
	 * default: a test checks what the page itself requests, and the worker would add the install's
	 * requests (the walk graph, the panels' code…) and answer later ones from its cache.
	 */
	serviceWorkers?: 'allow' | 'block';
}

export interface OpenedPage {
	context: BrowserContext;
	page: Page;
	/** The main document's response (null only for same-document navigations). */
	response: Response | null;
	/** Every URL the page requested, in order, including ones from workers. */
	requests: string[];
	/** Uncaught exceptions and console.error messages. */
	errors: string[];
	/** Requests that failed at the network level, as "url: reason". */
	failedRequests: string[];
}

/** Opens `path` in a fresh context (no shared cache or storage between tests). */
export async function openPage(browser: Browser, path: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
	const width = opts.width ?? 1280;
	const height = opts.height ?? (width <= 480 ? 812 : 800);
	const context = await browser.newContext({
		viewport: { width, height },
		isMobile: false,
		deviceScaleFactor: 1,
		serviceWorkers: opts.serviceWorkers ?? 'block',
		...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {})
	});
	if (opts.initScript) await context.addInitScript(opts.initScript);
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	const failedRequests: string[] = [];
	// Listening on the context (not the page) also catches requests made by web workers.
	context.on('request', (req) => requests.push(req.url()));
	context.on('requestfailed', (req) => failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	page.on('console', (msg) => {
		// "Failed to load resource" alone does not say which one, so add the location.
		if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
	});
	const baseURL = opts.baseURL ?? inject('baseURL');
	const response = await page.goto(`${baseURL}${path}`, { waitUntil: opts.waitUntil ?? 'load' });
	// Pages are prerendered in Chinese and turn English once they hydrate and read ?lang=en; a test
	// reading text before then races that (it did, on a clean clone).
	if (new URLSearchParams(path.split('?')[1] ?? '').get('lang') === 'en') await page.waitForSelector('html[lang="en"]', { state: 'attached' });
	return { context, page, response, requests, errors, failedRequests };
}

/** True for URLs served by this machine (the test server) or created in the page itself. */
export function isLocalURL(url: string): boolean {
	if (url.startsWith('data:') || url.startsWith('blob:')) return true;
	try {
		const { protocol, hostname } = new URL(url);
		return (protocol === 'http:' || protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
	} catch {
		return false;
	}
}

/** The project's promise: nothing the site loads comes from another machine. */
export function expectOnlyLocalRequests(requests: readonly string[]): void {
	expect(requests.length, 'the page made no requests at all').toBeGreaterThan(0);
	expect(requests.filter((url) => !isLocalURL(url)), 'requests that left the machine').toEqual([]);
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
	const file = join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
	mkdirSync(dirname(file), { recursive: true });
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** axe-core's serious and critical findings on the page as it stands, as "rule (nodes)". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	// Evaluated through the DevTools protocol: an inline <script> tag would be refused by the
	// site's policy (no 'unsafe-inline'), as it should be.
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const result = await (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
		return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
	});
}
