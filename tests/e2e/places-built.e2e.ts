/**
 * The built place and tour pages as files: every page's JSON-LD parses and says what the place
 * is and where, its canonical link and Open Graph image point where they should, and sitemap.xml
 * lists exactly the pages the build wrote. Read from build/, checked against the built data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPlacePage } from '../../src/lib/places/pages';
import { photoPath } from '../../src/lib/places/photo';
import { builtFeatures } from './built';

const SITE = process.env.SITE_DIR ?? 'build';
const ORIGIN = process.env.HENGFU_SITE_ORIGIN ?? 'http://localhost:4173';
const LAYERS = ['protected-buildings', 'former-residences', 'never-widened-roads', 'facilities'];

/** Every feature that should have a page, from the built layers. */
function expectedPlaces(): Map<string, { layer: string; props: Record<string, unknown> }> {
	const out = new Map<string, { layer: string; props: Record<string, unknown> }>();
	for (const layer of LAYERS) for (const f of builtFeatures(layer)) if (hasPlacePage(layer, String(f.properties.id), f.properties)) out.set(String(f.properties.id), { layer, props: f.properties });
	return out;
}

const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1]?.replace(/&amp;/g, '&') ?? null;

function jsonLd(html: string, file: string): Record<string, unknown> {
	const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
	expect(blocks, `${file}: one JSON-LD block`).toHaveLength(1);
	return JSON.parse(blocks[0][1]) as Record<string, unknown>;
}

describe('place pages as built', () => {
	const places = expectedPlaces();

	it('exist for every protected building, former residence, never-widened road and facility but bus stops, in both languages', () => {
		for (const dir of ['places', 'en/places']) {
			const ids = readdirSync(join(SITE, dir)).filter((f) => f.endsWith('.html')).map((f) => decodeURIComponent(f.slice(0, -5)));
			expect(ids.sort()).toEqual([...places.keys()].sort());
		}
		expect([...places.values()].some((p) => p.layer === 'facilities')).toBe(true);
		expect(builtFeatures('facilities').some((f) => String(f.properties.id).startsWith('bus-'))).toBe(true);
	});

	it('each carry parseable JSON-LD of the right type with coordinates, a canonical link and an Open Graph image', () => {
		const defaultImages = new Set<string>();
		for (const [id, { layer, props }] of places) {
			for (const lang of ['zh', 'en'] as const) {
				const path = `${lang === 'en' ? '/en' : ''}/places/${encodeURIComponent(id)}`;
				const file = join(SITE, `${path.slice(1)}.html`);
				const html = readFileSync(file, 'utf8');
				const ld = jsonLd(html, file);
				expect(ld['@context']).toBe('https://schema.org');
				expect(ld['@type'], file).toBe(layer === 'protected-buildings' ? 'LandmarksOrHistoricalBuildings' : 'Place');
				const geo = ld.geo as { '@type': string; latitude: number; longitude: number };
				expect(geo['@type']).toBe('GeoCoordinates');
				expect(geo.latitude, file).toBeGreaterThan(31.1);
				expect(geo.latitude, file).toBeLessThan(31.3);
				expect(geo.longitude, file).toBeGreaterThan(121.3);
				expect(geo.longitude, file).toBeLessThan(121.6);
				if (typeof props.lat === 'number') expect(geo.latitude).toBeCloseTo(props.lat, 5);
				expect(typeof ld.name === 'string' && ld.name.length > 0, file).toBe(true);
				const canonical = attr(html, /<link rel="canonical" href="([^"]+)"/);
				expect(canonical, file).toBe(ORIGIN + path);
				expect(ld.url).toBe(canonical);
				expect(attr(html, /<meta property="og:url" content="([^"]+)"/)).toBe(canonical);
				expect(attr(html, /<html lang="([^"]+)"/)).toBe(lang === 'en' ? 'en' : 'zh-Hans');
				const image = attr(html, /<meta property="og:image" content="([^"]+)"/)!;
				expect(image.startsWith(ORIGIN + '/'), file).toBe(true);
				if (typeof props.photo === 'string' && props.photo) expect(image, file).toBe(ORIGIN + photoPath(props.photo));
				else defaultImages.add(image);
				const served = decodeURIComponent(image.slice(ORIGIN.length));
				expect(existsSync(join(SITE, served)), `${file}: ${served}`).toBe(true);
				expect(ld.image).toBe(image);
				expect(attr(html, /<meta name="description" content="([^"]+)"/)?.length, file).toBeGreaterThan(5);
				// No JavaScript but the ?lang=en forwarder on Chinese pages.
				const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].map((m) => m[0]);
				expect(scripts, file).toEqual(lang === 'zh' ? ['<script src="/lang-redirect.js" defer="">'] : []);
			}
		}
		expect(defaultImages.size).toBeLessThanOrEqual(1);
	});
});

describe('tour pages as built', () => {
	it('exist for every tour in both languages, as an ItemList of their stops', () => {
		const tours = JSON.parse(readFileSync(join(SITE, 'data/tours.json'), 'utf8')).tours as Array<{ id: string; stops: unknown[] }>;
		for (const t of tours) {
			for (const prefix of ['', 'en/']) {
				const html = readFileSync(join(SITE, `${prefix}tours/${t.id}.html`), 'utf8');
				const ld = jsonLd(html, t.id);
				expect(ld['@type']).toBe('ItemList');
				expect(ld.numberOfItems).toBe(t.stops.length);
				expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe(`${ORIGIN}/${prefix}tours/${t.id}`);
			}
		}
	});
});

/** Every page the build wrote, as the path a visitor asks for (about.html → /about). */
function builtPages(dir = SITE): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) {
			if (name !== '_app') out.push(...builtPages(full));
		} else if (name.endsWith('.html')) {
			const path = '/' + relative(SITE, full).slice(0, -5);
			out.push(path === '/index' ? '/' : path.replace(/\/index$/, ''));
		}
	}
	return out;
}

describe('sitemap.xml and robots.txt', () => {
	it('lists exactly the pages that exist, test pages and the offline shell aside', () => {
		const xml = readFileSync(join(SITE, 'sitemap.xml'), 'utf8');
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
		for (const url of listed) expect(url.startsWith(ORIGIN + '/')).toBe(true);
		const paths = listed.map((u) => decodeURIComponent(u.slice(ORIGIN.length)));
		expect(new Set(paths).size).toBe(paths.length);
		const pages = builtPages().map((p) => decodeURIComponent(p)).filter((p) => !p.startsWith('/test/') && p !== '/404' && p !== '/place-shell');
		expect(paths.sort()).toEqual(pages.sort());
		expect(paths).toContain('/about');
		expect(paths).toContain('/datasets/protected-buildings');
	});

	it('robots.txt names the sitemap', () => {
		const robots = readFileSync(join(SITE, 'robots.txt'), 'utf8');
		expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
		expect(robots).toContain('Disallow: /test/');
	});
});
