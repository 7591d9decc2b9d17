import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { POOL_MAX_BYTES, analyzeInPool, poolSize, type PoolWorker } from '../../../src/lib/workers/range-pool';
import { rangeHandler } from '../../../src/lib/workers/range-handler';
import type { RangeRequest, RangeResponse } from '../../../src/lib/workers/range-protocol';
import { harBytes } from '../classify/helpers';
import { sensorsBatch } from '../../bench/inputs';
import { FIXTURES } from '../capture/helpers';

/** A pool worker in this thread: messages are cloned as postMessage would, and answered on a later turn, out of order. */
class FakePoolWorker implements PoolWorker {
	onmessage: ((event: MessageEvent<RangeResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	private readonly handle = rangeHandler();
	constructor(private readonly dieOnRange: number | null = null) {}
	postMessage(message: unknown): void {
		const request = structuredClone(message) as RangeRequest;
		if (request.type === 'range' && request.id === this.dieOnRange) {
			setTimeout(() => this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent), 1);
			return;
		}
		const response = this.handle(request);
		if (response) setTimeout(() => this.onmessage?.({ data: structuredClone(response) } as MessageEvent<RangeResponse>), Math.random() * 5);
	}
	terminate(): void {
		this.onmessage = null;
	}
}

const known = [{ type: 'device.imei' as const, value: '868027043216757' }];
const capture = readCapture({
	name: 'batches.har',
	bytes: harBytes(Array.from({ length: 700 }, (_, i) => ({ url: `https://sa.example${i % 9}.cn/sa?i=${i}`, body: sensorsBatch(1 + (i % 12), i).body, mimeType: 'application/x-www-form-urlencoded' })))
});
const options = { known, keepFindings: false };

function sameAnalysis(a: ReturnType<typeof analyze>, b: ReturnType<typeof analyze>): void {
	expect(a.report).toEqual(b.report);
	for (const i of [0, 1, 128, 300, 699]) {
		expect(a.findingCount(i)).toBe(b.findingCount(i));
		expect(a.exchangeReport(i)).toEqual(b.exchangeReport(i));
	}
}

describe('the browser analysis pool', () => {
	it('assembles the same analysis as one thread, whatever order ranges finish in', async () => {
		const one = analyze(capture, options);
		const progress: number[] = [];
		const { analysis, warnings } = await analyzeInPool(capture, options, 3, (done) => progress.push(done), () => new FakePoolWorker());
		sameAnalysis(analysis, one);
		expect(warnings).toEqual([]);
		expect(progress.at(-1)).toBe(700);
	});

	it('the same on a real capture with its limits and notes', async () => {
		const safari = readCapture({ name: 'safari.har', bytes: new Uint8Array(readFileSync(`${FIXTURES}har/mitmproxy/safari.har`)) });
		const { analysis } = await analyzeInPool(safari, options, 2, () => undefined, () => new FakePoolWorker());
		expect(analysis.report).toEqual(analyze(safari, options).report);
	});

	it('a worker that dies is named with its range, which is analysed again: nothing is lost', async () => {
		let started = 0;
		const { analysis, warnings } = await analyzeInPool(capture, options, 2, () => undefined, () => new FakePoolWorker(started++ === 0 ? 0 : null));
		sameAnalysis(analysis, analyze(capture, options));
		expect(warnings).toEqual(['An analysis worker stopped while analysing exchanges 0 to 127 (out of memory); they were analysed again.']);
	});

	it('is used only for more than one range, on more than one core, below the size where memory comes first', () => {
		expect(poolSize(100, 8)).toBe(0);
		expect(poolSize(5000, 1)).toBe(0);
		expect(poolSize(300, 8)).toBe(3);
		expect(poolSize(50_000, 16)).toBe(8);
		expect(poolSize(50_000, 16, POOL_MAX_BYTES + 1)).toBe(0);
	});
});
