import type { TourDrawing } from '../map/tour-overlay';
import { TOUR_LAYERS } from '../schema/vocabulary';
import type { ModeDef } from './types';

/**
 * A tour: a curated one by id, or `custom` with the visitor's own stops ("layer:id"); `stop` is
 * the stop shown (-1: the overview); `print` opens the printable sheet.
 */
export interface TourState {
	id: string | null;
	stop: number;
	stops: string[];
	print: boolean;
}

export const DEFAULT_TOUR: TourState = { id: null, stop: -1, stops: [], print: false };

/** `tour=id stop=n stops=layer:id|… print=1` */
export function parseTour(params: URLSearchParams): TourState | null {
	if (!params.has('tour')) return null;
	const id = params.get('tour') || null;
	const stop = Number(params.get('stop'));
	return {
		id: id && /^[a-z0-9-]+$/.test(id) ? id : null,
		// Links count stops from 1, as the sheet does.
		stop: Number.isInteger(stop) && stop >= 1 && stop <= 50 ? stop - 1 : -1,
		stops: (params.get('stops') ?? '').split('|').filter((s) => /^[a-z-]+:[\w-]+$/.test(s)).slice(0, 20),
		print: params.get('print') === '1'
	};
}

export function serialiseTour(tour: TourState, params: URLSearchParams): void {
	params.set('tour', tour.id ?? '');
	if (tour.stop >= 0) params.set('stop', String(tour.stop + 1));
	if (tour.id === 'custom' && tour.stops.length) params.set('stops', tour.stops.join('|'));
	if (tour.print) params.set('print', '1');
}

/** Curated walking tours and one's own; they share the walk worker's router. */
export const TOUR: ModeDef<'tour', TourDrawing> = {
	id: 'tour',
	action: 'tours',
	label: 'tours',
	open: () => ({ ...DEFAULT_TOUR }),
	keys: ['tour', 'stop', 'stops', 'print'],
	parse: parseTour,
	serialise: serialiseTour,
	panel: () => import('$lib/components/TourPanel.svelte').then((m) => m.default),
	props: () => ({}),
	drawing: () => ({ stops: [], legs: [], current: -1 }),
	overlay: (o, drawing) => o.tourOverlay(drawing),
	// In a tour of one's own, picking a building or residence adds it as a stop.
	pick: (view, layer, id) => {
		if (view.tour?.id !== 'custom' || !(TOUR_LAYERS as readonly string[]).includes(layer)) return false;
		const key = `${layer}:${id}`;
		if (!view.tour.stops.includes(key)) view.tour = { ...view.tour, stops: [...view.tour.stops, key], stop: -1 };
		return true;
	},
	print: (tour) => tour.print
};
