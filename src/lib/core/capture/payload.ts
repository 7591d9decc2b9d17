/** Anything that is not a capture file is a bare payload: one exchange with only a body. */
import type { Capture, Payload } from '../model';
import { InputError } from '../errors';
import type { WholeCaptureReader } from './reader';

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What no other reader claims: text when the bytes are UTF-8, else the bytes themselves. */
export const payloadReader = {
	id: 'payload',
	reads: 'whole',
	sniff: () => true,
	read(name, bytes) {
		let text: string;
		try {
			text = strictUtf8.decode(bytes);
		} catch {
			return readPayload(name, { kind: 'bytes', bytes });
		}
		text = withoutFinalLineBreak(text.replace(/^\ufeff/, ''));
		if (text.trim().length === 0) throw new InputError(`${name} holds only white space`);
		return readPayload(name, { kind: 'text', text });
	}
} as const satisfies WholeCaptureReader<'payload'>;

/**
 * One line of text, without the line break that `echo`, a terminal paste or a file's last line adds: that break is
 * not part of what was captured, and it turned `data=…` from a form into something else. A payload of several
 * lines keeps its text as it is (its line breaks may be its structure).
 */
function withoutFinalLineBreak(text: string): string {
	const end = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
	if (end === text.length) return text;
	const line = text.slice(0, end);
	return /[\r\n]/.test(line) ? text : line;
}
