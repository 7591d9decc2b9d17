/**
 * The capture-reading targets of the readers issue, on a generated 20,000-entry HAR (~90 MB) whose request
 * bodies are form › base64 › gzip › JSON: (a) reading it into Exchanges, fed in 1 MiB chunks exactly as the
 * streaming reader is, within 2× of JSON.parse on the same bytes; (b) the whole analyze within 4× of a
 * minimal pipeline. Peak memory of one streaming read is sampled per chunk and printed with the results.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './harness';
import type { Capture } from '../../src/lib/core/model';
import { createCaptureSink } from '../../src/lib/core/capture/pipeline';
import { analyze } from '../../src/lib/core/report/analyze';

const ENTRIES = 20_000;
const CHUNK = 1024 * 1024;

/** xorshift32: the same file on every machine. */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s / 0x100000000;
	};
}

const WORDS = ['flights', 'weather', 'news', 'recipes', 'phone', 'price', 'hotel', 'football', 'music', 'maps', 'translate', 'shoes'];

/** The 20,000-entry Sensors-style HAR; also dropped into Chromium by browser-drop.ts. */
export function generateHar(): Uint8Array {
	const random = rng(0x7e11_7a1e);
	const token = (n: number): string => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
	const deviceId = `${token(8)}-${token(4)}-${token(4)}-${token(4)}-${token(12)}`;
	const entries = [];
	for (let i = 0; i < ENTRIES; i++) {
		const events = Array.from({ length: 3 }, () => {
			const q = `${WORDS[Math.floor(random() * WORDS.length)]} ${token(5)}`;
			return {
				distinct_id: deviceId,
				type: 'track',
				event: '$pageview',
				time: 1714557600000 + i * 1000,
				properties: { $url: `https://www.example.com/search?q=${encodeURIComponent(q)}&sid=${token(10)}`, $title: `${q} - Search`, $os: 'Android', $model: 'M2102J20SG', session: token(24) }
			};
		});
		const dataList = gzipSync(Buffer.from(JSON.stringify(events))).toString('base64');
		const body = `crc=${Math.floor(random() * 1e9)}&gzip=1&data_list=${encodeURIComponent(dataList)}`;
		entries.push({
			_initiator: {
				type: 'script',
				stack: {
					callFrames: ['sendBeacon', 'flush', 'track'].map((functionName, k) => ({
						functionName,
						scriptId: String(100 + k),
						url: 'https://static.example.com/sa.min.js',
						lineNumber: 1,
						columnNumber: Math.floor(random() * 90000)
					}))
				}
			},
			_priority: 'High',
			_resourceType: 'xhr',
			cache: {},
			pageref: 'page_1',
			request: {
				method: 'POST',
				url: `https://sa.example.com/sa?project=default&r=${i}`,
				httpVersion: 'http/2.0',
				headers: [
					{ name: ':authority', value: 'sa.example.com' },
					{ name: ':method', value: 'POST' },
					{ name: ':path', value: `/sa?project=default&r=${i}` },
					{ name: ':scheme', value: 'https' },
					{ name: 'accept', value: '*/*' },
					{ name: 'accept-encoding', value: 'gzip, deflate, br' },
					{ name: 'content-type', value: 'application/x-www-form-urlencoded' },
					{ name: 'cookie', value: `sensorsdata2015jssdkcross=${token(40)}; sid=${token(16)}` },
					{ name: 'origin', value: 'https://www.example.com' },
					{ name: 'referer', value: 'https://www.example.com/' },
					{ name: 'user-agent', value: 'Mozilla/5.0 (Linux; Android 12; M2102J20SG) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36' }
				],
				queryString: [
					{ name: 'project', value: 'default' },
					{ name: 'r', value: String(i) }
				],
				cookies: [],
				headersSize: -1,
				bodySize: body.length,
				postData: { mimeType: 'application/x-www-form-urlencoded', text: body }
			},
			response: {
				status: 200,
				statusText: '',
				httpVersion: 'http/2.0',
				headers: [
					{ name: 'content-type', value: 'image/gif' },
					{ name: 'content-length', value: '43' }
				],
				cookies: [],
				content: { size: 43, mimeType: 'image/gif', text: 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', encoding: 'base64' },
				redirectURL: '',
				headersSize: -1,
				bodySize: -1,
				_transferSize: 180
			},
			serverIPAddress: '203.0.113.9',
			startedDateTime: new Date(Date.UTC(2024, 4, 1, 10) + i * 1000).toISOString(),
			time: 40 + random() * 30,
			timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 30.1, receive: 0.4 }
		});
	}
	const har = { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [{ id: 'page_1', title: 'https://www.example.com/', startedDateTime: '2024-05-01T10:00:00.000Z', pageTimings: {} }], entries } };
	return new TextEncoder().encode(JSON.stringify(har, null, 2));
}

