import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { metres } from '../../../src/lib/geo/distance';
import { normalizedNamesMatch, normalizeName } from '../../../src/lib/geo/address';
import type { FacilityCategory } from '../../../src/lib/schema/register';
import type { BusStop } from '../streets/overpass';
import { categoryOfTags } from './osm-categories';
import type { RegisterFeature } from './place';

/**
 * Facilities from the open-data sources, under the same life-circle categories as the
 * register: Wikidata places by what their label and description say, OSM bus stops and
 * metro stations, the 645 atlas's historic parks, and OSM points of interest through the
 * tag table (osm-categories.ts). Each keeps its dataset and id.
 */

type Rule = [FacilityCategory, RegExp];

// Order matters: a "museum in a former hospital" is a museum. Places that match no rule
// (houses, office towers, streets, subdistricts) are not facilities and are counted as such.
const WIKIDATA_RULES: Rule[] = [
	['culture', /museum|librar|theat|cinema|movie|concert|opera|gallery|stadium|sport|gymnasium|church|cathedral|temple|mosque|synagogue|博物馆|纪念馆|图书馆|剧院|音乐厅|电影院|教堂|佛寺|寺$|体育/i],
	['health', /hospital|clinic|醫院|医院|卫生服务中心|诊所/i],
	['education', /school|kindergarten|universit|college|学校|中学|小学|幼儿园|大学|学院|學院|教育机构/i],
	['park', /\bpark\b|garden|green space|公园|绿地/i]
];

export function classifyWikidata(label: string, description: string | null): FacilityCategory | null {
	const text = `${label} ${description ?? ''}`;
	for (const [category, pattern] of WIKIDATA_RULES) if (pattern.test(text)) return category;
	return null;
}

interface Source {
	id: string;
	properties: Record<string, unknown>;
	geometry: Geometry | null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function facility(id: string, point: [number, number], category: FacilityCategory, name_zh: string, name_en: string | null, dataset: string, note: string | null): RegisterFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: point },
		properties: {
			id,
			name_zh,
			name_en: name_en ?? name_zh,
			source_district: null,
			address: null,
			note_zh: null,
			note_en: note,
			source: dataset,
			date: null,
			quote: null,
			source_publisher: null,
			source_read: null,
			source_strength: null,
			imported_from: null,
			category,
			categories: category,
			facts_zh: null,
			facts_en: null,
			origin: 'open-data',
			dataset,
			geocode_method: 'source',
			geocode_confidence: null,
			geocode_note: `position from ${dataset}`
		}
	};
}

const pointOf = (geometry: Geometry | null): [number, number] | null => {
	if (!geometry) return null;
	if (geometry.type === 'Point') return geometry.coordinates as [number, number];
	return pointOnFeature({ type: 'Feature', geometry, properties: {} } as Feature).geometry.coordinates as [number, number];
};

export interface OpenFacilityInput {
	wikidata: Source[];
	busStops: BusStop[];
	metroStations: Source[];
	parks: Source[];
	/** OSM points of interest (osm-pois); empty until that source is first fetched. */
	pois?: Source[];
	/** Facilities placed before these (the registers'): a POI of the same name nearby is the same place. */
	placed?: RegisterFeature[];
}

/** A POI this near a facility of the same name is that facility, mapped twice. */
const SAME_PLACE_M = 150;

export interface OpenFacilities {
	features: RegisterFeature[];
	/** Per dataset: records read = facilities + not life-circle facilities + duplicates of a facility already placed. */
	counts: Array<{ dataset: string; read: number; facilities: number; notFacilities: number; duplicates?: number }>;
}

export function openFacilities({ wikidata, busStops, metroStations, parks, pois, placed = [] }: OpenFacilityInput): OpenFacilities {
	const features: RegisterFeature[] = [];
	const counts: OpenFacilities['counts'] = [];
	const add = (dataset: string, read: number, made: Array<RegisterFeature | null>, duplicates?: number) => {
		const kept = made.filter((f): f is RegisterFeature => f !== null);
		features.push(...kept);
		counts.push({ dataset, read, facilities: kept.length, notFacilities: read - kept.length - (duplicates ?? 0), ...(duplicates === undefined ? {} : { duplicates }) });
	};

	add('wikidata-places', wikidata.length, wikidata.map((w) => {
		const label = String(w.properties.itemLabel);
		const description = str(w.properties.itemDescription);
		const category = classifyWikidata(label, description);
		const point = pointOf(w.geometry);
		if (!category || !point) return null;
		const q = String(w.properties.item).split('/').pop();
		return facility(`wikidata-${q}`, point, category, label, null, 'wikidata-places', description);
	}));
	add('osm-streets', busStops.length, busStops.map((s) => facility(`bus-${s.id}`, s.point, 'transport', `${s.name}（公交站）`, s.name_en ? `${s.name_en} (bus stop)` : `${s.name} (bus stop)`, 'osm-streets', null)));
	add('osm-metro-stations', metroStations.length, metroStations.map((m) => {
		const point = pointOf(m.geometry);
		const name = String(m.properties.name);
		return point ? facility(`metro-${m.id.replace(/[^a-z0-9]+/gi, '-')}`, point, 'transport', `${name}（地铁站）`, `${str(m.properties['name:en']) ?? name} (metro)`, 'osm-metro-stations', null) : null;
	}));
	add('645-parks', parks.length, parks.map((p) => {
		const point = pointOf(p.geometry);
		return point ? facility(`park-${p.id}`, point, 'park', String(p.properties.title), null, '645-parks', 'historic park or garden (645 atlas); point inside the park') : null;
	}));
	if (pois) add('osm-pois', ...osmPoiFacilities(pois, [...placed, ...features]));
	return { features, counts };
}

/** OSM POIs through the tag table; one already placed by another dataset under its name is not repeated. */
function osmPoiFacilities(pois: Source[], before: RegisterFeature[]): [number, Array<RegisterFeature | null>, number] {
	const known = before.map((f) => ({ name: normalizeName(String(f.properties.name_zh)), point: f.geometry.coordinates as [number, number] }));
	const isKnown = (name: string, point: [number, number]) => known.some((k) => normalizedNamesMatch(k.name, normalizeName(name)) && metres(k.point, point) <= SAME_PLACE_M);
	let duplicates = 0;
	const fromPois = pois.map((poi) => {
		const rule = categoryOfTags(poi.properties);
		const point = pointOf(poi.geometry);
		if (!rule || !point) return null;
		const p = poi.properties;
		const name = str(p.name) ?? str(p['name:zh']);
		if (name && isKnown(name, point)) {
			duplicates += 1;
			return null;
		}
		const osmId = String(p['@id']);
		const tagNote = Object.entries(rule.tags).map(([k]) => `${k}=${String(p[k])}`).join(', ');
		return facility(`osm-${osmId.replace('/', '-')}`, point, rule.category, name ?? rule.label.zh, str(p['name:en']) ?? (name ? null : rule.label.en), 'osm-pois', `OpenStreetMap ${osmId} (${tagNote})`);
	});
	return [pois.length, fromPois, duplicates];
}
