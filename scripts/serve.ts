/**
 * `npm run serve`: serves the static build (default `build/`, or `SITE_DIR`) on `PORT`
 * (default 4173), bound to 127.0.0.1 unless `HOST` says otherwise.
 *
 * package.json starts it with `--max-semi-space-size=32`: a tile request allocates little but
 * often, and a larger young generation means fewer scavenges: +20–25 % requests per second in
 * `npm run bench -- serve` (which runs the same command line).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from './server/server';

export { createServer } from './server/server';
export type { ServerOptions } from './server/server';

function main(): void {
	const dir = resolve(process.env.SITE_DIR ?? 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		console.error(`serve: ${dir} has no index.html — run npm run build first (or set SITE_DIR).`);
		process.exit(1);
	}
	const port = Number(process.env.PORT ?? 4173);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`serve: PORT must be an integer 0–65535, got ${process.env.PORT}`);
		process.exit(1);
	}
	// Loopback by default: exposing the site on the network should be a deliberate choice.
	const host = process.env.HOST ?? '127.0.0.1';

	const server = createServer({ root: dir });
	server.on('error', (err: NodeJS.ErrnoException) => {
		const hint = err.code === 'EADDRINUSE' ? ` (port ${port} is taken; set PORT)` : '';
		console.error(`serve: ${err.message}${hint}`);
		process.exit(1);
	});
	server.listen(port, host, () => {
		const address = server.address();
		const actual = typeof address === 'object' && address ? address.port : port;
		console.log(`serving ${dir} on http://localhost:${actual}`);
	});
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			server.close(() => process.exit(0));
			server.closeAllConnections();
		});
	}
}

// Run only as the entry point, so tests can import createServer without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
