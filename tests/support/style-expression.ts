import { expression } from '@maplibre/maplibre-gl-style-spec';

/** Evaluates a style expression (or a constant) against one feature's properties at a zoom, as MapLibre does. */
export function evaluate(expr: unknown, properties: Record<string, unknown>, zoom = 14, type: 'number' | 'color' | 'string' | 'boolean' = 'number'): unknown {
	const parsed = expression.createExpression(Array.isArray(expr) ? expr : ['literal', expr], { type, 'property-type': 'data-driven', expression: { interpolated: true, parameters: ['zoom', 'feature'] } } as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	const value = parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
	return type === 'color' ? (value as { toString(): string }).toString() : value;
}

/** A colour as MapLibre reads it, whatever its notation. */
export const css = (color: string) => evaluate(['to-color', color], {}, 14, 'color');

/** Whether a layer filter (an expression, false, or none) lets a feature through. */
export const passes = (filter: unknown, properties: Record<string, unknown>) => (filter === undefined ? true : filter === false ? false : Boolean(evaluate(filter, properties, 14, 'boolean')));
