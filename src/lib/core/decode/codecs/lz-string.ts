import LZString from 'lz-string';
import { failure, type TextCodec } from '../codec';
import type { Budget } from '../../limits';
import { hasCapital, lzSixBitForm } from './six-bit-census';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+';
/** lz-string writes its first character as an 8-bit literal: `{` and `[` come out as `N4` and `No`. */
const JSON_OPENING = /^N[4o]/;
/** Decompressed output is checked for noise once it is this long, so garbage stops early. */
const EARLY_CHECK_CHARS = 1024;
/** Re-compressing to verify is skipped above this size; the text check still applies. */
const ROUND_TRIP_LIMIT = 1 << 20;
/** Short garbage sometimes decompresses to a few plausible characters; unverified results need more input. */
const UNVERIFIED_MIN_INPUT = 16;

type Form = 'base64' | 'uri' | 'utf16';

const VALUES = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
	return table;
})();

function formOf(input: string): Form | null {
	if (input.length >= 2 && input.endsWith(' ') && isUtf16Form(input)) return 'utf16';
	return lzSixBitForm(input.trim());
}

/**
 * Whether `s` matches /^[0-9a-fA-F-]+$/ (hex IDs, UUIDs) or /^(?:[a-z]+|[A-Z]+)$/ (one-case words):
 * one pass instead of two regular expressions on each of thousands of leaves.
 */
export function hexOrOneCase(s: string): boolean {
	const n = s.length;
	if (n === 0) return false;
	let hex = true;
	let lower = true;
	let upper = true;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		const isLower = c >= 0x61 && c <= 0x7a;
		const isUpper = c >= 0x41 && c <= 0x5a;
		if (!isLower) lower = false;
		if (!isUpper) upper = false;
		if (hex && !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c === 0x2d)) hex = false;
		if (!hex && !lower && !upper) return false;
	}
	return true;
}

/**
 * Whether a six-bit stream can start with this character. The decoder's first two bits (the high bits
 * of the first character) say whether an 8-bit or a 16-bit character follows; the other two values are
 * the end marker and an invalid code, so a stream whose first character has value 16–31 or 48–63
 * (`Q`–`Z`, `a`–`f`, `w`–`z`, digits, `+`, `/`, `-`) decompresses to nothing or fails.
 */
export function mayOpenSixBitStream(c: number): boolean {
	const v = c < 128 ? VALUES[c]! : -1;
	return (v >= 0 && v <= 15) || (v >= 32 && v <= 47);
}

/** compressToUTF16 writes 15 bits per character as U+0020..U+801F and ends with a space. */
function isUtf16Form(input: string): boolean {
	let wide = 0;
	for (let i = 0; i < input.length - 1; i++) {
		const c = input.charCodeAt(i);
		if (c < 0x20 || c > 0x801f) return false;
		if (c >= 0x100) wide++;
	}
	return wide * 2 >= input.length - 1;
}

/**
 * lz-string (pieroxy), used by analytics and session-replay libraries to squeeze localStorage and
 * query parameters: compressToBase64, compressToEncodedURIComponent and compressToUTF16. lz-string
 * turns any input into some output, so a result is kept only when it re-compresses to the input or
 * is plainly readable text.
 */
export const lzString: TextCodec<'lz-string'> = {
	id: 'lz-string',
	label: 'lz-string',
	input: 'text',
	output: 'text',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		// CJK text that ends in a space fits the same range, so the range alone is middling evidence.
		if (input.length >= 2 && input.endsWith(' ') && isUtf16Form(input)) return 0.5;
		const s = input.trim();
		// Cheap rejections before the scan over the whole value: most leaves fail one of them.
		if (s.length < 8 || !mayOpenSixBitStream(s.charCodeAt(0)) || !lzSixBitForm(s)) return 0;
		// Three `=` never end real base64; lz-string pads that way.
		if (s.endsWith('===')) return 0.9;
		if (JSON_OPENING.test(s)) return 0.85;
		if (hexOrOneCase(s)) return 0;
		// No capital: an identifier. Real output has one in about four places of ten (its first character
		// is one half the time); even an 8-character stream lacks one about once in 80, and such a stream
		// holds three or four characters of text.
		if (!hasCapital(s)) return 0;
		// The alphabet alone is weak evidence, but decode keeps only verified or plainly readable
		// results, so a try costs little and a wrong acceptance is unlikely.
		return 0.3;
	},
	decode(input, { budget }) {
		const form = formOf(input);
		if (!form) return failure('characters outside the lz-string alphabets');
		const s = form === 'utf16' ? input : input.trim();
		const result = form === 'utf16' ? decompressUtf16(s, budget) : decompressSixBit(s.replace(/=+$/, ''), budget);
		if (typeof result !== 'string') return failure(result.reason);
		if (result.length === 0) return failure('decompresses to nothing');
		const verified = result.length <= ROUND_TRIP_LIMIT && recompress(result, form) === canonical(s, form);
		// Unverified (another implementation's padding bits, or too big to re-compress): only long, plain text.
		if (!verified && (s.length < UNVERIFIED_MIN_INPUT || !isPlainText(result))) return failure('decompresses to noise, not text');
		budget.spendBytes(result.length, input.length);
		// Without `/`, `-` or padding the two six-bit forms are spelled the same.
		const ambiguous = form === 'base64' && !/[/=]/.test(s);
		const name = ambiguous ? 'compressToBase64 or compressToEncodedURIComponent' : form === 'base64' ? 'compressToBase64' : form === 'uri' ? 'compressToEncodedURIComponent' : 'compressToUTF16';
		return { kind: 'text', text: result, note: `lz-string ${name}${verified ? ', verified by re-compressing' : ''}` };
	},
	encode(next, original) {
		if (typeof next !== 'string') return failure('lz-string writes text');
		const form = formOf(original);
		if (!form) return failure('the original is not lz-string');
		const written = recompress(next, form);
		// recompress drops the padding; the original's padding (or its absence) is kept.
		return form === 'utf16' || !/=$/.test(original.trim()) ? written : form === 'base64' ? LZString.compressToBase64(next) : written;
	}
};

