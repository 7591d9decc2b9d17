// Shared by the sanitizer's tests: HAR building, reading a sanitized HAR back, and the layers Telltale reports.
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { sanitizeCapture, type SanitizeOptions, type SanitizeReport } from '../../../src/lib/core/sanitize/index';
import type { DecodedNode } from '../../../src/lib/core/model';

const utf8 = new TextEncoder();

export interface EntrySpec {
	url: string;
	method?: string;
	headers?: Array<{ name: string; value: string }>;
	body?: { mimeType: string; text: string; encoding?: string };
	response?: { mimeType: string; text: string; encoding?: string; headers?: Array<{ name: string; value: string }> };
}

export function harOf(entries: EntrySpec[]): Uint8Array {
	const har = {
		log: {
			version: '1.2',
			creator: { name: 'test', version: '1' },
			entries: entries.map((e, i) => ({
				startedDateTime: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
				time: 1,
				request: {
					method: e.method ?? (e.body ? 'POST' : 'GET'),
					url: e.url,
					httpVersion: 'HTTP/1.1',
					headers: e.headers ?? [],
					queryString: [],
					cookies: [],
					headersSize: -1,
					bodySize: e.body ? utf8.encode(e.body.text).length : 0,
					...(e.body ? { postData: e.body } : {})
				},
				response: {
					status: 200,
					statusText: 'OK',
					httpVersion: 'HTTP/1.1',
					headers: e.response?.headers ?? [],
					cookies: [],
					content: e.response ? contentOf(e.response) : { size: 0, mimeType: 'text/plain' },
					redirectURL: '',
					headersSize: -1,
					bodySize: -1
				},
				cache: {},
				timings: { send: 0, wait: 1, receive: 0 }
			}))
		}
	};
	return utf8.encode(JSON.stringify(har));
}

function contentOf({ headers: _headers, ...content }: NonNullable<EntrySpec['response']>) {
	const size = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').length : utf8.encode(content.text).length;
	return { size, ...content };
}

export function sanitize(bytes: Uint8Array, options: SanitizeOptions, name = 'test.har'): { text: string; report: SanitizeReport } {
	const run = sanitizeCapture({ name, bytes }, options);
	const text = [...run.chunks()].join('');
	return { text, report: run.report };
}

export function analyzeBytes(bytes: Uint8Array, name = 'test.har') {
	return analyze(readCapture({ name, bytes }));
}

/** Every text and byte value of every layer of a tree, as text (bytes as latin1 and as UTF-8). */
export function everyLayerText(node: DecodedNode): string[] {
	const out: string[] = [];
	const stack = [node];
	while (stack.length > 0) {
		const n = stack.pop()!;
		if (n.text !== undefined) out.push(n.text);
		if (n.bytes !== undefined) out.push(new TextDecoder().decode(n.bytes), String.fromCharCode(...n.bytes.subarray(0, 65536)));
		if (n.number !== undefined) out.push(String(n.number));
		if (n.decoded) stack.push(n.decoded);
		if (n.children) stack.push(...n.children);
	}
	return out;
}

export function bytesOf(text: string): Uint8Array {
	return utf8.encode(text);
}
