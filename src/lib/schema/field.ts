import type { ZodType } from 'zod';

/**
 * A schema with its meaning in both languages, for the data dictionary and the OpenAPI
 * document (`x-zh` travels into the JSON Schema beside `description`).
 */
export function field<T extends ZodType>(schema: T, en: string, zh: string): T {
	return schema.meta({ description: en, 'x-zh': zh });
}
