/**
 * The page's side of an export or a comparison: one worker per job, progress while it runs, one outcome. Cancelling
 * terminates the job's worker (the only way to stop synchronous analysis); the holder of the loaded capture is a
 * different worker, so nothing loaded is touched by a job, whatever becomes of it.
 */
import { startWorker, type Progress, type WorkerPort } from './analysis-client';
import type { JobRequest } from './export-handlers';
import type { WorkerRequest, WorkerResponse } from './protocol';

export type JobOutcome<T> =
	| { kind: 'done'; value: T }
	/** `input`: the input is at fault (what and where); otherwise a bug or a worker that died. */
	| { kind: 'error'; input: boolean; message: string; location?: string }
	| { kind: 'cancelled' };

export interface RunningJob<T> {
	readonly outcome: Promise<JobOutcome<T>>;
	cancel(): void;
}

type JobMessage = JobRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Starts `request` in a new worker. `answer` picks the job's result out of a reply (undefined: not this one);
 * progress and errors are handled here.
 */
export function startJob<T>(
	request: JobMessage,
	answer: (message: WorkerResponse) => T | undefined,
	onProgress: (progress: Progress) => void,
	makeWorker: () => WorkerPort = startWorker
): RunningJob<T> {
	const worker = makeWorker();
	const id = 1;
	let settle: (outcome: JobOutcome<T>) => void = () => undefined;
	let settled = false;
	const outcome = new Promise<JobOutcome<T>>((resolve) => {
		settle = (result) => {
			if (settled) return;
			settled = true;
			worker.removeEventListener('message', onMessage);
			worker.removeEventListener('error', onError);
			worker.terminate();
			resolve(result);
		};
	});
	const onMessage = (event: MessageEvent<WorkerResponse>) => {
		const message = event.data;
		if (message.id !== id) return;
		if (message.type === 'progress') {
			const { phase, done, total, unit, step } = message;
			onProgress({ phase, done, total, unit, ...(step ? { step } : {}) });
			return;
		}
		if (message.type === 'error') {
			settle({ kind: 'error', input: message.kind === 'input', message: message.message, ...(message.location ? { location: message.location } : {}) });
			return;
		}
		const value = answer(message);
		if (value !== undefined) settle({ kind: 'done', value });
	};
	const onError = (event: Event) => {
		event.preventDefault();
		const detail = (event as ErrorEvent).message;
		settle({ kind: 'error', input: false, message: `the worker stopped${detail ? `: ${detail}` : ''} (often: not enough memory for this input)` });
	};
	worker.addEventListener('message', onMessage as EventListener);
	worker.addEventListener('error', onError);
	worker.postMessage({ ...request, id } as WorkerRequest);
	return { outcome, cancel: () => settle({ kind: 'cancelled' }) };
}
