/**
 * The OpenAPI 3.1 document of the static JSON API, generated from the same zod schemas the
 * pipeline validates with and the endpoints are checked against.
 */
import { z, type ZodType } from 'zod';
import { layerSchema } from '../layers/schemas';
import { datasetsIndex, districtDocument } from '../schema/catalogue';
import { layerById } from '../layers';
import { REGISTER_IDS } from '../../../scripts/pipeline/registers/read';
import { DATASETS } from './catalogue';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: ZodType): JsonSchema {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as JsonSchema;
	return rest;
}

/** PascalCase component name for a layer id: protected-buildings → ProtectedBuildingsProperties. */
export function propertiesComponent(id: string): string {
	return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) + 'Properties';
}

const GEOMETRY: JsonSchema = {
	type: 'object',
	description: 'A GeoJSON geometry (RFC 7946) in WGS84 longitude/latitude.',
	required: ['type', 'coordinates'],
	properties: {
		type: { enum: ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] },
		coordinates: { type: 'array' }
	}
};

function featureCollection(propertiesRef: string): JsonSchema {
	return {
		type: 'object',
		required: ['type', 'features'],
		properties: {
			type: { const: 'FeatureCollection' },
			features: {
				type: 'array',
				items: {
					type: 'object',
					required: ['type', 'geometry', 'properties'],
					properties: {
						type: { const: 'Feature' },
						geometry: { anyOf: [{ $ref: '#/components/schemas/Geometry' }, { type: 'null' }] },
						properties: { $ref: `#/components/schemas/${propertiesRef}` }
					}
				}
			}
		}
	};
}

const ok = (description: string, type: string, schema: JsonSchema) => ({ '200': { description, content: { [type]: { schema } } } });

export function openApiDocument(districtIds: readonly string[]): JsonSchema {
	const schemas: Record<string, JsonSchema> = {
		DatasetsIndex: jsonSchema(datasetsIndex),
		DistrictDocument: jsonSchema(districtDocument),
		Geometry: GEOMETRY
	};
	const paths: Record<string, JsonSchema> = {
		'/api/datasets.json': {
			get: {
				operationId: 'listDatasets',
				summary: 'Every dataset: titles, sources, licences, counts, extent and downloads',
				responses: ok('The catalogue', 'application/json', { $ref: '#/components/schemas/DatasetsIndex' })
			}
		},
		'/api/districts/{id}.json': {
			get: {
				operationId: 'getDistrict',
				summary: 'A subdistrict’s published figures, each beside the portal’s own count',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', enum: [...districtIds] } }],
				responses: ok('The district', 'application/json', { $ref: '#/components/schemas/DistrictDocument' })
			}
		}
	};
	for (const layer of DATASETS) {
		const name = propertiesComponent(layer.id);
		schemas[name] = jsonSchema(layerSchema(layer.id));
		paths[`/api/datasets/${layer.id}.geojson`] = {
			get: {
				operationId: `get-${layer.id}-geojson`,
				summary: `${layer.title.en} (${layer.title.zh}) as GeoJSON`,
				description: layer.description.en,
				responses: ok('The features, WGS84', 'application/geo+json', featureCollection(name))
			}
		};
		paths[`/api/datasets/${layer.id}.csv`] = {
			get: {
				operationId: `get-${layer.id}-csv`,
				summary: `${layer.title.en} (${layer.title.zh}) as CSV: the properties, then lon, lat (a representative point) and geometry_type`,
				responses: ok('UTF-8 CSV with a byte-order mark', 'text/csv', { type: 'string' })
			}
		};
	}
	for (const id of REGISTER_IDS) {
		const title = layerById(id)!.title;
		paths[`/api/templates/${id}.xlsx`] = {
			get: {
				operationId: `get-${id}-template-xlsx`,
				summary: `${title.en} (${title.zh}): the fill-in template the offices import with npm run register -- import (Chinese headers, English keys, drop-downs, instructions in zh and en)`,
				responses: ok('An Excel workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { type: 'string', contentEncoding: 'binary' })
			}
		};
		paths[`/api/templates/${id}.csv`] = {
			get: {
				operationId: `get-${id}-template-csv`,
				summary: `${title.en} (${title.zh}): the same template as CSV`,
				responses: ok('UTF-8 CSV with a byte-order mark', 'text/csv', { type: 'string' })
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: '衡复 Heritage Map open data API',
			version: '1.0.0',
			description:
				'Static, prerendered documents: the catalogue, each dataset as GeoJSON and CSV, each register’s fill-in template, and each subdistrict’s published figures. Every dataset keeps the licence of its sources (see `sources` in the catalogue); the project’s own registers are CC BY 4.0.',
			license: { name: 'CC BY 4.0 (project data); per-source licences as listed', url: 'https://creativecommons.org/licenses/by/4.0/' }
		},
		servers: [{ url: '/' }],
		paths,
		components: { schemas }
	};
}
