/**
 * Debian's Chromium and the flags it runs with, for the browser tests and the Lighthouse audit
 * (bench/lighthouse.ts) alike. No vitest here, so the bench can import it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless has no GPU: WebGL (which MapLibre needs) comes from SwiftShader, Chromium's CPU
 * implementation, reached through ANGLE. Recent Chromium refuses SwiftShader for WebGL unless
 * `--enable-unsafe-swiftshader` is given, and may block it as a "software GPU" without
 * `--ignore-gpu-blocklist`. The rest keep the browser from calling home during a test
 * (the tests assert that no request leaves the machine).
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox', // we run as root in a container, where the setuid sandbox cannot start
	'--disable-gpu-sandbox',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
