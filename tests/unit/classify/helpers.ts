import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import type { Finding } from '../../../src/lib/core/model';
import type { KnownValue } from '../../../src/lib/core/classify/known-values';

/** Findings of a bare JSON payload, through the real pipeline. */
export function findingsOf(payload: unknown, known: KnownValue[] = []): Finding[] {
	const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const capture = readCapture({ name: 'payload.json', bytes: new TextEncoder().encode(text) });
	return analyze(capture, { known }).report.exchanges[0]!.findings;
}

export function harBytes(entries: Array<{ url: string; method?: string; headers?: Record<string, string>; body?: string; mimeType?: string }>): Uint8Array {
	return new TextEncoder().encode(
		JSON.stringify({
			log: {
				version: '1.2',
				creator: { name: 'test', version: '1' },
				entries: entries.map((e) => ({
					startedDateTime: '2023-11-14T22:13:20.000Z',
					request: {
						method: e.method ?? (e.body ? 'POST' : 'GET'),
						url: e.url,
						headers: Object.entries(e.headers ?? {}).map(([name, value]) => ({ name, value })),
						...(e.body ? { postData: { mimeType: e.mimeType ?? 'application/json', text: e.body } } : {})
					},
					response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/plain' } }
				}))
			}
		})
	);
}
