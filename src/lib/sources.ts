/**
 * Who each source belongs to and under which terms: read by the pipeline's manifest and by
 * the map's attribution, so the credit shown always matches the data used.
 */
export interface SourceCredit {
	attribution: string;
	licence: string;
	/** The licence as the map corner shows it; `licence` is the full wording. */
	short: string;
	link: string;
}

const OSM: SourceCredit = { attribution: '© OpenStreetMap contributors', licence: 'ODbL 1.0', short: 'ODbL', link: 'https://www.openstreetmap.org/copyright' };
const BOOK645: SourceCredit = { attribution: '地图书 645《上海历史建筑数字地图集》', licence: 'see source (645 atlas terms)', short: '645 terms', link: 'https://www.ditushu.com/' };
const SHL: SourceCredit = { attribution: '上海图书馆开放数据平台', licence: 'Shanghai Library open data terms', short: 'open data terms', link: 'https://data.library.sh.cn/' };

export const CREDITS: Record<string, SourceCredit> = {
	'osm-boundary-tianping': OSM,
	'osm-boundary-hunan': OSM,
	'osm-streets': OSM,
	'osm-metro-stations': OSM,
	'osm-metro-lines': OSM,
	'osm-heritage': OSM,
	'osm-buildings': OSM,
	'osm-pois': OSM,
	'shl-excellent-buildings': SHL,
	'shl-relic-sites': SHL,
	'shl-immovable-relics': SHL,
	'645-buildings': BOOK645,
	'645-roads': BOOK645,
	'645-historic-areas': BOOK645,
	'645-parks': BOOK645,
	'645-residences': BOOK645,
	'645-theatres': BOOK645,
	'645-trams': BOOK645,
	'645-tram-stops': BOOK645,
	'645-trolleybuses': BOOK645,
	'645-trolleybus-stops': BOOK645,
	'645-places-1928': BOOK645,
	'wikidata-places': { attribution: 'Wikidata', licence: 'CC0 1.0', short: 'CC0', link: 'https://www.wikidata.org/' },
	'virtual-shanghai': { attribution: 'Virtual Shanghai', licence: 'cite the Virtual Shanghai project', short: 'cited', link: 'https://www.virtualshanghai.net/' },
	'hengfu-registers': {
		attribution: '衡复 Heritage Map registers, from the 天平路/湖南路 subdistrict newsletters',
		licence: 'CC BY 4.0',
		short: 'CC BY',
		link: 'https://creativecommons.org/licenses/by/4.0/'
	},
	photos: { attribution: 'Wikimedia Commons', licence: 'per file (see each photo’s page)', short: 'per file', link: 'https://commons.wikimedia.org/' }
};

/** One credit line per distinct attribution among the given sources. */
export function creditsFor(sourceIds: Iterable<string>): SourceCredit[] {
	const seen = new Map<string, SourceCredit>();
	for (const id of sourceIds) {
		const credit = CREDITS[id];
		if (credit && !seen.has(credit.attribution)) seen.set(credit.attribution, credit);
	}
	return [...seen.values()];
}
