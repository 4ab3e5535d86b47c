// The pmtiles:// protocol for MapLibre: `pmtiles://<archive URL>/{z}/{x}/{y}` → that tile's bytes.
import { PmtilesArchive } from '../tiles/pmtiles-reader';

interface TileRequest {
	url: string;
	type?: string;
}
export type ProtocolAction = (request: TileRequest, abort: AbortController) => Promise<{ data: ArrayBuffer }>;

const TILE_URL = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/;
const archives = new Map<string, PmtilesArchive>();

export const pmtilesProtocol: ProtocolAction = async (request, abort) => {
	const match = TILE_URL.exec(request.url);
	if (!match || (request.type && request.type !== 'arrayBuffer')) {
		throw new Error(`pmtiles: expected a tile URL pmtiles://<archive>/{z}/{x}/{y}, got ${request.url}`);
	}
	const [, url, z, x, y] = match;
	let archive = archives.get(url);
	if (!archive) archives.set(url, (archive = new PmtilesArchive(url)));
	// A tile the archive lacks is an empty tile (nothing to draw there), not an error.
	return { data: (await archive.getZxy(Number(z), Number(x), Number(y), abort.signal)) ?? new ArrayBuffer(0) };
};
