/**
 * How a source file's JSON is laid out, read from the file itself, so a refresh rewrites it
 * the same way and its diff shows only what the origin changed. The files came from several
 * tools: JSON.stringify (one line, or 2-space indented), Python's json.dumps (one line with
 * ", " and ": ") and Prettier (indented, with short arrays of scalars kept on one line).
 */
export interface JsonLayout {
	/** '' writes one line; otherwise the indentation of each level. */
	indent: string;
	/** One line with ", " and ": " between items, as Python writes it. */
	spaced: boolean;
	/** Indented files only: an array of scalars stays on one line when it fits this many columns (0: never). */
	inlineWidth: number;
	finalNewline: boolean;
}

/** What a new file gets. */
export const DEFAULT_LAYOUT: JsonLayout = { indent: '  ', spaced: false, inlineWidth: 0, finalNewline: true };

/** Prettier's default print width; its JSON keeps `"key": ["a", "b"]` on one line up to it. */
const PRETTIER_WIDTH = 80;

export function detectLayout(text: string): JsonLayout {
	const finalNewline = text.endsWith('\n');
	const body = text.trimEnd();
	const firstBreak = body.indexOf('\n');
	if (firstBreak < 0) {
		// The first key of the outer object shows the separator style.
		return { indent: '', spaced: /^\s*[[{]\s*"(?:[^"\\]|\\.)*": /.test(body), inlineWidth: 0, finalNewline };
	}
	const secondLine = body.slice(firstBreak + 1).match(/^[ \t]*/)?.[0] ?? '  ';
	const inlineArrays = /^[ \t]*(?:"(?:[^"\\]|\\.)*": )?\[[^\n\]]*[^\s\]][^\n]*\],?$/m.test(body);
	return { indent: secondLine || '  ', spaced: false, inlineWidth: inlineArrays ? PRETTIER_WIDTH : 0, finalNewline };
}

export function formatJson(value: unknown, layout: JsonLayout): string {
	const tail = layout.finalNewline ? '\n' : '';
	// JSON.stringify covers the two common layouts, and is much faster on the large files.
	if (layout.indent === '' && !layout.spaced) return JSON.stringify(value) + tail;
	if (layout.indent !== '' && layout.inlineWidth === 0) return JSON.stringify(value, null, layout.indent) + tail;
	return (layout.indent === '' ? oneLine(value) : indented(value, layout, '', 0)) + tail;
}

function oneLine(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
	if (isObject(value)) return `{${entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')}}`;
	return scalar(value);
}

/** `prefix` is the width already used on the line (indent, key, ...); `suffix` what follows the value (a comma). */
function indented(value: unknown, layout: JsonLayout, pad: string, prefix: number, suffix = 0): string {
	const inner = pad + layout.indent;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		if (value.every((v) => !Array.isArray(v) && !isObject(v))) {
			const flat = `[${value.map(scalar).join(', ')}]`;
			if (prefix + displayWidth(flat) + suffix <= layout.inlineWidth) return flat;
		}
		const items = value.map((v, i) => inner + indented(v, layout, inner, displayWidth(inner), i < value.length - 1 ? 1 : 0));
		return `[\n${items.join(',\n')}\n${pad}]`;
	}
	if (isObject(value)) {
		const list = entries(value);
		if (list.length === 0) return '{}';
		const items = list.map(([k, v], i) => {
			const head = `${inner}${JSON.stringify(k)}: `;
			return head + indented(v, layout, inner, displayWidth(head), i < list.length - 1 ? 1 : 0);
		});
		return `{\n${items.join(',\n')}\n${pad}}`;
	}
	return scalar(value);
}

function scalar(value: unknown): string {
	return JSON.stringify(value) ?? 'null';
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Object entries as JSON.stringify keeps them (it drops undefined values). */
function entries(value: Record<string, unknown>): Array<[string, unknown]> {
	return Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
}

/** Columns on screen, as Prettier counts them: CJK and full-width characters take two. */
function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
	return width;
}
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
