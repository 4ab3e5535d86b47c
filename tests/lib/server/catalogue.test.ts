import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LayerDef } from '../../../src/lib/layers';
import { layerSchema } from '../../../src/lib/layers/schemas';
import { field } from '../../../src/lib/schema/field';
import { datasetsIndex as indexSchema, districtDocument } from '../../../src/lib/schema/catalogue';
import { bboxOf, DATASETS, datasetReport, datasetsIndex, readReport, type BuildReport } from '../../../src/lib/server/catalogue';
import { dataDictionary } from '../../../src/lib/server/dictionary';
import { districtDocuments } from '../../../src/lib/server/districts';

// These read the pipeline's outputs in static/data, as prerendering does (`npm test` builds them first).

describe('the catalogue', () => {
	const index = datasetsIndex();

	it('lists every registry dataset but the mask, in a document that fits its schema', () => {
		expect(indexSchema.safeParse(index).success).toBe(true);
		expect(index.datasets.map((d) => d.id)).toEqual(DATASETS.map((d) => d.id));
		expect(index.datasets.some((d) => d.id === 'district-mask')).toBe(false);
	});

	it('counts what the build report counts, and credits every source', () => {
		const report = readReport();
		for (const d of index.datasets) {
			const layer = report.layers.find((l) => l.id === d.id)!;
			const byDistrict = Object.fromEntries(report.districts.map((x) => [x.id, layer.by_district?.[x.id] ?? 0]));
			expect(d.count, d.id).toEqual({ district: layer.in_district, context: layer.total - layer.in_district, total: layer.total, by_district: byDistrict });
			for (const s of d.sources) expect(s.licence, `${d.id} ${s.id}`).not.toBe('');
		}
		const pb = index.datasets.find((d) => d.id === 'protected-buildings')!;
		expect(pb.sources.map((s) => s.crs)).toEqual(expect.arrayContaining(['BD09', 'GCJ02', 'WGS84']));
		expect(pb.downloads).toMatchObject({ geojson: '/api/datasets/protected-buildings.geojson', pmtiles: '/tiles/thematic.pmtiles' });
	});

	it('dates a register layer by its newest article', () => {
		const elevators = index.datasets.find((d) => d.id === 'elevator-retrofits')!;
		expect(elevators.updated).toMatch(/^20\d\d(-\d\d)?/);
	});
});

describe('a dataset’s build report', () => {
	const layer = { id: 'facilities', sources: ['src-a', 'hengfu-registers'] } as unknown as LayerDef;
	const report: BuildReport = {
		district: { id: 'd', name_zh: '区', name_en: 'D' },
		districts: [{ id: 'd', name_zh: '区', name_en: 'D' }],
		sources: [
			{ source: 'src-a', file: 'a.json', read: 3, accepted: 2, rejected: 1, outsideArea: 0 },
			{ source: 'src-b', file: 'b.json', read: 1, accepted: 1, rejected: 0, outsideArea: 0 }
		],
		rejected: [
			{ source: 'src-a', file: 'a.json', index: 2, id: 'r2', reason: 'missing coordinates' },
			{ source: 'src-b', file: 'b.json', index: 0, id: null, reason: 'other' },
			{ source: 'layer:facilities', file: 'static/data/facilities.geojson', index: 5, id: 'f5', reason: 'does not fit the layer schema' }
		],
		layers: [],
		figures: {},
		registers: { counts: [{ source: 'register:facilities', file: 'data/registers/facilities.json', read: 2, accepted: 2, rejected: 0, outsideArea: 0 }], rejected: [], unplaced: [{ register: 'facilities', id: 'u', name_zh: '无址', address: null, district: 'd', code: 'no-address', reason: 'no address' }] }
	};

	it('keeps its own sources’ rows, its register and its schema gate, and nothing else', () => {
		const r = datasetReport(layer, report);
		expect(r.counts.map((c) => c.source)).toEqual(['src-a', 'register:facilities']);
		expect(r.rejected.map((x) => x.id)).toEqual(['r2', 'f5']);
		expect(r.unplaced.map((u) => u.id)).toEqual(['u']);
	});
});

describe('bboxOf', () => {
	it('spans every position of every geometry, and is null for nothing', () => {
		const features = [
			{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [121.44, 31.2] } },
			{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: [[121.43, 31.21], [121.45, 31.19]] } }
		];
		expect(bboxOf(features)).toEqual([121.43, 31.19, 121.45, 31.21]);
		expect(bboxOf([])).toBeNull();
	});
});

describe('dataDictionary', () => {
	const schema = z.object({
		id: field(z.string().min(1), 'Id', '标识'),
		status: field(z.enum(['open', 'closed']).nullable(), 'Status', '状态'),
		year: field(z.number().int().min(1800).nullable(), 'Year', '年份'),
		count: field(z.number().int().optional(), 'Count', '数量')
	});
	const layer = { popup: [{ key: 'status', label: { zh: '状态', en: 'Status' }, valueLabels: { open: { zh: '开放', en: 'Open' } } }], filters: [] } as unknown as LayerDef;
	const data = {
		type: 'FeatureCollection' as const,
		features: [
			{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] }, properties: { id: 'a', status: null, year: null } },
			{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] }, properties: { id: 'b', status: 'closed', year: 1930 } }
		]
	};
	const rows = Object.fromEntries(dataDictionary(layer, schema, data).map((r) => [r.field, r]));

	it('gives each field its type, whether it is required, and its meaning in both languages', () => {
		expect(Object.keys(rows)).toEqual(['id', 'status', 'year', 'count']);
		expect(rows.id).toMatchObject({ type: 'string', required: true, description: { en: 'Id', zh: '标识' }, constraints: 'length ≥ 1' });
		expect(rows.year).toMatchObject({ type: 'integer | null', constraints: '≥ 1800' });
		expect(rows.count.required).toBe(false);
	});

	it('lists allowed values with the registry’s labels, and takes examples from the data', () => {
		expect(rows.status.allowed).toEqual([{ value: 'open', label: { zh: '开放', en: 'Open' } }, { value: 'closed', label: null }]);
		expect(rows.status.example).toBe('closed');
		expect(rows.count.example).toBeNull();
	});

	it('covers every field of a real layer', () => {
		const pb = DATASETS.find((d) => d.id === 'protected-buildings')!;
		const real = dataDictionary(pb, layerSchema(pb.id), { type: 'FeatureCollection', features: [] });
		expect(real.map((r) => r.field)).toEqual(Object.keys(layerSchema(pb.id).shape));
		expect(real.find((r) => r.field === 'batch')?.allowed?.map((a) => a.value)).toContain('第五批');
	});
});

describe('district documents', () => {
	it('compute counts for every district the build covers, and say why not for the others', () => {
		const docs = districtDocuments();
		const report = readReport();
		for (const doc of docs) expect(districtDocument.safeParse(doc).success, doc.id).toBe(true);
		const built = docs.filter((d) => d.built);
		expect(built.map((d) => d.id)).toEqual(report.districts.map((d) => d.id));
		for (const doc of built) {
			expect(doc.area_km2, doc.id).toBeGreaterThan(1);
			for (const f of doc.figures) expect(f.computed_note, `${doc.id} ${f.key}`).not.toBeNull();
		}
		for (const other of docs.filter((d) => !d.built)) for (const f of other.figures) expect(f.computed_note).toMatch(/npm run data/);
	});
});
