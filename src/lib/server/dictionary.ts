/**
 * A dataset's data dictionary, generated from its zod schema (through its JSON Schema, so the
 * dictionary says exactly what the OpenAPI document says), with examples read from the data.
 */
import { z, type ZodObject } from 'zod';
import type { LayerDef, Text } from '../layers';
import type { Features } from './catalogue';

export interface DictionaryRow {
	field: string;
	/** JSON types, e.g. "string", "integer | null". */
	type: string;
	required: boolean;
	description: Text;
	/** The first value the data holds for the field; null when every record leaves it empty. */
	example: string | null;
	/** Allowed values, with their labels where the registry gives them. */
	allowed: Array<{ value: string; label: Text | null }> | null;
	/** Other limits: minimum, maximum, pattern, minimum length. */
	constraints: string | null;
}

interface JsonProp {
	type?: string | string[];
	anyOf?: JsonProp[];
	enum?: unknown[];
	const?: unknown;
	description?: string;
	'x-zh'?: string;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	pattern?: string;
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

export function dataDictionary(layer: LayerDef, schema: ZodObject, data: Features): DictionaryRow[] {
	const json = z.toJSONSchema(schema, { io: 'output' }) as { properties: Record<string, JsonProp>; required?: string[] };
	const labels = valueLabels(layer);
	return Object.entries(json.properties).map(([field, prop]) => {
		const variants = prop.anyOf ?? [prop];
		const types = [...new Set(variants.flatMap((v) => (Array.isArray(v.type) ? v.type : v.type ? [v.type] : [])))];
		const values = variants.flatMap((v) => v.enum ?? (v.const !== undefined ? [v.const] : [])).filter((v) => v !== null);
		return {
			field,
			type: types.join(' | ') || 'any',
			required: (json.required ?? []).includes(field),
			description: { en: prop.description ?? '', zh: prop['x-zh'] ?? prop.description ?? '' },
			example: exampleOf(data, field),
			allowed: values.length ? values.map((v) => ({ value: String(v), label: labels[field]?.[String(v)] ?? null })) : null,
			constraints: constraintsOf(variants)
		};
	});
}

function valueLabels(layer: LayerDef): Record<string, Record<string, Text>> {
	const out: Record<string, Record<string, Text>> = {};
	for (const f of layer.popup) if (f.valueLabels) out[f.key] = { ...f.valueLabels };
	for (const f of layer.filters ?? []) if (f.valueLabels) out[f.property] = { ...out[f.property], ...f.valueLabels };
	return out;
}

function exampleOf(data: Features, field: string): string | null {
	for (const f of data.features) {
		const v = f.properties?.[field];
		if (v === null || v === undefined || v === '') continue;
		const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
		return text.length > 80 ? `${text.slice(0, 79)}…` : text;
	}
	return null;
}

function constraintsOf(variants: JsonProp[]): string | null {
	const parts: string[] = [];
	for (const v of variants) {
		// zod states "any safe integer" as explicit bounds; they say nothing to a reader.
		if (v.minimum !== undefined && Math.abs(v.minimum) < SAFE_INTEGER) parts.push(`≥ ${v.minimum}`);
		if (v.maximum !== undefined && Math.abs(v.maximum) < SAFE_INTEGER) parts.push(`≤ ${v.maximum}`);
		if (v.minLength) parts.push(`length ≥ ${v.minLength}`);
		if (v.pattern) parts.push(`pattern ${v.pattern}`);
	}
	return parts.length ? parts.join(', ') : null;
}
