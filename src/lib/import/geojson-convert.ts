/**
 * A validated geometry → the same geometry in WGS84, every position inside Shanghai. A height
 * (the third number) is kept; anything after it (a measure) is dropped, as RFC 7946 advises.
 */
import type { Geometry, Position as GeoJsonPosition } from 'geojson';
import { msg, type Message } from '../i18n/messages';
import { placeLonLat } from './coordinates';
import type { ImportGeometry } from './geojson-schema';
import type { ImportCrs } from './types';

export type Converted = { ok: true; geometry: Geometry } | { ok: false; reason: Message };

class OutsideShanghai extends Error {
	constructor(readonly content: Message) {
		super(content.key);
	}
}

export function convertGeometry(geometry: ImportGeometry, crs: ImportCrs): Converted {
	let index = 0;
	const total = countPositions(geometry);
	const one = (p: number[]): GeoJsonPosition => {
		const placed = placeLonLat(p[0], p[1], crs);
		index++;
		if (!placed.ok) throw new OutsideShanghai(total > 1 ? msg('import.coord.position', { index, total, reason: placed.reason }) : placed.reason);
		return p.length >= 3 && Number.isFinite(p[2]) ? [...placed.position, p[2]] : placed.position;
	};
	const line = (ps: number[][]) => ps.map(one);
	try {
		switch (geometry.type) {
			case 'Point':
				return { ok: true, geometry: { type: 'Point', coordinates: one(geometry.coordinates) } };
			case 'MultiPoint':
				return { ok: true, geometry: { type: 'MultiPoint', coordinates: line(geometry.coordinates) } };
			case 'LineString':
				return { ok: true, geometry: { type: 'LineString', coordinates: line(geometry.coordinates) } };
			case 'MultiLineString':
				return { ok: true, geometry: { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) } };
			case 'Polygon':
				return { ok: true, geometry: { type: 'Polygon', coordinates: geometry.coordinates.map(line) } };
			case 'MultiPolygon':
				return { ok: true, geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(line)) } };
		}
	} catch (e) {
		if (e instanceof OutsideShanghai) return { ok: false, reason: e.content };
		throw e;
	}
}

function countPositions(geometry: ImportGeometry): number {
	switch (geometry.type) {
		case 'Point':
			return 1;
		case 'MultiPoint':
		case 'LineString':
			return geometry.coordinates.length;
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.reduce((n, l) => n + l.length, 0);
		case 'MultiPolygon':
			return geometry.coordinates.reduce((n, poly) => n + poly.reduce((m, l) => m + l.length, 0), 0);
	}
}
