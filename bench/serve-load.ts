/**
 * The production server under load, against nginx serving the same build/: wrk replays the
 * Range requests a map client sends to the built tile archives (opening read, directories, every
 * tile), for BENCH_SERVE_SECONDS (default 60) each, one server after the other in the same run.
 *
 * Needs the Debian packages nginx-light (or nginx) and wrk; without them the suite says so and
 * yields no metrics rather than failing the other suites. It never installs anything itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import type { Metrics } from './metrics';
import { collectTileRanges, nginxConfig, parseProcStat, parseWrkResult, wrkScript, type RangeRequest, type WrkResult } from './serve-load-lib';

const CONNECTIONS = 32;
/** Uncounted run before each measured one, so neither side is measured cold (JIT, page cache). */
const WARMUP_SECONDS = 2;
const repoRoot = resolve(import.meta.dirname, '..');
const buildDir = join(repoRoot, 'build');

export async function serveLoadBench(): Promise<Metrics> {
	const nginx = findExecutable('nginx');
	const wrk = findExecutable('wrk');
	if (!nginx || !wrk) {
		const missing = [!nginx && 'nginx', !wrk && 'wrk'].filter(Boolean).join(' and ');
		console.log(`  skipped: ${missing} not found. Install the Debian packages: apt-get install nginx-light wrk (or nginx instead of nginx-light)`);
		return {};
	}
	if (!existsSync(join(buildDir, 'index.html'))) throw new Error(`serve bench: ${buildDir} has no index.html: run npm run build first`);
	const seconds = Number(process.env.BENCH_SERVE_SECONDS ?? 60);
	if (!(seconds >= 1)) throw new Error(`serve bench: BENCH_SERVE_SECONDS must be a number ≥ 1, got ${process.env.BENCH_SERVE_SECONDS}`);

	const loadBefore = loadavg()[0];
	const requests = await archiveRequests(buildDir);
	const archives = new Set(requests.map((r) => r.path)).size;
	const work = mkdtempSync(join(tmpdir(), 'bench-serve-'));
	const children: ChildProcess[] = [];
	// Last resort if the bench process exits without reaching `finally` (e.g. process.exit elsewhere).
	const killAll = () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL'));
	process.once('exit', killAll);
	try {
		const script = join(work, 'ranges.lua');
		writeFileSync(script, wrkScript(requests));

		const server = await startServer(children);
		const serverResult = await drive(wrk, server, script, seconds, children);
		await stop(server.child);

		const nginxRun = await startNginx(nginx, work, children);
		const nginxResult = await drive(wrk, nginxRun, script, seconds, children);
		await stop(nginxRun.child);

		printSideBySide(serverResult, nginxResult);
		const r = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
		const load = `1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`;
		const setup = `wrk 1 thread, ${CONNECTIONS} connections, ${seconds} s per server after ${WARMUP_SECONDS} s warm-up; ${requests.length} real ranges of ${archives} archives; ${load}`;
		const cpu: Metrics =
			serverResult.cpuUsPerRequest !== undefined && nginxResult.cpuUsPerRequest !== undefined
				? {
						server_cpu_us_per_request: { value: r(serverResult.cpuUsPerRequest, 1), unit: 'µs', goal: 'reference: CPU time of the Node process per request (all its threads)' },
						nginx_cpu_us_per_request: { value: r(nginxResult.cpuUsPerRequest, 1), unit: 'µs', goal: 'reference: CPU time of nginx master + worker per request' }
					}
				: {};
		return {
			serve_load_seconds: { value: seconds, unit: 's', goal: `reference: ${setup}` },
			serve_load_connections: { value: CONNECTIONS, unit: '', goal: 'reference: wrk connections, 1 wrk thread' },
			server_rps: { value: r(serverResult.rps, 0), unit: 'req/s', goal: 'reference: npm run serve (one Node process)' },
			nginx_rps: { value: r(nginxResult.rps, 0), unit: 'req/s', goal: 'reference: nginx, worker_processes 1, sendfile on' },
			server_rps_ratio_vs_nginx: { value: r(serverResult.rps / nginxResult.rps, 3), unit: '×', goal: '≥ 0.5 (one Node process vs one nginx worker, same files and requests)' },
			server_errors: { value: serverResult.errors, unit: '', goal: '0 (status ≠ 206, wrong Content-Range or length, socket errors, timeouts)' },
			nginx_errors: { value: nginxResult.errors, unit: '', goal: 'reference' },
			server_latency_p50_ms: { value: r(serverResult.p50Ms), unit: 'ms', goal: 'reference' },
			server_latency_p99_ms: { value: r(serverResult.p99Ms), unit: 'ms', goal: 'reference' },
			nginx_latency_p50_ms: { value: r(nginxResult.p50Ms), unit: 'ms', goal: 'reference' },
			nginx_latency_p99_ms: { value: r(nginxResult.p99Ms), unit: 'ms', goal: 'reference' },
			...cpu
		};
	} finally {
		await Promise.all(children.map(stop));
		process.removeListener('exit', killAll);
		rmSync(work, { recursive: true, force: true });
	}
}

