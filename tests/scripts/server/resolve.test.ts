import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath } from '../../../scripts/server/resolve';

let root: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'resolve-'));
	writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
	writeFileSync(join(root, 'about.html'), '<h1>about</h1>');
	mkdirSync(join(root, 'docs'));
	writeFileSync(join(root, 'docs', 'index.html'), 'docs');
	mkdirSync(join(root, 'empty'));
	mkdirSync(join(root, '地图'));
	writeFileSync(join(root, '地图', 'a b.txt'), 'x');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const status = (path: string) => {
	const r = resolveRequestPath(root, path);
	return r.kind === 'error' ? r.status : r.kind;
};

describe('resolveRequestPath', () => {
	it('serves index.html for the root and directories with a slash', () => {
		expect(resolveRequestPath(root, '/')).toMatchObject({ kind: 'file', file: join(root, 'index.html') });
		expect(resolveRequestPath(root, '/docs/')).toMatchObject({ kind: 'file', file: join(root, 'docs', 'index.html') });
	});
	it('redirects a directory without its slash', () => {
		expect(resolveRequestPath(root, '/docs')).toEqual({ kind: 'redirect', location: '/docs/' });
	});
	it('never builds a protocol-relative redirect', () => {
		expect(resolveRequestPath(root, '//docs')).toEqual({ kind: 'redirect', location: '/docs/' });
	});
	it('maps prerendered pages /about → about.html', () => {
		expect(resolveRequestPath(root, '/about')).toMatchObject({ kind: 'file', file: join(root, 'about.html') });
		expect(resolveRequestPath(root, '/about.html')).toMatchObject({ kind: 'file', file: join(root, 'about.html') });
	});
	it('decodes percent-escapes', () => {
		expect(resolveRequestPath(root, '/%E5%9C%B0%E5%9B%BE/a%20b.txt')).toMatchObject({ kind: 'file', file: join(root, '地图', 'a b.txt') });
	});
	it('answers 404 for unknown paths, files with a trailing slash and directories without index', () => {
		expect(status('/nope')).toBe(404);
		expect(status('/about.html/')).toBe(404);
		expect(status('/empty/')).toBe(404);
		expect(status('/empty')).toBe(404);
	});
	it('offers 404.html as the body when the site has one', () => {
		writeFileSync(join(root, '404.html'), 'gone');
		expect(resolveRequestPath(root, '/nope')).toMatchObject({ kind: 'error', status: 404, notFound: { file: join(root, '404.html') } });
		rmSync(join(root, '404.html'));
	});
	it('refuses traversal', () => {
		expect(status('/../etc/passwd')).toBe(403);
		expect(status('/%2e%2e/%2e%2e/etc/passwd')).toBe(403);
		expect(status('/docs/../../etc/passwd')).toBe(403);
		expect(status('/%2E%2E%2Fetc%2Fpasswd')).toBe(403);
	});
	it('refuses backslashes, raw or encoded', () => {
		expect(status('/..%5c..%5cwindows')).toBe(400);
		expect(status('/..\\..\\windows')).toBe(400);
	});
	it('refuses NUL', () => {
		expect(status('/%00')).toBe(400);
		expect(status('/index.html%00.png')).toBe(400);
	});
	it('refuses malformed escapes', () => {
		expect(status('/%E0%A4%A')).toBe(400);
		expect(status('/%zz')).toBe(400);
	});
	it('refuses targets that are not origin-form paths', () => {
		expect(status('*')).toBe(400);
		expect(status('http://example.com/')).toBe(400);
	});
});
