import { describe, expect, it } from 'vitest';
import { collectTileRanges, nginxConfig, parseProcStat, parseWrkResult, wrkScript, type ByteRange } from '../../bench/serve-load-lib';
import { FIRST_REQUEST_BYTES, parseHeader } from '../../src/lib/tiles/pmtiles-reader';
import { writePmtiles, type TileInput } from '../../src/lib/tiles/pmtiles-writer';
import { tileIdToZxy, zxyToTileId } from '../../src/lib/tiles/tileid';
import { mulberry32 } from '../support/seeded-random';
import { gz, testWriteOptions } from '../support/pmtiles-fixtures';

const options = testWriteOptions;
const reader = (bytes: Uint8Array) => async (offset: number, length: number) => bytes.subarray(offset, offset + length);
const slice = (bytes: Uint8Array, r: ByteRange) => Buffer.from(bytes.subarray(r.start, r.start + r.length));

describe('collectTileRanges', () => {
	it('lists the opening read and each distinct tile once, shared bytes included once', async () => {
		const tiles: TileInput[] = [
			{ z: 0, x: 0, y: 0, data: gz('world') },
			{ z: 1, x: 0, y: 0, data: gz('sea') },
			{ z: 1, x: 1, y: 0, data: gz('sea') }, // same bytes: stored once, one run
			{ z: 1, x: 1, y: 1, data: gz('land') }
		];
		const bytes = writePmtiles(tiles, options(0, 1));
		const header = parseHeader(bytes.slice(0, 127).buffer);
		const ranges = await collectTileRanges(reader(bytes), bytes.length);

		expect(ranges[0]).toEqual({ start: 0, length: Math.min(FIRST_REQUEST_BYTES, bytes.length) });
		const tileRanges = ranges.slice(1);
		expect(tileRanges.every((r) => r.start >= header.tileDataOffset)).toBe(true);
		const contents = tileRanges.map((r) => slice(bytes, r));
		expect(contents).toHaveLength(3);
		expect(new Set(contents.map((c) => c.toString('hex')))).toEqual(new Set(['world', 'sea', 'land'].map((t) => Buffer.from(gz(t)).toString('hex'))));
	});

	it('reads through leaf directories and lists them as ranges of their own', async () => {
		const random = mulberry32(7);
		const first = zxyToTileId(8, 0, 0);
		// Gaps in the ids and random contents keep the directory too big for the root (as in the writer's test).
		const tiles = Array.from({ length: 40_000 }, (_, i) => {
			const [z, x, y] = tileIdToZxy(first + Math.floor(i * 1.6));
			return { z, x, y, data: gz(Uint8Array.from({ length: 4 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))) };
		});
		const bytes = writePmtiles(tiles, options(8, 8));
		const header = parseHeader(bytes.slice(0, 127).buffer);
		expect(header.leafDirectoryOffset).toBeGreaterThan(0);
		const ranges = await collectTileRanges(reader(bytes), bytes.length);

		const leafEnd = header.tileDataOffset;
		const leaves = ranges.filter((r) => r.start >= header.leafDirectoryOffset && r.start < leafEnd);
		const tileRanges = ranges.filter((r) => r.start >= header.tileDataOffset);
		expect(leaves.length).toBeGreaterThan(1);
		expect(tileRanges).toHaveLength(40_000);
		expect(slice(bytes, tileRanges[123]).equals(Buffer.from(tiles[123].data))).toBe(true);
		expect(ranges.every((r) => r.start + r.length <= bytes.length)).toBe(true);
	});

	it('refuses what is not a PMTiles v3 archive', async () => {
		const junk = new Uint8Array(4096).fill(7);
		await expect(collectTileRanges(reader(junk), junk.length)).rejects.toThrow(/PMTiles/);
	});
});

describe('wrkScript', () => {
	it('lists every range with inclusive ends and checks status, Content-Range and length', () => {
		const script = wrkScript([
			{ path: '/tiles/a.pmtiles', start: 0, length: 2048 },
			{ path: '/tiles/a.pmtiles', start: 5000, length: 1 }
		]);
		expect(script).toContain('{"/tiles/a.pmtiles", 0, 2047},');
		expect(script).toContain('{"/tiles/a.pmtiles", 5000, 5000},');
		expect(script).toContain('if status ~= 206 then');
		expect(script).toContain('#body ~= expected[key]');
		expect(script).toMatch(/io\.write\(string\.format\("SERVE_LOAD /);
	});

	it('refuses an empty list', () => {
		expect(() => wrkScript([])).toThrow();
	});
});

describe('parseWrkResult', () => {
	// What wrk 4.1 prints with the generated script (its own summary, then the script's line).
	const stdout = `Running 10s test @ http://127.0.0.1:40123/
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.21ms    1.02ms  40.10ms   91.00%
    Req/Sec    10.01k   500.00    11.00k    70.00%
  100500 requests in 10.05s, 160.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:  10000.00
Transfer/sec:     15.92MB
SERVE_LOAD requests=100500 duration_us=10050000 p50_us=3100 p99_us=12500 bad_status=4 bad_range=1 bad_length=2 connect=0 read=2 write=0 timeout=1
`;

	it('reads requests, rate, latency and both kinds of error', () => {
		expect(parseWrkResult(stdout)).toEqual({
			requests: 100500,
			seconds: 10.05,
			rps: 10000,
			p50Ms: 3.1,
			p99Ms: 12.5,
			badResponses: 7,
			socketErrors: 3,
			errors: 10
		});
	});

	it('fails loudly when wrk printed no result or a broken one', () => {
		expect(() => parseWrkResult('unable to connect to 127.0.0.1:1 Connection refused\n')).toThrow(/no SERVE_LOAD line/);
		expect(() => parseWrkResult('SERVE_LOAD requests=1 duration_us=x\n')).toThrow(/duration_us/);
	});
});

describe('nginxConfig', () => {
	it('is one foreground worker on loopback, serving the same folder, with private paths', () => {
		const conf = nginxConfig({ root: '/srv/build', port: 40000, dir: '/tmp/n', runAsRoot: false });
		for (const line of ['daemon off;', 'worker_processes 1;', 'access_log off;', 'sendfile on;', 'listen 127.0.0.1:40000;', 'root "/srv/build";', 'pid "/tmp/n/nginx.pid";', 'application/vnd.pmtiles pmtiles;']) {
			expect(conf).toContain(line);
		}
		expect(conf).not.toContain('user ');
		expect(nginxConfig({ root: '/srv/build', port: 1, dir: '/tmp/n', runAsRoot: true })).toMatch(/^user root;/);
	});
});

describe('parseProcStat', () => {
	it('reads the parent and CPU ticks, whatever the command name holds', () => {
		const line = '5170 (nginx: worker) (x) R 5168 5168 18818 0 -1 4194304 102 0 0 0 250 31 0 0 20 0 1 0 980559 3133440 414\n';
		expect(parseProcStat(line)).toEqual({ ppid: 5168, cpuTicks: 281 });
		expect(() => parseProcStat('garbage')).toThrow();
	});
});
