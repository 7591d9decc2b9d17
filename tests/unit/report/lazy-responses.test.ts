/**
 * analyze() decodes what each exchange carried to its destination; response bodies are decoded when an
 * exchange's parts are asked for, to the very tree peeling them up front would have given.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { Peeler } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import type { Capture } from '../../../src/lib/core/model';

function har(entries: Array<{ url: string; body?: string; response: { mimeType: string; text: string; encoding?: string; headers?: Array<{ name: string; value: string }> } }>): Capture {
	const log = {
		version: '1.2',
		creator: { name: 'test', version: '1' },
		entries: entries.map((e, i) => ({
			startedDateTime: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
			time: 1,
			request: {
				method: e.body ? 'POST' : 'GET',
				url: e.url,
				httpVersion: 'HTTP/1.1',
				headers: e.body ? [{ name: 'Content-Type', value: 'application/json' }] : [],
				queryString: [],
				cookies: [],
				headersSize: -1,
				bodySize: e.body?.length ?? 0,
				...(e.body ? { postData: { mimeType: 'application/json', text: e.body } } : {})
			},
			response: {
				status: 200,
				statusText: 'OK',
				httpVersion: 'HTTP/1.1',
				headers: [{ name: 'Content-Type', value: e.response.mimeType }, ...(e.response.headers ?? [])],
				cookies: [],
				content: { size: e.response.text.length, mimeType: e.response.mimeType, text: e.response.text, ...(e.response.encoding ? { encoding: e.response.encoding } : {}) },
				redirectURL: '',
				headersSize: -1,
				bodySize: -1
			},
			cache: {},
			timings: { send: 0, wait: 1, receive: 0 }
		}))
	};
	return readCapture({ name: 'lazy.har', bytes: new TextEncoder().encode(JSON.stringify({ log })) });
}

const richResponse = Buffer.from(gzipSync(JSON.stringify({ config: { features: ['a', 'b'], ids: [1, 2, 3], nested: { deeper: { deepest: [true, false] } } } }))).toString('base64');

describe('lazy response bodies', () => {
	const capture = har([
		{ url: 'https://api.example.com/v1/track?uid=42', body: '{"event":"open","device":"abc"}', response: { mimeType: 'application/octet-stream', text: richResponse, encoding: 'base64' } },
		{ url: 'https://cdn.example.com/pixel.gif', response: { mimeType: 'image/gif', text: 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', encoding: 'base64' } }
	]);

	it('layers come from what the request carried, even when the response is richer', () => {
		const { report } = analyze(capture);
		expect(report.exchanges[0]!.layers).toEqual(['json']);
		expect(report.exchanges[1]!.layers).toEqual([]);
		// Only request-side parts are counted: the query and the JSON body, not the two responses.
		expect(report.summary.decodedParts).toBe(2);
	});

	it('partsOf gives every part in the exchange order, the response decoded as peeling it up front would', () => {
		const analysis = analyze(capture);
		const parts = analysis.partsOf(0);
		expect(parts.map((p) => p.kind)).toEqual(capture.exchanges[0]!.parts.map((p) => p.kind));
		const response = parts.find((p) => p.kind === 'response-body')!;
		const part = capture.exchanges[0]!.parts.find((p) => p.kind === 'response-body')!;
		const direct = new Peeler(new Budget()).peel(part.payload, part.name, { contentType: 'application/octet-stream', contentTypeHeader: 'application/octet-stream' });
		expect(response.root).toEqual(direct);
		expect(response.root.decoded?.codec).toBe('gzip');
		// Kept: asking again gives the same objects.
		expect(analysis.partsOf(0)).toBe(parts);
	});

	it('parts decodes every exchange; an index out of range has no parts', () => {
		const analysis = analyze(capture);
		expect(analysis.parts).toHaveLength(2);
		expect(analysis.parts[1]!.find((p) => p.kind === 'response-body')!.root.verdict).toMatch(/^GIF image/);
		expect(analysis.partsOf(2)).toEqual([]);
		expect(analysis.partsOf(-1)).toEqual([]);
		expect(analysis.partsOf(0.5)).toEqual([]);
	});

	it('the report survives JSON unchanged and does not depend on whether parts were asked for', () => {
		const first = analyze(capture);
		first.partsOf(0);
		const second = analyze(capture);
		expect(JSON.parse(JSON.stringify(first.report))).toEqual(second.report);
	});
});
