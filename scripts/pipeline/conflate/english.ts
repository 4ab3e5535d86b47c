import { titleCase } from '../streets/foreign';

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'a', 'an']);

/**
 * An English name as the panel should show it, or null. A value in Chinese is no English name (one
 * OSM way has its two names swapped); a name written all in capitals, as Virtual Shanghai writes many
 * ("KING'S LYNN APARTMENTS"), is set in title case, but a one-word acronym (YMCA) stays as it is.
 */
export function englishName(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const name = value.replace(/\s+/g, ' ').trim();
	if (!/[A-Za-z]/.test(name) || /\p{Script=Han}/u.test(name)) return null;
	if (name !== name.toUpperCase() || !name.includes(' ')) return name;
	return titleCase(name)
		.split(' ')
		.map((word, i) => (i > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word))
		.join(' ');
}

/** Words that say what a building was, not which one: Virtual Shanghai names many records only so. */
const KIND_WORDS = new Set(
	'primary junior senior high middle school schools kindergarten girl girls boys hospital clinic residential residence complex apartment apartments house houses temple church garden playground ball game sports field public bath toilets post office camp military american refugee factory restaurant bank jetty cemetery muslim warehouse police station sub and of no the'.split(' ')
);

/** "Residential Complex", "Hospital", "Primary School No. 1": a kind of building, which the panel must not show as its name. */
export function onlyAKind(name: string): boolean {
	const words = name.toLowerCase().match(/[a-z]+/g) ?? [];
	return words.length > 0 && words.every((w) => KIND_WORDS.has(w));
}
