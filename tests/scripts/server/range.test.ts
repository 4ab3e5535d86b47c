import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../scripts/server/range';

describe('parseRange', () => {
	it('ignores a missing or empty header', () => {
		expect(parseRange(undefined, 1000)).toEqual({ kind: 'none' });
		expect(parseRange('', 1000)).toEqual({ kind: 'none' });
	});
	it('reads the first byte (0-0)', () => {
		expect(parseRange('bytes=0-0', 1000)).toEqual({ kind: 'single', start: 0, end: 0 });
	});
	it('reads the last byte as a suffix (-1)', () => {
		expect(parseRange('bytes=-1', 1000)).toEqual({ kind: 'single', start: 999, end: 999 });
	});
	it('reads an open-ended range to the end', () => {
		expect(parseRange('bytes=100-', 1000)).toEqual({ kind: 'single', start: 100, end: 999 });
	});
	it('clamps the end to the last byte', () => {
		expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'single', start: 990, end: 999 });
		expect(parseRange('bytes=0-16383', 1000)).toEqual({ kind: 'single', start: 0, end: 999 });
	});
	it('serves a suffix longer than the file as the whole file', () => {
		expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'single', start: 0, end: 999 });
	});
	it('tolerates case in the unit and spaces around the spec', () => {
		expect(parseRange('Bytes= 5 - 9 ', 1000)).toEqual({ kind: 'single', start: 5, end: 9 });
	});
	it('is unsatisfiable when the start is at or beyond the end of the file', () => {
		expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=1000-1001', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=5000-6000', 1000)).toEqual({ kind: 'unsatisfiable' });
	});
	it('is unsatisfiable for an empty suffix or any range of an empty file', () => {
		expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
	});
	it('ignores garbage (RFC 9110: serve 200)', () => {
		for (const header of ['bytes', 'bytes=', 'bytes=abc', 'bytes=-', 'bytes=5', 'bytes=1-2-3', 'items=0-1', 'bytes=+1-2', 'bytes=1e3-', 'bytes=0x10-', 'bytes=9-5', 'bytes=99999999999999999999-']) {
			expect(parseRange(header, 1000), header).toEqual({ kind: 'none' });
		}
	});
	it('reports several ranges as multi (answered with the full body)', () => {
		expect(parseRange('bytes=0-1,5-6', 1000)).toEqual({ kind: 'multi' });
		expect(parseRange('bytes=0-1, -5', 1000)).toEqual({ kind: 'multi' });
	});
	it('ignores a multi-range header with one bad part', () => {
		expect(parseRange('bytes=0-1,x', 1000)).toEqual({ kind: 'none' });
	});
});
