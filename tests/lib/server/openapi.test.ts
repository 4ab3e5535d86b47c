import { Ajv2020 } from 'ajv/dist/2020.js';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/analysis/export';
import { DATASETS, datasetsIndex, readLayer } from '../../../src/lib/server/catalogue';
import { districtDocuments, districtIds } from '../../../src/lib/server/districts';
import { openApiDocument, propertiesComponent } from '../../../src/lib/server/openapi';

const doc = openApiDocument(districtIds());

/** A validator for one response of the document, resolving its component references. */
function responseValidator(path: string, type: string) {
	const ajv = new Ajv2020({ strict: false, allErrors: false });
	ajv.addSchema({ $id: 'openapi.json', components: (doc as { components: unknown }).components });
	const schema = (doc as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }> }).paths[path].get.responses['200'].content[type].schema;
	// Rebase local references onto the registered document.
	return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
}

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('describes every dataset’s GeoJSON and CSV, and every district', () => {
		const paths = Object.keys((doc as { paths: object }).paths);
		for (const d of DATASETS) expect(paths).toEqual(expect.arrayContaining([`/api/datasets/${d.id}.geojson`, `/api/datasets/${d.id}.csv`]));
		expect(JSON.stringify(doc)).toContain('"tianping"');
	});

	it('names a component after its layer', () => {
		expect(propertiesComponent('protected-buildings')).toBe('ProtectedBuildingsProperties');
	});
});

describe('the API documents validate against it', () => {
	it('/api/datasets.json', () => {
		const validate = responseValidator('/api/datasets.json', 'application/json');
		expect(validate(JSON.parse(JSON.stringify(datasetsIndex()))), JSON.stringify(validate.errors)).toBe(true);
	});

	it.each(DATASETS.map((d) => d.id))('/api/datasets/%s.geojson', (id) => {
		const validate = responseValidator(`/api/datasets/${id}.geojson`, 'application/geo+json');
		expect(validate(readLayer(id)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
	});

	it('/api/districts/{id}.json', () => {
		const validate = responseValidator('/api/districts/{id}.json', 'application/json');
		for (const d of districtDocuments()) expect(validate(JSON.parse(JSON.stringify(d))), `${d.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
	});

	it('refuses a feature that breaks its schema (the check has teeth)', () => {
		const validate = responseValidator('/api/datasets/protected-buildings.geojson', 'application/geo+json');
		const fc = readLayer('protected-buildings');
		const broken = { ...fc, features: [{ ...fc.features[0], properties: { ...fc.features[0].properties, protection: 'demolished' } }] };
		expect(validate(broken)).toBe(false);
	});

	it('CSV downloads have a header row with every property, then lon, lat, geometry_type', () => {
		const csv = toCsv(readLayer('elevator-retrofits').features);
		const header = csv.replace('\uFEFF', '').split('\r\n')[0];
		expect(header).toContain('name_zh');
		expect(header.endsWith('lon,lat,geometry_type')).toBe(true);
	});
});
