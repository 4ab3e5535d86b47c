import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShanghaiAddress } from '../../../src/lib/geo/address';
import { metres } from '../../../src/lib/geo/distance';
import { createGeocoder, type Anchor } from '../../../src/lib/geo/geocode';
import { loadGeocoderInputs } from '../../../scripts/pipeline/geocode/anchors';
import { readJson, sourcesDir } from '../../../scripts/pipeline/read';

const dir = sourcesDir(join(import.meta.dirname, '../../..'));

describe.skipIf(!existsSync(dir))('geocoder on the real bundle', () => {
	const { streets, anchors } = loadGeocoderInputs(dir);
	const geocoder = createGeocoder(streets, anchors);
	const doc = readJson(dir, { file: 'osm/boundary_tianping.geojson' }) as Feature<Polygon | MultiPolygon> | { features: Feature<Polygon | MultiPolygon>[] };
	const tianping = 'features' in doc ? doc.features[0] : doc;

	const parsed = anchors.map((a) => ({ id: a.id, p: parseShanghaiAddress(a.address) }));

	/** Geocodes an anchor's address with every record of the same building left out (several sources list one building). */
	function leftOut(a: Anchor) {
		const own = parseShanghaiAddress(a.address);
		if (!own.ok) throw new Error(`unreadable anchor ${a.address}`);
		const { road, number, numberTo } = own.address;
		const same = parsed.filter(({ p }) => p.ok && p.address.road === road && p.address.number <= numberTo && number <= p.address.numberTo);
		return geocoder.geocode(a.address, { exclude: new Set(same.map((b) => b.id)) });
	}

	it('places addresses of 天平路街道 inside its boundary', () => {
		for (const address of ['广元路153号', '乌鲁木齐南路66号', '高安路50弄']) {
			const r = geocoder.geocode(address);
			expect(r.ok, `${address}: ${r.ok ? '' : r.reason}`).toBe(true);
			if (r.ok) expect(booleanPointInPolygon(r.point, tianping), `${address} at ${r.point}`).toBe(true);
		}
	});

	it('finds a known building again with all its records left out', () => {
		const hengshan534 = anchors.find((a) => a.source === 'shl-excellent-buildings' && a.address === '衡山路534号')!;
		const r = leftOut(hengshan534);
		expect(r.ok && r.method).toBe('interpolated');
		if (r.ok) expect(metres(r.point, hengshan534.point)).toBeLessThan(100);
	});

	it('places 武康路 within ~50 m (median) of where its anchors say, each left out in turn', () => {
		const wukang = geocoder.anchors.filter((a) => a.road === '武康路');
		expect(wukang.length).toBeGreaterThan(30);
		const errors = wukang.map((a) => leftOut(a)).map((r, i) => (r.ok ? metres(r.point, wukang[i].point) : Infinity)).sort((a, b) => a - b);
		expect(errors[errors.length >> 1]).toBeLessThan(50);
	});

	it('accounts for every anchor: used, or skipped with a reason', () => {
		expect(anchors.length).toBeGreaterThan(1500);
		expect(geocoder.anchors.length + geocoder.skipped.length).toBe(anchors.length);
		expect(geocoder.anchors.length).toBeGreaterThan(1000);
		expect(geocoder.skipped.every((s) => s.reason)).toBe(true);
	});

	it('says "not in the street network" for a road the bundle lacks, rather than guessing', () => {
		expect(geocoder.geocode('思南路73号')).toMatchObject({ ok: false, code: 'unknown-road' });
	});
});
