import type { GeocodeResult } from '../geo/geocode';
import type { CoverageAnswer, Leg, WalkAnswer, WalkQuery } from './engine';
import type { WalkRequest } from './protocol';
import type { Feature, LineString } from 'geojson';

/** The page's handle on the walk worker: one promise per request. */
export class WalkClient {
	private worker: Worker;
	private next = 1;
	private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

	constructor(categories: string[], district: Array<Array<Array<[number, number]>>>) {
		this.worker = new Worker(new URL('./walk.worker.ts', import.meta.url), { type: 'module' });
		this.worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string }>) => {
			const p = this.pending.get(e.data.id);
			this.pending.delete(e.data.id);
			if (e.data.ok) p?.resolve(e.data.result);
			else p?.reject(new Error(e.data.error));
		};
		this.ready = this.ask({ type: 'init', categories, district });
	}

	readonly ready: Promise<unknown>;

	private ask<T>(request: WalkRequest): Promise<T> {
		const id = this.next++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			// A plain copy: the page's reactive state (proxies) cannot cross to a worker.
			this.worker.postMessage({ id, request: JSON.parse(JSON.stringify(request)) });
		});
	}

	isochrone(query: WalkQuery): Promise<WalkAnswer | null> {
		return this.ask({ type: 'isochrone', query });
	}
	route(start: [number, number], facility: string, metresPerMinute: number): Promise<Feature<LineString, { metres: number; minutes: number; facility: string }> | null> {
		return this.ask({ type: 'route', start, facility, metresPerMinute });
	}
	coverage(category: string, minutes: number, metresPerMinute: number): Promise<CoverageAnswer> {
		return this.ask({ type: 'coverage', category, minutes, metresPerMinute });
	}
	routeThrough(points: Array<[number, number]>): Promise<{ legs: Leg[]; metres: number } | null> {
		return this.ask({ type: 'route-through', points });
	}
	matrix(points: Array<[number, number]>): Promise<number[][]> {
		return this.ask({ type: 'matrix', points });
	}
	/** Reads a file in the worker (the page stays responsive for 10,000 features). */
	importFile(fileName: string, bytes: Uint8Array, crs: 'WGS84' | 'GCJ02' | 'BD09'): Promise<import('../import').ImportResult> {
		const id = this.next++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			// Bytes go as they are: JSON would turn them into a huge array of numbers.
			this.worker.postMessage({ id, request: { type: 'import', fileName, bytes, crs } });
		});
	}

	geocode(address: string): Promise<GeocodeResult> {
		return this.ask({ type: 'geocode', address });
	}
	terminate(): void {
		this.worker.terminate();
	}
}
