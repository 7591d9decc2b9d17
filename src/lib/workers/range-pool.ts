/**
 * The browser's analysis pool, run by the worker that holds a capture: contiguous ranges of exchanges go to whichever
 * pool worker is free, and the results are assembled in capture order, so the report is the same as on one thread. A
 * pool worker that fails is named in a warning with the range it held, and that range is analysed again here: the rest
 * of the capture is not lost.
 */
import type { Analysis, Capture, Exchange } from '../core/model';
import { AnalysisAssembly, type AnalyzeOptions, type ExchangeOutcome } from '../core/report/analyze';
import { ExchangeAnalyzer, type ExchangeAnalyzerOptions } from '../core/report/exchange-analyzer';
import { RANGE_SIZE } from '../core/report/stream-report';
import type { RangeRequest, RangeResponse } from './range-protocol';

export interface PoolOutcome {
	analysis: Analysis;
	warnings: string[];
}

/** A worker of the pool; a test passes a fake. */
export type PoolWorker = Pick<Worker, 'postMessage' | 'terminate'> & { onmessage: ((event: MessageEvent<RangeResponse>) => void) | null; onerror: ((event: ErrorEvent) => void) | null };

function startRangeWorker(): PoolWorker {
	return new Worker(new URL('./range.worker.ts', import.meta.url), { type: 'module', name: 'telltale-analysis-pool' });
}

/**
 * Captures up to this size are spread over a pool. Each pool worker has a heap of its own and a copy of the ranges it
 * is given: on a 287 MB capture the pool took the renderer's peak from 3.98× to 6.08× the file for a 1.23× speed-up
 * (two cores). Not crashing on a big capture comes first, so a big one is analysed in the holder alone.
 */
export const POOL_MAX_BYTES = 64 * 1024 * 1024;

/** How many pool workers to use for a capture: none (analyse in the holder) when it is one range, big, or the machine one core. */
export function poolSize(exchanges: number, cores: number, bytes = 0): number {
	if (exchanges <= RANGE_SIZE || cores < 2 || bytes > POOL_MAX_BYTES) return 0;
	return Math.min(cores, Math.ceil(exchanges / RANGE_SIZE), 8);
}

export function analyzeInPool(
	capture: Capture,
	options: AnalyzeOptions,
	size: number,
	onProgress: (done: number, total: number) => void,
	start: () => PoolWorker = startRangeWorker
): Promise<PoolOutcome> {
	const ranges: Exchange[][] = [];
	for (let from = 0; from < capture.exchanges.length; from += RANGE_SIZE) ranges.push(capture.exchanges.slice(from, from + RANGE_SIZE));
	const assembly = new AnalysisAssembly(capture, options);
	const finished = new Map<number, ExchangeOutcome[]>();
	const warnings: string[] = [];
	const setup: ExchangeAnalyzerOptions = { ...(options.limits ? { limits: options.limits } : {}), ...(options.known ? { known: options.known } : {}), ...(options.userLists ? { userLists: options.userLists } : {}) };
	let fallback: ExchangeAnalyzer | null = null;
	let next = 0;
	let assembled = 0;
	return new Promise<PoolOutcome>((resolve, reject) => {
		const workers: PoolWorker[] = [];
		const done = (outcome: PoolOutcome | Error) => {
			for (const worker of workers) worker.terminate();
			if (outcome instanceof Error) reject(outcome);
			else resolve(outcome);
		};
		// Results are taken in capture order as soon as the next range in order is in.
		const settle = (id: number, results: ExchangeOutcome[]) => {
			finished.set(id, results);
			while (finished.has(assembled)) {
				for (const result of finished.get(assembled)!) assembly.add(result);
				finished.delete(assembled++);
				onProgress(assembly.count, capture.exchanges.length);
			}
			if (assembled === ranges.length) done({ analysis: assembly.finish(), warnings });
		};
		const here = (id: number, why: string) => {
			const range = ranges[id]!;
			warnings.push(`An analysis worker stopped while analysing exchanges ${range[0]!.index.toLocaleString('en-US')} to ${range[range.length - 1]!.index.toLocaleString('en-US')} (${why}); they were analysed again.`);
			try {
				fallback ??= new ExchangeAnalyzer(setup);
				const analyzer = fallback;
				settle(id, range.map((exchange) => analyzer.analyze(exchange)));
			} catch (error) {
				done(error instanceof Error ? error : new Error(String(error)));
			}
		};
		const feed = (worker: PoolWorker, slot: { id: number }) => {
			slot.id = -1;
			if (next >= ranges.length) return;
			slot.id = next++;
			worker.postMessage({ type: 'range', id: slot.id, exchanges: ranges[slot.id]! } satisfies RangeRequest);
		};
		let restarts = 0;
		const launch = () => {
			const worker = start();
			const slot = { id: -1 };
			workers.push(worker);
			worker.onmessage = (event) => {
				const response = event.data;
				if (response.id !== slot.id) return;
				if (response.type === 'range') settle(response.id, response.results);
				else here(response.id, response.message);
				feed(worker, slot);
			};
			worker.onerror = (event) => {
				event.preventDefault?.();
				worker.onmessage = null;
				worker.onerror = null;
				worker.terminate();
				const held = slot.id;
				slot.id = -1;
				if (held >= 0) here(held, event.message || 'the worker failed');
				// A worker takes its place, a few times; past that, what is left is analysed here.
				if (restarts++ < size) launch();
				else while (next < ranges.length) here(next++, 'no worker left');
			};
			worker.postMessage({ type: 'setup', options: setup } satisfies RangeRequest);
			feed(worker, slot);
		};
		for (let i = 0; i < size; i++) launch();
	});
}
