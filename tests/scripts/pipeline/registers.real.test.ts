import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegister, REGISTER_IDS } from '../../../scripts/pipeline/registers/read';
import { districtRegistry } from '../../../src/lib/schema/district';
import { sourceKind } from '../../../src/lib/schema/register';
import { LAYERS } from '../../../src/lib/layers';
import { loadBibliography } from '../../../scripts/pipeline/bibliography';

const repoRoot = resolve(import.meta.dirname, '../../..');
// The newsletters the registers quote live with the other sources (data/sources/newsletters).
const seedsDir = resolve(repoRoot, 'data/sources/newsletters');
// Line breaks and spaces fall where the newsletter's columns broke; they are not part of the words.
const squash = (s: string) => s.replace(/\s+/g, '');
// A record cites a newsletter by its key; the bibliography says which file holds it.
const files = new Map(loadBibliography(join(repoRoot, 'data/bibliography.json')).entries.map((e) => [e.key, e.file]));
const seedText = (key: string) => {
	const file = files.get(key);
	expect(file, `${key} is in data/bibliography.json`).toBeDefined();
	return squash(readFileSync(join(seedsDir, file!), 'utf8'));
};

describe('the committed registers', () => {
	it.each(REGISTER_IDS)('%s: every record validates', (id) => {
		const read = readRegister(repoRoot, id);
		expect(read.rejected).toEqual([]);
		expect(read.count.read).toBe(read.records.length);
	});

	it('the elevator register holds the sites the seeds name', () => {
		const addresses = readRegister(repoRoot, 'elevator-retrofits').records.map((r) => r.address);
		expect(addresses).toEqual(expect.arrayContaining(['高安路50弄', '复兴中路1333弄', '乌鲁木齐中路261弄4号', '乌鲁木齐中路243号', '长乐路电力小区', '安福路167号']));
	});

	it('the facilities register holds the places the issue lists', () => {
		const addresses = readRegister(repoRoot, 'facilities').records.map((r) => r.address);
		expect(addresses).toEqual(expect.arrayContaining(['乌鲁木齐南路66号', '永嘉路492弄', '广元路153号', '建国西路652', '高邮路7号', '复兴西路8号', '新乐路70弄']));
	});

	it('every Hunan site seed 004 names with an address is a Hunan record, its address as the seed writes it', () => {
		const records = REGISTER_IDS.flatMap((id) => readRegister(repoRoot, id).records);
		const named = ['高邮路7号', '复兴西路8号', '新乐路70弄', '安福路167号', '乌鲁木齐中路261弄4号', '乌鲁木齐中路243号', '长乐路339弄', '长乐路电力小区'];
		for (const address of named) {
			const found = records.filter((r) => r.address === address);
			expect(found.length, address).toBeGreaterThan(0);
			for (const r of found) expect(r.district, `${r.id} (${address})`).toBe('hunan');
		}
	});

	it('the Hunan places seed 004 names without an address stay in the registers, unplaced', () => {
		const records = REGISTER_IDS.flatMap((id) => readRegister(repoRoot, id).records);
		const named = ['湖南街道社区文化活动中心', '新路片区老年用餐点', '两网融合梧桐资源空间', '新路片区邻里小汇', '梧桐国乐社'];
		for (const name of named) {
			const r = records.find((r) => r.name_zh === name);
			expect(r, name).toBeDefined();
			expect(r?.district, name).toBe('hunan');
			expect(r?.address, name).toBeNull();
			expect(r?.source, name).toBe('hunan-2021-people-city');
		}
	});

	it('figures naming a layer name one in the registry', () => {
		const registry = districtRegistry.parse(JSON.parse(readFileSync(join(repoRoot, 'data/districts.json'), 'utf8')));
		const layers = new Set(LAYERS.map((l) => l.id));
		for (const f of registry.districts.flatMap((d) => d.figures)) if (f.layer) expect(layers, f.key).toContain(f.layer);
	});
});

describe('every quote is the seed’s own words', () => {
	// Public pages cannot be fetched from here and imports quote nothing: only newsletters are held to their words.
	const fromSeed = (source: string, quote: string | undefined): quote is string => sourceKind(source) === 'newsletter' && quote !== undefined;
	const cases = REGISTER_IDS.flatMap((id) =>
		readRegister(repoRoot, id).records.flatMap((r) => {
			const quotes: Array<[string, string, string]> = [];
			const add = (label: string, source: string, quote: string | undefined) => fromSeed(source, quote) && quotes.push([label, source, quote]);
			add(r.id, r.source, r.quote);
			if ('status_history' in r) for (const e of r.status_history) add(`${r.id} (${e.status})`, e.source, e.quote);
			if ('facts' in r) for (const f of r.facts ?? []) add(`${r.id} (${f.key})`, r.source, f.quote);
			if (r.address && !r.pin) add(`${r.id} (address)`, r.address_source ?? r.source, r.address);
			return quotes;
		})
	);
	const registry = districtRegistry.parse(JSON.parse(readFileSync(join(repoRoot, 'data/districts.json'), 'utf8')));
	const figures = registry.districts.flatMap((d) => d.figures.map((f) => [`${d.id}.${f.key}`, f.source, f.quote] as [string, string, string]));

	it.each([...cases, ...figures])('%s', (_, source, quote) => {
		expect(seedText(source)).toContain(squash(quote));
	});
});
