/**
 * `npx tsx scripts/icons.ts`: draws the app's PNG icons (static/icons/icon-<size>.png, named in
 * static/manifest.webmanifest) from static/icons/icon.svg with the tests' Chromium, so that no tool
 * or service beyond the repository's own is needed. Run it after changing the SVG; commit the PNGs.
 * The SVG fills its square (a "maskable" icon): a phone may cut it to a circle or a rounded square,
 * and the house stays inside the middle 80 % that every mask keeps.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/browser';

const SIZES = [192, 512];
const dir = resolve(import.meta.dirname, '../static/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');

const browser = await launchBrowser();
try {
	for (const size of SIZES) {
		const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
		await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
		await page.screenshot({ path: join(dir, `icon-${size}.png`), clip: { x: 0, y: 0, width: size, height: size } });
		await page.close();
		console.log(`static/icons/icon-${size}.png`);
	}
} finally {
	await browser.close();
}
