/**
 * The page's side of the worker bridge: one job at a time, cancel by terminating the worker
 * (the only way to stop synchronous work), a fresh worker on the next job.
 */
import type { Analysis } from '../core/model';
import type { Phase, WorkerRequest, WorkerResponse } from './protocol';

export interface Progress {
	phase: Phase;
	done: number;
	total: number;
	unit: 'bytes' | 'exchanges';
}

export type JobOutcome =
	| { kind: 'result'; analysis: Analysis; millis: number }
	| { kind: 'input-error'; message: string; location?: string }
	| { kind: 'bug'; message: string }
	| { kind: 'cancelled' };

type JobInput = { type: 'analyze-text'; name: string; text: string } | { type: 'analyze-file'; file: File };

export class AnalysisClient {
	private worker: Worker | null = null;
	private nextId = 1;
	private pending: { id: number; resolve: (outcome: JobOutcome) => void; onProgress: (p: Progress) => void } | null = null;

	run(input: JobInput, onProgress: (progress: Progress) => void): Promise<JobOutcome> {
		this.cancel();
		const id = this.nextId++;
		const request = { ...input, id } as WorkerRequest;
		return new Promise<JobOutcome>((resolve) => {
			this.pending = { id, resolve, onProgress };
			this.ensureWorker().postMessage(request);
		});
	}

	cancel(): void {
		if (!this.pending) return;
		const { resolve } = this.pending;
		this.pending = null;
		this.worker?.terminate();
		this.worker = null;
		resolve({ kind: 'cancelled' });
	}

	dispose(): void {
		this.cancel();
		this.worker?.terminate();
		this.worker = null;
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'telltale-analysis' });
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
		worker.onerror = (event) => {
			event.preventDefault();
			this.finish({ kind: 'bug', message: event.message || 'the analysis worker failed to start' });
			this.worker?.terminate();
			this.worker = null;
		};
		this.worker = worker;
		return worker;
	}

	private receive(message: WorkerResponse): void {
		if (!this.pending || message.id !== this.pending.id) return;
		if (message.type === 'progress') {
			this.pending.onProgress({ phase: message.phase, done: message.done, total: message.total, unit: message.unit });
		} else if (message.type === 'result') {
			this.finish({ kind: 'result', analysis: message.analysis, millis: message.millis });
		} else if (message.kind === 'input') {
			this.finish({ kind: 'input-error', message: message.message, ...(message.location ? { location: message.location } : {}) });
		} else {
			this.finish({ kind: 'bug', message: message.message });
		}
	}

	private finish(outcome: JobOutcome): void {
		const pending = this.pending;
		this.pending = null;
		pending?.resolve(outcome);
	}
}
