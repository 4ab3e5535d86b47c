/**
 * A second site built the way `npm start` builds one, from data/sources after `sources:refresh`
 * fetched osm-buildings and osm-pois from recorded Overpass answers: what a clone serves once
 * those sources exist. Built into a temporary folder beside the real build/, which it never
 * touches (tests/support/site.ts). Takes about half a minute.
 */
import { dirname } from 'node:path';
import { refreshedFixtureSources } from '../support/fixture-sources';
import { buildDataFromSources, buildPages, serveSite, siteDirs, type ServedSite } from '../support/site';

export type FixtureSite = ServedSite;

export async function startFixtureSite(): Promise<FixtureSite> {
	const sources = await refreshedFixtureSources();
	const dirs = siteDirs(dirname(sources));
	buildDataFromSources(dirs, sources);
	buildPages(dirs);
	return serveSite(dirs.root);
}
