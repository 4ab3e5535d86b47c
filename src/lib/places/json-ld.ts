/**
 * schema.org descriptions of the place and tour pages, for search engines and link previews:
 * a listed building is a `LandmarksOrHistoricalBuildings`, anything else a `Place`, each with
 * its coordinates; a tour is an `ItemList` of its stops.
 */
import type { Lang } from '../layers/types';
import type { PlaceData, TourPageData } from './types';

export function placeJsonLd(data: PlaceData, lang: Lang, url: string, image: string): Record<string, unknown> {
	const address = data.facts.find((f) => f.key === 'address')?.value[lang];
	return {
		'@context': 'https://schema.org',
		'@type': data.schemaType,
		'@id': url,
		url,
		name: data.name[lang],
		...(data.altName ? { alternateName: data.altName[lang] } : {}),
		description: data.summary[lang],
		image,
		geo: { '@type': 'GeoCoordinates', latitude: data.point[1], longitude: data.point[0] },
		...(address ? { address: { '@type': 'PostalAddress', streetAddress: address, addressLocality: lang === 'zh' ? '上海' : 'Shanghai', addressCountry: 'CN' } } : {}),
		...(data.district ? { containedInPlace: { '@type': 'AdministrativeArea', name: data.district[lang] } } : {})
	};
}

export function tourJsonLd(data: TourPageData, lang: Lang, url: string, stopUrl: (id: string) => string | null): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'ItemList',
		'@id': url,
		url,
		name: data.title[lang],
		description: data.summary[lang],
		numberOfItems: data.stops.length,
		itemListOrder: 'https://schema.org/ItemListOrderAscending',
		itemListElement: data.stops.map((s, i) => {
			const page = stopUrl(s.id);
			return { '@type': 'ListItem', position: i + 1, name: s.name[lang], ...(page ? { url: page } : {}) };
		})
	};
}
