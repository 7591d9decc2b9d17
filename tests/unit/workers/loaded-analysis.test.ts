import { afterEach, describe, expect, it, vi } from 'vitest';
import { DETAIL_CACHE_MAX, LoadedAnalysis } from '../../../src/lib/workers/analysis-client';
import type { ReportOverview, WorkerRequest } from '../../../src/lib/workers/protocol';
import { FakeWorker as BaseFakeWorker } from './fake-worker';

/** Records the page's get-exchange requests (as `requests`) and lets the test answer, fail or die. */
class FakeWorker extends BaseFakeWorker<Extract<WorkerRequest, { type: 'get-exchange' }>> {
	get requests() {
		return this.posted;
	}
}

const REPORT = { exchanges: [] } as unknown as ReportOverview;

afterEach(() => {
	vi.useRealTimers();
});

describe('LoadedAnalysis.detail', () => {
	it('resolves with what the worker sends for that request', async () => {
		const worker = new FakeWorker();
		const loaded = new LoadedAnalysis(REPORT, worker);
		const pending = loaded.detail(3);
		const { id, exchange } = worker.requests[0]!;
		expect(exchange).toBe(3);
		worker.answer({ type: 'exchange', id: id + 100, exchange: null, parts: [], source: null });
		const source = { method: 'GET', url: 'https://t.example/', status: 200, startedAt: null, requestHeaders: [], responseHeaders: [], cookies: [], timing: null, sizes: { requestHeaders: 0, requestBody: null, responseHeaders: 0, responseBody: null }, recordedSizes: null, notes: [], parts: [] };
		worker.answer({ type: 'exchange', id, exchange: null, parts: [{ kind: 'payload', name: 'payload', root: { path: 'payload', kind: 'text', text: 'x' } }], source });
		const detail = await pending;
		expect(detail.parts).toHaveLength(1);
		expect(detail.source).toEqual(source);
	});

	it('rejects when the worker reports an error for it, and asks again next time', async () => {
		const worker = new FakeWorker();
		const loaded = new LoadedAnalysis(REPORT, worker);
		const first = loaded.detail(7);
		worker.answer({ type: 'error', id: worker.requests[0]!.id, kind: 'bug', message: 'boom' });
		await expect(first).rejects.toThrow('Exchange 7 could not be decoded: boom');
		void loaded.detail(7);
		expect(worker.requests).toHaveLength(2);
	});

	it('rejects when the worker dies', async () => {
		const worker = new FakeWorker();
		const pending = new LoadedAnalysis(REPORT, worker).detail(1);
		worker.die('out of memory');
		await expect(pending).rejects.toThrow(/stopped while decoding exchange 1: out of memory/);
	});

	it('rejects when the worker does not answer in time', async () => {
		vi.useFakeTimers();
		const worker = new FakeWorker();
		const pending = new LoadedAnalysis(REPORT, worker, 1000).detail(2);
		const assertion = expect(pending).rejects.toThrow(/took longer than 1 s/);
		vi.advanceTimersByTime(1001);
		await assertion;
	});

	it('keeps at most DETAIL_CACHE_MAX exchanges, dropping the least recently used', () => {
		const worker = new FakeWorker();
		const loaded = new LoadedAnalysis(REPORT, worker);
		for (let i = 0; i <= DETAIL_CACHE_MAX; i++) void loaded.detail(i);
		expect(worker.requests).toHaveLength(DETAIL_CACHE_MAX + 1);
		void loaded.detail(DETAIL_CACHE_MAX); // still cached
		void loaded.detail(0); // dropped: asked again
		expect(worker.requests.map((r) => r.exchange).slice(-1)).toEqual([0]);
		expect(worker.requests).toHaveLength(DETAIL_CACHE_MAX + 2);
	});
});
