/**
 * A small benchmark harness: every benchmark times Telltale against a baseline in the same run, each
 * side in processes of its own (isolated.ts), medians compared, so the ratio survives a busy machine
 * better than absolute times do. Timing assertions belong here, never in unit tests.
 */
import { cpus, platform, release, totalmem } from 'node:os';

export interface Benchmark<Input = unknown> {
	/** Stable id: also the key of this benchmark's section in docs/PERFORMANCE.md. */
	id: string;
	title: string;
	/** What is measured, in a sentence or two (printed into docs/PERFORMANCE.md). */
	description: string;
	baselineLabel: string;
	/** Pass when median(subject) / median(baseline) is at most this; null: the times are reported, `verify` alone judges (a memory benchmark). */
	target: number | null;
	warmup?: number;
	runs?: number;
	/** Builds the input, deterministically. Not timed. */
	setup(): Input;
	baseline(input: Input): unknown;
	subject(input: Input): unknown;
	/**
	 * Checks, outside the timing, that the subject really did the whole job (a fast wrong answer is
	 * not a pass). Returns a problem or null.
	 */
	verify?(input: Input, result: unknown): string | null;
	/** Work items in the input (events, requests), known after setup: the section then gives the cost of one on each side. */
	perItem?: { label: string; count(input: Input): number };
}

export interface BenchResult {
	id: string;
	title: string;
	description: string;
	baselineLabel: string;
	baselineMs: number;
	subjectMs: number;
	ratio: number;
	target: number | null;
	runs: number;
	pass: boolean;
	problem: string | null;
	perItem?: { label: string; count: number; baselineUs: number; subjectUs: number };
}

export type Side = 'baseline' | 'subject';

/** What one child process measured of one side. */
export interface SideRuns {
	times: number[];
	/** The subject's verification problem, if any (baseline runs have none). */
	problem: string | null;
	/** The description after setup (some describe what setup measured). */
	description: string;
	/** Work items in the input, when the benchmark counts them. */
	items?: number;
}

/** In the child: setup, warm-up (the subject's first result verified), then the timed runs of one side. */
export function runSide<Input>(bench: Benchmark<Input>, side: Side): SideRuns {
	const input = bench.setup();
	const work = side === 'baseline' ? bench.baseline.bind(bench) : bench.subject.bind(bench);
	let problem: string | null = null;
	for (let i = 0; i < (bench.warmup ?? 3); i++) {
		const result = work(input);
		if (i === 0 && side === 'subject' && bench.verify) problem = bench.verify(input, result);
	}
	const times: number[] = [];
	for (let i = 0; i < (bench.runs ?? 9); i++) times.push(time(() => work(input)));
	const runs: SideRuns = { times, problem, description: bench.description };
	if (bench.perItem) runs.items = bench.perItem.count(input);
	return runs;
}

/** The result of a benchmark from the runs of both sides (medians compared). */
export function resultOf(bench: Benchmark, baseline: SideRuns[], subject: SideRuns[]): BenchResult {
	const baselineMs = median(baseline.flatMap((r) => r.times));
	const subjectMs = median(subject.flatMap((r) => r.times));
	const problem = subject.map((r) => r.problem).find((p) => p !== null) ?? null;
	const ratio = subjectMs / baselineMs;
	const items = subject[0]?.items;
	const perItem = bench.perItem && items ? { label: bench.perItem.label, count: items, baselineUs: (baselineMs * 1000) / items, subjectUs: (subjectMs * 1000) / items } : undefined;
	return {
		id: bench.id,
		title: bench.title,
		description: subject[0]?.description ?? bench.description,
		baselineLabel: bench.baselineLabel,
		baselineMs,
		subjectMs,
		ratio,
		target: bench.target,
		runs: subject.reduce((n, r) => n + r.times.length, 0),
		pass: problem === null && (bench.target === null || ratio <= bench.target),
		problem,
		...(perItem ? { perItem } : {})
	};
}

function time(work: () => unknown): number {
	const start = performance.now();
	work();
	return performance.now() - start;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Machine {
	cpu: string;
	cores: number;
	os: string;
	memory: string;
	node: string;
	date: string;
}

export function machine(): Machine {
	const list = cpus();
	return {
		cpu: list[0]?.model.trim() ?? 'unknown CPU',
		cores: list.length,
		os: `${platform()} ${release()}`,
		memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
		node: process.version,
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
	};
}

export function formatTable(results: BenchResult[]): string {
	const rows = [['benchmark', 'baseline', 'telltale', 'ratio', 'target', 'result']];
	for (const r of results) {
		rows.push([r.id, `${r.baselineMs.toFixed(1)} ms`, `${r.subjectMs.toFixed(1)} ms`, `${r.ratio.toFixed(2)}×`, targetText(r), verdict(r)]);
	}
	const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
	return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ')).join('\n');
}

export function targetText(r: BenchResult): string {
	return r.target === null ? 'see the text' : `≤ ${r.target}×`;
}

export function verdict(r: BenchResult): string {
	if (r.problem) return `FAIL (${r.problem})`;
	return r.pass ? 'PASS' : 'FAIL';
}

/** The Markdown section for one result, between markers so a later run can replace exactly it. */
export function markdownSection(r: BenchResult, m: Machine): string {
	return [
		`<!-- bench:${r.id} -->`,
		`### ${r.title}`,
		'',
		r.description,
		'',
		'| baseline | Telltale | ratio | target | result |',
		'| --- | --- | --- | --- | --- |',
		`| ${r.baselineMs.toFixed(1)} ms (${r.baselineLabel}) | ${r.subjectMs.toFixed(1)} ms | ${r.ratio.toFixed(2)}× | ${targetText(r)} | ${verdict(r)} |`,
		'',
		...(r.perItem ? [perItemLine(r.perItem), ''] : []),
		`Medians of ${r.runs} runs per side after warm-up, each side in processes of its own, alternating. ${m.date}, Node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.memory} RAM, ${m.os}.`,
		`<!-- /bench:${r.id} -->`
	].join('\n');
}

export function perItemLine(p: NonNullable<BenchResult['perItem']>): string {
	return `Per ${p.label} (${p.count.toLocaleString('en-US')} of them): baseline ${p.baselineUs.toFixed(2)} µs, Telltale ${p.subjectUs.toFixed(2)} µs.`;
}

/** Replaces the marked section for each result in `doc`, or appends it. */
export function refreshDocument(doc: string, sections: Array<{ id: string; text: string }>): string {
	let out = doc;
	for (const { id, text } of sections) {
		const start = `<!-- bench:${id} -->`;
		const end = `<!-- /bench:${id} -->`;
		const from = out.indexOf(start);
		const to = out.indexOf(end);
		if (from >= 0 && to > from) out = out.slice(0, from) + text + out.slice(to + end.length);
		else out = `${out.replace(/\s*$/, '')}\n\n${text}\n`;
	}
	return out.endsWith('\n') ? out : `${out}\n`;
}
