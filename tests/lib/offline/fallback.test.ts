import { describe, expect, it } from 'vitest';
import { offlinePage, placeFallback } from '../../../src/lib/offline/fallback';

const index = [
	{ layer: 'streets', featureId: 'hengshan-road' },
	{ layer: 'protected-buildings', featureId: 'ehb-abc', center: [121.44, 31.21] as [number, number] },
	{ layer: 'buildings', featureId: 'osm-way-1' }
];
const at = (path: string) => new URL(`http://127.0.0.1${path}`);

describe('offline fallbacks', () => {
	it('opens the stored map on a place the index knows, in its language', () => {
		expect(placeFallback(at('/places/ehb-abc'), index)).toBe('/?sel=protected-buildings%3Aehb-abc&c=121.44%2C31.21&z=17');
		expect(placeFallback(at('/places/osm-way-1/?lang=en'), index)).toBe('/?sel=buildings%3Aosm-way-1&lang=en');
		expect(placeFallback(at('/places/ehb-abc.html?lang=en'), index)).toBe('/?sel=protected-buildings%3Aehb-abc&c=121.44%2C31.21&z=17&lang=en');
	});

	it('has no map link for an unknown place, a street or another page', () => {
		expect(placeFallback(at('/places/nowhere'), index)).toBeNull();
		expect(placeFallback(at('/places/hengshan-road'), index)).toBeNull();
		expect(placeFallback(at('/about'), index)).toBeNull();
		expect(placeFallback(at('/places/%E0%A4'), index)).toBeNull();
	});

	it('says the page is offline, in the language asked for, and links to the map', () => {
		const zh = offlinePage(at('/datasets'));
		expect(zh).toContain('当前处于离线状态');
		expect(zh).toContain('href="/"');
		const en = offlinePage(at('/about?lang=en'));
		expect(en).toContain('You are offline');
		expect(en).toContain('href="/?lang=en"');
		expect(offlinePage(at('/<script>'))).not.toContain('<script>');
		expect(zh).not.toMatch(/<script|style=/);
	});
});
