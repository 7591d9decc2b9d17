/** Tells capture formats apart from their first bytes (never from the file name alone). */
import type { CaptureFormat } from '../model';
import { InputError } from '../errors';
import { GZIP_MAGIC, magicName, startsWithMagic } from '../shared/magic';
import { shannonEntropy } from '../shared/entropy';
import { formatBytes } from '../shared/bytes';
import { looksLikePowerShell } from './powershell';

export type Wrapper = 'gzip' | 'zlib' | 'zip';

/** How many bytes of (unwrapped) input are looked at to pick a reader. */
export const SNIFF_BYTES = 64 * 1024;

export const WRAPPER_LABEL: Record<Wrapper, string> = { gzip: 'gzip', zlib: 'zlib (.zhar)', zip: 'zip' };

/** gzip (1F 8B 08), zlib with the usual compression levels (78 01 / 78 9C / 78 DA; mitmproxy's .zhar), zip (PK 03 04). */
export function wrapperOf(head: Uint8Array): Wrapper | null {
	const [a, b, c, d] = head;
	if (startsWithMagic(head, GZIP_MAGIC) && c === 0x08) return 'gzip';
	if (a === 0x78 && (b === 0x01 || b === 0x9c || b === 0xda)) return 'zlib';
	if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'zip';
	return null;
}

/** File names that promise a HAR: they turn "not a capture, so a bare payload" into a clear HAR error. */
export function namedLikeHar(name: string): boolean {
	return /\.(har|zhar|har\.gz|harz)$/i.test(name);
}

const HTTP_REQUEST_LINE = /^[A-Z][A-Z0-9_-]{1,19} \S+ HTTP\/\d(?:\.\d)?\r?\n/;
const HTTP_STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}\b/;
const CURL = /^curl(?:\.exe)?[ \t\r\n^]/;
const BURP = /^<\?xml[^>]*>\s*(?:<!DOCTYPE items[^>]*(?:\[[\s\S]*?\])?\s*>\s*)?<items[\s>]/;
const HAR = /"log"\s*:\s*\{|"entries"\s*:\s*\[/;

/**
 * Picks a reader for text that starts with `head` (BOM already removed). JSON without a HAR's `log` is a
 * bare payload (a pasted request body), unless the file name promises a HAR.
 */
export function formatOfText(head: string, name: string): CaptureFormat {
	const start = head.trimStart();
	if (start.startsWith('{') && HAR.test(start.slice(0, SNIFF_BYTES))) return 'har';
	if (HTTP_REQUEST_LINE.test(start) || HTTP_STATUS_LINE.test(start)) return 'http';
	if (CURL.test(start) || looksLikePowerShell(start)) return 'curl';
	if (BURP.test(start) || /^<items\s+burpVersion=/.test(start)) return 'burp';
	if (namedLikeHar(name)) {
		if (start.startsWith('{') || start.startsWith('[')) return 'har';
		throw new InputError(`Not a HAR file: ${name} is not JSON (it starts with ${quoteStart(start)})`, 'byte 0');
	}
	return 'payload';
}

/** Binary files that are certainly not a capture nor a payload worth decoding. */
const NOT_A_PAYLOAD = new Set(['PNG image', 'JPEG image', 'GIF image', 'WebP image', 'PDF document', 'SQLite database', 'WebAssembly module', 'ELF executable', 'Dalvik executable (DEX)']);

/**
 * Binary input that is not a wrapper: a bare payload (protobuf, a compressed body…) unless it is a known file
 * type or random-looking bytes, which get a message saying what they look like.
 */
export function checkBinary(head: Uint8Array, name: string, size: number): void {
	const magic = magicName(head);
	const what = magic ?? (head[0] === 0x4d && head[1] === 0x5a ? 'Windows executable' : null);
	if (what && (NOT_A_PAYLOAD.has(what) || what === 'Windows executable')) {
		throw new InputError(`Not a capture: ${name} is a ${what} (${formatBytes(size)})`, 'byte 0');
	}
	if (namedLikeHar(name)) {
		throw new InputError(`Not a HAR file: ${name} is binary data, not JSON (${describeBytes(head)})`, 'byte 0');
	}
	if (what) return;
	const sample = head.subarray(0, 4096);
	const entropy = shannonEntropy(sample);
	if (sample.length >= 512 && entropy >= 7.5) {
		throw new InputError(
			`Not a capture: ${name} is ${formatBytes(size)} of binary data with no recognisable format (${entropy.toFixed(2)} bits/byte: random, encrypted or compressed)`,
			'byte 0'
		);
	}
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
