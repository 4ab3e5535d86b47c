// Point groups for the layers the registry clusters (`cluster` on a layer): the groups at every
// tile zoom below `cluster.from`, each counting its records per combination of filter values.
// What the map reads from them is described in src/lib/map/clusters.ts.
import Supercluster from 'supercluster';
import type { Feature, Point } from 'geojson';
import type { LayerDef } from '../../src/lib/layers';
import { comboClass, groupClasses, groupDimensions, groupSourceLayer, largest, type GroupTable } from '../../src/lib/map/clusters';
import { ARCHIVE_ZOOMS } from '../../src/lib/tiles/archives';
import type { TileLayer } from './tile';

type PointFeature = Feature<Point, Record<string, unknown>>;

/** A layer's combinations of filter values and district, and which one each feature has. */
export interface Combinations extends GroupTable {
	/** Per input feature, the index of its combination. */
	of: number[];
}

/**
 * The distinct combinations of a layer's filter values and district among its features, sorted so
 * the table is the same for the same data. The district is one more dimension, so a group's number
 * follows the map's district choice exactly; it at most multiplies the combinations by the
 * districts a build covers plus one (the context), and a group near no district line carries no more counts.
 */
export function combinations(layer: LayerDef, features: readonly Feature[]): Combinations {
	const properties = groupDimensions(layer);
	const tuple = (f: Feature) => properties.map((p) => f.properties?.[p] ?? null);
	const keys = [...new Set(features.map((f) => JSON.stringify(tuple(f))))].sort();
	const index = new Map(keys.map((k, i) => [k, i]));
	return { properties, combos: keys.map((k) => JSON.parse(k)), of: features.map((f) => index.get(JSON.stringify(tuple(f)))!) };
}

/** The table facets.json carries for a clustered layer: the combinations (filter values, then district) its groups' `c<i>` count. */
export function groupTable(layer: LayerDef, features: readonly Feature[]): GroupTable {
	const { properties, combos } = combinations(layer, features);
	return { properties, combos };
}

/** The tile zooms a clustered layer's groups are written at: from the archive's (or the layer's) first up to the one before `from`. */
export function groupZooms(layer: LayerDef): number[] {
	if (!layer.cluster) return [];
	const first = Math.max(ARCHIVE_ZOOMS.minZoom, layer.minzoom);
	const last = Math.min(ARCHIVE_ZOOMS.maxZoom, layer.cluster.from - 1);
	return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** A clustered layer at each of its group zooms: its groups (two records or more), and which records stand alone. */
export interface Groups {
	table: GroupTable;
	byZoom: Map<number, PointFeature[]>;
	/** Per group zoom, the indexes of the input features no other joins there. */
	alone: Map<number, Set<number>>;
	/** Per group zoom, each group's input features (by index), in the order of `byZoom`. */
	members: Map<number, number[][]>;
}

/**
 * Groups a clustered layer's points at each of its group zooms (supercluster: a point joins the
 * group of a point within `cluster.radius` screen pixels at that zoom, groups are made from the
 * groups of the zoom above). Every group carries `n`, its counts per combination (`c<i>`, only
 * those above 0), `top` (its largest legend class, where the layer has classes) and `x` (the zoom
 * at which it splits). A point no other joins stays a point (`alone`).
 */
export function groupLayer(layer: LayerDef, features: readonly Feature[]): Groups {
	const table = combinations(layer, features);
	const byZoom = new Map<number, PointFeature[]>();
	const alone = new Map<number, Set<number>>();
	const members = new Map<number, number[][]>();
	const zooms = groupZooms(layer);
	if (!layer.cluster || zooms.length === 0) return { table, byZoom, alone, members };
	const classes = groupClasses(layer);
	const classOf = table.combos.map((combo) => comboClass(classes, table.properties, combo));
	const points = features.flatMap((f, i) => (f.geometry?.type === 'Point' ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { c: table.of[i], i } }] : []));
	const index = new Supercluster<{ c: number; i: number }, Record<string, number>>({
		minZoom: zooms[0],
		maxZoom: zooms[zooms.length - 1],
		radius: layer.cluster.radius,
		// MapLibre draws vector tiles 512 px wide: radius is in screen pixels.
		extent: 512,
		map: (p) => ({ [`c${p.c}`]: 1 }),
		reduce: (acc, p) => {
			for (const [k, v] of Object.entries(p)) acc[k] = (acc[k] ?? 0) + v;
		}
	});
	index.load(points);
	for (const z of zooms) {
		const groups: PointFeature[] = [];
		const joined: number[][] = [];
		const single = new Set<number>();
		for (const g of index.getClusters([-180, -85, 180, 85], z)) {
			const p = g.properties as Record<string, unknown>;
			if (!p.cluster) {
				single.add(Number(p.i));
				continue;
			}
			const counts = Object.entries(p).filter(([k]) => /^c\d+$/.test(k)) as [string, number][];
			counts.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
			// Per legend class, then for records of none (drawn in the layer's own colour, -1).
			const sums = [...classes.keys(), -1].map((k) => counts.reduce((sum, [key, v]) => sum + (classOf[Number(key.slice(1))] === k ? v : 0), 0));
			const top = largest(sums);
			joined.push(index.getLeaves(Number(p.cluster_id), Infinity).map((leaf) => leaf.properties.i));
			groups.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: g.geometry.coordinates.map((v) => Math.round(v * 1e7) / 1e7) },
				properties: {
					n: Number(p.point_count),
					...(classes.length ? { top: top === classes.length ? -1 : top } : {}),
					x: Math.min(index.getClusterExpansionZoom(Number(p.cluster_id)), layer.cluster.from),
					...Object.fromEntries(counts)
				}
			});
		}
		byZoom.set(z, groups);
		members.set(z, joined);
		alone.set(z, single);
	}
	return { table, byZoom, alone, members };
}

