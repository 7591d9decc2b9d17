/**
 * The command line's pool of analysis threads (--jobs N): contiguous ranges of exchanges go to whichever thread is
 * free; streamReport takes the results back in capture order, so the report is the same as on one thread. A thread
 * that dies is reported on stderr with the range it held, and that range is analysed again on the main thread: the
 * rest of the capture is not lost.
 */
import { Worker } from 'node:worker_threads';
import type { Exchange } from '../lib/core/model';
import { ExchangeAnalyzer } from '../lib/core/report/exchange-analyzer';
import type { ExchangeResult } from '../lib/core/report/report-builder';
import type { RangeAnalyzer } from '../lib/core/report/stream-report';
import type { PoolRequest, PoolResponse, PoolSetup } from './pool-protocol';

/**
 * A thread's heap is kept small: what it holds between ranges is bounded caches, and without a limit each V8 heap
 * grows lazily until memory is several times what one thread needs (measured: 873 MB peak for two threads on a
 * 118 MB capture, against 435 MB on one). A thread that still runs out is replaced and its range analysed here.
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };

interface Job {
	id: number;
	exchanges: Exchange[];
	resolve: (results: ExchangeResult[]) => void;
	reject: (error: Error) => void;
}

/** The thread script next to this module: the TypeScript source under tsx, the built file in dist/. */
export function defaultWorkerUrl(): URL {
	return new URL(import.meta.url.endsWith('.ts') ? './pool-worker.ts' : './pool-worker.mjs', import.meta.url);
}

export class ThreadPool implements RangeAnalyzer {
	readonly inFlight: number;
	private readonly idle: Worker[] = [];
	private readonly busy = new Map<Worker, Job>();
	private readonly waiting: Job[] = [];
	private nextId = 1;
	private fallback: ExchangeAnalyzer | null = null;
	private started = false;

	constructor(
		private readonly size: number,
		private readonly setup: PoolSetup,
		private readonly workerUrl: URL = defaultWorkerUrl(),
		private readonly warn: (message: string) => void = (message) => process.stderr.write(`telltale: ${message}\n`)
	) {
		this.inFlight = size * 2;
	}

	analyze(exchanges: Exchange[]): Promise<ExchangeResult[]> {
		// Threads start with the first range: a small capture never starts one.
		if (!this.started) {
			this.started = true;
			for (let i = 0; i < this.size; i++) this.idle.push(this.start());
		}
		return new Promise((resolve, reject) => {
			this.waiting.push({ id: this.nextId++, exchanges, resolve, reject });
			this.dispatch();
		});
	}

	async close(): Promise<void> {
		const workers = [...this.idle, ...this.busy.keys()];
		this.idle.length = 0;
		await Promise.all(workers.map((w) => w.terminate()));
	}

	private start(): Worker {
		const worker = this.workerUrl.pathname.endsWith('.ts')
			? // Under tsx (npm run telltale) a thread does not inherit its loader: it registers it, then loads the TypeScript.
				new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(this.workerUrl.href)}); });`, { eval: true, workerData: this.setup, resourceLimits: THREAD_LIMITS })
			: new Worker(this.workerUrl, { workerData: this.setup, resourceLimits: THREAD_LIMITS });
		worker.on('message', (response: PoolResponse) => this.finished(worker, response));
		worker.on('error', (error) => this.died(worker, error.message));
		worker.on('exit', (code) => {
			if (this.busy.has(worker)) this.died(worker, `it exited with code ${code}`);
		});
		return worker;
	}

	private dispatch(): void {
		while (this.idle.length > 0 && this.waiting.length > 0) {
			const worker = this.idle.pop()!;
			const job = this.waiting.shift()!;
			this.busy.set(worker, job);
			worker.postMessage({ id: job.id, exchanges: job.exchanges } satisfies PoolRequest);
		}
	}

	private finished(worker: Worker, response: PoolResponse): void {
		const job = this.busy.get(worker);
		if (!job || job.id !== response.id) return;
		this.busy.delete(worker);
		this.idle.push(worker);
		if ('error' in response) job.reject(new Error(`exchanges ${rangeOf(job)}: ${response.error}`));
		else job.resolve(response.results);
		this.dispatch();
	}

	/** A thread died: its range is analysed here instead, and a new thread takes its place. */
	private died(worker: Worker, reason: string): void {
		const job = this.busy.get(worker);
		if (!job) return;
		this.busy.delete(worker);
		void worker.terminate();
		this.warn(`an analysis thread stopped while analysing exchanges ${rangeOf(job)} (${reason}); they were analysed again on the main thread`);
		try {
			this.fallback ??= new ExchangeAnalyzer(this.setup);
			const analyzer = this.fallback;
			job.resolve(job.exchanges.map((exchange) => {
				const { report, decodedParts, notes, encrypted, tokens } = analyzer.analyze(exchange);
				return { report, decodedParts, notes, ...(encrypted ? { encrypted } : {}), ...(tokens ? { tokens } : {}) };
			}));
		} catch (error) {
			job.reject(error instanceof Error ? error : new Error(String(error)));
		}
		this.idle.push(this.start());
		this.dispatch();
	}
}

function rangeOf(job: Job): string {
	const first = job.exchanges[0]?.index ?? 0;
	const last = job.exchanges[job.exchanges.length - 1]?.index ?? first;
	return `${first.toLocaleString('en-US')} to ${last.toLocaleString('en-US')}`;
}
