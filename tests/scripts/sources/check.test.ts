import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources, describeProblem } from '../../../scripts/sources/check';
import { formatManifest, ManifestError, readManifest } from '../../../scripts/sources/manifest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sources = join(repoRoot, 'data/sources');

function copy(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'check-')), 'sources');
	cpSync(sources, dir, { recursive: true });
	return dir;
}

function editManifest(dir: string, edit: (m: Record<string, any>) => void): void {
	const path = join(dir, 'sources.json');
	const m = JSON.parse(readFileSync(path, 'utf8'));
	edit(m);
	writeFileSync(path, JSON.stringify(m, null, '\t'));
}

describe('sources:check on the repository’s own folder', () => {
	const check = checkSources(sources);

	it('finds every file as recorded, and nothing else', () => {
		expect(check.problems).toEqual([]);
		const listed = check.manifest.sources.flatMap((s) => s.files);
		expect(check.files).toBe(listed.length);
		expect(check.bytes).toBe(listed.reduce((n, f) => n + f.bytes, 0));
	});

	it('names the optional sources the first bundle lacked as waiting for a refresh', () => {
		expect(check.pending.map((s) => s.id)).toEqual(['osm-buildings', 'osm-pois']);
	});
});

describe('sources:check names what differs', () => {
	it('one byte changed, same size: the file and its source', () => {
		const dir = copy();
		const file = join(dir, 'osm/metro_stations_hengfu.geojson');
		const bytes = readFileSync(file);
		bytes[100] = bytes[100] === 0x61 ? 0x62 : 0x61;
		writeFileSync(file, bytes);
		const { problems } = checkSources(dir);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'osm/metro_stations_hengfu.geojson', source: 'osm-metro-stations', kind: 'changed' });
		expect(describeProblem(problems[0])).toMatch(/SHA-256 differs .* run npm run sources:refresh -- osm-metro-stations/);
	});

	it('a truncated file, by its size; a source refreshed by hand is told to restore it', () => {
		const dir = copy();
		writeFileSync(join(dir, '645/table_li_shi_gong_yuan.geojson'), '{"type":"Feat');
		const [problem] = checkSources(dir).problems;
		expect(describeProblem(problem)).toBe(
			'645/table_li_shi_gong_yuan.geojson: changed: 13 bytes where sources.json records 24122: the file was cut off or edited; restore it (git checkout -- data/sources), or take it again by hand from its origin (https://www.ditushu.com/book/645/table) and record its checksum'
		);
	});

	it('a missing file, an unlisted one, a left-over temporary file and a missing query', () => {
		const dir = copy();
		rmSync(join(dir, 'newsletters/003_56d26621740f9aa2.txt'));
		writeFileSync(join(dir, 'osm/notes.txt'), 'x');
		writeFileSync(join(dir, 'osm/streets_hengfu.overpass.json.123.tmp'), '{');
		rmSync(join(dir, 'osm/pois_hengfu.overpassql'));
		const problems = checkSources(dir).problems.map((p) => [p.file, p.kind, p.source]);
		expect(problems).toEqual(
			expect.arrayContaining([
				['newsletters/003_56d26621740f9aa2.txt', 'missing', 'newsletters'],
				['osm/notes.txt', 'extra', null],
				['osm/streets_hengfu.overpass.json.123.tmp', 'extra', null],
				['osm/pois_hengfu.overpassql', 'missing', 'osm-pois']
			])
		);
		expect(problems).toHaveLength(4);
	});

	it('a required source whose entry lists no file', () => {
		const dir = copy();
		editManifest(dir, (m) => {
			m.sources.find((s: { id: string }) => s.id === 'virtual-shanghai').files = [];
		});
		const problems = checkSources(dir).problems;
		expect(problems.map((p) => [p.file, p.kind])).toEqual([
			['sources.json', 'missing'],
			['virtual_shanghai/buildings.geojson', 'extra']
		]);
		expect(problems[0].detail).toMatch(/virtual-shanghai lists no file, and the build needs one/);
	});
});

describe('a manifest that cannot be used', () => {
	it('a folder without one', () => {
		expect(() => checkSources(mkdtempSync(join(tmpdir(), 'none-')))).toThrowError(/sources\.json is missing/);
	});

	it('not JSON', () => {
		const dir = copy();
		writeFileSync(join(dir, 'sources.json'), '{"sources": [');
		expect(() => readManifest(dir)).toThrowError(ManifestError);
		expect(() => readManifest(dir)).toThrowError(/sources\.json is not valid JSON/);
	});

	it('an entry of the wrong shape, named by its id and field', () => {
		const dir = copy();
		editManifest(dir, (m) => {
			m.sources[2].files[0].sha256 = 'abc';
			m.sources[3].id = m.sources[4].id;
		});
		expect(() => readManifest(dir)).toThrowError(/osm-streets files\.0\.sha256: 64 lower-case hex digits/);
		expect(() => readManifest(dir)).toThrowError(/source id "osm-metro-lines" is listed twice/);
	});
});

describe('npm run sources:check', () => {
	const run = (dir: string) =>
		spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/sources-check.ts')], { cwd: repoRoot, env: { ...process.env, HENGFU_SOURCES: dir }, encoding: 'utf8' });

	it('passes on the repository’s folder and says what waits for a refresh', () => {
		const out = run(sources);
		expect(out.status).toBe(0);
		expect(out.stdout).toMatch(/\d+ files, [\d.]+ MB, \d+ sources: all match sources\.json/);
		expect(out.stdout).toMatch(/not yet fetched .*osm-buildings, osm-pois/);
	});

	it('fails naming the file when one byte changes', () => {
		const dir = copy();
		const file = join(dir, 'shl/protected_relic_sites.json');
		writeFileSync(file, readFileSync(file, 'utf8').replace('刘长胜故居', '刘长胜旧居'));
		const out = run(dir);
		expect(out.status).toBe(1);
		expect(out.stderr).toMatch(/shl\/protected_relic_sites\.json: changed/);
	});
});

describe('the committed manifest', () => {
	it('is written as sources:refresh writes it, so a refresh changes only its own lines', () => {
		expect(readFileSync(join(sources, 'sources.json'), 'utf8')).toBe(formatManifest(readManifest(sources)));
	});
});