/** Every range of every .pmtiles under `root`, with the URL path that reaches it. */
async function archiveRequests(root: string): Promise<RangeRequest[]> {
	const files = listFiles(root).filter((f) => f.endsWith('.pmtiles'));
	if (files.length === 0) throw new Error(`serve bench: no .pmtiles under ${root}: run npm run build first`);
	const requests: RangeRequest[] = [];
	for (const file of files) {
		const path = '/' + relative(root, file).split(sep).map(encodeURIComponent).join('/');
		const fd = openSync(file, 'r');
		try {
			const read = async (offset: number, length: number) => {
				const buf = Buffer.alloc(length);
				const n = readSync(fd, buf, 0, length, offset);
				if (n !== length) throw new Error(`${file}: short read at ${offset}`);
				return new Uint8Array(buf.buffer, buf.byteOffset, n);
			};
			for (const range of await collectTileRanges(read, statSync(file).size)) requests.push({ path, ...range });
		} finally {
			closeSync(fd);
		}
	}
	return requests;
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** PATH, plus the sbin folders a non-root PATH often lacks (Debian puts nginx in /usr/sbin). */
function findExecutable(name: string): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
	for (const dir of dirs.filter(Boolean)) {
		const candidate = join(dir, name);
		try {
			accessSync(candidate, constants.X_OK);
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

interface Running {
	url: string;
	child: ChildProcess;
}

/** `npm run serve`'s own command line from package.json, so the bench runs exactly what users run. */
function serveArguments(): string[] {
	const script = String(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts?.serve ?? '');
	const [bin, ...args] = script.trim().split(/\s+/);
	if (bin !== 'node') throw new Error(`bench serve: package.json's "serve" script must start with node, got "${script}"`);
	return args.map((a) => (a.startsWith('scripts/') ? join(repoRoot, a) : a));
}

/**
 * `npm run serve`'s code path and Node flags, port 0 so the kernel picks a free one, read back
 * from the line serve.ts prints once it listens.
 */
async function startServer(children: ChildProcess[]): Promise<Running> {
	const child = spawn(process.execPath, serveArguments(), {
		cwd: repoRoot,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SITE_DIR: buildDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	const line = await waitForOutput(child, /on http:\/\/localhost:(\d+)/, 30_000);
	return { url: `http://127.0.0.1:${line[1]}`, child };
}

async function startNginx(nginx: string, work: string, children: ChildProcess[]): Promise<Running> {
	const dir = join(work, 'nginx');
	mkdirSync(dir);
	// nginx cannot report a port the kernel chose, so borrow a free one; a lost race is retried.
	for (let attempt = 0; ; attempt++) {
		const port = await freePort();
		const conf = join(dir, 'nginx.conf');
		writeFileSync(conf, nginxConfig({ root: buildDir, port, dir, runAsRoot: process.getuid?.() === 0 }));
		const child = spawn(nginx, ['-c', conf, '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
		children.push(child);
		const url = `http://127.0.0.1:${port}`;
		try {
			await waitForHttp(child, url, 10_000);
			return { url, child };
		} catch (err) {
			await stop(child);
			if (attempt >= 2) throw err;
		}
	}
}

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const probe = createNetServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => ok(port));
		});
	});
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
	return new Promise((ok, fail) => {
		let output = '';
		const timer = setTimeout(() => fail(new Error(`no ${pattern} from the server within ${timeoutMs} ms:\n${output}`)), timeoutMs);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = output.match(pattern);
			if (match) {
				clearTimeout(timer);
				ok(match);
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`server exited (${code}) before listening:\n${output}`));
		});
	});
}

