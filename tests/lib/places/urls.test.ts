import { describe, expect, it } from 'vitest';
import { placeBucket, PLACE_BUCKETS } from '$lib/places/bucket';
import { hasPlacePage } from '$lib/places/pages';
import { photoPath } from '$lib/places/photo';
import { mapPlacePath, mapTourPath, placePath, portalPath, siteOrigin, tourPath } from '$lib/places/urls';
import { robotsTxt, sitemapXml } from '$lib/server/places/sitemap';

describe('place and tour addresses', () => {
	it('puts Chinese at /places and English under /en, and the portal pages the portal’s way', () => {
		expect(placePath('ehb-abc', 'zh')).toBe('/places/ehb-abc');
		expect(placePath('ehb-abc', 'en')).toBe('/en/places/ehb-abc');
		expect(tourPath('architects', 'en')).toBe('/en/tours/architects');
		expect(portalPath('/about', 'en')).toBe('/about?lang=en');
		expect(portalPath('/about', 'zh')).toBe('/about');
	});

	it('opens the map framed on the place with it selected, and a tour at its overview', () => {
		const url = new URL(mapPlacePath('protected-buildings', 'ehb-abc', [121.4433445, 31.2082793], 'en'), 'http://x');
		expect(url.searchParams.get('sel')).toBe('protected-buildings:ehb-abc');
		expect(url.searchParams.get('c')).toBe('121.44334,31.20828');
		expect(url.searchParams.get('z')).toBe('17');
		expect(url.searchParams.get('lang')).toBe('en');
		expect(mapTourPath('red-heritage', 'zh')).toBe('/?tour=red-heritage');
	});

	it('keeps the characters a path may carry in photo names', () => {
		expect(photoPath('Baoqinglu_9_Long_2_Hao_&_3_Hao_Zhuzhai.JPG')).toBe('/photos/Baoqinglu_9_Long_2_Hao_&_3_Hao_Zhuzhai.JPG');
		expect(photoPath('620,622_West_Jianguo_Rd.JPG')).toBe('/photos/620,622_West_Jianguo_Rd.JPG');
		expect(photoPath('a b#?.jpg')).toBe('/photos/a%20b%23%3F.jpg');
	});

	it('gives bus stops no page, every other facility one', () => {
		expect(hasPlacePage('facilities', 'bus-osm-node-1')).toBe(false);
		expect(hasPlacePage('facilities', 'wikidata-Q1')).toBe(true);
		expect(hasPlacePage('protected-buildings', 'ehb-1')).toBe(true);
		expect(hasPlacePage('streets', 'osm-way-1')).toBe(false);
	});

	it('spreads ids over the buckets', () => {
		const used = new Set(Array.from({ length: 2000 }, (_, i) => placeBucket(`ehb-${i}`)));
		expect(used.size).toBe(PLACE_BUCKETS);
		expect(placeBucket('ehb-1')).toMatch(/^[0-9a-f]{2}$/);
	});
});

describe('site origin, sitemap and robots', () => {
	it('reads HENGFU_SITE_ORIGIN, defaults to the local server, and refuses what is not an origin', () => {
		expect(siteOrigin({})).toBe('http://localhost:4173');
		expect(siteOrigin({ HENGFU_SITE_ORIGIN: 'https://heritage.example.org/' })).toBe('https://heritage.example.org');
		expect(() => siteOrigin({ HENGFU_SITE_ORIGIN: 'heritage.example.org' })).toThrow(/HENGFU_SITE_ORIGIN/);
		expect(() => siteOrigin({ HENGFU_SITE_ORIGIN: 'ftp://x.org' })).toThrow(/http/);
	});

	it('writes a sitemap of absolute, escaped URLs and a robots.txt naming it', () => {
		const xml = sitemapXml('https://h.example', ['/', '/places/a&b']);
		expect(xml).toContain('<loc>https://h.example/</loc>');
		expect(xml).toContain('<loc>https://h.example/places/a&amp;b</loc>');
		expect(robotsTxt('https://h.example')).toContain('Sitemap: https://h.example/sitemap.xml');
	});
});
