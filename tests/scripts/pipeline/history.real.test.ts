import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildLayers } from '../../../scripts/pipeline/build';
import { loadSource } from '../../../scripts/pipeline/load';
import { sourceById } from '../../../scripts/pipeline/manifest';
import { sourcesDir } from '../../../scripts/pipeline/read';

const repoRoot = resolve(import.meta.dirname, '../../..');
const dir = sourcesDir(repoRoot);
const TABLES = ['645-trams', '645-tram-stops', '645-trolleybuses', '645-trolleybus-stops', '645-places-1928'];

describe.skipIf(!existsSync(dir))('the History layers from the real 645 tables', () => {
	it('reads every record of the five tables: in = accepted + rejected, none rejected', () => {
		const counts = TABLES.map((id) => loadSource(dir, sourceById(id)).count);
		expect(counts.map((c) => [c.source, c.read, c.accepted, c.rejected])).toEqual([
			['645-trams', 20, 20, 0],
			['645-tram-stops', 88, 88, 0],
			['645-trolleybuses', 9, 9, 0],
			['645-trolleybus-stops', 62, 62, 0],
			['645-places-1928', 37, 37, 0]
		]);
	});

	it('decodes each line’s operator id to the network its title names (three ids, 29 lines)', () => {
		const lines = ['645-trams', '645-trolleybuses'].flatMap((id) => loadSource(dir, sourceById(id)).features);
		const byNetwork = (n: string) => lines.filter((l) => l.properties.network === n).length;
		expect([byNetwork('french'), byNetwork('settlement'), byNetwork('chinese')]).toEqual([8, 17, 4]);
		for (const l of lines) expect(Object.keys(l.properties).sort()).toEqual(['_id', 'mode', 'name_en', 'network', 'title']);
	});

	it('keeps what crosses the two subdistricts and the 300 m around them', () => {
		const { layers, counts } = buildLayers({ repoRoot, sourcesDir: dir });
		for (const c of counts.filter((c) => TABLES.includes(c.source))) expect(c.read, c.source).toBe(c.accepted + c.rejected);
		const lines = layers.get('historic-transit-lines')!.map((f) => f.properties);
		expect(lines.map((p) => [p.name_zh, p.district]).sort()).toEqual([
			['公共租界有轨电车第四路', 'hunan'],
			['法租界有轨电车第一、二路', 'tianping'],
			['法租界有轨电车第四路', 'hunan']
		]);
		// The trolleybus lines ran further north (愚园路, 静安寺): none reaches the two subdistricts.
		expect(lines.filter((p) => p.mode === 'trolleybus')).toEqual([]);
		const stops = layers.get('historic-transit-stops')!.map((f) => f.properties);
		expect(stops).toHaveLength(6);
		expect(stops.find((p) => p.name_zh === '福开森路')).toMatchObject({ district: 'tianping', lines_zh: '法租界有轨电车第一、二路', lines_en: 'French Concession tram lines 1 & 2' });
		expect(stops.every((p) => typeof p.lines_zh === 'string')).toBe(true);
		const places = layers.get('places-1928')!.map((f) => f.properties);
		expect(places.map((p) => [p.name_zh, p.name_en, p.in_district])).toEqual([
			['国际礼拜堂', 'American Community Church', true],
			['法国球场总会', 'Cercle Sport of Français', false]
		]);
	});
});