function recompress(text: string, form: Form): string {
	if (form === 'utf16') return LZString.compressToUTF16(text);
	return canonical(form === 'base64' ? LZString.compressToBase64(text) : LZString.compressToEncodedURIComponent(text), form);
}

/** Padding is optional in transport; compare without it. */
function canonical(s: string, form: Form): string {
	return form === 'utf16' ? s : s.replace(/=+$/, '');
}

type Failure = { reason: string };

function decompressSixBit(s: string, budget: Budget): string | Failure {
	const values = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const v = c === 0x2f || c === 0x2d ? 63 : c < 128 ? VALUES[c]! : -1;
		if (v < 0) return { reason: `unexpected character at ${i}` };
		values[i] = v;
	}
	return decompress(values.length, 32, (i) => values[i]!, budget);
}

function decompressUtf16(s: string, budget: Budget): string | Failure {
	// The trailing space is compressToUTF16's terminator, not data.
	return decompress(s.length - 1, 16384, (i) => s.charCodeAt(i) - 32, budget);
}

/**
 * lz-string's LZW-style decoder, written to stop: output is capped by the budget and checked for
 * noise early, because garbage input can make the dictionary (and the output) grow quadratically.
 */
function decompress(length: number, resetValue: number, valueAt: (index: number) => number, budget: Budget): string | Failure {
	let value = valueAt(0);
	let position = resetValue;
	let index = 1;
	const readBits = (count: number): number => {
		let bits = 0;
		for (let power = 1, max = 2 ** count; power !== max; power *= 2) {
			const bit = value & position;
			position >>= 1;
			if (position === 0) {
				position = resetValue;
				value = index < length ? valueAt(index) : 0;
				index++;
			}
			if (bit) bits += power;
		}
		return bits;
	};

	const allowance = budget.allowanceFor(length);
	const dictionary: string[] = ['', '', ''];
	let enlargeIn = 4;
	let numBits = 3;
	const first = readBits(2);
	if (first === 2) return index < length ? { reason: 'end marker at the start' } : '';
	if (first === 3) return { reason: 'invalid first code' };
	let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
	dictionary.push(w);
	const chunks: string[] = [w];
	let produced = w.length;
	let checked = false;
	for (;;) {
		if (index > length) return { reason: 'ends without an end marker (truncated or not lz-string)' };
		let code = readBits(numBits);
		if (code === 0 || code === 1) {
			dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
			code = dictionary.length - 1;
			enlargeIn--;
		} else if (code === 2) {
			// lz-string ends its output in the character that holds the end marker; garbage stops early.
			if (index < length) return { reason: `end marker before the end of the input (${length - index} characters left)` };
			return chunks.join('');
		}
		if (enlargeIn === 0) {
			enlargeIn = 2 ** numBits;
			numBits++;
		}
		let entry: string;
		if (code < dictionary.length) entry = dictionary[code]!;
		else if (code === dictionary.length) entry = w + w.charAt(0);
		else return { reason: 'refers to a dictionary entry that does not exist' };
		chunks.push(entry);
		produced += entry.length;
		if (produced > allowance) {
			budget.spendBytes(produced, length);
			return { reason: 'output exceeds the budget' };
		}
		if (!checked && produced >= EARLY_CHECK_CHARS) {
			checked = true;
			if (printableShare(chunks.join('')) < 0.9) return { reason: 'decompresses to noise, not text' };
		}
		dictionary.push(w + entry.charAt(0));
		enlargeIn--;
		w = entry;
		if (enlargeIn === 0) {
			enlargeIn = 2 ** numBits;
			numBits++;
		}
	}
}

/** Share of characters that are neither control characters, lone surrogates nor private-use. */
function printableShare(text: string): number {
	if (text.length === 0) return 1;
	let ok = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0x7f)) ok++;
		else if (c >= 0xa0 && !(c >= 0xd800 && c <= 0xf8ff) && c !== 0xfffd && c < 0xfff0) ok++;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				ok += 2;
				i++;
			}
		}
	}
	return ok / text.length;
}

/**
 * Without verification, only text a person would call text: printable and mostly ASCII (random
 * 16-bit codes land in CJK and Hangul often enough to look like letters).
 */
function isPlainText(text: string): boolean {
	if (printableShare(text) < 0.98) return false;
	let ascii = 0;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) ascii++;
	return ascii >= text.length * 0.9;
}
