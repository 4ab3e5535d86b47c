import { area as areaOf, bbox } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAYERS, type LayerDef } from '../../src/lib/layers';
import type { KnownNames } from '../../src/lib/layers/types';
import type { District } from '../../src/lib/schema/district';
import { buildingFeatures } from './buildings';
import { conflateProtectedBuildings, type Clipped, type MatchCount } from './conflate/buildings';
import { joinFootprints } from './conflate/footprints';
import type { SameNameReport } from './conflate/same-name';
import { titleInEnglish, type EnglishTitleReport } from './conflate/english-title';
import { intersectsArea, ringsOf } from '../../src/lib/geo/geometry';
import { ALL_DISTRICTS } from '../../src/lib/schema/district';
import { clipToCoverage, coverage, coverDistricts, loadDistrictRegistry, maskFrame, outsideMask, selectDistrict, type Area, type Covered, type DistrictProblem } from './districts';
import { sortFeatures, validateLayer, type LayerFeature } from './layers';
import { loadSource, type LoadedSource } from './load';
import { SOURCES, sourceById } from './manifest';
import { listPhotos } from './read';
import { SourceError, type Rejection, type SourceCount } from './report';
import { buildStreetLayers, type StreetTables } from './streets/layer';
import { buildHistoryLayers } from './history';
import { STREETS_SOURCE } from './streets/overpass';
import { createGeocoder, type Anchor, type GeocodeResult, type StreetLine } from '../../src/lib/geo/geocode';
import type { WalkGraphBuild } from './walk/build-graph';
import { readTours, resolveTours, TOURS_FILE, type ResolvedTour } from './tours';
import { ANCHOR_SOURCES, anchorsFromSources, STREET_NETWORK_BBOX, streetLinesFrom } from './geocode/anchors';
import { buildRegisterLayers, type RegisterLayers } from './registers';
import type { RegisterFeature } from './registers/place';
import { sourceFacts, type SourceFact } from './source-facts';
import { english, msg, render, type Message } from '../../src/lib/i18n/messages';
import { citedNewsletter, type CitedNewsletter } from '../../src/lib/schema/bibliography';
import { bibliographyIndex, bibliographyPath, loadBibliography } from './bibliography';

export interface FigureCheck {
	key: string;
	label_en: string;
	published: number;
	source: string;
	computed: number | null;
	/** How the count was made, or why there is none: a catalogue message, and its text in English and Chinese for JSON readers. */
	message: Message;
	note: string;
	note_zh: string;
}

export interface BuildResult {
	/** The first district built (the registry's order): the one a build of one district is of. */
	district: District;
	/** Every district this build covers, with its boundary and context. */
	districts: District[];
	covered: Covered[];
	/** The registry's default district: the one the map opens on. */
	defaultDistrict: string;
	/** Registry entries left out of the build, and why (the others are built). */
	districtProblems: DistrictProblem[];
	/** The union of the covered districts' boundaries. */
	boundary: Area;
	layers: Map<string, LayerFeature[]>;
	counts: SourceCount[];
	rejected: Rejection[];
	matches: MatchCount[];
	/** Every pair of listings sharing a name, merged or not, and why. */
	sameName: SameNameReport;
	/** Per district: protected buildings with an English name from a source, a descriptive title, or none. */
	englishTitles: EnglishTitleReport;
	streetTables: StreetTables;
	/** Per district id: each published figure beside the portal's own count. */
	figures: Record<string, FigureCheck[]>;
	photos: string[];
	/** Each source as the sources folder's manifest describes it (origin, dates, licence), and whether it was read. */
	sources: SourceFact[];
	/** Optional sources not yet fetched, and the layers that wait for them. */
	pending: Array<{ source: string; file: string; layers: string[] }>;
	registers: Omit<RegisterLayers, 'layers' | 'walkFacilities'> & { anchors: number; skippedAnchors: Record<string, number> };
	walk: WalkGraphBuild;
	/** Facilities for the walk feature, beyond the district too (see RegisterLayers). */
	walkFacilities: RegisterFeature[];
	tours: ResolvedTour[];
	/** The newsletters of data/bibliography.json, by key: what a citation shows instead of a file. */
	newsletters: Record<string, CitedNewsletter>;
	/** What the browser's geocoder needs: the named streets and the anchors it uses. */
	geocoderInput: { streets: StreetLine[]; anchors: Anchor[] };
	/** Milliseconds per stage, for the console and the benchmark; never written to outputs. */
	timings: Record<string, number>;
}

export interface BuildOptions {
	repoRoot: string;
	sourcesDir: string;
	districtId?: string;
}

