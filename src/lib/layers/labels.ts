import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from './types';

/** A label in the UI language, falling back to the other: Chinese names are the reference, English where a source gives one. */
export function nameLabel(lang: Lang, zh = 'name_zh', en = 'name_en'): ExpressionSpecification {
	return lang === 'zh' ? ['coalesce', ['get', zh], ['get', en], ''] : ['coalesce', ['get', en], ['get', zh], ''];
}

/** Text sizes and halos shared by every label, so the map reads as one design. */
export const LABEL_LAYOUT = { 'text-size': 12, 'text-max-width': 8 } as const;
export const LABEL_PAINT = { 'text-color': '#3b2f2a', 'text-halo-color': '#fffaf0', 'text-halo-width': 1.4 } as const;
