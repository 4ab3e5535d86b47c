import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LAYERS } from '../../../src/lib/layers';
import { LAYER_SCHEMAS, layerSchema } from '../../../src/lib/layers/schemas';

describe('layer schemas', () => {
	it('has exactly one schema per registry layer', () => {
		expect(Object.keys(LAYER_SCHEMAS).sort()).toEqual(LAYERS.map((l) => l.id).sort());
	});

	it('describes every field in both languages, for the data dictionary', () => {
		for (const [layerId, schema] of Object.entries(LAYER_SCHEMAS)) {
			const json = z.toJSONSchema(schema) as { properties: Record<string, { description?: string; 'x-zh'?: string }> };
			for (const [key, prop] of Object.entries(json.properties)) {
				expect(prop.description, `${layerId}.${key}`).toMatch(/\S/);
				expect(prop['x-zh'], `${layerId}.${key}`).toMatch(/\S/);
			}
		}
	});

	it('names every property the map and panel read', () => {
		for (const layer of LAYERS) {
			const keys = Object.keys(layerSchema(layer.id).shape);
			for (const key of layer.tileProperties ?? []) expect(keys, `${layer.id} tile property ${key}`).toContain(key);
			for (const f of layer.popup) {
				const present = f.lang ? keys.includes(`${f.key}_zh`) && keys.includes(`${f.key}_en`) : keys.includes(f.key);
				expect(present, `${layer.id} popup field ${f.key}`).toBe(true);
			}
			for (const f of layer.filters ?? []) expect(keys, `${layer.id} filter ${f.property}`).toContain(f.property);
		}
	});

	it('refuses a layer it does not know, naming the file to fix', () => {
		expect(() => layerSchema('no-such-layer')).toThrow(/no-such-layer.*schemas\.ts/);
	});

	it('stays out of the browser registry: no layer module imports zod', () => {
		for (const file of ['index', 'types', 'simple', 'district', 'streets', 'protected-buildings', 'registers', 'labels']) {
			const text = readFileSync(new URL(`../../../src/lib/layers/${file}.ts`, import.meta.url), 'utf8');
			expect(text, file).not.toMatch(/from 'zod'|schema\/(register|protected-building)'/);
		}
	});
});