/**
 * The tile layers of a registry layer: its features (`tileFeatures`: `features` with only the
 * properties the tiles carry) and, for a clustered layer, its groups. A clustered layer's tiles
 * below `cluster.from` hold its groups (`<id>-clusters`) and the points that stand alone there,
 * flagged `alone`; the last archive zoom holds every point too, for the zooms the map overzooms
 * it to, where every point is drawn (src/lib/map/clusters.ts: `pointFilter`).
 *
 * `keep` (by input index) writes only some of the features: a district's first archive
 * (scripts/pipeline/first-archives.ts). Its groups are the full archive's groups that hold a
 * kept feature, so the table of combinations (facets.json) and every number stay those of the
 * full archive, and nothing moves when the map swaps one archive for the other.
 */
export function layerTiles(layer: LayerDef, features: readonly Feature[], tileFeatures: Feature[], keep: (i: number) => boolean = () => true): TileLayer[] {
	const own: TileLayer = { name: layer.id, description: layer.description.en, features: tileFeatures.filter((_, i) => keep(i)), minZoom: layer.minzoom };
	if (!layer.cluster) return [own];
	const { byZoom, alone, members } = groupLayer(layer, features);
	const points = new Map<number, Feature[]>();
	for (let z: number = Math.max(ARCHIVE_ZOOMS.minZoom, layer.minzoom); z <= ARCHIVE_ZOOMS.maxZoom; z++) {
		const single = alone.get(z);
		const flagged = (f: Feature, i: number): Feature => (single?.has(i) ? { ...f, properties: { ...f.properties, alone: true } } : f);
		const shown = (i: number) => keep(i) && (!single || z === ARCHIVE_ZOOMS.maxZoom || single.has(i));
		points.set(z, tileFeatures.flatMap((f, i) => (shown(i) ? [flagged(f, i)] : [])));
	}
	const groups = new Map([...byZoom].map(([z, gs]) => [z, gs.filter((_, g) => members.get(z)![g].some(keep))]));
	return [
		{ ...own, byZoom: points },
		{ name: groupSourceLayer(layer), description: `${layer.description.en} (groups below z${layer.cluster.from})`, features: [], byZoom: groups }
	];
}
