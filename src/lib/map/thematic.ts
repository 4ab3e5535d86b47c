import type { Map as MlMap, VectorTileSource } from 'maplibre-gl';
import { ALL, type MapDistricts } from './districts';
import { archiveSource } from './style';

/**
 * Progressive loading of the thematic layers. In a build of several districts the pipeline writes
 * each district a first archive (`thematic-<district>.pmtiles`: what a build of that district alone
 * holds, scripts/pipeline/first-archives.ts). The map of one district opens on it, so its first view
 * costs what that district alone would; once that view is drawn and the page is idle, the source
 * reads the full archive instead, in place (MapLibre reloads the tiles it shows without clearing
 * them), and the other districts' records appear under the mask. `all`, and a build of one
 * district, read the full archive from the start. Once full, the map stays full.
 *
 * The state is on the map's container (`data-thematic`: `district` until the full archive's tiles
 * are drawn, then `full`), for tests that wait for the other district's records.
 */

/** The archive every thematic record is in. */
export const FULL_THEMATIC = 'thematic';

/** The thematic archive the map opens on for a choice: the district's first archive where the build wrote one, else the full one. */
export function firstThematic(registry: Pick<MapDistricts, 'districts'>, choice: string): string {
	if (choice === ALL) return FULL_THEMATIC;
	return registry.districts.find((d) => d.id === choice)?.first_archive ?? FULL_THEMATIC;
}

/** How long the full archive may wait for the page to go idle after the first view, in ms. */
const IDLE_TIMEOUT_MS = 1000;

/** Runs `fn` when the page has a moment (requestIdleCallback where there is one). */
function whenIdle(fn: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
	else setTimeout(fn, 0);
}

/** The main map's thematic source: which archive it reads, and the step to the full one. */
export class ThematicArchive {
	/** The archive the source reads now: what every later style must name, or MapLibre's diff would rebuild the source. */
	archive: string;

	constructor(
		private readonly map: MlMap,
		private readonly tilesBase: string,
		first: string
	) {
		this.archive = first;
		this.mark(first === FULL_THEMATIC ? 'full' : 'district');
		// After the first full view ('idle': every visible tile drawn), once the page has a moment.
		if (first !== FULL_THEMATIC) map.once('idle', () => whenIdle(() => this.full()));
	}

	/** Reads the full archive from now on: the source's tiles are swapped in place, and every later style names it. */
	full(): void {
		if (this.archive === FULL_THEMATIC) return;
		const source = this.map.getSource('thematic') as VectorTileSource | undefined;
		// Before the style has loaded there is no source yet: the swap waits for it.
		if (!source) {
			this.map.once('load', () => this.full());
			return;
		}
		this.archive = FULL_THEMATIC;
		source.setTiles(archiveSource(this.tilesBase, FULL_THEMATIC).tiles!);
		// The next idle is the first with the full archive's tiles drawn.
		this.map.once('idle', () => this.mark('full'));
	}

	private mark(state: 'district' | 'full'): void {
		this.map.getContainer().dataset.thematic = state;
	}
}
