import type { Page } from 'playwright-core';

/**
 * Waits until the page's MapLibre map has loaded its style and every visible tile: on the main
 * map of one district, those of the full archives, which follow its first view
 * (`data-thematic`, src/lib/map/first-archives.ts), so every record of every district can be seen.
 */
export async function waitForMap(page: Page): Promise<void> {
	await page.waitForFunction(() => {
		const map = (window as unknown as { hengfuMap?: { loaded(): boolean; areTilesLoaded(): boolean } }).hengfuMap;
		return Boolean(map?.loaded() && map.areTilesLoaded() && document.getElementById('map')?.dataset.thematic !== 'district');
	}, null, { timeout: 60_000 });
	await page.waitForTimeout(300);
}

/**
 * Features of a registry layer drawn in the viewport, counted by id (one building split over
 * tiles counts once). Labels are left out: whether a label is placed depends on collisions
 * still settling, and a label can sit in view while its feature does not.
 */
export function renderedCount(page: Page, layerId: string): Promise<number> {
	return page.evaluate((id) => {
		const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string; type: string; source?: string; 'source-layer'?: string }[] }; queryRenderedFeatures(o: unknown): { properties: { id?: string } }[] } }).hengfuMap;
		const layers = map.getStyle().layers.filter((l) => l['source-layer'] === id && l.type !== 'symbol' && !l.id.endsWith('-selected')).map((l) => l.id);
		return new Set(map.queryRenderedFeatures({ layers }).map((f) => f.properties.id)).size;
	}, layerId);
}

/**
 * Share of the map's pixels that differ from its most common colour: a blank map scores ~0.
 * Read from a real screenshot, since a WebGL canvas need not keep its drawing buffer.
 */
export async function paintedShare(page: Page): Promise<number> {
	const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
	if (!box) throw new Error('no map canvas on the page');
	const png = (await page.screenshot({ clip: box })).toString('base64');
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const probe = document.createElement('canvas');
		probe.width = 200;
		probe.height = 200;
		const ctx = probe.getContext('2d')!;
		ctx.drawImage(img, 0, 0, 200, 200);
		const { data } = ctx.getImageData(0, 0, 200, 200);
		const counts = new Map<string, number>();
		for (let i = 0; i < data.length; i += 4) {
			const key = `${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		return 1 - Math.max(...counts.values()) / (200 * 200);
	}, png);
}

/** Clicks the map where a lon/lat point is drawn (as a person would, through the canvas). */
export async function clickAt(page: Page, [lon, lat]: [number, number]): Promise<void> {
	const point = await page.evaluate(([x, y]) => (window as unknown as { hengfuMap: { project(p: [number, number]): { x: number; y: number } } }).hengfuMap.project([x, y]), [lon, lat] as [number, number]);
	const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
	if (!box) throw new Error('no map canvas on the page');
	await page.mouse.click(box.x + point.x, box.y + point.y);
}
