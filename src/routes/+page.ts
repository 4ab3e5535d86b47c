import type { PageLoad } from './$types';

interface Report {
	district: { id: string; name_zh: string; name_en: string };
	layers: { id: string; total: number; in_district: number }[];
	figures: { key: string; label_en: string; published: number; computed: number | null; note: string; source: string }[];
}

export const load: PageLoad = async ({ fetch }) => {
	const res = await fetch('/data/build-report.json');
	if (!res.ok) throw new Error('static/data/build-report.json is missing: run `npm run data`');
	return { report: (await res.json()) as Report };
};
