/**
 * A second site built beside the real one from other inputs, for the browser tests and the
 * benchmarks: the pipeline's outputs go to a folder of their own (HENGFU_STATIC_DIR), the pages
 * are built from them into another (HENGFU_BUILD_DIR; see svelte.config.js), and the production
 * server serves that. build/ and static/ are never touched. The pages take about half a minute.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { buildLayers } from '../../scripts/pipeline/build';
import { sourcesDir } from '../../scripts/pipeline/read';
import { writeOutputs, type ArchiveStats } from '../../scripts/pipeline/write';
import { createServer } from '../../scripts/server/server';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Where a second site lives: the pipeline's outputs (`staticDir`) and the built pages (`root`). */
export interface SiteDirs {
	staticDir: string;
	root: string;
}

/** The committed files of static/ (the rest is the pipeline's): the favicon, the app manifest and its icons. */
export const COMMITTED_STATIC = ['favicon.svg', 'manifest.webmanifest', 'icons'];

/** The folders of a site under `base`, its static folder holding the committed static files. */
export function siteDirs(base: string): SiteDirs {
	const staticDir = join(base, 'static');
	mkdirSync(staticDir, { recursive: true });
	for (const file of COMMITTED_STATIC) cpSync(join(repoRoot, 'static', file), join(staticDir, file), { recursive: true });
	return { staticDir, root: join(base, 'site') };
}

/** Runs node with `args` in the repository, failing with what it printed. */
export function runNode(args: string[], env: Record<string, string>): void {
	try {
		execFileSync(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	} catch (err) {
		const e = err as { stdout?: string; stderr?: string; message: string };
		throw new Error(`second site: ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
}

/** `npm run data` into the site's static folder, from another sources folder (HENGFU_SOURCES). */
export function buildDataFromSources(dirs: SiteDirs, sources: string): void {
	runNode(['--import', 'tsx', 'scripts/build-data.ts'], { HENGFU_SOURCES: sources, HENGFU_STATIC_DIR: dirs.staticDir });
}

/**
 * The pipeline in this process, into the site's static folder, from another copy of the project's
 * own data (`dataRoot` holds data/districts.json, data/registers/, data/tours.json, …) and the
 * repository's sources; `districtId` builds that district alone. Returns the archives' statistics.
 */
export function buildDataFromRoot(dirs: SiteDirs, dataRoot: string, districtId?: string): ArchiveStats[] {
	const sources = sourcesDir(repoRoot);
	return writeOutputs(buildLayers({ repoRoot: dataRoot, sourcesDir: sources, districtId }), dirs.staticDir, sources);
}

/** `vite build` of the pages from the site's static folder into its root. */
export function buildPages(dirs: SiteDirs): void {
	runNode([join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { HENGFU_STATIC_DIR: dirs.staticDir, HENGFU_BUILD_DIR: dirs.root });
}

export interface ServedSite {
	baseURL: string;
	/** The built site's folder (its data/ is what the pages were built from). */
	root: string;
	close(): Promise<void>;
}

/** Serves a built site with the production server on a free port of 127.0.0.1. */
export async function serveSite(root: string): Promise<ServedSite> {
	const server: Server = createServer({ root });
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', ok);
	});
	const { port } = server.address() as AddressInfo;
	return {
		baseURL: `http://127.0.0.1:${port}`,
		root,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((ok) => server.close(() => ok()));
		}
	};
}
