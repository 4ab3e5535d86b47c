import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { metres, anchorOf } from '../../../scripts/pipeline/conflate/geo';
import { loadParsed } from '../../../scripts/pipeline/load';
import { sourceById } from '../../../scripts/pipeline/manifest';
import { readJson, sourcesDir } from '../../../scripts/pipeline/read';

const dir = sourcesDir(join(import.meta.dirname, '../../..'));
const load = (id: string) => loadParsed(sourceById(id), readJson(dir, sourceById(id))).features;

describe.skipIf(!existsSync(dir))('reprojection on the real bundle: 武康大楼 in three sources', () => {
	const osm = load('osm-heritage').find((f) => f.properties.name === '武康大楼');
	const shl = load('shl-excellent-buildings').find((f) => f.properties.nameS === '武康大楼');
	const atlas = load('645-buildings').find((f) => String(f.properties.title).includes('诺曼底公寓'));

	it('finds it in each', () => {
		expect(osm && shl && atlas).toBeTruthy();
	});

	it('puts the three within 40 m of each other after conversion to WGS84', () => {
		const points = [osm!, shl!, atlas!].map((f) => anchorOf(f.geometry));
		for (const a of points) for (const b of points) expect(metres(a, b)).toBeLessThan(40);
	});

	it('had them ~1.15 km apart before conversion (BD-09 vs WGS84)', () => {
		const raw = readJson(dir, sourceById('shl-excellent-buildings')) as { data: { nameS: string; long: string; lat: string }[] };
		const r = raw.data.find((d) => d.nameS === '武康大楼')!;
		const d = metres([Number(r.long), Number(r.lat)], anchorOf(osm!.geometry));
		expect(d).toBeGreaterThan(1000);
		expect(d).toBeLessThan(1300);
	});
});
