import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { english, MESSAGES, msg, placeholders, render } from '../../../src/lib/i18n/messages';

const HAN = /\p{Script=Han}/u;

function sourceText(dir: string): string {
	return readdirSync(dir)
		.map((name) => join(dir, name))
		.filter((path) => path !== join('src', 'lib', 'i18n', 'messages'))
		.map((path) => (statSync(path).isDirectory() ? sourceText(path) : /\.(ts|svelte)$/.test(path) ? readFileSync(path, 'utf8') : ''))
		.join('\n');
}

describe('the message catalogue', () => {
	const entries = Object.entries(MESSAGES) as Array<[string, { zh: string; en: string }]>;

	it('gives every key both languages with the same parameters', () => {
		expect(entries.length).toBeGreaterThan(50);
		for (const [key, t] of entries) {
			expect(t.zh.trim(), key).not.toBe('');
			expect(t.en.trim(), key).not.toBe('');
			expect(placeholders(t.zh), key).toEqual(placeholders(t.en));
		}
	});

	it('writes the Chinese in Chinese: a zh template with words of its own has Chinese characters', () => {
		for (const [key, t] of entries) {
			const own = t.zh.replace(/\{\w+\}/g, '');
			// "{where}：{problem}" only joins its parameters; any other template says something, in Chinese.
			if (/[A-Za-z]/.test(own) || own.replace(/[\s：:，,（）()·、]/g, '') !== '') expect(HAN.test(own), `${key}: ${t.zh}`).toBe(true);
		}
	});

	it('has no key that nothing uses', () => {
		const code = sourceText('src') + sourceText('scripts');
		const unused = entries.map(([key]) => key).filter((key) => !code.includes(`'${key}'`) && !new RegExp(`'${key.replace(/\.[^.]+$/, '')}\\.' \\+|\`${key.replace(/\.[^.]+$/, '')}\\.\\$\\{`).test(code));
		expect(unused).toEqual([]);
	});
});

describe('render', () => {
	it('fills parameters, renders nested messages in the same language and groups large numbers', () => {
		const row = msg('import.row.line', { line: 1203, problem: msg('import.csv.notNumber', { column: 'lng', value: 'abc' }) });
		expect(render('en', row)).toBe('line 1,203: lng "abc" is not a number');
		expect(render('zh', row)).toBe('第 1,203 行：lng 的值“abc”不是数字');
		expect(english(msg('import.empty'))).toBe('The file is empty: nothing to import.');
	});

	it('puts a value in as it is, even one that looks like a placeholder or a replacement pattern', () => {
		expect(render('en', msg('import.csv.cellEmpty', { column: '$& {column}' }))).toBe('$& {column} is empty');
	});

	it('shows the key of a message an older report names but the catalogue no longer has, and an unfilled placeholder', () => {
		expect(render('zh', { key: 'gone.away' } as never)).toBe('gone.away');
		expect(render('en', msg('import.csv.cellEmpty'))).toBe('{column} is empty');
	});
});
