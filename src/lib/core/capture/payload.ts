/** Anything that is not a capture file is a bare payload: one exchange with only a body. */
import type { Capture, Payload } from '../model';

export function readPayload(name: string, payload: Payload): Capture {
	return {
		name,
		format: 'payload',
		notes: [],
		exchanges: [
			{
				index: 0,
				method: null,
				url: null,
				host: null,
				status: null,
				startedAt: null,
				requestHeaders: [],
				responseHeaders: [],
				parts: [{ kind: 'payload', name: 'payload', payload }],
				notes: []
			}
		]
	};
}
