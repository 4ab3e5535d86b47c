/** The geocoder (src/lib/geo): why an address could not be placed. */
export const GEOCODE_MESSAGES = {
	'geocode.empty': { zh: '地址为空', en: 'empty address' },
	'geocode.unparseable': { zh: '“{address}”中没有路名（…路、…街）', en: 'no road name (…路, …街) in "{address}"' },
	'geocode.noNumber': { zh: '{road}后面没有门牌号', en: 'no house number after {road}' },
	'geocode.malformedNumber': { zh: '门牌号“{number}”有误', en: 'malformed house number "{number}"' },
	'geocode.unknownRoad': { zh: '{road}不在道路网中', en: '{road} is not in the street network' },
	'geocode.unknownRoadMeant': { zh: '{road}不在道路网中（是否指{suggestions}？）', en: '{road} is not in the street network (did you mean {suggestions}?)' },
	'geocode.beyondNetwork': { zh: '{address}位于道路网中{road}已有路段之外', en: '{address} lies beyond the part of {road} the street network has' },
	'geocode.other': { zh: '地址解析器未能定位（{reason}）', en: '{reason}' }
} as const;