/** Every stage from raw sources to validated WGS84 layers, in memory; `write.ts` puts them on disk. */
export function buildLayers({ repoRoot, sourcesDir, districtId }: BuildOptions): BuildResult {
	const timings: Record<string, number> = {};
	const time = <T>(stage: string, run: () => T): T => {
		const start = performance.now();
		const out = run();
		timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
		return out;
	};
	const registry = loadDistrictRegistry(join(repoRoot, 'data/districts.json'));
	// No --district: every district the registry gives a boundary, each checked on its own.
	const candidates = districtId ? [selectDistrict(registry, districtId)] : registry.districts;
	const newsletters = bibliographyIndex(loadBibliography(bibliographyPath(repoRoot)), sourcesDir);
	const figureProblems: DistrictProblem[] = [];
	const withFigures = candidates.filter((d) => {
		const stray = d.figures.find((fig) => fig.layer && !LAYERS.some((l) => l.id === fig.layer));
		if (stray) figureProblems.push({ district: d.id, reason: `data/districts.json, figure "${stray.key}": layer "${stray.layer}" is not in the layer registry` });
		const uncited = d.figures.find((fig) => !newsletters.has(fig.source));
		if (uncited) figureProblems.push({ district: d.id, reason: `data/districts.json, figure "${uncited.key}": "${uncited.source}" is not a newsletter of data/bibliography.json` });
		return !stray && !uncited;
	});

	// The boundaries first: their context area bounds what every other source needs converting.
	const loaded = new Map<string, LoadedSource>();
	const { covered, problems: boundaryProblems } = coverDistricts(withFigures, (d) => {
		const source = loaded.get(d.boundary_source) ?? loadSource(sourcesDir, sourceById(d.boundary_source));
		loaded.set(d.boundary_source, source);
		return districtBoundary(source.features);
	});
	const districtProblems = [...registry.problems, ...figureProblems, ...boundaryProblems];
	if (covered.length === 0) {
		throw new SourceError('data/districts.json', `no district can be built: ${districtProblems.map((p) => `${p.district}: ${p.reason}`).join('; ')}`);
	}
	const cover = coverage(covered);
	const { boundary, context } = cover;
	// The geocoder reads anchors along the whole street network, beyond the district.
	const area = unionBox(bbox(context), STREET_NETWORK_BBOX);
	const pending: BuildResult['pending'] = [];
	for (const id of [...recordSourcesInUse(), ...ANCHOR_SOURCES]) {
		const entry = sourceById(id);
		if (loaded.has(id)) continue;
		if (entry.optional && !existsSync(join(sourcesDir, entry.file))) {
			pending.push({ source: id, file: entry.file, layers: LAYERS.filter((l) => l.sources.includes(id)).map((l) => l.id) });
			continue;
		}
		loaded.set(id, time(`load ${id}`, () => loadSource(sourcesDir, entry, area)));
	}
	const features = (id: string) => loaded.get(id)?.features ?? [];
	const clip = (id: string) => time('clip', () => clipToCoverage(features(id), cover) as Clipped[]);

	const photos = listPhotos(sourcesDir, sourceById('photos'));
	const streetBuild = time('streets', () => buildStreetLayers({
		repoRoot,
		sourcesDir,
		historicRoads: features('645-roads'),
		virtualShanghai: features('virtual-shanghai'),
		clip: (fs) => clipToCoverage(fs, cover)
	}));

	// After the streets: their concession-era names let Virtual Shanghai's addresses match by address.
	const conflated = time('conflate', () => conflateProtectedBuildings({
		excellent: clip('shl-excellent-buildings'),
		relics: clip('shl-relic-sites'),
		osm: clip('osm-heritage'),
		atlas: clip('645-buildings'),
		virtualShanghai: clip('virtual-shanghai'),
		foreignStreets: streetBuild.tables.foreign,
		photos: new Set(photos)
	}));
	const footprints = time('conflate', () => joinFootprints(conflated.features, buildingFeatures(clip('osm-buildings'))));
	const known = knownNames(streetBuild.streets);
	const english = titleInEnglish(footprints.protectedBuildings, known.streetEn);
	const matches = loaded.has('osm-buildings') ? [...conflated.matches, footprints.count] : conflated.matches;

	const streetLines = streetLinesFrom(streetBuild.network);
	const geocoder = time('geocoder', () => createGeocoder(streetLines, anchorsFromSources(features)));
	const registers = time('registers', () => buildRegisterLayers({
		repoRoot,
		geocode: placeOnce(geocoder.geocode),
		clip: (fs) => clipToCoverage(fs, cover),
		districts: covered.map((c) => c.district.id),
		open: {
			wikidata: features('wikidata-places'),
			busStops: streetBuild.busStops,
			metroStations: features('osm-metro-stations'),
			parks: features('645-parks'),
			pois: loaded.has('osm-pois') ? features('osm-pois') : undefined
		}
	}));

	const raw = new Map<string, LayerFeature[]>();
	for (const [id, fs] of registers.layers) raw.set(id, fs);
	raw.set('protected-buildings', english.features as LayerFeature[]);
	raw.set('buildings', footprints.buildings);
	raw.set('streets', streetBuild.streets);
	raw.set('never-widened-roads', streetBuild.neverWidened);
	raw.set('district-boundary', covered.map((c) => ({ ...c.boundary, properties: { id: c.district.id, name_zh: c.district.name_zh, name_en: c.district.name_en, in_district: true, district: c.district.id } })));
	// One mask per choice the map offers (each district, and all of them), each over the frame of them all.
	const frame = maskFrame(boundary);
	const masks = [...covered.map((c) => ({ d: c.district.id, area: c.boundary })), ...(covered.length > 1 ? [{ d: ALL_DISTRICTS, area: boundary }] : [])];
	raw.set('district-mask', masks.map(({ d, area }) => ({ ...outsideMask(area, frame), properties: { in_district: false, district: null, d } })));
	for (const [id, fs] of time('history', () => buildHistoryLayers({ features, clip: (fs) => clipToCoverage(fs, cover) }))) raw.set(id, fs);
	for (const layer of LAYERS) {
		if ('source' in layer.build) raw.set(layer.id, fromSource(layer, clip(layer.build.source), known));
	}

	const layers = new Map<string, LayerFeature[]>();
	const layerRejections: Rejection[] = [];
	for (const layer of LAYERS) {
		const checked = time('validate layers', () => validateLayer(layer, raw.get(layer.id) ?? []));
		layers.set(layer.id, sortFeatures(checked.features));
		layerRejections.push(...checked.rejected);
	}

	const toursRead = readTours(repoRoot);
	const tours = resolveTours(toursRead.tours, layers);
	const toursCount: SourceCount = { source: 'tours', file: TOURS_FILE, read: toursRead.read, accepted: tours.tours.length, rejected: toursRead.rejected.length + tours.rejected.length, outsideArea: 0 };

	const counts = [...[...loaded.values()].map((l) => l.count), streetBuild.count, streetBuild.neverWidenedCount, ...registers.counts, toursCount];
	const rejected = [...[...loaded.values()].flatMap((l) => l.rejected), ...streetBuild.rejected, ...registers.rejected, ...layerRejections, ...toursRead.rejected, ...tours.rejected];
	const skippedAnchors: Record<string, number> = {};
	for (const s of geocoder.skipped) {
		const reason = s.reason.replace(/\d+(\.\d+)?/g, 'N').replace(/"[^"]*"|“[^”]*”/g, '…');
		skippedAnchors[reason] = (skippedAnchors[reason] ?? 0) + 1;
	}
	return {
		district: covered[0].district,
		districts: covered.map((c) => c.district),
		covered,
		defaultDistrict: registry.default,
		districtProblems,
		boundary,
		layers,
		counts,
		rejected,
		matches,
		sameName: conflated.sameName,
		englishTitles: english.report,
		streetTables: streetBuild.tables,
		figures: Object.fromEntries(covered.map((c) => [c.district.id, checkFigures(c, layers)])),
		walk: streetBuild.walk,
		tours: tours.tours,
		newsletters: Object.fromEntries([...newsletters].map(([key, e]) => [key, citedNewsletter(e)])),
		walkFacilities: sortFeatures(registers.walkFacilities) as RegisterFeature[],
		geocoderInput: { streets: streetLines, anchors: geocoder.anchors.map(({ id, source, address, point }) => ({ id, source, address, point })) },
		registers: { counts: registers.counts, rejected: registers.rejected, unplaced: registers.unplaced, open: registers.open, mismatches: registers.mismatches, anchors: geocoder.anchors.length, skippedAnchors },
		timings,
		sources: sourceFacts(sourcesDir, new Set([...loaded.keys(), STREETS_SOURCE, 'photos'])),
		pending,
		photos: [...new Set(layers.get('protected-buildings')!.map((f) => f.properties.photo).filter((p): p is string => typeof p === 'string'))].sort()
	};
}

