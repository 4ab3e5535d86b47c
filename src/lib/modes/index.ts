/**
 * The map's modes, declared once: the header's buttons, the side panel, the map's drawings, map
 * clicks and the link's keys all read this list. Adding a mode is one entry here (with its state
 * type in ModeStates and its field on MapView). One mode is open at a time.
 */
import { PLAN } from './plan';
import { TOUR } from './tour';
import type { ModeDef, ModeFields, ModeId, ModeStates } from './types';
import { WALK } from './walk';

export type { ModeClick, ModeContext, ModeDef, ModeFields, ModeId, ModeStates, OverlayModule } from './types';

/** In the header's order; a link naming two modes opens the first. */
export const MODES: readonly ModeDef[] = [WALK, TOUR, PLAN] as unknown as readonly ModeDef[];

export const modeById = (id: ModeId): ModeDef => MODES.find((m) => m.id === id)!;

/** The open mode, if any. */
export function activeMode(view: ModeFields): ModeDef | null {
	return MODES.find((m) => view[m.id]) ?? null;
}

/** The modes a link opens: at most one, the first in MODES that its keys name; every other key is left alone. */
export function parseModes(params: URLSearchParams, knownLayers: ReadonlySet<string>): ModeFields {
	for (const mode of MODES) {
		const state = mode.parse(params, knownLayers);
		if (state) return { [mode.id]: state } as ModeFields;
	}
	return {};
}

/** Writes the open mode's keys. */
export function serialiseModes(view: ModeFields, params: URLSearchParams): void {
	const mode = activeMode(view);
	if (mode) (mode.serialise as (s: unknown, p: URLSearchParams) => void)(view[mode.id], params);
}

/** The button's press: the mode opens with its defaults and every other closes, or it closes. */
export function toggleMode(view: ModeFields, id: ModeId): void {
	const opening = !view[id];
	for (const mode of MODES) (view as Record<ModeId, unknown>)[mode.id] = mode.id === id && opening ? modeById(id).open() : null;
}

