import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { combinations, groupLayer, groupTable, groupZooms, layerTiles } from '../../../scripts/pipeline/clusters';
import { tileLayers } from '../../../scripts/pipeline/tile';
import { layerById } from '../../../src/lib/layers';
import { groupCount, groupSourceLayer } from '../../../src/lib/map/clusters';
import { inChoice } from '../../../src/lib/map/districts';
import { rowMatches } from '../../../src/lib/map/filters';
import { ARCHIVE_ZOOMS } from '../../../src/lib/tiles/archives';
import { readArchive } from '../../../src/lib/tiles/read-archive';
import { mulberry32 } from '../../support/seeded-random';
import { evaluate } from '../../support/style-expression';

const elevators = layerById('elevator-retrofits')!;
type Props = { id: string; status: string | null; kind: string; year: string | null; in_district: boolean; district: string | null };
const record = (id: string, [lon, lat]: [number, number], status: string | null, year: string | null, kind = 'retrofit', district: string | null = 'tianping'): Feature<Point, Props> => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [lon, lat] },
	properties: { id, status, kind, year, in_district: district !== null, district }
});

// Three spots 2 km apart (a group of 32 px is ~520 m wide at z12, ~65 m at z15), each record a few metres from its spot.
const A: [number, number] = [121.4402, 31.2102];
const B: [number, number] = [121.4602, 31.2102];
const C: [number, number] = [121.4402, 31.1902];
const near = ([lon, lat]: [number, number], k: number): [number, number] => [lon + k * 0.00003, lat + k * 0.00002];
const fixture = [
	record('a1', near(A, 0), 'completed', '2021'),
	record('a2', near(A, 1), 'completed', '2021'),
	record('a3', near(A, 2), 'completed', '2021'),
	record('a4', near(A, 3), 'construction', '2022'),
	record('a5', near(A, 4), 'construction', '2022'),
	// In the 300 m context round the districts.
	record('a6', near(A, 5), null, null, 'guidance-centre', null),
	record('b1', B, 'design', '2023'),
	record('c1', near(C, 0), 'completed', '2022'),
	record('c2', near(C, 1), 'completed', '2022'),
	// Over the line, in the other district: its spot's group holds both.
	record('c3', near(C, 2), 'consultation', '2024', 'retrofit', 'hunan')
];
const CHOICES = ['tianping', 'hunan', 'all'];
const spotOf = (p: number[]) => [A, B, C].findIndex((s) => Math.hypot(p[0] - s[0], p[1] - s[1]) < 0.001);

/** Every filter the layer panel can set on the fixture: each property unset or one of its values, or two. */
function everyFilter(): Record<string, string[]>[] {
	const values = (p: keyof Props) => [...new Set(fixture.map((f) => f.properties[p]).filter((v): v is string => typeof v === 'string'))];
	const choices = (p: keyof Props) => [[], ...values(p).map((v) => [v]), values(p).slice(0, 2)];
	return choices('status').flatMap((status) => choices('kind').flatMap((kind) => choices('year').map((year) => ({ status, kind, year }))));
}

describe('the combination table', () => {
	it('lists each combination of filter values and district once, sorted, and which each record has', () => {
		const t = combinations(elevators, fixture);
		expect(t.properties).toEqual(['status', 'kind', 'year', 'district']);
		expect(t.combos).toEqual([
			['completed', 'retrofit', '2021', 'tianping'],
			['completed', 'retrofit', '2022', 'tianping'],
			['construction', 'retrofit', '2022', 'tianping'],
			['consultation', 'retrofit', '2024', 'hunan'],
			['design', 'retrofit', '2023', 'tianping'],
			[null, 'guidance-centre', null, null]
		]);
		expect(t.of).toEqual([0, 0, 0, 2, 2, 5, 4, 1, 1, 3]);
		expect(groupTable(elevators, fixture)).toEqual({ properties: t.properties, combos: t.combos });
	});
});

