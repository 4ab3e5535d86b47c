import type { WalkQuery } from './engine';

/** Messages the page sends the walk worker; each gets one reply with the same id. */
export type WalkRequest =
	| { type: 'init'; categories: string[]; district: Array<Array<Array<[number, number]>>> }
	| { type: 'isochrone'; query: WalkQuery }
	| { type: 'route'; start: [number, number]; facility: string; metresPerMinute: number }
	| { type: 'coverage'; category: string; minutes: number; metresPerMinute: number }
	| { type: 'geocode'; address: string }
	| { type: 'route-through'; points: Array<[number, number]> }
	| { type: 'matrix'; points: Array<[number, number]> }
	| { type: 'import'; fileName: string; bytes: Uint8Array; crs: 'WGS84' | 'GCJ02' | 'BD09' };
