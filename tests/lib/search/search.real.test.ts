import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSearchIndex } from '../../../src/lib/search/documents';
import { createSearch } from '../../../src/lib/search/search';

const file = resolve(import.meta.dirname, '../../../static/data/search-index.json');

describe.skipIf(!existsSync(file))('search over the built static/data/search-index.json', () => {
	const docs = existsSync(file) ? parseSearchIndex(JSON.parse(readFileSync(file, 'utf8'))) : [];
	const { search } = createSearch(docs);

	it('霞飞路 finds the street group 淮海中路 first', () => {
		expect(search('霞飞路', 'zh')[0]).toMatchObject({ id: 'streets:淮海中路', matched: '霞飞路' });
	});

	it('衡山宾馆, or its old name Picardie Apartments, finds 衡山宾馆', () => {
		expect(search('衡山宾馆', 'zh')[0]?.title).toBe('衡山宾馆');
		expect(search('Picardie', 'zh')[0]?.title).toBe('衡山宾馆');
	});

	it('Avenue Joffre finds 淮海中路 first', () => {
		expect(search('Avenue Joffre', 'zh')[0]?.id).toBe('streets:淮海中路');
	});

	it('holds no long text and stays small', () => {
		expect(readFileSync(file).byteLength).toBeLessThan(300_000);
		expect(readFileSync(file, 'utf8')).not.toContain('"description"');
	});
});
