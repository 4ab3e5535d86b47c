/**
 * Registers the service worker (src/service-worker.ts) from the map page, and reports whether the
 * site is ready offline. SvelteKit's own registration is turned off (svelte.config.js): it would run
 * at the window's load event, while the map is still fetching its first tiles, and from an inline
 * script. Here the worker is registered once the map's first view is drawn, so storing the site
 * (about 2–3 MB) never slows that view down.
 */

/** unsupported: no service workers here (or blocked); preparing: storing the site; ready: it is stored. */
export type OfflineState = 'unsupported' | 'waiting' | 'preparing' | 'ready' | 'failed';

export const SERVICE_WORKER_URL = '/service-worker.js';
/** A map that never settles (a tab in the background, a slow machine) must not keep the site from being stored. */
const FIRST_VIEW_WAIT_MS = 20_000;
/** After the first view, a moment for what it set off (labels placed, the reader's first pan) before storing begins. */
const AFTER_VIEW_MS = 1_000;

interface MapLike {
	loaded(): boolean;
	areTilesLoaded(): boolean;
	once(type: 'idle', listener: () => void): unknown;
}

/** Resolves once the page has loaded and the map (if any: it may lack WebGL) has drawn its first view. */
export function afterFirstView(): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			const map = (window as unknown as { hengfuMap?: MapLike }).hengfuMap;
			if (!map || (map.loaded() && map.areTilesLoaded())) resolve();
			else map.once('idle', () => resolve());
		};
		if (document.readyState === 'complete') check();
		else addEventListener('load', check, { once: true });
		setTimeout(resolve, FIRST_VIEW_WAIT_MS);
	});
}

/** Registers the worker (after the first view) and calls `onstate` as the offline copy progresses. */
export async function registerOffline(onstate: (state: OfflineState) => void): Promise<void> {
	if (import.meta.env.DEV || !('serviceWorker' in navigator)) return onstate('unsupported');
	const container = navigator.serviceWorker;
	// A returning visitor (or one offline now) is ready at once: a worker of an earlier visit is active.
	const existing = await container.getRegistration().catch(() => undefined);
	onstate(existing?.active ? 'ready' : 'waiting');
	await afterFirstView();
	await new Promise((resolve) => setTimeout(resolve, AFTER_VIEW_MS));
	let registration: ServiceWorkerRegistration | undefined;
	try {
		// Registering again also asks the server whether a new build's worker exists.
		registration = await container.register(SERVICE_WORKER_URL);
	} catch (err) {
		console.warn('Offline use is unavailable:', err);
	}
	// Refused (private mode, offline on a first visit) or blocked (a test's browser context answers
	// with nothing at all): the site works on, online.
	if (!registration) return onstate(existing?.active ? 'ready' : 'unsupported');
	if (registration.active) return onstate('ready');
	onstate('preparing');
	const installing = registration.installing ?? registration.waiting;
	installing?.addEventListener('statechange', () => {
		if (installing.state === 'redundant' && !registration.active) onstate('failed');
	});
	await container.ready;
	onstate('ready');
}
