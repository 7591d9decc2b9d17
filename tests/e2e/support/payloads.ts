/** Inputs for the e2e flows, built in Node so each test states exactly what it feeds the app. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export function base64Json(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64');
}

/** A Sensors Analytics style form body: data_list = base64(gzip(JSON array of events)). */
export function sensorsFormBody(events: unknown[]): string {
	const dataList = gzipSync(Buffer.from(JSON.stringify(events))).toString('base64');
	return `crc=1&gzip=1&data_list=${encodeURIComponent(dataList)}`;
}

export interface HarRequest {
	method: string;
	url: string;
	body?: { mimeType: string; text: string };
}

/** A minimal valid HAR 1.2 log with one entry per request, in order. */
export function makeHar(requests: HarRequest[]): string {
	const entries = requests.map((request, index) => ({
		startedDateTime: new Date(Date.UTC(2024, 0, 1, 12, 0, index)).toISOString(),
		time: 10,
		request: {
			method: request.method,
			url: request.url,
			httpVersion: 'HTTP/1.1',
			cookies: [],
			headers: request.body ? [{ name: 'Content-Type', value: request.body.mimeType }] : [],
			queryString: [],
			...(request.body ? { postData: request.body } : {}),
			headersSize: -1,
			bodySize: request.body ? request.body.text.length : 0
		},
		response: {
			status: 200,
			statusText: 'OK',
			httpVersion: 'HTTP/1.1',
			cookies: [],
			headers: [],
			content: { size: 0, mimeType: 'application/json', text: '{}' },
			redirectURL: '',
			headersSize: -1,
			bodySize: 0
		},
		cache: {},
		timings: { send: 1, wait: 8, receive: 1 }
	}));
	return JSON.stringify({ log: { version: '1.2', creator: { name: 'telltale-e2e', version: '1' }, entries } }, null, 1);
}

/** Three exchanges to third parties, one of them a tracker batch; the app must decode them and contact none of them. */
export function smallTrackerHar(): string {
	return makeHar([
		{ method: 'GET', url: 'https://www.example-news.test/article?id=42' },
		{
			method: 'POST',
			url: 'https://sa.tracker-example.test/sa?project=e2e',
			body: {
				mimeType: 'application/x-www-form-urlencoded',
				text: sensorsFormBody([{ distinct_id: 'e2e-device-1', event: '$pageview', properties: { $url: 'https://www.example-news.test/article?id=42' } }])
			}
		},
		{
			method: 'POST',
			url: 'https://collect.analytics-example.test/v1/batch',
			body: { mimeType: 'application/json', text: JSON.stringify({ userId: 'e2e-user-7', event: 'open' }) }
		}
	]);
}

/**
 * A real HAR copied into the project (tests/fixtures/har, with its licence); null when it has not been copied, in which
 * case tests fall back to a generated one.
 */
export function fixtureHar(relativePath = 'mitmproxy/firefox.har'): { name: string; content: string } | null {
	const path = fileURLToPath(new URL(`../../fixtures/har/${relativePath}`, import.meta.url));
	if (!existsSync(path)) return null;
	return { name: relativePath.split('/').pop() ?? 'capture.har', content: readFileSync(path, 'utf8') };
}

interface HarLog {
	log: { entries: { request: { url: string } }[] };
}

export function harEntries(har: string): HarLog['log']['entries'] {
	return (JSON.parse(har.replace(/^\ufeff/, '')) as HarLog).log.entries;
}

export function entryCount(har: string): number {
	return harEntries(har).length;
}

/** Markup that would run if any of it reached innerHTML: it must show up as text. */
export const HOSTILE_STRINGS = [
	'<img src=x onerror="window.__pwned=1;alert(1)">',
	'<script>window.__pwned=2;alert(2)</script>',
	'<svg onload="window.__pwned=3"></svg>',
	'"><iframe src="javascript:alert(3)"></iframe>'
];

/** A capture big enough that analysis takes seconds: many entries, each with an encoded tracker batch. */
export function largeHar(entries: number): string {
	const bodies = Array.from({ length: 8 }, (_, variant) =>
		sensorsFormBody(
			Array.from({ length: 20 }, (_, i) => ({
				distinct_id: `bulk-${variant}-${i}`,
				event: '$AppViewScreen',
				properties: { $url: `https://www.example.test/page/${variant}/${i}?q=search+${i}`, $title: `Page ${i}`, n: i * variant }
			}))
		)
	);
	return makeHar(
		Array.from({ length: entries }, (_, index) => ({
			method: 'POST',
			url: `https://sa.tracker-example.test/sa?project=bulk&n=${index}`,
			body: { mimeType: 'application/x-www-form-urlencoded', text: bodies[index % bodies.length] ?? '' }
		}))
	);
}
