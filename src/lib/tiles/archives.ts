/**
 * Tiles stop at z15 (≈0.26 m per tile unit here) and the map overzooms them beyond: the
 * same choice as Protomaps basemaps, and it halves the tile count against z16. Shared by the
 * pipeline, which writes the archives, and the map style, which names their tiles directly.
 */
export const ARCHIVE_ZOOMS = { minZoom: 12, maxZoom: 15 } as const;

/**
 * A district's first archive of a registry archive (`static/tiles/<archive>-<district>.pmtiles`),
 * written when a build covers more than one district: what that district's reader needs first, the
 * full archive following once the map is idle (scripts/pipeline/first-archives.ts, src/lib/map/first-archives.ts).
 */
export const firstArchiveName = (archive: string, district: string) => `${archive}-${district}`;
