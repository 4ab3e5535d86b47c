/**
 * A second site built the way `npm start` builds one, from data/sources after `sources:refresh`
 * fetched osm-buildings and osm-pois from recorded Overpass answers: what a clone serves once
 * those sources exist. Built into a temporary folder (HENGFU_STATIC_DIR, HENGFU_BUILD_DIR),
 * beside the real build/, which it never touches. Takes about half a minute.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createServer } from '../../scripts/server/server';
import { refreshedFixtureSources } from '../support/fixture-sources';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface FixtureSite {
	baseURL: string;
	/** The built site's folder (its data/ is what the pages were built from). */
	root: string;
	close(): Promise<void>;
}

function run(args: string[], env: Record<string, string>): void {
	try {
		execFileSync(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8' });
	} catch (err) {
		const e = err as { stdout?: string; stderr?: string; message: string };
		throw new Error(`fixture site: ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
}

export async function startFixtureSite(): Promise<FixtureSite> {
	const sources = await refreshedFixtureSources();
	const base = dirname(sources);
	const staticDir = join(base, 'static');
	const root = join(base, 'site');
	mkdirSync(staticDir, { recursive: true });
	// The committed static files (favicon); the pipeline writes the rest.
	cpSync(join(repoRoot, 'static/favicon.svg'), join(staticDir, 'favicon.svg'));
	const env = { HENGFU_SOURCES: sources, HENGFU_STATIC_DIR: staticDir, HENGFU_BUILD_DIR: root };
	run(['--import', 'tsx', 'scripts/build-data.ts'], env);
	run([join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], env);

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
