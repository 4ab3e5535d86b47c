/**
 * vitest globalSetup for the browser tests: serves `build/` with the production server
 * (scripts/server) on a free port, and hands its URL to the tests as inject('baseURL').
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createServer } from '../../scripts/server/server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** e.g. http://127.0.0.1:41234, no trailing slash */
		baseURL: string;
	}
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const root = resolve(process.env.SITE_DIR ?? join(repoRoot, 'build'));
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(`e2e: no site at ${root} (index.html missing) — run npm run build first.`);
	}
	const server: Server = createServer({ root });
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', ok); // port 0: never collides with a dev server on 4173
	});
	const { port } = server.address() as AddressInfo;
	project.provide('baseURL', `http://127.0.0.1:${port}`);

	return async () => {
		server.closeAllConnections(); // the browser's keep-alive sockets would hold close() open
		await new Promise<void>((ok) => server.close(() => ok()));
	};
}
