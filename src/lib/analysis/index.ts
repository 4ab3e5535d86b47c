/**
 * The planners' analysis core: what lies in an area, what lies near what, counts per layer
 * and category, and exports. Pure functions over GeoJSON features — no DOM — so the page,
 * a worker and the tests share them.
 */
export { featureId, type AnyFeature, type Area } from './types';
export { featureInArea, featuresInArea } from './within';
export { countValues, layerStats, NONE, publishedFiguresFor, statistics, STAT_GROUPS, type LayerStats } from './stats';
export { distanceToFeature, featureDistance, withinDistance, type NearMatch } from './proximity';
export { GEOMETRY_COLUMNS, toCsv, toGeoJson } from './export';
export { representativePoint } from './representative';
