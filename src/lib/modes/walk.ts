import { choiceName, choiceRings } from '../map/districts';
import type { WalkDrawing } from '../map/walk-overlay';
import type { ModeDef } from './types';

/** A walk query: where from, how long, how fast; the facility routed to; the category whose blind spots are drawn. */
export interface WalkState {
	from: [number, number] | null;
	minutes: number;
	/** Metres per minute. */
	speed: number;
	to: string | null;
	coverage: string | null;
}

/** 60 m/min (1 m/s) is an older resident's pace; healthy adults average nearer 80. */
export const DEFAULT_WALK: WalkState = { from: null, minutes: 15, speed: 60, to: null, coverage: null };

const validPoint = (p: number[] | undefined): p is [number, number] => p?.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** `walk=1 from=lon,lat wt=minutes ws=m/min to=facility cov=category` */
export function parseWalk(params: URLSearchParams): WalkState | null {
	if (params.get('walk') !== '1') return null;
	const walk: WalkState = { ...DEFAULT_WALK };
	const from = params.get('from')?.split(',').map(Number);
	if (validPoint(from)) walk.from = [from[0], from[1]];
	const minutes = Number(params.get('wt'));
	if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 60) walk.minutes = minutes;
	const speed = Number(params.get('ws'));
	if (Number.isFinite(speed) && speed >= 20 && speed <= 150) walk.speed = speed;
	walk.to = params.get('to') || null;
	walk.coverage = params.get('cov') || null;
	return walk;
}

export function serialiseWalk(walk: WalkState, params: URLSearchParams): void {
	params.set('walk', '1');
	if (walk.from) params.set('from', `${walk.from[0].toFixed(6)},${walk.from[1].toFixed(6)}`);
	params.set('wt', String(walk.minutes));
	params.set('ws', String(walk.speed));
	if (walk.to) params.set('to', walk.to);
	if (walk.coverage) params.set('cov', walk.coverage);
}

/** Walking time from a door: a click on the map sets where from. */
export const WALK: ModeDef<'walk', WalkDrawing> = {
	id: 'walk',
	action: 'walk',
	label: 'walk',
	open: () => ({ ...DEFAULT_WALK }),
	keys: ['walk', 'from', 'wt', 'ws', 'to', 'cov'],
	parse: parseWalk,
	serialise: serialiseWalk,
	panel: () => import('$lib/components/WalkPanel.svelte').then((m) => m.default),
	props: ({ districts, choice, view }) => ({ district: choiceRings(districts, choice), area: choiceName(districts, choice, view.lang) }),
	drawing: () => ({ answer: null, route: null, coverage: null }),
	overlay: (o, drawing) => o.walkOverlay(drawing),
	click: ({ view, lngLat }) => {
		if (!view.walk) return false;
		view.walk = { ...view.walk, from: lngLat, to: null };
		return true;
	}
};