describe('the groups', () => {
	const { byZoom, alone } = groupLayer(elevators, fixture);

	it('are made at every tile zoom below z16, where the points take over', () => {
		expect(groupZooms(elevators)).toEqual([12, 13, 14, 15]);
		expect([...byZoom.keys()]).toEqual([12, 13, 14, 15]);
		expect(groupZooms(layerById('protected-buildings')!)).toEqual([]);
	});

	it('count their records per combination, with their total, largest class and splitting zoom; a point alone stays a point', () => {
		for (const [z, groups] of byZoom) {
			const bySpot = groups.map((g) => ({ spot: spotOf(g.geometry.coordinates), ...g.properties })).sort((a, b) => a.spot - b.spot);
			expect(bySpot, `z${z}`).toEqual([
				// 3 completed against 2 under construction and a guidance centre: completed (legend class 3).
				{ spot: 0, n: 6, top: 3, x: 16, c0: 3, c2: 2, c5: 1 },
				{ spot: 2, n: 3, top: 3, x: 16, c1: 2, c3: 1 }
			]);
			// b1, the design project 2 km from the rest.
			expect([...alone.get(z)!], `z${z}`).toEqual([6]);
		}
	});

	it('a group’s number under any filter is the number of its records that match', () => {
		const table = groupTable(elevators, fixture);
		const filters = everyFilter();
		expect(filters.length).toBeGreaterThan(100);
		for (const [z, groups] of byZoom) {
			for (const g of groups) {
				const members = fixture.filter((f) => spotOf(f.geometry.coordinates) === spotOf(g.geometry.coordinates));
				for (const picked of filters) {
					const expected = members.filter((f) => rowMatches(table.properties, table.properties.map((p) => f.properties[p as keyof Props]), picked)).length;
					expect(evaluate(groupCount(table, picked), g.properties), `z${z} ${JSON.stringify(picked)}`).toBe(expected);
				}
			}
		}
	});

	it('a group’s number under any filter and district choice is the number of its records in that district that match', () => {
		const table = groupTable(elevators, fixture);
		const props = table.properties.filter((p) => p !== 'district');
		for (const [z, groups] of byZoom) {
			for (const g of groups) {
				const members = fixture.filter((f) => spotOf(f.geometry.coordinates) === spotOf(g.geometry.coordinates));
				for (const choice of CHOICES) {
					for (const picked of everyFilter()) {
						const expected = members.filter((f) => inChoice(f.properties.district, choice) && rowMatches(props, props.map((p) => f.properties[p as keyof Props]), picked)).length;
						expect(evaluate(groupCount(table, picked, choice), g.properties), `z${z} ${choice} ${JSON.stringify(picked)}`).toBe(expected);
					}
				}
			}
		}
		// Spot A: 5 in Tianping and a guidance centre in the context; spot C: 2 in Tianping, 1 in Hunan.
		const at = (spot: number) => byZoom.get(14)!.find((g) => spotOf(g.geometry.coordinates) === spot)!.properties;
		expect(CHOICES.map((c) => evaluate(groupCount(table, {}, c), at(0)))).toEqual([5, 0, 5]);
		expect(CHOICES.map((c) => evaluate(groupCount(table, {}, c), at(2)))).toEqual([2, 1, 3]);
	});

	it('add up, at every zoom and under any filter, to the matching records of a large random register', () => {
		const random = mulberry32(11);
		const statuses = ['consultation', 'design', 'construction', 'completed'];
		const many = Array.from({ length: 2000 }, (_, i) => {
			const guidance = random() < 0.1;
			const at: [number, number] = [121.43 + random() * 0.03, 31.195 + random() * 0.025];
			// Two districts split at a line of latitude, and a context strip along the east.
			const district = at[0] > 121.455 ? null : at[1] > 31.207 ? 'hunan' : 'tianping';
			return record(`r${i}`, at, guidance ? null : statuses[Math.floor(random() * 4)], guidance ? null : String(2018 + Math.floor(random() * 9)), guidance ? 'guidance-centre' : 'retrofit', district);
		});
		const table = groupTable(elevators, many);
		const groups = groupLayer(elevators, many);
		expect(groups.byZoom.get(12)!.length).toBeLessThan(groups.byZoom.get(15)!.length);
		expect(groups.alone.get(15)!.size).toBeGreaterThan(groups.alone.get(12)!.size);
		const picks: Record<string, string[]>[] = [{}, { status: ['completed'] }, { status: ['design', 'construction'], year: ['2020', '2021', '2022'] }, { kind: ['guidance-centre'] }, { year: ['2026'] }];
		const props = table.properties.filter((p) => p !== 'district');
		const passes = (f: Feature<Point, Props>, picked: Record<string, string[]>, choice?: string) =>
			(choice === undefined || inChoice(f.properties.district, choice)) && rowMatches(props, props.map((p) => f.properties[p as keyof Props]), picked);
		for (const [z, gs] of groups.byZoom) {
			for (const picked of picks) {
				// No choice (a page without one): every record; each choice: that district's (any district's for all), as the panel counts them.
				for (const choice of [undefined, ...CHOICES]) {
					const matching = many.filter((f) => passes(f, picked, choice)).length;
					const alonePoints = [...groups.alone.get(z)!].filter((i) => passes(many[i], picked, choice)).length;
					const shown = gs.reduce((s, g) => s + (evaluate(groupCount(table, picked, choice), g.properties) as number), 0) + alonePoints;
					expect(shown, `z${z} ${choice} ${JSON.stringify(picked)}`).toBe(matching);
				}
			}
		}
	});
});

describe('in the archive', () => {
	it('holds the groups per zoom in <id>-clusters, the points alone below z16, and every point at the last zoom', async () => {
		expect(layerTiles(layerById('protected-buildings')!, fixture, fixture)).toEqual([expect.objectContaining({ name: 'protected-buildings', features: fixture })]);
		const { archive } = tileLayers(layerTiles(elevators, fixture, fixture), { ...ARCHIVE_ZOOMS, name: 't', description: 't', attribution: 't' });
		const reader = await readArchive(archive);
		expect((reader.metadata as { vector_layers: { id: string; minzoom: number; maxzoom: number }[] }).vector_layers.map((l) => [l.id, l.minzoom, l.maxzoom])).toEqual([
			['elevator-retrofits', 12, 15],
			['elevator-retrofits-clusters', 12, 15]
		]);
		for (let z: number = ARCHIVE_ZOOMS.minZoom; z <= ARCHIVE_ZOOMS.maxZoom; z++) {
			let n = 0;
			const points: Array<Record<string, unknown>> = [];
			for await (const { tile } of reader.tiles(z)) {
				const groups = tile.layers[groupSourceLayer(elevators)];
				for (let i = 0; i < (groups?.length ?? 0); i++) n += Number(groups.feature(i).properties.n);
				const own = tile.layers[elevators.id];
				for (let i = 0; i < (own?.length ?? 0); i++) points.push(own.feature(i).properties);
			}
			// The groups hold all but b1, which stands alone (and is flagged so); the last zoom has every point, for the zooms beyond it.
			expect(n, `z${z}`).toBe(fixture.length - 1);
			expect(points.filter((p) => p.alone).map((p) => p.id), `z${z}`).toEqual(['b1']);
			expect(points.length, `z${z}`).toBe(z === ARCHIVE_ZOOMS.maxZoom ? fixture.length : 1);
		}
	});
});
