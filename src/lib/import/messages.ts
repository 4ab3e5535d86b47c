/** Small pieces of the importer's messages, so every message shows values the same way. */
import { msg, type Message } from '../i18n/messages';
import type { ImportRowError } from './types';

/** A rejected record with where it is: its CSV line, or its place among the GeoJSON features. */
export function rowProblem(e: Pick<ImportRowError, 'line' | 'record' | 'message'>): Message {
	return e.line !== null ? msg('import.row.line', { line: e.line, problem: e.message }) : msg('import.row.record', { record: e.record + 1, problem: e.message });
}

const integer = new Intl.NumberFormat('en-US');

/** 20,000 */
export function formatCount(n: number): string {
	return integer.format(n);
}

/** 7.2 MB, 5 MB: one decimal unless whole. */
export function formatMegabytes(bytes: number): string {
	const rounded = Math.round((bytes / (1024 * 1024)) * 10) / 10;
	return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} MB`;
}

/** A value from the file inside a message, on one line and short; the catalogue's sentence quotes it in its own language's marks. */
export function clip(value: string, max = 40): string {
	const flat = value.slice(0, max + 1).replace(/\s+/g, ' ');
	return value.length > max ? flat.slice(0, max) + '…' : flat;
}

/** A value from the file inside a message: quoted, on one line, and short. */
export function quote(value: string, max = 40): string {
	const flat = value.slice(0, max + 1).replace(/\s+/g, ' ');
	return `"${value.length > max ? flat.slice(0, max) + '…' : flat}"`;
}

/** A column name inside a message: unquoted but short. */
export function columnLabel(name: string, max = 40): string {
	return name.length > max ? name.slice(0, max) + '…' : name;
}
