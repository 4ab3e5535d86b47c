/**
 * The pedestrian graph the site ships (`static/data/walk-graph.bin`) and the walk worker
 * routes on. Nodes are OSM nodes, edges the straight pieces between consecutive nodes of a
 * walkable way, so intersections are exactly the shared node ids of the OSM data.
 *
 * Binary layout, little-endian (small enough to read in one pass, no parser library):
 *   "HFWG" · u8 version (1) · u8 index width (2 or 4 bytes) · u16 reserved
 *   u32 node count · u32 edge count
 *   i32 lon × 1e6, then i32 lat × 1e6, per node (delta from the previous node, so gzip finds the repeats)
 *   node index pairs per edge (u16 or u32)
 *   u32 byte length + UTF-8 JSON array of street names · u16 name index per edge (0xffff: unnamed)
 * Edge lengths are not stored: they follow from the coordinates. Names let a route say which
 * streets it walks (and so their historic names).
 */
import { metres } from '../geo/distance';

export interface WalkGraph {
	nodeCount: number;
	edgeCount: number;
	lon: Float64Array;
	lat: Float64Array;
	/** Endpoints of each undirected edge: edge i joins edgeA[i] and edgeB[i]. */
	edgeA: Uint32Array;
	edgeB: Uint32Array;
	edgeLength: Float64Array;
	/** Compressed adjacency: neighbours of node n are adjTarget[adjStart[n] .. adjStart[n+1]). */
	adjStart: Uint32Array;
	adjTarget: Uint32Array;
	adjEdge: Uint32Array;
	names: string[];
	/** Index into `names` per edge; NO_NAME where the way has none. */
	edgeName: Uint16Array;
}

export const NO_NAME = 0xffff;

const MAGIC = [0x48, 0x46, 0x57, 0x47]; // "HFWG"
const SCALE = 1e6;

/** Builds the graph's derived arrays (lengths, adjacency) from nodes and edges. */
export function createWalkGraph(
	lon: ArrayLike<number>,
	lat: ArrayLike<number>,
	edges: ArrayLike<readonly [number, number]>,
	names: string[] = [],
	edgeName: ArrayLike<number> = new Uint16Array(edges.length).fill(NO_NAME)
): WalkGraph {
	if (names.length >= NO_NAME) throw new Error(`walk graph: ${names.length} street names; at most ${NO_NAME - 1} fit`);
	const nodeCount = lon.length;
	const edgeCount = edges.length;
	const edgeA = new Uint32Array(edgeCount);
	const edgeB = new Uint32Array(edgeCount);
	const edgeLength = new Float64Array(edgeCount);
	const degree = new Uint32Array(nodeCount + 1);
	for (let i = 0; i < edgeCount; i++) {
		const [a, b] = edges[i];
		if (a >= nodeCount || b >= nodeCount || a === b) throw new Error(`walk graph: edge ${i} (${a}–${b}) is not between two distinct nodes of ${nodeCount}`);
		edgeA[i] = a;
		edgeB[i] = b;
		edgeLength[i] = metres([lon[a], lat[a]], [lon[b], lat[b]]);
		degree[a]++;
		degree[b]++;
	}
	const adjStart = new Uint32Array(nodeCount + 1);
	for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = adjStart[n] + degree[n];
	const fill = adjStart.slice(0, nodeCount);
	const adjTarget = new Uint32Array(edgeCount * 2);
	const adjEdge = new Uint32Array(edgeCount * 2);
	for (let i = 0; i < edgeCount; i++) {
		adjTarget[fill[edgeA[i]]] = edgeB[i];
		adjEdge[fill[edgeA[i]]++] = i;
		adjTarget[fill[edgeB[i]]] = edgeA[i];
		adjEdge[fill[edgeB[i]]++] = i;
	}
	return { nodeCount, edgeCount, lon: Float64Array.from(lon), lat: Float64Array.from(lat), edgeA, edgeB, edgeLength, adjStart, adjTarget, adjEdge, names, edgeName: Uint16Array.from(edgeName) };
}

