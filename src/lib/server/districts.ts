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

/** Every district of the registry; those this build covers have computed counts. */
export function districtDocuments(): DistrictDocument[] {
	const report = readReport();
	const builtNames = report.districts.map((d) => d.name_en).join(' and ');
	const builtNamesZh = report.districts.map((d) => d.name_zh).join('、');
	return loadDistrictRegistry(districtRegistryPath()).districts.map((d) => {
		const figures = report.figures[d.id];
		const built = figures !== undefined;
		const checks = new Map((figures ?? []).map((f) => [f.key, f]));
		const area = report.districts.find((x) => x.id === d.id)?.area_km2 ?? checks.get('area_km2')?.computed ?? null;
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
					computed_note: check ? check.note : built ? 'no source in the bundle to count this' : `this build covers ${builtNames}; build with \`npm run data\` (every district) to count ${d.name_en}`,
					// A report written before notes were translated has none: the English one stands in.
					computed_note_zh: check ? (check.note_zh ?? check.note) : built ? '数据包中没有可据以计算的来源' : `本次生成覆盖${builtNamesZh}；运行 \`npm run data\`（全部街道）以计算${d.name_zh}`
				};
			})
		};
	});
}
