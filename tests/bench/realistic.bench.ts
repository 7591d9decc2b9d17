/**
 * Issue #11, part 4: speed and memory on real batches. The capture benchmarks send three-event batches
 * only; this one is a 20,000-request capture of five SDKs whose batches carry 1, 5, 20 or 50 events
 * (realistic-capture.ts). (a) analyze against the minimal pipeline, per event; (b) peak memory of a
 * process that analyzes the file from disk, against the file's size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness';
import type { Capture } from '../../src/lib/core/model';
import { createCaptureSink } from '../../src/lib/core/capture/pipeline';
import { analyze } from '../../src/lib/core/report/analyze';
import { EXPECTED_LAYERS, generateRealisticHar, type PlantedEntry } from './realistic-capture';
import { minimalPipeline } from './realistic-minimal';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const CHUNK = 1024 * 1024;
const MEMORY_TARGET = 4;
const cores = availableParallelism();

interface Input {
	bytes: Uint8Array;
	path: string;
	entries: PlantedEntry[];
	events: number;
}

let cached: Input | null = null;

/** Generated once per process into a temp file (never into git), read back as the file a user would drop. */
function setup(): Input {
	if (cached) return cached;
	const dir = mkdtempSync(join(tmpdir(), 'telltale-realistic-'));
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	const path = join(dir, 'realistic-20000.har');
	const generated = generateRealisticHar();
	writeFileSync(path, generated.bytes);
	cached = { bytes: new Uint8Array(readFileSync(path)), path, entries: generated.entries, events: generated.events };
	return cached;
}

function readStreaming(bytes: Uint8Array): Capture {
	const sink = createCaptureSink({ name: 'realistic-20000.har', size: bytes.length });
	for (let i = 0; i < bytes.length; i += CHUNK) sink.push(bytes.subarray(i, i + CHUNK));
	return sink.finish();
}

