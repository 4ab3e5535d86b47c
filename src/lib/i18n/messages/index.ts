/**
 * One catalogue of the sentences the code produces about data (importer errors and notes, build
 * report reasons, computed notes), in both languages. Producers return a Message (a key and its
 * parameters), never text, so a page renders it in its reader's language; English text is kept
 * beside it only where a command line or a JSON reader wants a sentence.
 */
import type { Lang } from '../../layers/types';
import { GEOCODE_MESSAGES } from './geocode';
import { IMPORT_MESSAGES } from './import';
import { REGISTER_MESSAGES } from './register';
import { REPORT_MESSAGES } from './report';

export interface Template {
	zh: string;
	en: string;
}

export const MESSAGES = { ...IMPORT_MESSAGES, ...REGISTER_MESSAGES, ...GEOCODE_MESSAGES, ...REPORT_MESSAGES } satisfies Record<string, Template>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * A parameter is a value from the data (shown as is), a name the data has in both languages
 * (the reader's is shown), or another message (rendered in the same language).
 */
export type MessageParam = string | number | Bilingual | Message;

export interface Bilingual {
	zh: string;
	en: string;
}

export interface Message {
	key: MessageKey;
	params?: Record<string, MessageParam>;
}

export function msg(key: MessageKey, params?: Record<string, MessageParam>): Message {
	return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
	return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && (value as Message).key in MESSAGES;
}

const integer = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en-US') };
const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

/** The placeholders a template uses, sorted: a key's two languages must use the same ones. */
export function placeholders(template: string): string[] {
	return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/**
 * A message as text in one language. An unknown key (a report written by an older build) or a
 * missing parameter still renders, showing the key or the placeholder, so a page never breaks.
 */
export function render(lang: Lang, message: Message | StoredMessage): string {
	const template = (MESSAGES as Record<string, Template>)[message.key];
	if (!template) return message.key;
	const params = (message.params ?? {}) as Record<string, unknown>;
	return template[lang].replace(PLACEHOLDER, (whole, name: string) => {
		const value = params[name];
		if (value === undefined || value === null) return whole;
		if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1000 ? integer[lang].format(value) : String(value);
		if (typeof value !== 'object') return String(value);
		if (typeof (value as StoredMessage).key === 'string') return render(lang, value as StoredMessage);
		return String((value as Partial<Bilingual>)[lang] ?? whole);
	});
}

/** A message as JSON holds it (a build report, an API document): its key is checked when rendered. */
export interface StoredMessage {
	key: string;
	params?: Record<string, unknown>;
}

/** Both languages at once, for the register import's command line, which prints the two. */
export function bothLanguages(message: Message): Bilingual {
	return { zh: render('zh', message), en: render('en', message) };
}

/** The English sentence, for command lines, logs and the report's `reason` text. */
export function english(message: Message): string {
	return render('en', message);
}