let cached: Uint8Array | null = null;
let memoryNote = '';

/** Generated once per run into a temp directory (never into git), read back as the file a user would drop. */
function harFile(): Uint8Array {
	if (cached) return cached;
	const dir = mkdtempSync(join(tmpdir(), 'telltale-bench-'));
	try {
		const path = join(dir, 'sensors-20000.har');
		writeFileSync(path, generateHar());
		cached = new Uint8Array(readFileSync(path));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	memoryNote = peakMemoryOfStreamingRead(cached);
	return cached;
}

function readStreaming(bytes: Uint8Array, sample?: () => void): Capture {
	const sink = createCaptureSink({ name: 'sensors-20000.har', size: bytes.length });
	for (let i = 0; i < bytes.length; i += CHUNK) {
		sink.push(bytes.subarray(i, i + CHUNK));
		sample?.();
	}
	return sink.finish();
}

function peakMemoryOfStreamingRead(bytes: Uint8Array): string {
	(globalThis as { gc?: () => void }).gc?.();
	const before = process.memoryUsage();
	let rss = before.rss;
	let heap = before.heapUsed;
	const sample = (): void => {
		const m = process.memoryUsage();
		rss = Math.max(rss, m.rss);
		heap = Math.max(heap, m.heapUsed);
	};
	const capture = readStreaming(bytes, sample);
	sample();
	const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
	const exchanges = capture.exchanges.length;
	return `Peak memory of one streaming read (sampled after every 1 MiB chunk, file bytes already in memory): heap grew by ${mb(heap - before.heapUsed)} and RSS by ${mb(rss - before.rss)} for a ${mb(bytes.length)} file (${exchanges.toLocaleString('en-US')} exchanges kept).`;
}

function jsonParse(bytes: Uint8Array): unknown {
	return JSON.parse(new TextDecoder().decode(bytes));
}

const read: Benchmark<Uint8Array> = {
	id: 'capture-read-20000',
	title: 'Read a 20,000-entry HAR (~90 MB) into Exchanges',
	get description(): string {
		return `A generated Chrome-style HAR (2-space indented, HTTP/2 pseudo-headers, initiator stacks, cookies, base64 response bodies) of 20,000 entries whose request bodies are form › base64 › gzip › JSON. Telltale feeds it in 1 MiB chunks through the streaming pipeline (sniff, byte scanner, one JSON.parse per entry, Exchange and Parts built, base64 bodies decoded), exactly as readCaptureStream does. Baseline: TextDecoder + JSON.parse of the whole file (no Exchanges). ${memoryNote}`;
	},
	baselineLabel: 'TextDecoder + JSON.parse of the whole file',
	target: 2,
	warmup: 1,
	runs: 5,
	setup: harFile,
	baseline: jsonParse,
	subject: (bytes) => readStreaming(bytes),
	verify: (_, result) => {
		const capture = result as Capture;
		if (capture.exchanges.length !== ENTRIES) return `${capture.exchanges.length} exchanges`;
		if (!capture.exchanges.every((e) => e.parts.some((p) => p.name === 'body'))) return 'a body is missing';
		return null;
	}
};

interface Entry {
	request: { postData?: { text?: string } };
}

const whole: Benchmark<Uint8Array> = {
	id: 'capture-analyze-20000',
	title: 'Analyze a 20,000-entry HAR (~90 MB): read, peel, classify',
	description:
		'The same generated HAR, read by the streaming pipeline and then `analyze` (every request-side part of every exchange peeled: query, headers, cookies, body; responses are decoded only when the user opens an exchange; destinations looked up; findings). Baseline: JSON.parse of the file, then for every body URLSearchParams + Buffer base64 + node:zlib gunzipSync + JSON.parse.',
	baselineLabel: 'JSON.parse + per body URLSearchParams + base64 + gunzip + JSON.parse',
	target: 4,
	warmup: 1,
	runs: 3,
	setup: harFile,
	baseline: (bytes) => {
		const har = jsonParse(bytes) as { log: { entries: Entry[] } };
		let events = 0;
		for (const entry of har.log.entries) {
			const form = new URLSearchParams(entry.request.postData?.text ?? '');
			const json = JSON.parse(gunzipSync(Buffer.from(form.get('data_list') ?? '', 'base64')).toString('utf8')) as unknown[];
			events += json.length;
		}
		return events;
	},
	subject: (bytes) => analyze(readStreaming(bytes)),
	verify: (_, result) => {
		const analysis = result as ReturnType<typeof analyze>;
		if (analysis.report.exchanges.length !== ENTRIES) return `${analysis.report.exchanges.length} exchanges`;
		const layers = analysis.report.exchanges[0]!.layers.join(' › ');
		return layers.startsWith('form › base64 › gzip › json') ? null : `first exchange decoded as ${layers || 'nothing'}`;
	}
};

export const benchmarks = [read, whole];
