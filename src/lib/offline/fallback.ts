/**
 * What an offline visitor gets for a page the service worker has not stored: a place page
 * (`/places/<id>`, see the team's contract) opens the stored map with that place selected, found in
 * the stored search index (so the fallback follows the data: any feature the index lists); anything
 * else gets a short page saying the site is offline, with a link to the map.
 */

/** The fields of a search-index.json document that locate a feature (src/lib/search/documents.ts). */
export interface IndexedFeature {
	layer: string;
	featureId?: string | null;
	center?: [number, number];
}

/** The zoom the map opens at on a place: street level, as when a search answer is chosen. */
const PLACE_ZOOM = 17;

const PLACE_PATH = /^\/places\/([^/]+?)(?:\.html)?\/?$/;

/** The map URL showing the place `pathname` names (selected, framed), or null when it names no place the index knows. */
export function placeFallback(url: URL, index: readonly IndexedFeature[]): string | null {
	const match = PLACE_PATH.exec(url.pathname);
	if (!match) return null;
	let id: string;
	try {
		id = decodeURIComponent(match[1]);
	} catch {
		return null;
	}
	const doc = index.find((d) => d.featureId === id && d.layer !== 'streets');
	if (!doc) return null;
	const params = new URLSearchParams({ sel: `${doc.layer}:${id}` });
	if (doc.center) {
		params.set('c', `${doc.center[0]},${doc.center[1]}`);
		params.set('z', String(PLACE_ZOOM));
	}
	if (url.searchParams.get('lang') === 'en') params.set('lang', 'en');
	return `/?${params}`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The offline page for `url`, in the language its `lang=` asks for (Chinese by default). No script, no style: it passes any policy. */
export function offlinePage(url: URL): string {
	const en = url.searchParams.get('lang') === 'en';
	const path = escape(url.pathname);
	const map = en ? '/?lang=en' : '/';
	return [
		'<!doctype html>',
		`<html lang="${en ? 'en' : 'zh-Hans'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<title>${en ? 'Offline · Hengfu Heritage Map' : '离线 · 衡复风貌地图'}</title></head><body>`,
		`<main data-offline-page><h1>${en ? 'You are offline' : '当前处于离线状态'}</h1>`,
		`<p>${en ? `This page (<code>${path}</code>) was not stored on this device, so it cannot be shown without a connection.` : `此页面（<code>${path}</code>）未保存在本设备上，无网络时无法显示。`}</p>`,
		`<p><a href="${map}">${en ? 'Open the map (stored for offline use)' : '打开地图（已离线保存）'}</a></p>`,
		'</main></body></html>'
	].join('\n');
}