/**
 * The geocoder, asked once per address: a register of thousands of sites names many an address
 * more than once (a lane's entrances, an estate's buildings). Each answer has a point of its own.
 */
function placeOnce(geocode: (address: string) => GeocodeResult): (address: string) => GeocodeResult {
	const seen = new Map<string, GeocodeResult>();
	return (address) => {
		const found = seen.get(address) ?? seen.set(address, geocode(address)).get(address)!;
		return found.ok ? { ...found, point: [...found.point] as typeof found.point } : found;
	};
}

/** The record-shaped sources some layer draws on; the rest of the manifest is declared but not read. */
function recordSourcesInUse(): string[] {
	const used = new Set(LAYERS.flatMap((l) => l.sources));
	return SOURCES.filter((s) => used.has(s.id) && (s.format === 'geojson' || s.format === 'shl')).map((s) => s.id);
}

function unionBox(a: BBox, b: BBox): BBox {
	return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The boundary polygon a source holds, or null where validation rejected it (a ring that does not close). */
function districtBoundary(features: Feature[]): Area | null {
	const found = features.find((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
	return (found as Feature<Polygon | MultiPolygon> | undefined) ?? null;
}

function fromSource(layer: LayerDef, features: Clipped[], known: KnownNames): LayerFeature[] {
	if (!('source' in layer.build)) return [];
	const map = layer.build.properties;
	return features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...map(f.properties, f.id, known), in_district: f.properties.in_district, district: f.properties.district } }));
}

