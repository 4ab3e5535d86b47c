import { error } from '@sveltejs/kit';
import { layerSchema } from '$lib/layers/schemas';
import { DATASETS, datasetById, datasetReport, datasetSummary, readLayer, readReport } from '$lib/server/catalogue';
import { dataDictionary } from '$lib/server/dictionary';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => DATASETS.map((d) => ({ id: d.id }));

/** Rows in the prerendered page; the rest are paged in the browser from the GeoJSON download. */
const PAGE_SIZE = 20;

export const load: PageServerLoad = ({ params }) => {
	const layer = datasetById(params.id);
	if (!layer) error(404, `no dataset "${params.id}"`);
	const data = readLayer(layer.id);
	const report = readReport();
	return {
		dataset: datasetSummary(layer, report),
		districts: report.districts.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })),
		dictionary: dataDictionary(layer, layerSchema(layer.id), data),
		firstRows: data.features.slice(0, PAGE_SIZE).map((f) => f.properties ?? {}),
		report: datasetReport(layer, report),
		pageSize: PAGE_SIZE
	};
};
