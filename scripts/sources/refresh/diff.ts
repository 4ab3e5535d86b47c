/** One thing a source file lists, under the id it is known by across refreshes. */
export interface Keyed {
	id: string;
	value: unknown;
}

export interface Changes {
	added: string[];
	removed: string[];
	changed: string[];
	unchanged: number;
	/** Items before and after (an id listed twice counts twice). */
	before: number;
	after: number;
}

/**
 * What a refresh changed, by id. An id may be listed more than once (a Wikidata item with two
 * heritage statuses is two rows): its rows are compared as one group. Values are compared
 * with their keys sorted, so a new key order upstream is not a change.
 */
export function diffById(before: Keyed[], after: Keyed[]): Changes {
	const old = group(before);
	const now = group(after);
	const added: string[] = [];
	const changed: string[] = [];
	let unchanged = 0;
	for (const [id, values] of now) {
		const was = old.get(id);
		if (!was) added.push(id);
		else if (was !== values) changed.push(id);
		else unchanged++;
	}
	const removed = [...old.keys()].filter((id) => !now.has(id));
	return { added, removed, changed, unchanged, before: before.length, after: after.length };
}

function group(items: Keyed[]): Map<string, string> {
	const rows = new Map<string, string[]>();
	for (const item of items) {
		const list = rows.get(item.id);
		const text = canonical(item.value);
		if (list) list.push(text);
		else rows.set(item.id, [text]);
	}
	return new Map([...rows].map(([id, list]) => [id, list.sort().join('\n')]));
}

/** JSON with every object's keys sorted. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v
	);
}

/** "3 added: way/1, way/2, way/3" — the count and the first few ids of one kind of change. */
export function describeIds(label: string, ids: string[], first = 5): string {
	const shown = ids.slice(0, first).join(', ');
	return `${ids.length.toLocaleString('en')} ${label}${ids.length ? `: ${shown}${ids.length > first ? ', …' : ''}` : ''}`;
}
