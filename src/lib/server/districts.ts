/**
 * Each subdistrict's published figures (data/districts.json, from the newsletters) beside the
 * portal's own count of the same thing (the build report): the data-truth table.
 */
import { resolve } from 'node:path';
import { loadDistrictRegistry } from '../../../scripts/pipeline/districts';
import type { DistrictDocument } from '../schema/catalogue';
import { readReport } from './catalogue';

export function districtRegistryPath(): string {
	return resolve(process.env.HENGFU_DISTRICTS ?? 'data/districts.json');
}

export function districtIds(): string[] {
	return loadDistrictRegistry(districtRegistryPath()).districts.map((d) => d.id);
}

/** Every district of the registry; only the one this build is for has computed counts. */
export function districtDocuments(): DistrictDocument[] {
	const report = readReport();
	return loadDistrictRegistry(districtRegistryPath()).districts.map((d) => {
		const built = d.id === report.district.id;
		const checks = new Map(built ? report.figures.map((f) => [f.key, f]) : []);
		const area = checks.get('area_km2')?.computed ?? null;
		return {
			id: d.id,
			name_zh: d.name_zh,
			name_en: d.name_en,
			built,
			area_km2: area,
			figures: d.figures.map((fig) => {
				const check = checks.get(fig.key);
				return {
					...fig,
					computed: check?.computed ?? null,
					computed_note: check ? check.note : `this build covers ${report.district.name_en}; build with \`npm run data -- --district ${d.id}\` to count ${d.name_en}`,
					// A report written before notes were translated has none: the English one stands in.
					computed_note_zh: check ? (check.note_zh ?? check.note) : `本次生成覆盖${report.district.name_zh}；运行 \`npm run data -- --district ${d.id}\` 以计算${d.name_zh}`
				};
			})
		};
	});
}
