/**
 * Each side of a benchmark runs in child processes of its own, baseline and Telltale alternating.
 * In one process the two sides share a heap: whichever runs when the collector comes due pays for the
 * other's garbage, and the baseline paid a large share of Telltale's (the 20,000-entry analyze measured
 * 3.9–4.8× that way, 5.6× apart). Apart, each side pays for its own allocations and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultOf, type Benchmark, type BenchResult, type Side, type SideRuns } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = resolve(here, '../../node_modules/.bin/tsx');
/** Processes per side: alternating them spreads a noisy neighbour over both sides. */
const ROUNDS = 2;
const MARK = 'side-runs:';

export function measureIsolated(file: string, bench: Benchmark): BenchResult {
	const runs: Record<Side, SideRuns[]> = { baseline: [], subject: [] };
	for (let round = 0; round < ROUNDS; round++) {
		for (const side of ['baseline', 'subject'] as const) runs[side].push(runInChild(file, bench.id, side));
	}
	return resultOf(bench, runs.baseline, runs.subject);
}

function runInChild(file: string, id: string, side: Side): SideRuns {
	const child = spawnSync(tsx, [join(here, 'side.ts'), file, id, side], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const line = child.stdout.split('\n').find((l) => l.startsWith(MARK));
	if (child.status !== 0 || line === undefined) {
		throw new Error(`${id} (${side}) failed in its process (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
	}
	return JSON.parse(line.slice(MARK.length)) as SideRuns;
}
