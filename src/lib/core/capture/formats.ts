/** Tells capture formats apart from their first bytes (never from the file name alone). */
import type { CaptureFormat } from './readers';
import { InputError } from '../errors';
import { magicName } from '../shared/magic';
import { shannonEntropy } from '../shared/entropy';
import { formatBytes } from '../shared/bytes';
import { CAPTURE_READERS, FALLBACK_READER } from './readers';

export { wrapperOf, WRAPPER_LABEL, type Wrapper } from './wrappers';

export { SNIFF_BYTES } from './reader';

/** File names that promise a HAR: they turn "not a capture, so a bare payload" into a clear HAR error. */
export function namedLikeHar(name: string): boolean {
	return /\.(har|zhar|har\.gz|harz)$/i.test(name);
}

/**
 * Picks a reader for text that starts with `head` (BOM already removed): the first reader whose sniff claims it.
 * JSON without a HAR's `log` is a bare payload (a pasted request body), unless the file name promises a HAR.
 */
export function formatOfText(head: string, name: string): CaptureFormat {
	const start = head.trimStart();
	for (const reader of CAPTURE_READERS) if (reader.sniff(start)) return reader.id;
	if (namedLikeHar(name)) {
		if (start.startsWith('{') || start.startsWith('[')) return 'har';
		throw new InputError(`Not a HAR file: ${name} is not JSON (it starts with ${quoteStart(start)})`, 'byte 0');
	}
	return FALLBACK_READER.id;
}

/** Binary files that are certainly not a capture nor a payload worth decoding. */
const NOT_A_PAYLOAD = new Set(['PNG image', 'JPEG image', 'GIF image', 'WebP image', 'PDF document', 'SQLite database', 'WebAssembly module', 'ELF executable', 'Dalvik executable (DEX)']);

/**
 * Binary input that is not a wrapper: a bare payload (protobuf, a compressed body…) unless it is a known file
 * type or random-looking bytes, which get a message saying what they look like.
 */
export function checkBinary(head: Uint8Array, name: string, size: number | undefined): void {
	const magic = magicName(head);
	const what = magic ?? (head[0] === 0x4d && head[1] === 0x5a ? 'Windows executable' : null);
	// A stream of unknown length (standard input) has been read only as far as its start.
	const sizeText = size !== undefined ? formatBytes(size) : `at least ${formatBytes(head.length)}`;
	if (what && (NOT_A_PAYLOAD.has(what) || what === 'Windows executable')) {
		throw new InputError(`Not a capture: ${name} is ${withArticle(what)} (${sizeText})`, 'byte 0');
	}
	if (namedLikeHar(name)) {
		throw new InputError(`Not a HAR file: ${name} is binary data, not JSON (${describeBytes(head)})`, 'byte 0');
	}
	if (what) return;
	const sample = head.subarray(0, 4096);
	const entropy = shannonEntropy(sample);
	if (sample.length >= 512 && entropy >= 7.5) {
		throw new InputError(
			`Not a capture: ${name} is ${sizeText} of binary data with no recognisable format (${entropy.toFixed(2)} bits/byte: random, encrypted or compressed)`,
			'byte 0'
		);
	}
}

/** "an ELF executable", "a PNG image": the article goes by how the name is said, and these names start as they sound. */
export function withArticle(noun: string): string {
	return `${/^[AEIOU]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describeBytes(head: Uint8Array): string {
	const hex = Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
	return `it starts with bytes ${hex}`;
}

function quoteStart(text: string): string {
	const line = text.split(/\r?\n/, 1)[0] ?? '';
	const shown = line.length > 24 ? `${line.slice(0, 24)}…` : line;
	return `\`${shown}\``;
}
