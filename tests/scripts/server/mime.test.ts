import { describe, expect, it } from 'vitest';
import { extensionOf, isCompressible, isDocument, mimeType } from '../../../scripts/server/mime';

describe('mime', () => {
	it('names the site file kinds', () => {
		expect(mimeType('/a/index.html')).toBe('text/html; charset=utf-8');
		expect(mimeType('x.js')).toBe('text/javascript; charset=utf-8');
		expect(mimeType('layer.geojson')).toBe('application/geo+json; charset=utf-8');
		expect(mimeType('t.pmtiles')).toBe('application/vnd.pmtiles');
		expect(mimeType('data.csv')).toBe('text/csv; charset=utf-8');
		expect(mimeType('photo.JPG')).toBe('image/jpeg');
		expect(mimeType('f.woff2')).toBe('font/woff2');
		expect(mimeType('m.wasm')).toBe('application/wasm');
	});
	it('falls back to octet-stream', () => {
		expect(mimeType('README')).toBe('application/octet-stream');
		expect(mimeType('x.unknown')).toBe('application/octet-stream');
		expect(mimeType('dir.d/.hidden')).toBe('application/octet-stream');
	});
	it('compresses text but never tile archives', () => {
		expect(isCompressible('a.html')).toBe(true);
		expect(isCompressible('a.geojson')).toBe(true);
		expect(isCompressible('a.svg')).toBe(true);
		expect(isCompressible('a.pmtiles')).toBe(false);
		expect(isCompressible('a.png')).toBe(false);
	});
	it('treats what a browser can render as a page or run as a script as a document', () => {
		for (const f of ['a.html', 'b.svg', 'c.xml', 'd.js', 'e.mjs']) expect(isDocument(f), f).toBe(true);
		for (const f of ['a.pmtiles', 'b.json', 'c.geojson', 'd.csv', 'e.png', 'f.css', 'g.woff2']) expect(isDocument(f), f).toBe(false);
	});
	it('takes the extension from the last path segment only', () => {
		expect(extensionOf('/a.b/c')).toBe('');
		expect(extensionOf('/a/b.tar.GZ')).toBe('gz');
	});
});
