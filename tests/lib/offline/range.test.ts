import { describe, expect, it } from 'vitest';
import { answerRange } from '../../../src/lib/offline/range';

const file = Uint8Array.from({ length: 100 }, (_, i) => i).buffer;
const stored = new Headers({ 'content-type': 'application/vnd.pmtiles', etag: '"64-abc"', 'last-modified': 'Thu, 03 Dec 2026 10:07:00 GMT', 'content-encoding': 'gzip', 'x-other': '1' });
const bytes = (b: ArrayBuffer | null) => (b ? [...new Uint8Array(b)] : null);

describe('range answers from a cached archive', () => {
	it('answers one range with 206, its bytes and Content-Range', () => {
		const a = answerRange(file, 'bytes=10-19', stored);
		expect(a.status).toBe(206);
		expect(bytes(a.body)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
		expect(a.headers['content-range']).toBe('bytes 10-19/100');
		expect(a.headers['content-length']).toBe('10');
		expect(a.headers['accept-ranges']).toBe('bytes');
	});

	it('keeps the validators and type but not the stored encoding or other headers', () => {
		const a = answerRange(file, 'bytes=0-0', stored);
		expect(a.headers).toMatchObject({ 'content-type': 'application/vnd.pmtiles', etag: '"64-abc"', 'last-modified': 'Thu, 03 Dec 2026 10:07:00 GMT' });
		expect(a.headers['content-encoding']).toBeUndefined();
		expect(a.headers['x-other']).toBeUndefined();
	});

	it('clamps a range past the end, and answers open and suffix ranges', () => {
		expect(answerRange(file, 'bytes=95-200', stored).headers['content-range']).toBe('bytes 95-99/100');
		expect(bytes(answerRange(file, 'bytes=98-', stored).body)).toEqual([98, 99]);
		const suffix = answerRange(file, 'bytes=-3', stored);
		expect([suffix.status, suffix.headers['content-range'], bytes(suffix.body)]).toEqual([206, 'bytes 97-99/100', [97, 98, 99]]);
	});

	it('answers 416 with `bytes */size` when no byte of the range is in the file', () => {
		for (const range of ['bytes=100-', 'bytes=150-160', 'bytes=-0']) {
			const a = answerRange(file, range, stored);
			expect([a.status, a.headers['content-range'], a.body], range).toEqual([416, 'bytes */100', null]);
		}
	});

	it('answers 200 with the whole file without a Range, or with one it cannot use', () => {
		for (const range of [null, '', 'items=0-1', 'bytes=5-2', 'bytes=a-b', 'bytes=0-1,5-6']) {
			const a = answerRange(file, range, stored);
			expect([a.status, a.body?.byteLength, a.headers['content-length'], a.headers['content-range']], String(range)).toEqual([200, 100, '100', undefined]);
		}
	});

	it('reads headers from a plain record too', () => {
		expect(answerRange(file, 'bytes=0-1', { 'content-type': 'x/y' }).headers['content-type']).toBe('x/y');
	});
});
