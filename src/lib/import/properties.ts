/**
 * Property values as the map and the side panel can take them: flat (string, number, boolean,
 * null), bounded in length, and never colliding with the importer's own keys.
 */
import { msg, type Message } from '../i18n/messages';
import type { PropertyValue } from './result';
import { RESERVED_PROPERTIES } from './types';

export class PropertyCleaner {
	/** How many strings were cut, for one note instead of one per value. */
	cut = 0;

	constructor(readonly maxLength: number) {}

	text(value: string): string {
		if (value.length <= this.maxLength) return value;
		this.cut++;
		return value.slice(0, this.maxLength);
	}

	/** Nested objects and arrays become JSON text; numbers JSON cannot hold (1e400 → Infinity) become null. */
	value(value: unknown): PropertyValue {
		if (value === null || value === undefined) return null;
		if (typeof value === 'string') return this.text(value);
		if (typeof value === 'number') return Number.isFinite(value) ? value : null;
		if (typeof value === 'boolean') return value;
		return this.text(stringify(value));
	}

	note(): Message | null {
		if (!this.cut) return null;
		return this.cut === 1 ? msg('import.cutOne', { max: this.maxLength }) : msg('import.cut', { count: this.cut, max: this.maxLength });
	}
}

/** JSON text of a nested value; one too deep for JSON.stringify says so instead of failing. */
function stringify(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return '[nested too deeply to show]';
	}
}

/**
 * Names for a file's columns or keys: blank names get a position, duplicates a suffix, and the
 * importer's own names (`_record`…) are renamed so the file's values are kept beside ours.
 */
export function uniqueColumnNames(raw: string[], maxLength: number): { names: string[]; renamed: string[] } {
	const taken = new Set<string>(RESERVED_PROPERTIES);
	const renamed: string[] = [];
	const names = raw.map((original, i) => {
		const trimmed = original.trim().slice(0, maxLength);
		const base = trimmed === '' ? `column_${i + 1}` : trimmed;
		let name = base;
		for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
		if (trimmed !== '' && name !== trimmed) renamed.push(`"${trimmed}" → "${name}"`);
		taken.add(name);
		return name;
	});
	return { names, renamed };
}

/** Renames only the importer's own names (GeoJSON keys are unique within a feature already). */
export function safeKey(key: string, maxLength: number): string {
	const cut = key.slice(0, maxLength);
	return (RESERVED_PROPERTIES as readonly string[]).includes(cut) ? `${cut}_file` : cut;
}
