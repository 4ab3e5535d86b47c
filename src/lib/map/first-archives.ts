import type { Map as MlMap, VectorTileSource } from 'maplibre-gl';
import { ARCHIVES, type ArchiveName } from '../layers';
import { firstArchiveName } from '../tiles/archives';
import { ALL, type MapDistricts } from './districts';
import { archiveSource } from './style';

/**
 * Progressive loading. In a build of several districts the pipeline writes each district a first
 * archive of each registry archive (`basemap-<district>.pmtiles`, `thematic-<district>.pmtiles`:
 * what a build of that district alone holds, scripts/pipeline/first-archives.ts). The map of one
 * district opens on them, so its first view costs what that district alone would; once that view is
 * drawn and the page is idle, each source reads the full archive instead, in place (MapLibre
 * reloads the tiles it shows without clearing them), and the other districts' streets and records
 * appear under the mask. `all`, and a build of one district, read the full archives from the
 * start. Once full, the map stays full.
 *
 * The state is on the map's container (`data-thematic`: `district` until the full archives' tiles
 * are drawn, then `full`), for tests that wait for the other district's records.
 */

/** The archive each source reads. */
export type SourceArchives = Record<ArchiveName, string>;

const FULL: SourceArchives = { basemap: 'basemap', thematic: 'thematic' };

/** The archives the map opens on for a choice: the district's first archives where the build wrote them, else the full ones. */
export function firstArchives(registry: Pick<MapDistricts, 'districts'>, choice: string): SourceArchives {
	const firsts = choice === ALL ? undefined : registry.districts.find((d) => d.id === choice)?.first_archives;
	return Object.fromEntries(ARCHIVES.map((a) => [a, firsts?.includes(a) ? firstArchiveName(a, choice) : a])) as SourceArchives;
}

const isFull = (archives: SourceArchives) => ARCHIVES.every((a) => archives[a] === FULL[a]);

/** How long the full archives may wait for the page to go idle after the first view, in ms. */
const IDLE_TIMEOUT_MS = 1000;

/** Runs `fn` when the page has a moment (requestIdleCallback where there is one). */
function whenIdle(fn: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
	else setTimeout(fn, 0);
}

/** The main map's sources: which archive each reads, and the step to the full ones. */
export class MapArchives {
	/** The archives the sources read now: what every later style must name, or MapLibre's diff would rebuild the sources. */
	archives: SourceArchives;

	constructor(
		private readonly map: MlMap,
		private readonly tilesBase: string,
		first: SourceArchives
	) {
		this.archives = { ...first };
		this.mark(isFull(first) ? 'full' : 'district');
		// After the first full view ('idle': every visible tile drawn), once the page has a moment.
		if (!isFull(first)) map.once('idle', () => whenIdle(() => this.full()));
	}

	/** Reads the full archives from now on: each source's tiles are swapped in place, and every later style names them. */
	full(): void {
		if (isFull(this.archives)) return;
		// Before the style has loaded there are no sources yet: the swap waits for them.
		if (ARCHIVES.some((a) => !this.map.getSource(a))) {
			this.map.once('load', () => this.full());
			return;
		}
		for (const a of ARCHIVES) {
			if (this.archives[a] === FULL[a]) continue;
			(this.map.getSource(a) as VectorTileSource).setTiles(archiveSource(this.tilesBase, FULL[a]).tiles!);
		}
		this.archives = { ...FULL };
		// The next idle is the first with the full archives' tiles drawn.
		this.map.once('idle', () => this.mark('full'));
	}

	private mark(state: 'district' | 'full'): void {
		this.map.getContainer().dataset.thematic = state;
	}
}
