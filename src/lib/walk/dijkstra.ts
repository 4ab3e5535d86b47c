import type { WalkGraph } from './graph';

/** A place the walk starts from: a node, reached after `distance` metres (the way from the true start onto the network). */
export interface Source {
	node: number;
	distance: number;
}

export interface ShortestPaths {
	/** Metres from the nearest source to each node; Infinity where beyond `cutoff` or unreachable. */
	distance: Float64Array;
	/** The edge each node was reached by (-1 for sources and unreached nodes), to walk a route back. */
	via: Int32Array;
}

/**
 * Multi-source Dijkstra with a binary heap. One source gives a walk from a door; many give
 * each node its nearest facility (the coverage view). Edges are undirected: a pedestrian may
 * walk a one-way street either way.
 */
export function shortestPaths(graph: WalkGraph, sources: readonly Source[], cutoff = Infinity): ShortestPaths {
	const distance = new Float64Array(graph.nodeCount).fill(Infinity);
	const via = new Int32Array(graph.nodeCount).fill(-1);
	const heap = new MinHeap(Math.max(16, sources.length * 2));
	for (const s of sources) {
		if (s.distance < distance[s.node] && s.distance <= cutoff) {
			distance[s.node] = s.distance;
			heap.push(s.node, s.distance);
		}
	}
	while (heap.size > 0) {
		const d = heap.topKey();
		const node = heap.pop();
		if (d > distance[node]) continue; // a stale entry: the node was settled nearer
		for (let k = graph.adjStart[node]; k < graph.adjStart[node + 1]; k++) {
			const next = graph.adjTarget[k];
			const edge = graph.adjEdge[k];
			const nd = d + graph.edgeLength[edge];
			if (nd < distance[next] && nd <= cutoff) {
				distance[next] = nd;
				via[next] = edge;
				heap.push(next, nd);
			}
		}
	}
	return { distance, via };
}

/** Nodes from a source to `node`, following `via` back (source first). */
export function pathTo(graph: WalkGraph, paths: ShortestPaths, node: number): number[] {
	if (!Number.isFinite(paths.distance[node])) return [];
	const nodes = [node];
	let at = node;
	for (let guard = 0; paths.via[at] !== -1 && guard <= graph.nodeCount; guard++) {
		const e = paths.via[at];
		at = graph.edgeA[e] === at ? graph.edgeB[e] : graph.edgeA[e];
		nodes.push(at);
	}
	return nodes.reverse();
}

/** Binary min-heap of (node, key) with lazy deletion: duplicates are skipped when popped. */
class MinHeap {
	private nodes: Uint32Array;
	private keys: Float64Array;
	size = 0;

	constructor(capacity: number) {
		this.nodes = new Uint32Array(capacity);
		this.keys = new Float64Array(capacity);
	}

	push(node: number, key: number): void {
		if (this.size === this.nodes.length) this.grow();
		let i = this.size++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.keys[parent] <= key) break;
			this.nodes[i] = this.nodes[parent];
			this.keys[i] = this.keys[parent];
			i = parent;
		}
		this.nodes[i] = node;
		this.keys[i] = key;
	}

	topKey(): number {
		return this.keys[0];
	}

	pop(): number {
		const top = this.nodes[0];
		const lastNode = this.nodes[--this.size];
		const lastKey = this.keys[this.size];
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= this.size) break;
			if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
			if (this.keys[child] >= lastKey) break;
			this.nodes[i] = this.nodes[child];
			this.keys[i] = this.keys[child];
			i = child;
		}
		this.nodes[i] = lastNode;
		this.keys[i] = lastKey;
		return top;
	}

	private grow(): void {
		const nodes = new Uint32Array(this.nodes.length * 2);
		const keys = new Float64Array(this.keys.length * 2);
		nodes.set(this.nodes);
		keys.set(this.keys);
		this.nodes = nodes;
		this.keys = keys;
	}
}
