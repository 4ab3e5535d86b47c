/**
 * The streets stage: OSM ways → street features, then historic (645), foreign (Virtual
 * Shanghai) and never-widened (curated CSV) attributes. Pure functions; the build script
 * reads the files and writes the outputs.
 */
export { overpassToStreets, STREETS_SOURCE, type StreetFeature, type StreetProperties } from './streets/overpass';
export {
	attachHistoricNames,
	HISTORIC_DEFAULTS,
	type HistoricMatchOptions,
	type HistoricNameRow,
	type HistoricProperties,
	type HistoricRoad
} from './streets/historic';
export {
	attachForeignNames,
	differentForeignStreets,
	foreignStreetCore,
	parseForeignAddress,
	titleCase,
	type ForeignKind,
	type ForeignNameProperties,
	type ForeignNameRow,
	type ForeignOptions,
	type ForeignStats,
	type ParsedForeignAddress
} from './streets/foreign';
export {
	markNeverWidened,
	NEVER_WIDENED_SOURCE,
	parseCsv,
	parseNeverWidenedCsv,
	type CsvRecord,
	type NeverWidenedProperties,
	type NeverWidenedRow,
	type Unmatched
} from './streets/never-widened';
