/**
 * The planners' importer on realistic loads: 1,000 address rows placed by the geocoder the site
 * ships (static/data/geocoder.json), and 10,000 points inside the district as GeoJSON and as CSV.
 * Inputs are generated from a fixed seed, so every run imports the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGeocoder, type Anchor, type StreetLine } from '../src/lib/geo/geocode';
import { importCsv, importGeoJson, type ImportResult } from '../src/lib/import';
import { median, type Metrics } from './metrics';
import { mulberry32 } from '../tests/support/seeded-random';

const ADDRESSES = 1_000;
const POINTS = 10_000;
const RUNS = 5;
const dataDir = resolve(import.meta.dirname, '../static/data');

export function importBench(): Metrics {
	const geocoderFile = join(dataDir, 'geocoder.json');
	if (!existsSync(geocoderFile)) throw new Error(`import bench: ${geocoderFile} is missing: run npm run data first`);
	const input: { streets: StreetLine[]; anchors: Anchor[] } = JSON.parse(readFileSync(geocoderFile, 'utf8'));
	const frame: [number, number, number, number] = JSON.parse(readFileSync(join(dataDir, 'districts.json'), 'utf8')).frame;

	const g0 = performance.now();
	const geocoder = createGeocoder(input.streets, input.anchors);
	const geocoderMs = performance.now() - g0;
	const geocode = (address: string) => geocoder.geocode(address);

	const random = mulberry32(20261124);
	const addressCsv = addressRows(input.anchors, random);
	const addresses = timed(() => importCsv(addressCsv, { crs: 'WGS84', geocode }));
	const points = randomPoints(frame, random);
	const pointsGeoJson = timed(() => importGeoJson(geoJsonOf(points), { crs: 'WGS84' }));
	const pointsCsv = timed(() => importCsv(csvOf(points), { crs: 'WGS84' }));
	for (const [name, run] of [['addresses', addresses], ['GeoJSON points', pointsGeoJson], ['CSV points', pointsCsv]] as const) {
		if (run.result.fatal) throw new Error(`import bench: the ${name} file was refused: ${run.result.fatal}`);
	}
	if (pointsGeoJson.result.stats.imported !== POINTS) throw new Error(`import bench: only ${pointsGeoJson.result.stats.imported} of ${POINTS} points imported`);

	const r = (v: number) => Math.round(v * 100) / 100;
	const { stats } = addresses.result;
	const methods = Object.entries(stats.byMethod)
		.map(([m, n]) => `${m} ${n}`)
		.join(', ');
	return {
		import_1000_addresses_ms: { value: r(addresses.ms), unit: 'ms', goal: `≤ 1000 (median of ${RUNS}: a CSV of ${ADDRESSES} addresses from the bundle's anchors, numbers varied, each placed by the shipped geocoder)` },
		import_1000_addresses_geocoded: { value: stats.geocoded, unit: '', goal: `reference: of ${ADDRESSES} (${methods}; ${stats.rejected} not placed)` },
		import_10000_points_ms: { value: r(pointsGeoJson.ms), unit: 'ms', goal: `≤ 300 (median of ${RUNS}: a GeoJSON FeatureCollection of ${POINTS} WGS84 points in the district, text → validated features)` },
		import_10000_points_csv_ms: { value: r(pointsCsv.ms), unit: 'ms', goal: `reference: the same ${POINTS} points as a CSV` },
		import_geocoder_build_ms: { value: r(geocoderMs), unit: 'ms', goal: 'reference: createGeocoder on geocoder.json, paid once before the first address import' }
	};
}

/** A warm-up run, then the median of RUNS; the last result is kept to check what was imported. */
function timed(run: () => ImportResult): { ms: number; result: ImportResult } {
	let result = run();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		result = run();
		times.push(performance.now() - t0);
	}
	return { ms: median(times), result };
}

/**
 * Addresses as a planner's list would have them: the bundle's own anchor addresses, most with
 * the door number moved a few doors along the same side (so most rows are interpolated, not
 * looked up), in the anchors' order shuffled by the seed.
 */
function addressRows(anchors: Anchor[], random: () => number): string {
	const rows = ['name,address'];
	for (let i = 0; i < ADDRESSES; i++) {
		const anchor = anchors[Math.floor(random() * anchors.length)];
		const shift = random() < 0.2 ? 0 : 2 * (Math.floor(random() * 11) - 5);
		const address = anchor.address.replace(/(\D)(\d+)/, (_, before: string, n: string) => `${before}${Math.max(Number(n) % 2 || 2, Number(n) + shift)}`);
		rows.push(`row ${i},${csvCell(address)}`);
	}
	return rows.join('\n');
}

function randomPoints([w, s, e, n]: [number, number, number, number], random: () => number): Array<[number, number]> {
	return Array.from({ length: POINTS }, () => [round6(w + random() * (e - w)), round6(s + random() * (n - s))]);
}

function geoJsonOf(points: Array<[number, number]>): string {
	const features = points.map((coordinates, i) => ({ type: 'Feature', properties: { id: i, name: `point ${i}`, kind: i % 3 ? 'shop' : 'school' }, geometry: { type: 'Point', coordinates } }));
	return JSON.stringify({ type: 'FeatureCollection', features });
}

function csvOf(points: Array<[number, number]>): string {
	return ['id,name,kind,lon,lat', ...points.map(([x, y], i) => `${i},point ${i},${i % 3 ? 'shop' : 'school'},${x},${y}`)].join('\n');
}

function csvCell(value: string): string {
	return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function round6(v: number): number {
	return Math.round(v * 1e6) / 1e6;
}