/** Names the streets stage has learned, for layers built straight from a source. */
export function knownNames(streets: readonly { properties: { name?: unknown; name_en?: unknown } }[]): KnownNames {
	const en = new Map<string, Set<string>>();
	for (const { properties: p } of streets) {
		if (typeof p.name === 'string' && typeof p.name_en === 'string' && p.name_en) en.set(p.name, (en.get(p.name) ?? new Set()).add(p.name_en));
	}
	return { streetEn: (zh) => (en.get(zh)?.size === 1 ? [...en.get(zh)!][0] : null) };
}

/**
 * The never-widened roads beside the published figure: only roads an official list confirms are
 * counted; the note counts each state, by road name, over the list's roads in this build's area.
 */
export function neverWidenedFigure(features: readonly LayerFeature[]): { value: number; message: Message } {
	const roads = (state: string) => new Set(features.filter((f) => f.properties.never_widened === state).map((f) => f.properties.name)).size;
	const [confirmed, reported, candidates] = [roads('confirmed'), roads('reported'), roads('candidate')];
	return { value: confirmed, message: msg('figure.neverWidened', { confirmed, reported, candidates }) };
}

/** Each published figure beside what the portal can count; null where no source lets us count it. */
function checkFigures({ district, boundary, context }: Covered, layers: Map<string, LayerFeature[]>): FigureCheck[] {
	const inDistrict = (id: string, where: (f: LayerFeature) => boolean = () => true) =>
		(layers.get(id) ?? []).filter((f) => f.properties.district === district.id && where(f)).length;
	const computed: Record<string, () => { value: number | null; message: Message }> = {
		protected_buildings: () => {
			const excellent = inDistrict('protected-buildings', (f) => f.properties.excellent === true);
			const relics = inDistrict('protected-buildings', (f) => f.properties.protection === 'relic');
			return { value: inDistrict('protected-buildings'), message: msg('figure.protectedBuildings', { excellent, relics }) };
		},
		// The listed roads around this district: the same basis as a build of it alone.
		never_widened_roads: () => {
			const rings = ringsOf(context.geometry);
			return neverWidenedFigure((layers.get('never-widened-roads') ?? []).filter((f) => intersectsArea(f.geometry, rings)));
		},
		buildings: () => {
			const footprints = layers.get('buildings') ?? [];
			if (footprints.length === 0) return { value: null, message: msg('figure.buildingsWaiting') };
			return { value: inDistrict('buildings'), message: msg('figure.buildings') };
		},
		area_km2: () => ({ value: Math.round(areaOf(boundary) / 1e4) / 100, message: msg('figure.area') }),
		public_legal_service_rooms: () => ({
			value: inDistrict('facilities', (f) => f.properties.origin === 'register' && String(f.properties.categories).split(' ').includes('legal')),
			message: msg('figure.legalRooms')
		}),
		estate_charging_sites_2020: () => ({
			value: inDistrict('charging-sites'),
			message: msg('figure.chargingSites')
		})
	};
	return district.figures.map((fig) => {
		const c = computed[fig.key]?.() ?? { value: null, message: msg('figure.noSource') };
		return { key: fig.key, label_en: fig.label_en, published: fig.value, source: fig.source, computed: c.value, message: c.message, note: english(c.message), note_zh: render('zh', c.message) };
	});
}
