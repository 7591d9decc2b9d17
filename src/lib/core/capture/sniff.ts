/** Picks a reader from the content itself, not from the file name. */
import type { Capture } from '../model';
import { InputError } from '../errors';
import { readHar } from './har';
import { readPayload } from './payload';
import { utf8OrNull } from '../decode/text';

export interface CaptureInput {
	name: string;
	bytes: Uint8Array;
}

export function readCapture({ name, bytes }: CaptureInput): Capture {
	if (bytes.length === 0) throw new InputError(`${name} is empty`);
	const decoded = utf8OrNull(bytes);
	if (decoded === null) return readPayload(name, { kind: 'bytes', bytes });
	const text = decoded.replace(/^\ufeff/, '');
	if (text.trim().length === 0) throw new InputError(`${name} holds only white space`);
	if (looksLikeHar(text)) return readHar(name, text);
	return readPayload(name, { kind: 'text', text });
}

function looksLikeHar(text: string): boolean {
	const head = text.slice(0, 4096).trimStart();
	return head.startsWith('{') && /"log"\s*:/.test(head);
}
