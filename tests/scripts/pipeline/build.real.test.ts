import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { LAYERS } from '../../../src/lib/layers';
import { groupSourceLayer } from '../../../src/lib/map/clusters';
import { countFeaturesAtZoom, readArchive } from '../../../src/lib/tiles/read-archive';
import { buildLayers, type BuildResult } from '../../../scripts/pipeline/build';
import { sourcesDir } from '../../../scripts/pipeline/read';
import { ARCHIVE_ZOOMS, writeOutputs } from '../../../scripts/pipeline/write';
import { inFirstArchive } from '../../../scripts/pipeline/first-archives';

const repoRoot = resolve(import.meta.dirname, '../../..');
const dir = sourcesDir(repoRoot);

function buildInto(districtId?: string): { result: BuildResult; out: string } {
	const out = mkdtempSync(join(tmpdir(), 'hengfu-build-'));
	const result = buildLayers({ repoRoot, sourcesDir: dir, districtId });
	writeOutputs(result, out, dir);
	return { result, out };
}

function hashTree(root: string): Record<string, string> {
	const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((n) => walk(join(p, n))) : [p]);
	return Object.fromEntries(walk(root).map((f) => [relative(root, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

describe.skipIf(!existsSync(dir))('the whole pipeline on the real bundle (both districts)', () => {
	const first = buildInto();
	const second = buildInto();
	const buildings = first.result.layers.get('protected-buildings')!;

	it('holds at least 111 优秀历史建筑 inside Tianping, plus its 文物保护单位', () => {
		const inside = buildings.filter((f) => f.properties.in_district);
		expect(inside.filter((f) => f.properties.excellent).length).toBeGreaterThanOrEqual(111);
		expect(inside.filter((f) => f.properties.relic_level).length).toBeGreaterThanOrEqual(20);
	});

	it('finds 衡山宾馆 at 衡山路534号 inside Tianping, with its architect and historic address', () => {
		const hotel = buildings.find((f) => f.properties.name_zh === '衡山宾馆')!;
		expect(hotel.properties).toMatchObject({ address: '衡山路534号', in_district: true, batch: '第二批' });
		// Virtual Shanghai has two records a few metres apart: the hotel's own door, and 凯文公寓's across the road.
		expect(hotel.properties).toMatchObject({ name_historic_en: 'Picardie Apartments', address_historic: '534 AVENUE PETAIN' });
		expect(hotel.properties.match).toContain('vs:address');
		const across = buildings.find((f) => f.properties.address === '衡山路525号')!;
		expect(across.properties).toMatchObject({ name_historic_en: 'Cavendish Apartments', address_historic: '525 AVENUE PETAIN' });
	});

	it('keeps 宋庆龄故居 as a building of its own, not merged into 武康大楼 across the road', () => {
		const residence = buildings.find((f) => f.properties.address === '淮海中路1843号')!;
		expect(residence.properties).toMatchObject({ name_zh: '宋庆龄故居', relic_level: '全国重点文物保护单位', in_district: true });
		// Built in 1920, as its listing says twice; OSM's start_date says 1948.
		expect(residence.properties).toMatchObject({ year_built: 1920, year_text: '1920 (shl)' });
		const wukang = buildings.find((f) => f.properties.name_zh === '武康大楼')!;
		expect(wukang.properties).toMatchObject({ relic_level: null, protection: 'excellent' });
	});

	it('gives Virtual Shanghai records on another street to the listing on that street when there is one', () => {
		const byName = (name: string) => buildings.find((f) => f.properties.name_zh === name)!.properties;
		// 115 Route Fergusson is 武康路115号, round the corner from 湖南别墅 and nearer to it.
		expect(byName('密丹公寓')).toMatchObject({ name_historic_en: 'Midget Apartments', address_historic: '115 ROUTE FERGUSSON' });
		expect(byName('湖南别墅')).toMatchObject({ name_historic_en: null, address_historic: null });
		// 西湖公寓 has doors on 衡山路 and on 高安路, once Route André Cohen: no other listing is near.
		expect(byName('西湖公寓')).toMatchObject({ name_historic: '華盛頓公寓', address_historic: '338/340 ROUTE ANDRE COHEN' });
		expect(byName('西湖公寓').match).toContain('vs:other-street');
	});

	it('holds 国际礼拜堂 to one record at 衡山路53号 with its footprint, saying where its two listings put it', () => {
		const chapels = buildings.filter((f) => f.properties.name_zh === '国际礼拜堂');
		expect(chapels).toHaveLength(1);
		const [chapel] = chapels;
		expect(chapel.properties).toMatchObject({ address: '衡山路53号', geometry_source: 'osm-footprint', protection: 'both', excellent: true, relic_level: '上海市文物保护单位' });
		expect(chapel.geometry.type).not.toBe('Point');
		expect(chapel.properties.merged_listings_zh).toContain('徐汇区衡山路58号');
		expect(chapel.properties.merged_listings_en).toMatch(/衡山路53号.*\d+ m apart, the OSM footprint at 衡山路53号 is kept/);
		const pair = first.result.sameName.pairs.find((p) => p.name === '国际礼拜堂')!;
		expect(pair).toMatchObject({ merged: true });
		expect(pair.distance_m).toBeGreaterThan(250);
		// Same name, other streets: the hotel's two buildings stay two.
		expect(buildings.filter((f) => f.properties.name_zh === '东湖宾馆')).toHaveLength(2);
		expect(first.result.sameName.pairs.find((p) => p.name === '东湖宾馆')?.reason).toBe('different streets: 东湖路 / 淮海中路');
	});

	it('names metro stations in English after their street where the station bears the street’s name', () => {
		const stations = first.result.layers.get('metro-stations')!;
		expect(stations.find((f) => f.properties.name_zh === '衡山路')?.properties.name_en).toBe('Hengshan Road');
		expect(stations.find((f) => f.properties.name_zh === '上海图书馆')?.properties.name_en).toBeNull();
	});

	it('accounts for every record: in = accepted + rejected for every source', () => {
		for (const c of first.result.counts) expect(c.read, c.source).toBe(c.accepted + c.rejected);
		for (const c of first.result.counts) {
			expect(first.result.rejected.filter((r) => r.source === c.source).length, c.source).toBe(c.rejected);
		}
	});

	it('prints the published figure beside each computed count', () => {
		expect(Object.keys(first.result.figures)).toEqual(['tianping', 'hunan']);
		const figures = Object.fromEntries(first.result.figures.tianping.map((f) => [f.key, f]));
		expect(figures.protected_buildings).toMatchObject({ published: 113 });
		expect(figures.protected_buildings.computed).toBeGreaterThanOrEqual(111);
		expect(figures.never_widened_roads).toMatchObject({ published: 17, computed: 0 });
		// Counted by state over the list's roads in the build area: 五原路 stays a candidate, 长乐路's stretch lies outside 天平.
		expect(figures.never_widened_roads.note).toMatch(/^0 confirmed · 6 reported · 14 candidates: /);
		expect(figures.never_widened_roads.note_zh).toMatch(/^已确认 0 条 · 有报道 6 条 · 候选 14 条：/);
		expect(figures.area_km2.computed).toBeCloseTo(2.68, 1);
	});

	it('covers both districts: every feature says which it lies in, each has its mask, and every register record lies where its source says', () => {
		const { result, out } = first;
		expect(result.districts.map((d) => d.id)).toEqual(['tianping', 'hunan']);
		expect(result.districtProblems).toEqual([]);
		const [tianping, hunan] = result.covered;
		for (const f of result.layers.get('protected-buildings')!) {
			const at: [number, number] = [f.properties.lon as number, f.properties.lat as number];
			if (f.geometry.type === 'Point' && booleanPointInPolygon(at, tianping.boundary)) expect(f.properties.district, String(f.properties.name_zh)).toBe('tianping');
			if (f.geometry.type === 'Point' && booleanPointInPolygon(at, hunan.boundary)) expect(f.properties.district, String(f.properties.name_zh)).toBe('hunan');
		}
		expect(result.layers.get('district-mask')!.map((f) => f.properties.d)).toEqual(['tianping', 'hunan', 'all']);
		expect(result.layers.get('elevator-retrofits')!.find((f) => f.properties.address === '安福路167号')!.properties).toMatchObject({ district: 'hunan', source_district: 'hunan' });
		expect(result.registers.mismatches).toEqual([]);
		const districts = JSON.parse(readFileSync(join(out, 'data/districts.json'), 'utf8'));
		expect(districts.default).toBe('tianping');
		expect(districts.districts.map((d: { id: string; figures: unknown[] }) => [d.id, d.figures.length > 0])).toEqual([['tianping', true], ['hunan', true]]);
		const report = JSON.parse(readFileSync(join(out, 'data/build-report.json'), 'utf8'));
		expect(report.districts.map((d: { id: string; area_km2: number }) => [d.id, Math.round(d.area_km2 * 10) / 10])).toEqual([['tianping', 2.7], ['hunan', 1.7]]);
		const facets = JSON.parse(readFileSync(join(out, 'data/facets.json'), 'utf8')).layers;
		expect(facets['protected-buildings'].by_district.hunan).toBe(result.layers.get('protected-buildings')!.filter((f) => f.properties.district === 'hunan').length);
	});

	it('attaches historic and French street names', () => {
		const huaihai = first.result.layers.get('streets')!.filter((f) => f.properties.name === '淮海中路');
		expect(huaihai.some((f) => String(f.properties.name_historic).includes('霞飞路'))).toBe(true);
		expect(huaihai.some((f) => String(f.properties.name_fr).includes('Joffre'))).toBe(true);
	});

	it('puts the registers on the map: every record placed or listed with its reason', () => {
		const { registers, layers } = first.result;
		for (const c of registers.counts) {
			const unplaced = registers.unplaced.filter((u) => `register:${u.register}` === c.source).length;
			const placed = layers.get(c.source.replace('register:', ''))!.filter((f) => f.properties.origin !== 'open-data').length;
			expect(placed + c.outsideArea + unplaced + c.rejected, c.source).toBe(c.read);
		}
		for (const u of registers.unplaced) expect(u.reason, u.id).toMatch(/\S/);
		const inTianping = (layer: string, id: string) => layers.get(layer)!.find((f) => f.properties.id === id)?.properties.in_district;
		expect(inTianping('facilities', 'facility-guangyuan-market')).toBe(true);
		expect(inTianping('facilities', 'facility-66-wutong-yuan')).toBe(true);
		expect(inTianping('elevator-retrofits', 'elevator-gaoan-50')).toBe(true);
		// the open-data facilities join under the same categories, each with its dataset
		const open = layers.get('facilities')!.filter((f) => f.properties.origin === 'open-data');
		const categories = new Set(open.map((f) => f.properties.category));
		for (const c of ['transport', 'health', 'education', 'culture', 'park']) expect(categories, c).toContain(c);
		expect(new Set(open.map((f) => f.properties.dataset))).toEqual(new Set(['wikidata-places', 'osm-streets', 'osm-metro-stations', '645-parks']));
	});

	it('resolves every tour stop against the built layers', () => {
		expect(first.result.rejected.filter((r) => r.source === 'tours')).toEqual([]);
		expect(first.result.tours.map((t) => t.id)).toEqual(['hengshan-apartments', 'architects', 'red-heritage']);
		for (const tour of first.result.tours) for (const s of tour.stops) expect(s.point.every(Number.isFinite), `${tour.id} ${s.id}`).toBe(true);
	});

	it('is deterministic: two builds write byte-identical files', () => {
		expect(hashTree(second.out)).toEqual(hashTree(first.out));
	});

	it('writes archives whose every tile decodes as MVT, with max-zoom counts equal to the GeoJSON', async () => {
		for (const archive of ['basemap', 'thematic'] as const) {
			const bytes = new Uint8Array(readFileSync(join(first.out, 'tiles', `${archive}.pmtiles`)));
			const reader = await readArchive(bytes);
			expect(reader.header.maxZoom).toBe(ARCHIVE_ZOOMS.maxZoom);
			const names = (reader.metadata as { vector_layers: { id: string }[] }).vector_layers.map((l) => l.id);
			// An archive lists the layers it holds: a layer with no feature here (e.g. charging sites, which the seeds give only as totals) has none.
			// A clustered layer also has its groups (src/lib/map/clusters.ts), where any of its points group.
			const nonEmpty = LAYERS.filter((l) => l.archive === archive && (first.result.layers.get(l.id)?.length ?? 0) > 0);
			expect(names).toEqual(expect.arrayContaining(nonEmpty.map((l) => l.id)));
			expect(names.filter((n) => !nonEmpty.some((l) => l.id === n || (l.cluster && groupSourceLayer(l) === n)))).toEqual([]);
			let tiles = 0;
			for await (const tile of reader.tiles()) {
				expect(Object.keys(tile.tile.layers).length).toBeGreaterThan(0);
				tiles++;
			}
			expect(tiles).toBeGreaterThan(0);
			const counts = await countFeaturesAtZoom(bytes, ARCHIVE_ZOOMS.maxZoom);
			for (const layer of LAYERS.filter((l) => l.archive === archive)) {
				const geojson = JSON.parse(readFileSync(join(first.out, 'data', `${layer.id}.geojson`), 'utf8'));
				expect(counts[layer.id] ?? 0, layer.id).toBe(geojson.features.length);
			}
		}
	});

	it('writes each district a first archive of each registry archive, holding its own features and its context, named in districts.json and the report', async () => {
		const registry = JSON.parse(readFileSync(join(first.out, 'data', 'districts.json'), 'utf8')) as { districts: { id: string; first_archives?: string[] }[] };
		const report = JSON.parse(readFileSync(join(first.out, 'data', 'build-report.json'), 'utf8')) as { archives: { archive: string; district?: string }[] };
		expect(registry.districts.map((d) => d.first_archives)).toEqual(first.result.covered.map(() => ['basemap', 'thematic']));
		expect(report.archives.filter((a) => a.district).map((a) => [a.archive, a.district])).toEqual(first.result.covered.flatMap((c) => ['basemap', 'thematic'].map((a) => [`${a}-${c.district.id}`, c.district.id])));
		for (const archive of ['basemap', 'thematic'] as const) {
			const full = await countFeaturesAtZoom(new Uint8Array(readFileSync(join(first.out, 'tiles', `${archive}.pmtiles`))), ARCHIVE_ZOOMS.maxZoom);
			const layers = LAYERS.filter((l) => l.archive === archive);
			for (const covered of first.result.covered) {
				const { district } = covered;
				const counts = await countFeaturesAtZoom(new Uint8Array(readFileSync(join(first.out, 'tiles', `${archive}-${district.id}.pmtiles`))), ARCHIVE_ZOOMS.maxZoom);
				for (const layer of layers) {
					const features = first.result.layers.get(layer.id) ?? [];
					const keep = inFirstArchive(covered, layer);
					expect(counts[layer.id] ?? 0, `${district.id} ${layer.id}`).toBe(features.filter(keep).length);
					expect(features.filter(keep).length, `${district.id} ${layer.id}`).toBeGreaterThanOrEqual(features.filter((f) => f.properties.district === district.id).length);
				}
				// Lighter than the full archive: the other district's records beyond the context wait for it.
				const sum = (c: Record<string, number>) => layers.reduce((s, l) => s + (c[l.id] ?? 0), 0);
				expect(sum(counts), `${archive} ${district.id}`).toBeLessThan(sum(full));
				// The historic area frames both districts' first views; the mask is the district's own.
				if (archive === 'thematic') expect(counts['historic-area'], district.id).toBe(full['historic-area']);
				if (archive === 'basemap') expect(counts['district-mask'], district.id).toBe(1);
			}
		}
	});
});

describe.skipIf(!existsSync(dir))('another district: Hunan from its registry entry alone', () => {
	it('builds with its own boundary and counts', () => {
		const result = buildLayers({ repoRoot, sourcesDir: dir, districtId: "hunan" });
		expect(result.district.name_zh).toBe('湖南路街道');
		const inside = result.layers.get('protected-buildings')!.filter((f) => f.properties.in_district);
		expect(inside.length).toBeGreaterThan(50);
		expect(inside.some((f) => f.properties.name_zh === '武康大楼')).toBe(true);
	});
});
