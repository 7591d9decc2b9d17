/**
 * Issue #11, part 4: speed and memory on real batches. The capture benchmarks send three-event batches
 * only; this one is a 20,000-request capture of five SDKs whose batches carry 1, 5, 20 or 50 events
 * (realistic-capture.ts). (a) analyze against the minimal pipeline, per event; (b) peak memory of a
 * process that analyzes the file from disk, against the file's size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
}

/** Runs `args` under /usr/bin/time -v (its "Maximum resident set size" survives a crash). */
function measured(args: string[]): Probe & { stdout: string } {
	const child = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', args.includes('--json') ? 'ignore' : 'pipe', 'pipe'] });
	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
	const status = /Exit status: (\d+)/.exec(child.stderr ?? '');
	const signal = /Command terminated by signal (\d+)/.exec(child.stderr ?? '');
	const ok = child.status === 0;
	const why = (child.stderr ?? '').split('\n').filter((l) => l.trim() !== '' && !/^\t|Command (being timed|exited|terminated)/.test(l)).slice(-2).join(' / ');
	return {
		ok,
		maxRssBytes: rss ? Number(rss[1]) * 1024 : NaN,
		exit: ok ? 'exit 0' : `${signal ? `signal ${signal[1]}` : `exit ${status?.[1] ?? child.status}`}${why ? `: ${why.slice(0, 300)}` : ''}`,
		stdout: child.stdout ?? ''
	};
}

function probe(mode: 'analyze' | 'minimal', path: string): Probe {
	const run = measured([join(here, 'realistic-probe.ts'), mode, path]);
	const line = run.stdout.split('\n').find((l) => l.startsWith('probe:'));
	if (!run.ok || line === undefined) throw new Error(`${mode} probe failed (${run.exit})`);
	return { ...run, heapPeak: (JSON.parse(line.slice('probe:'.length)) as { heapPeak: number }).heapPeak };
}

/** Measured once per process, in the subject's untimed warm-up: the baseline's peak and the command line's. */
let extras: { minimal: Probe; cli: Probe } | null = null;
let lastAnalyze: Probe | null = null;

const memoryBench: Benchmark<Input> = {
	id: 'realistic-peak-memory',
	title: 'Peak memory of analyzing the realistic capture from disk, against its size',
	get description(): string {
		const base =
			'The realistic capture (see realistic-analyze) written to a temp file; a process of its own reads it from disk and does the whole job, its peak resident set taken by `/usr/bin/time -v`. Telltale: a stream in 1 MiB chunks, then `analyze` (the command line without printing). Baseline: the minimal pipeline (readFileSync, then as in realistic-analyze). The timed sides are those whole processes, start to exit; the memory ratio is peak RSS over file size, target ≤ 4× (goal 2×), and fails the benchmark when missed.';
		if (!cached || !lastAnalyze || !extras) return base;
		const size = cached.bytes.length;
		const ratio = (p: Probe): string => `${(p.maxRssBytes / size).toFixed(2)}×`;
		const heap = (p: Probe): string => (p.heapPeak ? `, heap peak ${mb(p.heapPeak)}` : '');
		return `${base} Measured: file ${mb(size)}; Telltale analyze peak RSS ${mb(lastAnalyze.maxRssBytes)} = **${ratio(lastAnalyze)}** the file${heap(lastAnalyze)}; minimal pipeline ${mb(extras.minimal.maxRssBytes)} = ${ratio(extras.minimal)}${heap(extras.minimal)}; \`telltale analyze FILE --json > /dev/null\` ${mb(extras.cli.maxRssBytes)} = ${ratio(extras.cli)}, ${extras.cli.exit}.`;
	},
	baselineLabel: 'a process: readFileSync + the minimal pipeline',
	target: 4,
	warmup: 1,
	runs: 1,
	setup,
	baseline: (input) => probe('minimal', input.path),
	subject: (input) => {
		if (!extras) extras = { minimal: probe('minimal', input.path), cli: measured([join(root, 'src/cli/main.ts'), 'analyze', input.path, '--json']) };
		lastAnalyze = probe('analyze', input.path);
		return lastAnalyze;
	},
	verify: (input, result) => {
		const ratio = (result as Probe).maxRssBytes / input.bytes.length;
		return ratio <= MEMORY_TARGET ? null : `peak RSS ${ratio.toFixed(2)}× the file (target ≤ ${MEMORY_TARGET}×)`;
	}
};

export const benchmarks = [analyzeBench, memoryBench];
