import type { Lang, PopupField, Text } from './types';

const YES_NO: Record<'true' | 'false', Text> = { true: { zh: '是', en: 'yes' }, false: { zh: '否', en: 'no' } };

/** A popup field's raw value in a language: its own language's where stored per language, else the other's. */
export function fieldValue(field: PopupField, record: Record<string, unknown>, lang: Lang): unknown {
	if (!field.lang) return record[field.key];
	return record[`${field.key}_${lang}`] ?? record[`${field.key}_${lang === 'zh' ? 'en' : 'zh'}`];
}

const present = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/**
 * A popup field as the side panel and the place pages show it, or null when it has no value:
 * coded values by their label, yes/no in words, and in English the English value a field names
 * (`english`) with the source's own beside it, "53 Hengshan Road (衡山路53号)", so it can still
 * be shown to a driver or matched to a door plate.
 */
export function fieldText(field: PopupField, record: Record<string, unknown>, lang: Lang): string | null {
	const value = fieldValue(field, record, lang);
	if (!present(value)) return null;
	const coded = field.valueLabels?.[String(value)];
	if (coded) return coded[lang];
	if (typeof value === 'boolean') return YES_NO[String(value) as 'true' | 'false'][lang];
	const english = lang === 'en' && field.english ? record[field.english] : null;
	if (present(english) && String(english) !== String(value)) return `${String(english)} (${String(value)})`;
	return String(value);
}
