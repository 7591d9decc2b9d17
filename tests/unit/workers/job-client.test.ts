import { describe, expect, it } from 'vitest';
import { startJob } from '../../../src/lib/workers/job-client';
import type { WorkerResponse } from '../../../src/lib/workers/protocol';
import { FakeWorker as BaseFakeWorker } from './fake-worker';

class FakeWorker extends BaseFakeWorker<{ id: number; type: string }> {}

const REQUEST = { type: 'preview-sanitize' as const, source: { kind: 'text' as const, name: 't', text: 'x' }, choice: { mask: 'secrets' as const, keepTypes: [] } };
const pick = (m: WorkerResponse) => (m.type === 'sanitize-preview' ? m.preview : undefined);

function started() {
	const worker = new FakeWorker();
	const progress: unknown[] = [];
	const job = startJob(REQUEST, pick, (p) => progress.push(p), () => worker);
	return { worker, progress, job, id: worker.posted[0]!.id };
}

describe('startJob', () => {
	it('posts the request, forwards progress, resolves with the answer and ends the worker', async () => {
		const { worker, progress, job, id } = started();
		expect(worker.posted[0]).toMatchObject({ type: 'preview-sanitize', choice: { mask: 'secrets' } });
		worker.answer({ type: 'progress', id, phase: 'decoding', done: 5, total: 10, unit: 'bytes', step: 'Second capture' });
		worker.answer({ type: 'progress', id: id + 1, phase: 'decoding', done: 6, total: 10, unit: 'bytes' });
		const preview = { total: 0, changes: [], byKind: [] };
		worker.answer({ type: 'sanitize-preview', id, preview });
		expect(await job.outcome).toEqual({ kind: 'done', value: preview });
		expect(progress).toEqual([{ phase: 'decoding', done: 5, total: 10, unit: 'bytes', step: 'Second capture' }]);
		expect(worker.terminated).toBe(true);
	});

	it('an error reply says whether the input is at fault, and where', async () => {
		const { worker, job, id } = started();
		worker.answer({ type: 'error', id, kind: 'input', message: 'not a HAR', location: 'byte 3' });
		expect(await job.outcome).toEqual({ kind: 'error', input: true, message: 'not a HAR', location: 'byte 3' });
	});

	it('a worker that dies is an error, not a hang', async () => {
		const { worker, job } = started();
		worker.die('out of memory');
		const outcome = await job.outcome;
		expect(outcome).toMatchObject({ kind: 'error', input: false });
		expect(outcome.kind === 'error' && outcome.message).toMatch(/stopped: out of memory/);
	});

	it('cancel terminates the worker, and a late answer changes nothing', async () => {
		const { worker, job, id } = started();
		job.cancel();
		worker.answer({ type: 'sanitize-preview', id, preview: { total: 1, changes: [], byKind: [] } });
		expect(await job.outcome).toEqual({ kind: 'cancelled' });
		expect(worker.terminated).toBe(true);
	});
});
