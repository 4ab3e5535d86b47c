/** The planners' file importer (src/lib/import): whole-file problems, row problems and notes. */
export const IMPORT_MESSAGES = {
	// Whole file
	'import.noContent': { zh: '没有读到文件内容：请重新选择文件。', en: 'No file content was given: pick the file again.' },
	'import.empty': { zh: '文件是空的：没有可导入的内容。', en: 'The file is empty: nothing to import.' },
	'import.tooBig': {
		zh: '文件大小为 {size}，上限为 {max}：请拆分为较小的文件（或只保留需要的列）后逐个导入。',
		en: 'The file is {size}; the limit is {max}: split it into smaller files (or keep only the columns you need) and import them one by one.'
	},
	'import.unknownCrs': { zh: '未知的坐标系“{crs}”：请选择 WGS84、GCJ-02 或 BD-09。', en: 'Unknown coordinate system "{crs}": choose WGS84, GCJ-02 or BD-09.' },
	'import.crashed': {
		zh: '文件无法读取（{why}）。这是导入程序的故障，不是您的文件的问题：请连同文件一起报告。',
		en: 'The file could not be read ({why}). This is a fault of the importer, not of your file: please report it with the file.'
	},
	'import.unsupported': { zh: '该文件是{what}。', en: 'The file is {what}.' },
	'import.kind.excel': { zh: 'Excel 工作簿：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，再导入该 CSV', en: 'an Excel workbook: in Excel, save it as "CSV UTF-8 (comma delimited)" and import the CSV' },
	'import.kind.ods': { zh: '电子表格：请另存为 CSV（UTF-8）后导入', en: 'a spreadsheet: save it as CSV (UTF-8) and import the CSV' },
	'import.kind.numbers': { zh: '电子表格：请导出为 CSV 后导入', en: 'a spreadsheet: export it as CSV and import the CSV' },
	'import.kind.shp': { zh: 'Shapefile：请转换为 GeoJSON（QGIS：导出 → 要素另存为… → GeoJSON）后导入', en: 'a shapefile: convert it to GeoJSON (QGIS: Export → Save Features As… → GeoJSON) and import that' },
	'import.kind.zip': { zh: '压缩包：请解压，或将压缩的 Shapefile 转换为 GeoJSON 后导入', en: 'a zip archive: unpack it, or convert a zipped shapefile to GeoJSON, and import that' },
	'import.kind.convert': { zh: '{format}：请转换为 GeoJSON（例如用 {tool}）后导入', en: '{format}: convert it to GeoJSON (e.g. with {tool}) and import that' },
	// Encoding
	'import.readAsGb18030': {
		zh: '文件不是 UTF-8 编码，已按 GB18030（GBK，中文版 Excel 导出的编码）读取：请检查中文是否显示正确，或另存为“CSV UTF-8”后重新导入。',
		en: 'The file is not UTF-8, so it was read as GB18030 (GBK), the encoding of Chinese Excel exports: check that the Chinese text reads right, or save it as "CSV UTF-8" and import it again.'
	},
	'import.notText': { zh: '文件既不是 UTF-8 也不是 GB18030 文本：请另存为“CSV UTF-8”（Excel）或 GeoJSON 后重试。', en: 'The file is neither UTF-8 nor GB18030 text: save it as "CSV UTF-8" (Excel) or GeoJSON and try again.' },
	'import.badUtf16': { zh: '文件开头标明为 {encoding} 文本，但内容不是有效的 {encoding}：请另存为“CSV UTF-8”后重试。', en: 'The file starts like {encoding} text but is not valid {encoding}: save it as "CSV UTF-8" and try again.' },
	'import.zipped': {
		zh: '这是压缩文件（Excel .xlsx 或压缩的 Shapefile？），不是 CSV 或 GeoJSON：请另存为“CSV UTF-8”或导出 GeoJSON 后重试。',
		en: 'This is a zipped file (an Excel .xlsx or a zipped shapefile?), not CSV or GeoJSON: save it as "CSV UTF-8" or export GeoJSON and try again.'
	},
	'import.binary': {
		zh: '这是二进制文件，不是 CSV 或 GeoJSON 文本（没有字节顺序标记的 UTF-16 也会这样）：请另存为“CSV UTF-8”或 GeoJSON 后重试。',
		en: 'This is a binary file, not CSV or GeoJSON text (UTF-16 without a byte-order mark reads like this too): save it as "CSV UTF-8" or GeoJSON and try again.'
	},
	// Format detection
	'import.jsonNamedCsv': { zh: '文件扩展名为 .{ext}，但内容是 JSON：已按 GeoJSON 读取。', en: 'The file is named .{ext} but holds JSON: read as GeoJSON.' },
	'import.unknownExtJson': { zh: '导入程序不认识 .{ext} 格式；内容像 JSON，已按 GeoJSON 读取。', en: '.{ext} is not a format the importer knows; the content looks like JSON, so it was read as GeoJSON.' },
	'import.unknownExtCsv': { zh: '导入程序不认识 .{ext} 格式；内容不像 JSON，已按 CSV 读取。', en: '.{ext} is not a format the importer knows; the content does not look like JSON, so it was read as CSV.' },
	'import.noExtJson': { zh: '文件名没有扩展名；内容像 JSON，已按 GeoJSON 读取。', en: 'The file name has no extension; the content looks like JSON, so it was read as GeoJSON.' },
	'import.noExtCsv': { zh: '文件名没有扩展名；内容不像 JSON，已按 CSV 读取。', en: 'The file name has no extension; the content does not look like JSON, so it was read as CSV.' },
	// CSV: whole file
	'import.csv.noRows': { zh: '文件没有任何行：没有可导入的内容。', en: 'The file has no rows: nothing to import.' },
	'import.csv.tooManyRows': { zh: '文件超过 {max} 行，上限为 {max} 行：请拆分为较小的文件或先筛选。', en: 'The file has more than {max} rows; the limit is {max}: split it into smaller files or filter it.' },
	'import.csv.headerOnly': { zh: '文件只有表头（{count} 列），没有数据行：没有可导入的内容。', en: 'The file has a header ({count} columns) but no rows: nothing to import.' },
	'import.csv.noLocationColumns': {
		zh: '表头中没有位置列（{found}）：请把坐标列命名为 经度 和 纬度（或 lon 和 lat），或把地址列命名为 地址（或 address），然后重新导入。',
		en: 'No location columns in the header ({found}): name the coordinate columns lon and lat (or 经度 and 纬度), or the address column address (or 地址), and import again.'
	},
	'import.csv.latOnly': { zh: '表头有纬度列“{column}”，但没有经度列（经度、lon、lng、longitude 或 x）', en: 'a latitude column "{column}" but no longitude column (lon, lng, longitude, x or 经度)' },
	'import.csv.lonOnly': { zh: '表头有经度列“{column}”，但没有纬度列（纬度、lat、latitude 或 y）', en: 'a longitude column "{column}" but no latitude column (lat, latitude, y or 纬度)' },
	'import.csv.halfColumns': { zh: '{missing}：请两列都命名，或添加地址列。', en: 'The header has {missing}: name both columns, or add an address column.' },
	'import.csv.halfColumnsNote': { zh: '{missing}，因此各行只按地址定位。', en: 'The header has {missing}, so rows are placed by their address only.' },
	'import.csv.renamed': { zh: '为使列名不重复，已重命名列：{columns}。', en: 'Columns renamed to keep names unique: {columns}.' },
	'import.cut': { zh: '有 {count} 个值超过 {max} 个字符，已截断至该长度。', en: '{count} values were longer than {max} characters and cut to that length.' },
	'import.cutOne': { zh: '有 1 个值超过 {max} 个字符，已截断至该长度。', en: '1 value was longer than {max} characters and cut to that length.' },
	// A rejected record, as the planner panel lists it
	'import.row.line': { zh: '第 {line} 行：{problem}', en: 'line {line}: {problem}' },
	'import.row.record': { zh: '第 {record} 个要素：{problem}', en: 'feature {record}: {problem}' },
	// CSV: rows
	'import.csv.unclosedQuote': {
		zh: '从第 {line} 行开始的这一行有未闭合的引号，文件其余部分都被读成了一个值：请补上或删去该引号',
		en: 'a quote in the row starting on line {line} is never closed, so the rest of the file was read as one value: close the quote or remove it'
	},
	'import.csv.textAfterQuote': {
		zh: '带引号的值后、分隔符前还有其他文字：请给整个值加引号，值内的引号写成两个（""）',
		en: 'a quoted value is followed by more text before the delimiter: quote the whole value and double any quote inside it ("")'
	},
	'import.csv.tooManyValues': { zh: '这一行有 {values} 个值，而表头只有 {columns} 列：含有“{delimiter}”的值请加引号', en: '{values} values where the header has {columns} columns: quote any value that contains "{delimiter}"' },
	'import.csv.tab': { zh: '制表符', en: 'tab' },
	'import.csv.noLocation': { zh: '没有位置：{columns} 为空', en: 'no location: {columns} is empty' },
	'import.csv.noLocationPlural': { zh: '没有位置：{columns} 均为空', en: 'no location: {columns} are empty' },
	'import.csv.and': { zh: '{a} 和 {b}', en: '{a} and {b}' },
	'import.csv.cellEmpty': { zh: '{column} 为空', en: '{column} is empty' },
	'import.csv.notNumber': { zh: '{column} 的值“{value}”不是数字', en: '{column} "{value}" is not a number' },
	'import.csv.notFinite': { zh: '{column} 的值“{value}”不是有限的数字', en: '{column} "{value}" is not a finite number' },
	// Coordinates
	'import.coord.notFinitePair': { zh: '{lon}, {lat} 不是一对有限的数字', en: '{lon}, {lat} is not a pair of finite numbers' },
	'import.coord.projected': {
		zh: '{lon}, {lat} 不是经纬度：看起来是投影坐标（米），不是度；请导出经纬度',
		en: '{lon}, {lat} is not a longitude/latitude: these look like projected metres, not degrees; export longitude/latitude instead'
	},
	'import.coord.notLonLat': { zh: '{lon}, {lat} 不是经纬度', en: '{lon}, {lat} is not a longitude/latitude' },
	'import.coord.notLonLatSwapped': { zh: '{lon}, {lat} 不是经纬度：经度和纬度似乎写反了', en: '{lon}, {lat} is not a longitude/latitude: longitude and latitude look swapped' },
	'import.coord.outside': { zh: '{where} 在上海以外：请检查坐标系和所用的列', en: '{where} lies outside Shanghai: check the coordinate system and the columns' },
	'import.coord.outsideSwapped': { zh: '{where} 在上海以外：经度和纬度似乎写反了', en: '{where} lies outside Shanghai: longitude and latitude look swapped' },
	'import.coord.converted': { zh: '{lon}, {lat}（{crs}；换算为 WGS84 为 {wgsLon}, {wgsLat}）', en: '{lon}, {lat} ({crs}; {wgsLon}, {wgsLat} in WGS84)' },
	'import.coord.position': { zh: '第 {index} 个坐标（共 {total} 个）：{reason}', en: 'position {index} of {total}: {reason}' },
	// Addresses
	'import.address.noGeocoder': { zh: '没有坐标，也没有地址解析器来定位地址“{address}”', en: 'no coordinates and no geocoder to place the address "{address}"' },
	'import.address.tooLong': { zh: '地址长 {length} 个字符，超过地址应有的长度（{max}）：请检查各列', en: 'the address is {length} characters long, more than an address ({max}): check the columns' },
	'import.address.geocoderFailed': { zh: '地址解析器处理“{address}”时出错（{why}）', en: 'the geocoder failed on "{address}" ({why})' },
	'import.address.noAnswer': { zh: '地址解析器对“{address}”没有给出结果', en: 'the geocoder gave no answer for "{address}"' },
	'import.address.notPlaced': { zh: '“{address}”无法定位：{reason}', en: '"{address}" could not be placed: {reason}' },
	'import.address.outside': { zh: '地址解析器把“{address}”定位到了上海以外', en: 'the geocoder placed "{address}" outside Shanghai' },
	// GeoJSON: whole file
	'import.geojson.noFeatures': { zh: '文件中没有要素：没有可导入的内容。', en: 'The file holds no features: nothing to import.' },
	'import.geojson.tooMany': { zh: '文件有 {count} 个要素，上限为 {max} 个：请拆分为较小的文件或先筛选。', en: 'The file has {count} features; the limit is {max}: split it into smaller files or filter it.' },
	'import.geojson.badJson': { zh: '文件不是有效的 JSON（{why}）：请重新导出为 GeoJSON，或导入 CSV。', en: 'The file is not valid JSON ({why}): export it again as GeoJSON, or import a CSV.' },
	'import.geojson.notGeoJson': { zh: '文件是 JSON，但不是 GeoJSON：其内容是{what}，不是要素集合、要素或几何。', en: 'The file is JSON but not GeoJSON: it holds {what}, not a FeatureCollection, a Feature or a geometry.' },
	'import.geojson.badCollection': { zh: '无法读取要素集合（FeatureCollection）：{problem}。', en: 'The FeatureCollection cannot be read: {problem}.' },
	'import.geojson.topojson': { zh: '文件是 TopoJSON，不是 GeoJSON：请转换为 GeoJSON（例如用 mapshaper）后导入。', en: 'The file is TopoJSON, not GeoJSON: convert it to GeoJSON (e.g. with mapshaper) and import that.' },
	'import.geojson.topNoType': { zh: '文件是 JSON，但不是 GeoJSON：顶层没有“type”；应为要素集合、要素或几何。', en: 'The file is JSON but not GeoJSON: its top level has no "type"; expected a FeatureCollection, a Feature or a geometry.' },
	'import.geojson.topType': { zh: '文件是 JSON，但不是 GeoJSON：顶层的 type 为{what}；应为要素集合、要素或几何。', en: 'The file is JSON but not GeoJSON: its top level has a "type" that is {what}; expected a FeatureCollection, a Feature or a geometry.' },
	'import.geojson.bareList': { zh: '文件是一个列表，已按要素列表读取。', en: 'The file is a bare list, read as a list of features.' },
	'import.geojson.bareGeometry': { zh: '文件是单个几何，已作为一个无属性的要素导入。', en: 'The file is a bare geometry, imported as one feature without properties.' },
	// GeoJSON: features
	'import.geojson.featureNotObject': { zh: '该要素是{what}，不是对象', en: 'the feature is {what}, not an object' },
	'import.geojson.notFeature': { zh: '“type”为{what}；要素的 type 必须是“Feature”', en: '"type" is {what}; a feature\'s type must be "Feature"' },
	'import.geojson.noGeometry': { zh: '该要素没有几何', en: 'the feature has no geometry' },
	'import.geojson.geometryNotObject': { zh: 'geometry 是{what}，不是对象', en: 'geometry is {what}, not an object' },
	'import.geojson.collection': { zh: '不支持 GeometryCollection（几何集合）：请拆成每个几何一个要素', en: 'GeometryCollection is not supported: split it into one feature per geometry' },
	'import.geojson.unknownGeometryNamed': { zh: '几何类型“{type}”不是 {supported} 之一', en: 'geometry type "{type}" is not one of {supported}' },
	'import.geojson.unknownGeometry': { zh: '几何类型{what}不是 {supported} 之一', en: 'geometry type {what} is not one of {supported}' },
	'import.geojson.invalid': { zh: '该要素不是有效的 GeoJSON', en: 'the feature is not valid GeoJSON' },
	'import.geojson.at': { zh: '{where}：{problem}', en: '{where}: {problem}' },
	'import.geojson.atMore': { zh: '{where}：{problem}（另有 {more} 处问题）', en: '{where}: {problem} (and {more} more problem(s))' },
	'import.geojson.theFeature': { zh: '该要素', en: 'the feature' },
	'import.geojson.expected': { zh: '应为{what}，实际是{got}', en: 'expected {what}, got {got}' },
	'import.geojson.schemaProblem': { zh: '不符合 GeoJSON 的要求（{detail}）', en: '{detail}' },
	'import.geojson.positionNeedsTwo': { zh: '一个坐标需要经度和纬度两个数', en: 'a position needs both lon and lat' },
	'import.geojson.lineNeedsTwo': { zh: '一条线至少需要 2 个坐标', en: 'a line needs at least 2 positions' },
	'import.geojson.ringNeedsFour': { zh: '多边形的环至少需要 4 个坐标（最后一个重复第一个）', en: 'a polygon ring needs at least 4 positions (the last repeating the first)' },
	'import.geojson.ringNotClosed': { zh: '多边形的环必须闭合：最后一个坐标须与第一个相同', en: 'a polygon ring must be closed: its last position must repeat its first' },
	'import.geojson.polygonNeedsRing': { zh: '多边形至少需要一个环', en: 'a polygon needs at least one ring' },
	'import.geojson.emptyList': { zh: '{what}的列表是空的', en: 'an empty list of {what}' },
	'import.geojson.featuresNotList': { zh: '“features”必须是列表，实际是{got}', en: '"features" must be a list, got {got}' },
	// What a value is, inside the sentences above
	'import.value.null': { zh: '空值（null）', en: 'null' },
	'import.value.nothing': { zh: '空', en: 'nothing' },
	'import.value.array': { zh: '数组', en: 'an array' },
	'import.value.object': { zh: '对象', en: 'an object' },
	'import.value.number': { zh: '数字 {value}', en: 'the number {value}' },
	'import.value.hugeNumber': { zh: '{value}（JSON 无法表示的大数，例如 1e400）', en: '{value} (a number too large for JSON, e.g. 1e400)' },
	'import.value.text': { zh: '文本“{value}”', en: 'the text "{value}"' },
	'import.value.other': { zh: '{type} 类型的值 {value}', en: '{type} {value}' },
	'import.what.finiteNumber': { zh: '有限的数字', en: 'a finite number' },
	'import.what.position': { zh: '坐标 [经度, 纬度]', en: 'a position [lon, lat]' },
	'import.what.positions': { zh: '坐标列表', en: 'a list of positions' },
	'import.what.ring': { zh: '环（坐标列表）', en: 'a ring (a list of positions)' },
	'import.what.rings': { zh: '环的列表', en: 'a list of rings' },
	'import.what.properties': { zh: '属性对象', en: 'an object of properties' },
	'import.what.id': { zh: '文本或数字的编号', en: 'a text or number id' },
	'import.what.listOfPositions': { zh: '坐标', en: 'positions' },
	'import.what.listOfLines': { zh: '线', en: 'lines' },
	'import.what.listOfPolygons': { zh: '多边形', en: 'polygons' },
	'import.what.listOf': { zh: '{what}的列表', en: 'a list of {what}' }
} as const;