/** Polls until `url` answers at all; fails early if the process exits (bad config, port taken). */
async function waitForHttp(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
	let output = '';
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
		try {
			await fetch(url, { method: 'HEAD' });
			return;
		} catch {
			await new Promise((ok) => setTimeout(ok, 100));
		}
	}
	throw new Error(`nginx did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}

type Measured = WrkResult & { cpuUsPerRequest?: number };

async function drive(wrk: string, target: Running, script: string, seconds: number, children: ChildProcess[]): Promise<Measured> {
	await runWrk(wrk, target.url, script, WARMUP_SECONDS, children);
	const pid = target.child.pid;
	const before = pid === undefined ? undefined : cpuTicks(pid);
	const result = parseWrkResult(await runWrk(wrk, target.url, script, seconds, children));
	const after = pid === undefined ? undefined : cpuTicks(pid);
	if (before === undefined || after === undefined || result.requests === 0) return result;
	// USER_HZ is 100 on Linux: a tick is 10 ms.
	return { ...result, cpuUsPerRequest: ((after - before) * 10_000) / result.requests };
}

/**
 * CPU ticks used so far by `pid` and its children (nginx's worker), from /proc. Requests per second
 * swing with whatever else the machine runs; CPU per request much less, so both are reported.
 * Undefined where there is no /proc.
 */
function cpuTicks(pid: number): number | undefined {
	const read = (p: string) => {
		try {
			return parseProcStat(readFileSync(`/proc/${p}/stat`, 'utf8'));
		} catch {
			return undefined;
		}
	};
	const own = read(String(pid));
	if (!own) return undefined;
	let total = own.cpuTicks;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || entry === String(pid)) continue;
		const stat = read(entry);
		if (stat?.ppid === pid) total += stat.cpuTicks;
	}
	return total;
}

function runWrk(wrk: string, url: string, script: string, seconds: number, children: ChildProcess[]): Promise<string> {
	return new Promise((ok, fail) => {
		const child = spawn(wrk, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '2s', '-s', script, url], { stdio: ['ignore', 'pipe', 'pipe'] });
		children.push(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', fail);
		child.once('exit', (code) => (code === 0 ? ok(stdout) : fail(new Error(`wrk exited ${code}:\n${stdout}${stderr}`))));
	});
}

/** SIGTERM, then SIGKILL if the process is still there after 5 s. Resolves once it has exited. */
function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((ok) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(timer);
			ok();
		});
		child.kill('SIGTERM');
	});
}

function printSideBySide(server: Measured, nginx: Measured): void {
	const row = (name: string, w: Measured) =>
		`  ${name.padEnd(8)} ${w.rps.toFixed(0).padStart(9)} ${w.p50Ms.toFixed(2).padStart(8)} ${w.p99Ms.toFixed(2).padStart(8)} ${String(w.errors).padStart(7)} ${String(w.requests).padStart(10)} ${(w.cpuUsPerRequest?.toFixed(1) ?? '-').padStart(10)}`;
	console.log(`  ${''.padEnd(8)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'requests'.padStart(10)} ${'CPU µs/req'.padStart(10)}`);
	console.log(row('server', server));
	console.log(row('nginx', nginx));
}
