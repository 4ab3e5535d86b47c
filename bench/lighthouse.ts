/**
 * `npm run audit` (= `npm run bench -- lighthouse`): Lighthouse's mobile profile on the built
 * site, served by the production server, in Debian's Chromium. Four scores per page go to
 * bench/results.json as lighthouse_<page>_<category>; every audit that cost a point is listed
 * with its items, so what to fix is on the screen.
 */
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createServer } from '../scripts/server/server';
import type { Metrics } from './metrics';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

/** The pages the issue names; the dataset page is the largest layer's. */
export const AUDITED_PAGES: ReadonlyArray<[key: string, path: string]> = [
	['home', '/'],
	['datasets', '/datasets'],
	['about', '/about'],
	['dataset', '/datasets/protected-buildings']
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** The browser tests' Chromium and flags: SwiftShader for WebGL, nothing calling home. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

interface Finding {
	id: string;
	title: string;
	score: number | null;
	items: string[];
}

export async function lighthouseBench(): Promise<Metrics> {
	const root = resolve(import.meta.dirname, '..', process.env.SITE_DIR ?? 'build');
	if (!existsSync(resolve(root, 'index.html'))) throw new Error(`audit: no site at ${root} (index.html missing) — run npm run build first`);
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`audit: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
	const server = createServer({ root });
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
	const metrics: Metrics = {};
	try {
		for (const [key, path] of AUDITED_PAGES) {
			const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
			if (!result) throw new Error(`audit: Lighthouse returned nothing for ${path}`);
			const { lhr } = result;
			if (lhr.runtimeError) throw new Error(`audit: ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			console.log(`\n  ${path}`);
			for (const category of CATEGORIES) {
				const entry = lhr.categories[category];
				const score = Math.round((entry.score ?? 0) * 100);
				metrics[`lighthouse_${key}_${category.replace('-', '_')}`] = { value: score, unit: '/100', goal: category === 'accessibility' || category === 'best-practices' ? '100' : 'higher is better' };
				const findings = findingsOf(lhr, entry.auditRefs);
				console.log(`    ${category.padEnd(15)} ${String(score).padStart(3)}`);
				// Performance opportunities depend on the machine (SwiftShader, 2 shared cores); the
				// other categories' misses are faults of the page, listed in full.
				if (category === 'performance') continue;
				for (const f of findings) {
					console.log(`      ✗ ${f.id}: ${f.title}`);
					for (const item of f.items.slice(0, 8)) console.log(`          ${item}`);
					if (f.items.length > 8) console.log(`          … ${f.items.length - 8} more`);
				}
			}
		}
	} finally {
		await chrome.kill();
		server.closeAllConnections();
		await new Promise<void>((ok) => server.close(() => ok()));
	}
	return metrics;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** The scored audits of a category that did not pass, with the elements or URLs they name. */
function findingsOf(lhr: Lhr, refs: ReadonlyArray<{ id: string; weight: number }>): Finding[] {
	const out: Finding[] = [];
	for (const ref of refs) {
		const audit = lhr.audits[ref.id];
		if (!audit || audit.score === null || audit.score >= 1 || audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric') continue;
		const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
		// Unscored audits (weight 0, e.g. csp-xss) are listed too, marked: they cost no point.
		const title = ref.weight === 0 ? `${audit.title} (unscored)` : audit.title;
		out.push({ id: audit.id, title, score: audit.score, items: [...new Set((details?.items ?? []).map(describeItem))] });
	}
	return out;
}

function describeItem(item: Record<string, unknown>): string {
	const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
	if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}${node.explanation ? ` — ${node.explanation.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`.trim();
	return Object.entries(item)
		.filter(([, v]) => typeof v === 'string' || typeof v === 'number')
		.map(([k, v]) => `${k}=${String(v).slice(0, 160)}`)
		.join(' ');
}
