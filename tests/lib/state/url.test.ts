import { describe, expect, it } from 'vitest';
import { DEFAULT_WALK, fromSearchParams, toSearchParams, type ViewState } from '../../../src/lib/state/url';

const known = new Set(['protected-buildings', 'streets']);
const defaults: ViewState = { lang: 'zh', center: [121.445, 31.205], zoom: 14.5, layers: ['streets'], filters: {}, selected: null };

describe('view state in the URL', () => {
	it('round-trips every part', () => {
		const view: ViewState = {
			lang: 'en',
			center: [121.44123, 31.20456],
			zoom: 16.25,
			layers: ['protected-buildings', 'streets'],
			filters: { 'protected-buildings': { batch: ['第一批', '第二批'], architect: ['Palmer & Turner, Ltd'] } },
			selected: { layer: 'protected-buildings', id: 'ehb-abc' }
		};
		const params = new URLSearchParams(toSearchParams(view).toString());
		expect(fromSearchParams(params, defaults, known)).toEqual(view);
	});
	it('falls back to defaults on garbage and unknown layers', () => {
		const params = new URLSearchParams('lang=fr&c=abc,1&z=99&layers=nope,streets&f.nope.x=1&sel=nope:1');
		expect(fromSearchParams(params, defaults, known)).toEqual({ ...defaults, layers: ['streets'] });
	});
	it('keeps an empty layer list when the link says so', () => {
		expect(fromSearchParams(new URLSearchParams('layers='), defaults, known).layers).toEqual([]);
	});

	it('round-trips layer order and opacity, dropping unknown layers', () => {
		const view: ViewState = { ...defaults, order: ['streets', 'protected-buildings'], opacity: { streets: 0.4 } };
		expect(fromSearchParams(new URLSearchParams(toSearchParams(view).toString()), defaults, known)).toEqual(view);
		const bad = fromSearchParams(new URLSearchParams('order=nope,streets,streets&op=streets:7|nope:0.5'), defaults, known);
		expect(bad.order).toEqual(['streets']);
		expect(bad.opacity).toBeUndefined();
	});

	it('round-trips a walk query, and clamps a bad one to the defaults', () => {
		const view: ViewState = { ...defaults, walk: { from: [121.441234, 31.204567], minutes: 10, speed: 75, to: 'facility-guangyuan-market', coverage: 'health' } };
		expect(fromSearchParams(new URLSearchParams(toSearchParams(view).toString()), defaults, known)).toEqual(view);
		const bad = fromSearchParams(new URLSearchParams('walk=1&from=999,1&wt=0&ws=9000'), defaults, known);
		expect(bad.walk).toEqual(DEFAULT_WALK);
		expect(fromSearchParams(new URLSearchParams('from=121.44,31.2'), defaults, known).walk).toBeUndefined();
	});

	it('keeps the district choice as d=, and leaves it out when it is the default (null)', () => {
		const view: ViewState = { ...defaults, district: 'hunan' };
		const params = toSearchParams(view);
		expect(params.get('d')).toBe('hunan');
		expect([...params.keys()].slice(0, 2)).toEqual(['lang', 'd']);
		expect(fromSearchParams(new URLSearchParams(params.toString()), defaults, known)).toEqual(view);
		expect(toSearchParams({ ...defaults, district: null }).has('d')).toBe(false);
		expect(toSearchParams(defaults).has('d')).toBe(false);
		expect(fromSearchParams(new URLSearchParams('d=all'), defaults, known).district).toBe('all');
		expect(fromSearchParams(new URLSearchParams(''), defaults, known).district).toBeUndefined();
		expect(fromSearchParams(new URLSearchParams('d='), defaults, known).district).toBeUndefined();
	});

	it('keeps an unknown district as written (the page says it does not know it), but not a whole page of it', () => {
		expect(fromSearchParams(new URLSearchParams('d=nowhere'), defaults, known).district).toBe('nowhere');
		expect(fromSearchParams(new URLSearchParams(`d=${'x'.repeat(500)}`), defaults, known).district).toHaveLength(64);
	});
});
