/**
 * `npm run test:e2e`: checks that Debian's Chromium is installed, then runs the browser tests
 * (vitest.e2e.config.ts). Arguments pass through to vitest; its exit code is ours.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

if (!existsSync(CHROMIUM_PATH)) {
	console.error(
		`e2e: no Chromium at ${CHROMIUM_PATH}.\n` +
			'Install Debian\'s browser and CJK fonts with:  apt-get install chromium fonts-noto-cjk\n' +
			'(or point CHROMIUM_PATH at another Chromium binary).'
	);
	process.exit(1);
}

// Also checked in global-setup; checking here first keeps the message free of vitest's noise.
const site = resolve(process.env.SITE_DIR ?? join(repoRoot, 'build'));
if (!existsSync(join(site, 'index.html'))) {
	console.error(`e2e: no site at ${site} (index.html missing) — run npm run build first.`);
	process.exit(1);
}

const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
	cwd: repoRoot,
	stdio: 'inherit'
});
// Forward Ctrl-C / termination so vitest can close the browser and server.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
