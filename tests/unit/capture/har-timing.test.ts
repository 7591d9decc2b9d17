import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/lib/core/model';
import { read, readText } from './helpers';

/** One entry in a minimal HAR, with the given fields merged over a plain GET. */
function exchangeOf(fields: Record<string, unknown>, request: Record<string, unknown> = {}, response: Record<string, unknown> = {}): Exchange {
	const entry = {
		startedDateTime: '2024-05-01T10:00:00.000Z',
		request: { method: 'GET', url: 'https://example.test/a', headers: [], ...request },
		response: { status: 200, headers: [], content: {}, ...response },
		...fields
	};
	const capture = readText('timing.har', JSON.stringify({ log: { version: '1.2', entries: [entry] } }));
	return capture.exchanges[0]!;
}

describe('HAR time and timings', () => {
	it.each([
		['every phase measured', { time: 120.5, timings: { blocked: 1, dns: 2, connect: 30, ssl: 20, send: 0.5, wait: 80, receive: 7 } }, { totalMs: 120.5, phases: [['blocked', 1], ['dns', 2], ['connect', 30], ['ssl', 20], ['send', 0.5], ['wait', 80], ['receive', 7]] }],
		['-1 means not measured', { time: 58, timings: { blocked: 6, dns: -1, connect: -1, ssl: -1, send: 0, wait: 51, receive: 1 } }, { totalMs: 58, phases: [['blocked', 6], ['send', 0], ['wait', 51], ['receive', 1]] }],
		['phases come in HAR order whatever order the file has', { timings: { receive: 3, wait: 2, send: 1 } }, { totalMs: null, phases: [['send', 1], ['wait', 2], ['receive', 3]] }],
		['null, strings, NaN-ish and negative values are dropped', { time: '12', timings: { send: null, wait: '5', receive: -3, dns: true, connect: { ms: 1 } } }, null],
		['a total without timings', { time: 0 }, { totalMs: 0, phases: [] }],
		['time null and timings {}', { time: null, timings: {} }, null],
		['timings is a list', { time: 5, timings: [1, 2, 3] }, { totalMs: 5, phases: [] }],
		['timings is a string', { timings: 'fast' }, null],
		['tool fields beside the phases are not phases', { timings: { wait: 4, _blocked_queueing: 2, comment: 'x' } }, { totalMs: null, phases: [['wait', 4]] }],
		['nothing recorded', {}, null]
	] as const)('%s', (_name, fields, expected) => {
		const exchange = exchangeOf(fields as Record<string, unknown>);
		if (expected === null) expect(exchange.timing).toBeUndefined();
		else expect(exchange.timing).toEqual({ totalMs: expected.totalMs, phases: expected.phases.map(([name, ms]) => ({ name, ms })) });
	});

	it('a huge or infinite value never throws (JSON cannot say Infinity; 1e400 parses as it)', () => {
		const exchange = exchangeOf({ time: 1e400, timings: { wait: 1e308 } });
		expect(exchange.timing).toEqual({ totalMs: null, phases: [{ name: 'wait', ms: 1e308 }] });
	});
});

describe('HAR sizes', () => {
	it.each([
		['Chrome: -1 header sizes, a transfer size', { headersSize: -1, bodySize: 0 }, { headersSize: -1, bodySize: -1, _transferSize: 7132 }, { requestBody: 0, responseTransfer: 7132 }],
		['every size', { headersSize: 300, bodySize: 12 }, { headersSize: 200, bodySize: 1000, _transferSize: 1200 }, { requestHeaders: 300, requestBody: 12, responseHeaders: 200, responseBody: 1000, responseTransfer: 1200 }],
		['null, strings and fractions are dropped', { headersSize: null, bodySize: '12' }, { headersSize: 1.5, bodySize: -1 }, null],
		['none written', {}, {}, null]
	] as const)('%s', (_name, request, response, expected) => {
		const exchange = exchangeOf({}, request as Record<string, unknown>, response as Record<string, unknown>);
		if (expected === null) expect(exchange.recordedSizes).toBeUndefined();
		else expect(exchange.recordedSizes).toEqual(expected);
	});
});

describe('timing of the shared HAR files', () => {
	it('reads Chrome\'s timings, leaving out the phases it wrote -1 for', () => {
		const exchange = read('har/mitmproxy/chrome.har').exchanges[2]!;
		expect(exchange.timing?.totalMs).toBeCloseTo(58.205, 3);
		expect(exchange.timing?.phases.map((p) => p.name)).toEqual(['blocked', 'send', 'wait', 'receive']);
		expect(exchange.recordedSizes).toEqual({ requestBody: 0, responseTransfer: 7132 });
	});

	it('tolerates the quirks file (null time, {} timings, null wait)', () => {
		const capture = read('capture/quirks.har');
		expect(capture.exchanges).toHaveLength(4);
		for (const exchange of capture.exchanges) for (const phase of exchange.timing?.phases ?? []) expect(phase.ms).toBeGreaterThanOrEqual(0);
	});
});
