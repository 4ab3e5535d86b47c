/** The build (scripts/pipeline): why a record was refused or not placed, and how a figure was counted. */
export const REPORT_MESSAGES = {
	// Records refused (build-report.json `rejected`, shown on /datasets/<id>)
	'report.noCoordinates': { zh: '缺少坐标（以 0, 0 占位）', en: 'missing coordinates (0, 0 placeholder)' },
	'report.outsidePublished': {
		zh: '按发布的坐标位于上海以外（{at}；原始值 {raw}）：坐标系有误或坐标错误',
		en: 'outside Shanghai as published ({at}; raw {raw}): wrong CRS or bad coordinates'
	},
	'report.outsideConverted': {
		zh: '由 {crs} 换算为 WGS84 后位于上海以外（{at}；原始值 {raw}）：坐标系有误或坐标错误',
		en: 'outside Shanghai after {crs}→WGS84 conversion ({at}; raw {raw}): wrong CRS or bad coordinates'
	},
	'report.noGeometry': { zh: '缺少几何', en: 'missing geometry' },
	'report.badGeometry': { zh: '几何有误：{issues}', en: 'bad geometry: {issues}' },
	'report.badFields': { zh: '字段不符合要求：{issues}', en: '{issues}' },
	'report.selfIntersecting': { zh: '多边形自相交', en: 'self-intersecting polygon' },
	'report.duplicateId': { zh: '编号“{id}”重复（首次出现在第 {first} 条）', en: 'duplicate id "{id}" (first seen at index {first})' },
	'report.duplicateRecord': { zh: '编号“{id}”重复（首次出现在第 {first} 条记录）', en: 'duplicate id "{id}" (first at record {first})' },
	'report.unknownNewsletter': { zh: '引用的简报“{key}”不在文献目录（data/bibliography.json）中', en: 'cites the newsletter "{key}", which data/bibliography.json does not list' },
	'report.notLayerSchema': { zh: '不符合图层的字段定义：{path}：{issue}', en: 'does not fit the layer schema: {path}: {issue}' },
	// Register records the build could not place (`registers.unplaced`)
	'report.unplaced.noAddress': { zh: '来源只提到名称，未写地址', en: 'the source names the place without an address' },
	'report.unplaced.geocoder': { zh: '地址解析：{reason}', en: 'geocoder: {reason}' },
	// How a published figure was counted (`figures`, the data-truth table on /about)
	'figure.text': { zh: '{text}', en: '{text}' },
	'figure.noSource': { zh: '数据包中没有可据以计算的来源', en: 'no source in the bundle to count this' },
	'figure.notBuilt': { zh: '本次生成覆盖{built}；运行 `npm run data`（全部街道）以计算{district}', en: 'this build covers {built}; build with `npm run data` (every district) to count {district}' },
	'figure.protectedBuildings': {
		zh: '优秀历史建筑 {excellent} 处，另有未同时列入的文物保护单位 {relics} 处',
		en: '{excellent} 优秀历史建筑 (excellent historic buildings) + {relics} 文物保护单位 (heritage sites) not also listed'
	},
	'figure.neverWidened': {
		zh: '已确认 {confirmed} 条 · 有报道 {reported} 条 · 候选 {candidates} 条：名单中位于街道及周边 300 米内的道路；只计官方名单确认的道路',
		en: '{confirmed} confirmed · {reported} reported · {candidates} candidates: the listed roads in the district and the 300 m around it; only roads an official list confirms are counted'
	},
	'figure.buildingsWaiting': { zh: '尚待 OSM 建筑轮廓（npm run sources:refresh -- osm-buildings）', en: 'waits for OSM building footprints (npm run sources:refresh -- osm-buildings)' },
	'figure.buildings': {
		zh: '街道内的 OSM 建筑轮廓；OSM 按楼或按街坊绘制轮廓，街道按楼栋统计，两者可能不同',
		en: 'OSM building outlines in the district; OSM draws one outline per building or per block, the district counts 楼栋, so the two may differ'
	},
	'figure.area': { zh: 'OSM 边界多边形的面积', en: 'area of the OSM boundary polygon' },
	'figure.legalRooms': {
		zh: '名录中已上图、位于街道内的法律服务点；简报只提名称而无地址的服务室无法定位',
		en: 'legal-service places of the registers on the map in the district; a room the newsletters name without an address cannot be placed'
	},
	'figure.chargingSites': { zh: '地图上的充电点；简报只公布总数，未列出具体地点', en: 'charging sites on the map; the newsletters publish the total but name no site' }
} as const;
