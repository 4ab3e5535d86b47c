import { describe, expect, it } from 'vitest';
import { firstArchives } from '../../../src/lib/map/first-archives';
import { buildStyle } from '../../../src/lib/map/style';
import type { MapDistrict } from '../../../src/lib/map/districts';

const district = (id: string, first_archives?: string[]) => ({ id, ...(first_archives ? { first_archives } : {}) }) as MapDistrict;

describe('the archives a map opens on', () => {
	const both = { districts: [district('tianping', ['basemap', 'thematic']), district('hunan', ['basemap', 'thematic'])] };

	it('are a district’s first archives for that district, the full ones for all', () => {
		expect(firstArchives(both, 'tianping')).toEqual({ basemap: 'basemap-tianping', thematic: 'thematic-tianping' });
		expect(firstArchives(both, 'hunan')).toEqual({ basemap: 'basemap-hunan', thematic: 'thematic-hunan' });
		expect(firstArchives(both, 'all')).toEqual({ basemap: 'basemap', thematic: 'thematic' });
	});

	it('are the full ones where the build wrote no first archive: a build of one district, or a district with nothing of its own in one archive', () => {
		expect(firstArchives({ districts: [district('tianping')] }, 'tianping')).toEqual({ basemap: 'basemap', thematic: 'thematic' });
		expect(firstArchives({ districts: [district('tianping', ['basemap']), district('hunan')] }, 'tianping')).toEqual({ basemap: 'basemap-tianping', thematic: 'thematic' });
	});

	it('are what the style’s sources read', () => {
		const style = buildStyle('http://x', { lang: 'zh', visible: new Set(), filters: {}, selected: null, archives: firstArchives(both, 'hunan') });
		expect(style.sources.basemap).toMatchObject({ tiles: ['pmtiles://http://x/tiles/basemap-hunan.pmtiles/{z}/{x}/{y}'] });
		expect(style.sources.thematic).toMatchObject({ tiles: ['pmtiles://http://x/tiles/thematic-hunan.pmtiles/{z}/{x}/{y}'] });
		expect(buildStyle('http://x', { lang: 'zh', visible: new Set(), filters: {}, selected: null }).sources.thematic).toMatchObject({ tiles: ['pmtiles://http://x/tiles/thematic.pmtiles/{z}/{x}/{y}'] });
	});
});
