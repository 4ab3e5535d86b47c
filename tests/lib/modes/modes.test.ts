import { describe, expect, it } from 'vitest';
import { activeMode, MODES, parseModes, serialiseModes, toggleMode, type ModeFields, type ModeId, type ModeStates } from '../../../src/lib/modes';
import { fromSearchParams, toSearchParams, type ViewState } from '../../../src/lib/state/url';

const known = new Set(['protected-buildings', 'facilities', 'streets']);
const defaults: ViewState = { lang: 'zh', center: [121.445, 31.205], zoom: 14.5, layers: ['streets'], filters: {}, selected: null };

/** A state for each mode with every part set away from its defaults. */
const FULL: { [K in ModeId]: ModeStates[K] } = {
	walk: { from: [121.441234, 31.204567], minutes: 10, speed: 75, to: 'facility-guangyuan-market', coverage: 'health' },
	tour: { id: 'custom', stop: 2, stops: ['protected-buildings:ehb-abc', 'former-residences:residence-1'], print: true },
	plan: { area: [[121.44, 31.2], [121.45, 31.2], [121.45, 31.21]], closed: true, near: { a: 'protected-buildings', b: 'facilities', metres: 300 }, print: true }
};

describe('the mode registry', () => {
	it('declares each mode once, in the header order, with its own button', () => {
		expect(MODES.map((m) => m.id)).toEqual(['walk', 'tour', 'plan']);
		expect(new Set(MODES.map((m) => m.action)).size).toBe(MODES.length);
		for (const mode of MODES) {
			expect(typeof mode.panel, mode.id).toBe('function');
			expect(mode.drawing(), mode.id).toEqual(mode.drawing());
			expect(mode.open(), mode.id).toEqual(mode.open());
		}
	});

	it.each(MODES.map((m) => [m.id]))('round-trips %s through its URL keys, writing no key it does not declare', (id) => {
		const mode = MODES.find((m) => m.id === id)!;
		const params = new URLSearchParams();
		serialiseModes({ [id]: FULL[id as ModeId] }, params);
		expect([...params.keys()].every((k) => mode.keys.includes(k)), [...params.keys()].join(',')).toBe(true);
		expect(parseModes(new URLSearchParams(params.toString()), known)).toEqual({ [id]: FULL[id as ModeId] });
		// And its defaults, as the button opens it.
		const opened = new URLSearchParams();
		serialiseModes({ [id]: mode.open() }, opened);
		expect(parseModes(opened, known)).toEqual({ [id]: mode.open() });
		// And as part of the whole view.
		const view: ViewState = { ...defaults, [id]: FULL[id as ModeId] };
		expect(fromSearchParams(new URLSearchParams(toSearchParams(view).toString()), defaults, known)).toEqual(view);
	});

	it('opens one mode at a time: a button closes the others, a link naming two opens the first', () => {
		const view: ModeFields = {};
		toggleMode(view, 'walk');
		expect(activeMode(view)?.id).toBe('walk');
		toggleMode(view, 'plan');
		expect(view).toEqual({ walk: null, tour: null, plan: MODES.find((m) => m.id === 'plan')!.open() });
		toggleMode(view, 'plan');
		expect(activeMode(view)).toBeNull();
		expect(Object.values(view).every((v) => v === null)).toBe(true);

		const both = parseModes(new URLSearchParams('walk=1&wt=10&tour=architects&plan=1'), known);
		expect(Object.keys(both)).toEqual(['walk']);
		// The link written from a view holds only the open mode's keys.
		const written = toSearchParams({ ...defaults, ...both });
		expect(written.has('tour') || written.has('plan')).toBe(false);
	});

	it('ignores keys no mode declares, and a mode’s keys without its opening key', () => {
		expect(parseModes(new URLSearchParams('foo=1&walking=1&from=121.44,31.2&wt=10&stop=2&area=1,2;3,4&near=a,b,3'), known)).toEqual({});
		expect(parseModes(new URLSearchParams('walk=yes&plan=true'), known)).toEqual({});
		expect(parseModes(new URLSearchParams('walk=1&foo=bar&stops=x'), known)).toEqual({ walk: MODES[0].open() });
		expect(fromSearchParams(new URLSearchParams('foo=1&bar=2'), defaults, known)).toEqual(defaults);
	});

	it('clamps a bad value to the mode’s defaults rather than failing', () => {
		expect(parseModes(new URLSearchParams('walk=1&from=999,1&wt=0&ws=9000'), known)).toEqual({ walk: MODES[0].open() });
		expect(parseModes(new URLSearchParams('tour=<script>&stop=99&stops=bad|also bad'), known)).toEqual({ tour: { id: null, stop: -1, stops: [], print: false } });
		expect(parseModes(new URLSearchParams('plan=1&area=1,2;x,y;!&near=nope,streets,10'), known)).toEqual({ plan: { area: [[1, 2]], closed: false, near: null } });
	});
});