export interface WalkGraphArrays {
	nodeCount: number;
	edgeCount: number;
	lon: ArrayLike<number>;
	lat: ArrayLike<number>;
	edgeA: ArrayLike<number>;
	edgeB: ArrayLike<number>;
	names: string[];
	edgeName: ArrayLike<number>;
}

export function encodeWalkGraph(graph: WalkGraphArrays): Uint8Array {
	const width = graph.nodeCount <= 0xffff ? 2 : 4;
	const nameBytes = new TextEncoder().encode(JSON.stringify(graph.names));
	const bytes = new Uint8Array(16 + graph.nodeCount * 8 + graph.edgeCount * 2 * width + 4 + nameBytes.length + graph.edgeCount * 2);
	const view = new DataView(bytes.buffer);
	bytes.set(MAGIC, 0);
	view.setUint8(4, 1);
	view.setUint8(5, width);
	view.setUint32(8, graph.nodeCount, true);
	view.setUint32(12, graph.edgeCount, true);
	let at = 16;
	for (const coords of [graph.lon, graph.lat]) {
		let previous = 0;
		for (let n = 0; n < graph.nodeCount; n++) {
			const v = Math.round(coords[n] * SCALE);
			view.setInt32(at, v - previous, true);
			previous = v;
			at += 4;
		}
	}
	for (let i = 0; i < graph.edgeCount; i++) {
		for (const v of [graph.edgeA[i], graph.edgeB[i]]) {
			if (width === 2) view.setUint16(at, v, true);
			else view.setUint32(at, v, true);
			at += width;
		}
	}
	view.setUint32(at, nameBytes.length, true);
	bytes.set(nameBytes, at + 4);
	at += 4 + nameBytes.length;
	for (let i = 0; i < graph.edgeCount; i++, at += 2) view.setUint16(at, graph.edgeName[i], true);
	return bytes;
}

/** Reads the shipped file; a wrong or truncated file is an error that says so, never a half graph. */
export function decodeWalkGraph(buffer: ArrayBuffer | Uint8Array): WalkGraph {
	const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.byteLength < 16 || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('walk graph: not a walk-graph file (bad magic)');
	if (view.getUint8(4) !== 1) throw new Error(`walk graph: unknown version ${view.getUint8(4)}`);
	const width = view.getUint8(5);
	const nodeCount = view.getUint32(8, true);
	const edgeCount = view.getUint32(12, true);
	const fixed = 16 + nodeCount * 8 + edgeCount * 2 * width;
	const nameLength = bytes.byteLength >= fixed + 4 ? view.getUint32(fixed, true) : -1;
	const expected = fixed + 4 + nameLength + edgeCount * 2;
	if ((width !== 2 && width !== 4) || nameLength < 0 || bytes.byteLength !== expected) throw new Error(`walk graph: ${bytes.byteLength} bytes, expected ${nameLength < 0 ? `more than ${fixed + 4}` : expected}: truncated or corrupt`);
	let at = 16;
	const coords = [new Float64Array(nodeCount), new Float64Array(nodeCount)];
	for (const out of coords) {
		let v = 0;
		for (let n = 0; n < nodeCount; n++) {
			v += view.getInt32(at, true);
			out[n] = v / SCALE;
			at += 4;
		}
	}
	const edges: Array<[number, number]> = [];
	for (let i = 0; i < edgeCount; i++) {
		const a = width === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
		const b = width === 2 ? view.getUint16(at + width, true) : view.getUint32(at + width, true);
		edges.push([a, b]);
		at += 2 * width;
	}
	const names = JSON.parse(new TextDecoder().decode(bytes.subarray(at + 4, at + 4 + nameLength))) as string[];
	at += 4 + nameLength;
	const edgeName = new Uint16Array(edgeCount);
	for (let i = 0; i < edgeCount; i++, at += 2) edgeName[i] = view.getUint16(at, true);
	return createWalkGraph(coords[0], coords[1], edges, names, edgeName);
}
