/**
 * Each subdistrict's published figures (data/districts.json, from the newsletters) beside the
 * portal's own count of the same thing (the build report): the data-truth table.
 */
import { resolve } from 'node:path';
import { loadDistrictRegistry } from '../../../scripts/pipeline/districts';
import type { DistrictDocument } from '../schema/catalogue';
import { english, msg, render, type Message } from '../i18n/messages';
import { newsletterCitations, citationOf } from './bibliography';
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
	const cited = newsletterCitations();

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
				const message = check ? figureMessage(check) : built ? msg('figure.noSource') : notBuilt(report.districts, d);
				return { ...fig, source_title: citationOf(fig.source, cited), computed: check?.computed ?? null, computed_note: english(message), computed_note_zh: render('zh', message), computed_message: message };
			})
		};
	});
}

/** The note of a figure the build counted; a report written before the catalogue has only its texts. */
function figureMessage(check: { note: string; note_zh?: string; message?: Message }): Message {
	return check.message ?? msg('figure.text', { text: { zh: check.note_zh ?? check.note, en: check.note } });
}

function notBuilt(built: Array<{ name_zh: string; name_en: string }>, d: { name_zh: string; name_en: string }): Message {
	const names = { zh: built.map((b) => b.name_zh).join('、'), en: built.map((b) => b.name_en).join(' and ') };
	return msg('figure.notBuilt', { built: names, district: { zh: d.name_zh, en: d.name_en } });
}
