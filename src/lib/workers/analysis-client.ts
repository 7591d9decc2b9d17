/**
 * The page's side of the worker bridge. Each job runs in its own worker; a finished job's worker stays alive
 * as the holder of that analysis's decoded trees (LoadedAnalysis). Cancelling terminates only the running
 * job's worker — the only way to stop synchronous decoding — so what is loaded is never lost.
 */
import type { DecodedPart, ExchangeReport } from '../core/model';
import type { UserTrackerList } from '../core/classify/destinations/user-list';
import type { LeakGroup, SearchHit } from '../core/report/capture-index';
import type { ExchangeQuery } from '../core/report/exchange-query';
import type { ExchangeSource } from '../core/report/exchange-source';
import type { AnalysisSettings, ExchangeOverview, Phase, ReportOverview, WorkerRequest, WorkerResponse } from './protocol';

/** One exchange in full: its findings, decoded trees and what was captured (headers, cookies, timing, payloads). */
export interface ExchangeDetail {
	exchange: ExchangeReport | null;
	parts: DecodedPart[];
	source: ExchangeSource | null;
}

export interface Progress {
	phase: Phase;
	done: number;
	total: number;
	unit: 'bytes' | 'exchanges';
	/** HAR entries read so far, while reading. */
	entries?: number;
	/** Which input a job with two is on ("Second capture"). */
	step?: string;
}

export type JobInput =
	| { type: 'analyze-text'; name: string; text: string; settings: AnalysisSettings }
	| { type: 'analyze-file'; file: File; settings: AnalysisSettings };

export type JobOutcome =
	| { kind: 'result'; loaded: LoadedAnalysis; millis: number; warnings: string[] }
	| { kind: 'partial'; loaded: LoadedAnalysis; millis: number; message: string; location?: string }
	| { kind: 'input-error'; message: string; location?: string }
	| { kind: 'bug'; message: string }
	| { kind: 'cancelled' };

export function startWorker(): Worker {
	return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'telltale-analysis' });
}

/** How long the page waits for one exchange before saying so (a response body is decoded on request, within its budget). */
export const DETAIL_TIMEOUT_MS = 30_000;
/** Exchanges kept at hand on the page; older ones are fetched again (their worker keeps its own cache). */
export const DETAIL_CACHE_MAX = 64;

/** What LoadedAnalysis needs of a worker: a test passes a fake. */
export type WorkerPort = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>;

/** A finished analysis: the report overview, and its worker, which hands out each exchange in full on request. */
export class LoadedAnalysis {
	private nextId = 1;
	/** Most recently used last; failed requests are not kept, so asking again tries again. */
	private readonly cache = new Map<number, Promise<ExchangeDetail>>();

	constructor(
		readonly report: ReportOverview,
		private worker: WorkerPort | null,
		private readonly timeoutMs = DETAIL_TIMEOUT_MS
	) {}

	/** One exchange in full. Rejects with a plain message when the worker reports an error, dies or does not answer in time. */
	detail(exchange: number): Promise<ExchangeDetail> {
		const cached = this.cache.get(exchange);
		if (cached) {
			this.cache.delete(exchange);
			this.cache.set(exchange, cached);
			return cached;
		}
		const worker = this.worker;
		if (!worker) return Promise.resolve({ exchange: null, parts: [], source: null });
		const id = this.nextId++;
		const promise = new Promise<ExchangeDetail>((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				worker.removeEventListener('message', onMessage);
				worker.removeEventListener('error', onError);
			};
			const fail = (message: string) => {
				done();
				if (this.cache.get(exchange) === promise) this.cache.delete(exchange);
				reject(new Error(message));
			};
			const onMessage = (event: MessageEvent<WorkerResponse>) => {
				const message = event.data;
				if (message.id !== id) return;
				if (message.type === 'exchange') {
					done();
					resolve({ exchange: message.exchange, parts: message.parts, source: message.source });
				} else if (message.type === 'error') {
					fail(`Exchange ${exchange} could not be decoded: ${message.message}`);
				}
			};
			const onError = (event: ErrorEvent) => {
				event.preventDefault();
				fail(`The analysis worker stopped while decoding exchange ${exchange}${event.message ? `: ${event.message}` : ''}`);
			};
			const timer = setTimeout(() => fail(`Exchange ${exchange} took longer than ${Math.round(this.timeoutMs / 1000)} s to decode`), this.timeoutMs);
			worker.addEventListener('message', onMessage);
			worker.addEventListener('error', onError);
			worker.postMessage({ type: 'get-exchange', id, exchange } satisfies WorkerRequest);
		});
		this.cache.set(exchange, promise);
		if (this.cache.size > DETAIL_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
		return promise;
	}

