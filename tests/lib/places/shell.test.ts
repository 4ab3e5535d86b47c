import { describe, expect, it } from 'vitest';
import { shellTarget } from '$lib/places/shell';

const at = (u: string) => shellTarget(new URL(u, 'http://h'));

describe('shellTarget', () => {
	it('reads the place or tour from the page address a service worker answered with the shell', () => {
		expect(at('/places/ehb-abc')).toEqual({ kind: 'place', id: 'ehb-abc', lang: 'zh' });
		expect(at('/en/places/osm-way-1')).toEqual({ kind: 'place', id: 'osm-way-1', lang: 'en' });
		expect(at('/places/ehb-abc?lang=en')).toEqual({ kind: 'place', id: 'ehb-abc', lang: 'en' });
		expect(at('/en/tours/architects')).toEqual({ kind: 'tour', id: 'architects', lang: 'en' });
		expect(at('/places/%E5%B7%A6')).toEqual({ kind: 'place', id: '左', lang: 'zh' });
	});

	it('reads ?place= or ?tour= when opened directly, and nothing else', () => {
		expect(at('/place-shell?place=ehb-abc&lang=en')).toEqual({ kind: 'place', id: 'ehb-abc', lang: 'en' });
		expect(at('/place-shell?tour=red-heritage')).toEqual({ kind: 'tour', id: 'red-heritage', lang: 'zh' });
		expect(at('/place-shell')).toBeNull();
		expect(at('/places/a/b')).toBeNull();
	});
});