/** Every request decoded to its SDK's layers and every planted ID found: a fast wrong answer is no pass. */
function verifyAnalysis(input: Input, analysis: ReturnType<typeof analyze>): string | null {
	const exchanges = analysis.report.exchanges;
	if (exchanges.length !== input.entries.length) return `${exchanges.length} exchanges`;
	for (let i = 0; i < exchanges.length; i++) {
		const planted = input.entries[i]!;
		const layers = exchanges[i]!.layers.join(' › ');
		if (!EXPECTED_LAYERS[planted.sdk].includes(layers)) return `exchange ${i} (${planted.sdk}) decoded as ${layers || 'nothing'}`;
		const values = new Set(exchanges[i]!.findings.map((f) => f.value.toLowerCase()));
		const missed = planted.ids.find((id) => !values.has(id.toLowerCase()));
		if (missed) return `exchange ${i} (${planted.sdk}): ${missed} not found`;
	}
	return null;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const analyzeBench: Benchmark<Input> = {
	id: 'realistic-analyze',
	title: 'Analyze a realistic 20,000-request capture (batches of 1–50 events, five SDKs)',
	get description(): string {
		const size = cached ? `${mb(cached.bytes.length)}, ${cached.events.toLocaleString('en-US')} events` : 'about 112 MB, about 200,000 events';
		return `A generated HAR (${size}) of Sensors Analytics (form › base64 › gzip › JSON), Mixpanel (base64 form or JSON), Segment (/v1/batch JSON), Firebase (app-measurement.com protobuf) and GA4 (/g/collect query, batches as body lines) requests, each carrying 1, 5, 20 or 50 events (40 / 32 / 20 / 8 % of requests) that repeat one phone's IDs and model. Telltale: the streaming read in 1 MiB chunks, then \`analyze\` on one thread. Baseline: JSON.parse of the file, then per request the URL's query and the body decoded with platform primitives (URLSearchParams, Buffer base64, node:zlib gunzipSync, JSON.parse, body lines); the Firebase protobuf bodies are base64-decoded and skipped, not parsed. The per-event cost divides each side's time by every event in the capture, the Firebase ones included.`;
	},
	baselineLabel: 'JSON.parse + per request query, base64, gunzip, JSON.parse; protobuf skipped',
	target: 4,
	warmup: 1,
	runs: 2,
	setup,
	baseline: (input) => minimalPipeline(input.bytes),
	subject: (input) => analyze(readStreaming(input.bytes)),
	verify: (input, result) => verifyAnalysis(input, result as ReturnType<typeof analyze>),
	perItem: { label: 'event', count: (input) => input.events }
};

interface Probe {
	ok: boolean;
	maxRssBytes: number;
	heapPeak?: number;
	exit: string;
	/** Wall time of the whole process, start to exit. */
	ms: number;
}

/** Runs `args` under /usr/bin/time -v (its "Maximum resident set size" survives a crash); `.ts` scripts through tsx. */
function measured(args: string[]): Probe & { stdout: string } {
	const node = args[0]!.endsWith('.ts') ? [process.execPath, '--import', 'tsx'] : [process.execPath];
	const started = performance.now();
	const child = spawnSync('/usr/bin/time', ['-v', ...node, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', args.includes('--json') ? 'ignore' : 'pipe', 'pipe'] });
	const ms = performance.now() - started;
	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
	const status = /Exit status: (\d+)/.exec(child.stderr ?? '');
	const signal = /Command terminated by signal (\d+)/.exec(child.stderr ?? '');
	const ok = child.status === 0;
	const why = (child.stderr ?? '').split('\n').filter((l) => l.trim() !== '' && !/^\t|Command (being timed|exited|terminated)/.test(l)).slice(-2).join(' / ');
	return {
		ok,
		maxRssBytes: rss ? Number(rss[1]) * 1024 : NaN,
		exit: ok ? 'exit 0' : `${signal ? `signal ${signal[1]}` : `exit ${status?.[1] ?? child.status}`}${why ? `: ${why.slice(0, 300)}` : ''}`,
		stdout: child.stdout ?? '',
		ms
	};
}

function probe(mode: 'analyze' | 'worker' | 'minimal', path: string): Probe {
	const run = measured([join(here, 'realistic-probe.ts'), mode, path]);
	const line = run.stdout.split('\n').find((l) => l.startsWith('probe:'));
	if (!run.ok || line === undefined) throw new Error(`${mode} probe failed (${run.exit})`);
	return { ...run, heapPeak: (JSON.parse(line.slice('probe:'.length)) as { heapPeak: number }).heapPeak };
}

/** The installed command, built from src/cli (as npm install does). */
const BIN = join(root, 'dist/cli/telltale.mjs');
const cli = (path: string, jobs: number | null): Probe => measured([BIN, 'analyze', path, '--json', ...(jobs === null ? [] : ['--jobs', String(jobs)])]);

/** Measured once per process, in the subject's untimed warm-up: the baseline's peak, the pool's, and the app worker's. */
let extras: { minimal: Probe; pool: Probe; analyzeKeeping: Probe; worker: Probe } | null = null;
let lastCli: Probe | null = null;

const memoryBench: Benchmark<Input> = {
	id: 'realistic-peak-memory',
	title: 'Peak memory of `telltale analyze FILE --json` on the realistic capture, against its size; the pool\'s speed-up',
	get description(): string {
		const base =
			'The realistic capture (see realistic-analyze) written to a temp file. Telltale: the installed command (`dist/cli/telltale.mjs`, built by `npm install`) runs `analyze FILE --json --jobs 1 > /dev/null` in a process of its own: it reads the file twice, writes the report while reading, and keeps neither the capture nor the report. Its peak resident set is taken by `/usr/bin/time -v`. Baseline: a process doing the minimal pipeline (readFileSync, then as in realistic-analyze). The timed sides are those whole processes, start to exit; the memory ratio is peak RSS over file size, target ≤ 4× (goal 2×), and fails the benchmark when missed.';
		if (!cached || !lastCli || !extras) return base;
		const size = cached.bytes.length;
		const ratio = (p: Probe): string => `${(p.maxRssBytes / size).toFixed(2)}×`;
		const heap = (p: Probe): string => (p.heapPeak ? `, heap peak ${mb(p.heapPeak)}` : '');
		const s = (p: Probe): string => `${(p.ms / 1000).toFixed(1)} s`;
		return `${base} Measured: file ${mb(size)}; **one thread: ${mb(lastCli.maxRssBytes)} = ${ratio(lastCli)} the file, ${s(lastCli)}**, ${lastCli.exit}; the pool (--jobs left to the cores, ${cores} here): ${mb(extras.pool.maxRssBytes)} = ${ratio(extras.pool)}, ${s(extras.pool)}, a wall-time speed-up of **${(lastCli.ms / extras.pool.ms).toFixed(2)}×** over one thread, ${extras.pool.exit}; minimal pipeline ${mb(extras.minimal.maxRssBytes)} = ${ratio(extras.minimal)}${heap(extras.minimal)}. In one process holding the analysis, as the app's worker does: keeping every finding ${mb(extras.analyzeKeeping.maxRssBytes)} = ${ratio(extras.analyzeKeeping)}${heap(extras.analyzeKeeping)}; keeping only their count, as the worker now does, ${mb(extras.worker.maxRssBytes)} = ${ratio(extras.worker)}${heap(extras.worker)}.`;
	},
	baselineLabel: 'a process: readFileSync + the minimal pipeline',
	// The target here is memory (verify: peak RSS ≤ 4× the file); the processes' times are reported, not judged.
	target: null,
	warmup: 1,
	runs: 1,
	setup: () => {
		const input = setup();
		// The command as `npm install` builds it: a bench run must not measure a stale one.
		execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'ignore' });
		return input;
	},
	baseline: (input) => probe('minimal', input.path),
	subject: (input) => {
		if (!extras) extras = { minimal: probe('minimal', input.path), pool: cli(input.path, null), analyzeKeeping: probe('analyze', input.path), worker: probe('worker', input.path) };
		lastCli = cli(input.path, 1);
		return lastCli;
	},
	verify: (input, result) => {
		const probe = result as Probe;
		if (!probe.ok) return `the command failed: ${probe.exit}`;
		const ratio = probe.maxRssBytes / input.bytes.length;
		return ratio <= MEMORY_TARGET ? null : `peak RSS ${ratio.toFixed(2)}× the file (target ≤ ${MEMORY_TARGET}×)`;
	}
};

export const benchmarks = [analyzeBench, memoryBench];