	/**
	 * Filters and searches the capture in its worker. `onChunk` gets the matches as they stream in; the promise settles
	 * when the last has arrived, or rejects on an error. A newer query stops an older one: the older one's
	 * promise then settles early, with only some of its matches, so callers check that their query is still current.
	 */
	query(query: ExchangeQuery, onChunk: (indexes: number[], hits: (SearchHit | null)[]) => void): Promise<void> {
		return this.ask({ type: 'query', id: 0, query }, (message, finish) => {
			if (message.type !== 'query-chunk') return;
			onChunk(message.indexes, message.hits);
			if (message.done) finish(undefined);
		});
	}

	/** Every value found in the capture, grouped by type. */
	leaks(): Promise<LeakGroup[]> {
		return this.ask<LeakGroup[]>({ type: 'get-leaks', id: 0 }, (message, finish) => {
			if (message.type === 'leaks') finish(message.groups);
		});
	}

	private ask<T>(request: WorkerRequest, onMessage: (message: WorkerResponse, finish: (value: T) => void) => void): Promise<T> {
		const worker = this.worker;
		if (!worker) return Promise.reject(new Error('This analysis is closed.'));
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			const done = () => {
				worker.removeEventListener('message', listener);
				worker.removeEventListener('error', onError);
			};
			const listener = (event: MessageEvent<WorkerResponse>) => {
				const message = event.data;
				if (message.id !== id) return;
				if (message.type === 'error') {
					done();
					reject(new Error(message.message));
					return;
				}
				onMessage(message, (value) => {
					done();
					resolve(value);
				});
			};
			const onError = (event: ErrorEvent) => {
				event.preventDefault();
				done();
				reject(new Error(`The analysis worker stopped${event.message ? `: ${event.message}` : ''}`));
			};
			worker.addEventListener('message', listener);
			worker.addEventListener('error', onError);
			worker.postMessage({ ...request, id } as WorkerRequest);
		});
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.cache.clear();
	}
}

/** Parses an imported tracker list off the main thread (lists can be megabytes); rejects with the InputError message. */
export function parseTrackerList(text: string): Promise<UserTrackerList> {
	const worker = startWorker();
	return new Promise<UserTrackerList>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const message = event.data;
			worker.terminate();
			if (message.type === 'tracker-list') resolve(message.list);
			// What is wrong and where: the location travels beside the message.
			else if (message.type === 'error') reject(new Error(message.location ? `${message.message} (${message.location})` : message.message));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(new Error(event.message || 'the worker failed'));
		};
		worker.postMessage({ type: 'parse-tracker-list', id: 1, text } satisfies WorkerRequest);
	});
}

export class AnalysisClient {
	private running: { worker: Worker; finish: (outcome: JobOutcome) => void } | null = null;
	private nextId = 1;

	/** Starts a job, cancelling any job still running. */
	run(input: JobInput, onProgress: (progress: Progress) => void): Promise<JobOutcome> {
		this.cancel();
		const id = this.nextId++;
		const worker = startWorker();
		return new Promise<JobOutcome>((resolve) => {
			const finish = (outcome: JobOutcome) => {
				if (this.running?.worker === worker) this.running = null;
				if (outcome.kind !== 'result' && outcome.kind !== 'partial') worker.terminate();
				resolve(outcome);
			};
			this.running = { worker, finish };
			const exchanges: ExchangeOverview[] = [];
			const withExchanges = (report: ReportOverview): ReportOverview => ({ ...report, exchanges });
			worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
				const message = event.data;
				if (message.id !== id) return;
				if (message.type === 'overview-chunk') {
					for (const exchange of message.exchanges) exchanges.push(exchange);
				} else if (message.type === 'progress') {
					const { phase, done, total, unit, entries } = message;
					onProgress({ phase, done, total, unit, ...(entries !== undefined ? { entries } : {}) });
				} else if (message.type === 'result') {
					worker.onmessage = null;
					finish({ kind: 'result', loaded: new LoadedAnalysis(withExchanges(message.report), worker), millis: message.millis, warnings: message.warnings });
				} else if (message.type === 'partial') {
					worker.onmessage = null;
					const loaded = new LoadedAnalysis(withExchanges(message.report), worker);
					finish({ kind: 'partial', loaded, millis: message.millis, message: message.message, ...(message.location ? { location: message.location } : {}) });
				} else if (message.type === 'error') {
					finish(message.kind === 'input' ? { kind: 'input-error', message: message.message, ...(message.location ? { location: message.location } : {}) } : { kind: 'bug', message: message.message });
				}
			};
			worker.onerror = (event) => {
				event.preventDefault();
				finish({ kind: 'bug', message: event.message || 'the analysis worker failed' });
			};
			worker.postMessage({ ...input, id } as WorkerRequest);
		});
	}

	cancel(): void {
		const running = this.running;
		if (!running) return;
		this.running = null;
		running.worker.terminate();
		running.finish({ kind: 'cancelled' });
	}

	dispose(): void {
		this.cancel();
	}
}
