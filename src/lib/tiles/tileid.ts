// PMTiles v3 tile ids: tiles are numbered zoom by zoom, and within a zoom along a Hilbert curve, so
// tiles close on the map are close in the archive (one range request serves a neighbourhood).
//
// Ids above z=15 exceed 2^32, so only x and y (< 2^26) go through bitwise operators; ids use plain
// arithmetic, which is exact below 2^53, i.e. up to z=26.

export const MAX_ZOOM = 26;

/** Number of tiles in all zoom levels below z: (4^z - 1) / 3. */
function idsBeforeZoom(z: number): number {
	return (4 ** z - 1) / 3;
}

/** Hilbert-curve quadrant flip: keeps the curve continuous between sub-squares. */
function rotate(n: number, x: number, y: number, rx: number, ry: number): [number, number] {
	if (ry === 0) {
		if (rx === 1) {
			x = n - 1 - x;
			y = n - 1 - y;
		}
		return [y, x];
	}
	return [x, y];
}

export function zxyToTileId(z: number, x: number, y: number): number {
	if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw new RangeError(`zoom ${z} outside 0..${MAX_ZOOM}`);
	const n = 2 ** z;
	if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
		throw new RangeError(`tile ${z}/${x}/${y} outside its zoom level`);
	}
	let d = 0;
	for (let s = n / 2; s >= 1; s /= 2) {
		const rx = (x & s) > 0 ? 1 : 0;
		const ry = (y & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		[x, y] = rotate(n, x, y, rx, ry);
	}
	return idsBeforeZoom(z) + d;
}

export function tileIdToZxy(id: number): [z: number, x: number, y: number] {
	if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`tile id ${id} is not a non-negative safe integer`);
	let z = 0;
	while (idsBeforeZoom(z + 1) <= id) z++;
	if (z > MAX_ZOOM) throw new RangeError(`tile id ${id} beyond zoom ${MAX_ZOOM}`);
	const n = 2 ** z;
	let t = id - idsBeforeZoom(z);
	let x = 0;
	let y = 0;
	for (let s = 1; s < n; s *= 2) {
		// Two bits of the curve position per level; t % 4 keeps this exact beyond 32 bits.
		const q = t % 4;
		const rx = (q >> 1) & 1;
		const ry = (q & 1) ^ rx;
		[x, y] = rotate(s, x, y, rx, ry);
		x += s * rx;
		y += s * ry;
		t = (t - q) / 4;
	}
	return [z, x, y];
}
