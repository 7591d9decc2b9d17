import { failure, type TextCodec } from '../codec';
import { hasCapital, isPlainBase64Alphabet } from './six-bit-census';
import { BASE64_SIX_BITS, decodeBase64, encodeBase64 } from '../../shared/base64';

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
const LINE_BREAKS = /[\r\n\t]/;
const ALL_WHITESPACE = /\s+/g;
/** Only the escapes a URL encoder applies to base64 (`+`, `/`, `=`, line breaks). */
const BASE64_ESCAPES = /%(2B|2F|3D|0A|0D)/gi;
const ONLY_HEX_AND_DASHES = /^[0-9a-fA-F-]+$/;
const AUTH_SCHEME = /^(?:Basic|Bearer|Digest|Negotiate|NTLM|Token) /i;
const ONE_CASE_LETTERS = /^(?:[a-z]+|[A-Z]+)$/;
/** Base64 openings of formats worth finding: gzip, zlib, JSON, PNG, JPEG, ZIP, zstd, GIF, PDF. */
const MAGIC_PREFIXES = /^(?:H4sI|eJ[w-z]|eN[o-r]|eAE|eyJ|W3s|WyJ|iVBORw0KGgo|\/9j\/|UEsDB|KLUv\/|R0lGOD|JVBERi0)/;

interface Normalized {
	/** Base64 characters only, padding kept. */
	text: string;
	/** The caller's text had spaces where `+` belongs (a form decoder read `+` as space). */
	spacesWerePlus: number;
	percentEncoded: boolean;
}

/**
 * Reduces the many ways base64 travels (wrapped lines, percent-encoded, `+` turned into spaces by a
 * form decoder) to its alphabet, or null when it cannot be base64.
 */
function normalize(input: string, plain?: boolean): Normalized | null {
	// sniff and then decode ask about the same (possibly megabytes long) string.
	if (input === lastInput) return lastNormalized;
	const normalized = (plain ?? isPlainBase64Alphabet(input)) ? { text: input, spacesWerePlus: 0, percentEncoded: false } : normalizeSlowly(input);
	lastInput = input;
	lastNormalized = normalized;
	return normalized;
}

let lastInput: string | null = null;
let lastNormalized: Normalized | null = null;

function normalizeSlowly(input: string): Normalized | null {
	let s = input.trim();
	let percentEncoded = false;
	if (s.includes('%')) {
		s = s.replace(BASE64_ESCAPES, (escape) => {
			const code = parseInt(escape.slice(1), 16);
			return code === 0x0a || code === 0x0d ? '\n' : String.fromCharCode(code);
		});
		if (s.includes('%')) return null;
		percentEncoded = true;
	}
	let spacesWerePlus = 0;
	if (LINE_BREAKS.test(s)) {
		// Wrapped base64 (MIME, PEM) breaks lines; it never uses spaces for `+`.
		s = s.replace(ALL_WHITESPACE, '');
	} else if (s.includes(' ')) {
		// `Basic dXNl…` is a scheme and a credential, not base64 that lost a `+`.
		if (s.includes('  ') || AUTH_SCHEME.test(s)) return null;
		const before = s.length;
		s = s.replaceAll(' ', '+');
		spacesWerePlus = before - s.replaceAll('+', '').length;
	}
	if (!STANDARD.test(s) && !URL_SAFE.test(s)) return null;
	return { text: s, spacesWerePlus, percentEncoded };
}

/** 1 for the characters of both base64 alphabets and `=`. */
const ALPHABET_OR_PAD = (() => {
	const table = new Uint8Array(128);
	for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=') table[c.charCodeAt(0)] = 1;
	return table;
})();

/**
 * The answer `sniff` would reach, found in one pass without copying: a string of plain ASCII with a
 * character outside the alphabets, `%`, spaces and ASCII whitespace survives `normalize` and fails both
 * alphabets; one of alphabet characters and spaces only, with more than one space in 12 (a sentence), is
 * rejected after `normalize` turned its spaces into `+`. Anything else (escapes, line breaks, non-ASCII
 * whitespace that `trim` removes) goes the long way.
 */
export function plainlyNotBase64(input: string): boolean {
	// Alphabet, padding and spaces only (log lines, titles, search terms): the spaces decide. A native
	// test and a count that stops once the verdict is known beat the loop below on long prose.
	if (ALPHABET_PAD_AND_SPACES.test(input)) return isSentence(input);
	const n = input.length;
	let spaces = 0;
	let simple = true;
	for (let i = 0; i < n; i++) {
		const c = input.charCodeAt(i);
		if (c >= 128) return false;
		if (ALPHABET_OR_PAD[c] === 1) continue;
		if (c === 0x20) spaces++;
		else if (c === 0x25 || (c >= 0x09 && c <= 0x0d)) simple = false;
		else return true;
	}
	return simple && spaces > 0 && isSentence(input);
}

const ALPHABET_PAD_AND_SPACES = /^[A-Za-z0-9+/=_ -]*$/;

/** More than one space in 12 between the first and the last non-space character: base64's rule for a sentence. */
export function isSentence(input: string): boolean {
	let from = 0;
	let to = input.length;
	while (from < to && input.charCodeAt(from) === 0x20) from++;
	while (to > from && input.charCodeAt(to - 1) === 0x20) to--;
	const needed = Math.floor((to - from) / 12) + 1;
	let inner = 0;
	for (let at = input.indexOf(' ', from); at >= 0 && at < to; at = input.indexOf(' ', at + 1)) if (++inner >= needed) return true;
	return false;
}

/** The text without its trailing `=` (what /=+$/ removes). */
function withoutPadding(s: string): string {
	let end = s.length;
	while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--;
	return end === s.length ? s : s.slice(0, end);
}

function sixBits(c: number): number {
	return BASE64_SIX_BITS[c] ?? -1;
}

/** Share of neighbouring characters of different kinds (upper, lower, digit, symbol); random base64 is near 0.65. */
function classChangeRatio(s: string, sample = 512): number {
	const n = Math.min(s.length, sample);
	if (n < 2) return 0;
	let changes = 0;
	let previous = charClass(s.charCodeAt(0));
	for (let i = 1; i < n; i++) {
		const current = charClass(s.charCodeAt(i));
		if (current !== previous) changes++;
		previous = current;
	}
	return changes / (n - 1);
}

function charClass(c: number): number {
	if (c >= 0x41 && c <= 0x5a) return 0;
	if (c >= 0x61 && c <= 0x7a) return 1;
	if (c >= 0x30 && c <= 0x39) return 2;
	return 3;
}

/** Base64 in the standard or URL-safe alphabet, padded or not, wrapped, percent-encoded, or with `+` read as space. */
export const base64: TextCodec<'base64'> = {
	id: 'base64',
	label: 'Base64',
	input: 'text',
	output: 'bytes',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	// Normalizing never lengthens a value, and sniff rejects fewer than 8 characters.
	minLength: 8,
	sniff(input) {
		// A value made of the alphabet only (the common case for real base64) skips the rejection pass.
		let normalized: Normalized | null;
		if (input === lastInput) normalized = lastNormalized;
		else {
			const plain = isPlainBase64Alphabet(input);
			if (!plain && plainlyNotBase64(input)) return 0;
			normalized = normalize(input, plain);
		}
		if (!normalized) return 0;
		const s = normalized.text;
		const body = withoutPadding(s);
		const padding = s.length - body.length;
		if (s.length < 8 || body.length % 4 === 1) return 0;
		// Form-decoded base64 has a space for roughly one character in 64; a sentence has one every few.
		if (normalized.spacesWerePlus > 0 && normalized.spacesWerePlus * 12 > s.length) return 0;
		if (/^[0-9]+$/.test(body) || ONE_CASE_LETTERS.test(body)) return 0;
		if (ONLY_HEX_AND_DASHES.test(body)) return body.includes('-') ? 0 : 0.05;
		// Encoded bytes put a capital letter (the values 0–25) in about 4 places of 10: sixteen characters
		// without one are an identifier made of lower case and digits, not base64 (odds under 1 in 4,000).
		if (body.length >= 16 && !hasCapital(body)) return 0;
		if (padding > 0 && (s.length % 4 !== 0 || body.length % 4 === 0)) return 0.1;
		// Encoders leave the unused low bits of the last character zero; most random identifiers do not.
		const last = sixBits(body.charCodeAt(body.length - 1));
		if ((body.length % 4 === 2 && (last & 0xf) !== 0) || (body.length % 4 === 3 && (last & 0x3) !== 0)) return 0.1;
		if (MAGIC_PREFIXES.test(body)) return 0.95;
		const mixing = classChangeRatio(body);
		// Words and identifiers (`addEventListener`, `user_id_1234`) change character kind rarely.
		if (mixing < 0.3) return 0.25;
		let score = 0.3 + (mixing >= 0.4 ? 0.25 : 0.1);
		if (padding > 0) score += 0.2;
		else if (body.length % 4 === 0) score += 0.1;
		if (/[+/_-]/.test(body)) score += 0.1;
		if (body.length >= 24) score += 0.1;
		if (normalized.percentEncoded) score += 0.1;
		return Math.min(score, 0.9);
	},
	decode(input, { budget }) {
		const normalized = normalize(input);
		if (!normalized) return failure('characters outside the base64 alphabets');
		const body = withoutPadding(normalized.text);
		if (body.length % 4 === 1) return failure('length is not a valid base64 length');
		if (body.length === 0) return failure('empty');
		const bytes = decodeBase64(body);
		budget.spendBytes(bytes.length, input.length);
		const notes: string[] = [];
		if (normalized.percentEncoded) notes.push('percent-encoded base64');
		if (normalized.spacesWerePlus > 0) notes.push(`${normalized.spacesWerePlus} space(s) read as '+' (a form decoder had turned '+' into spaces)`);
		return notes.length > 0 ? { kind: 'bytes', bytes, note: notes.join('; ') } : { kind: 'bytes', bytes };
	},
	encode(next, original) {
		if (!(next instanceof Uint8Array)) return failure('base64 writes bytes');
		return writeBase64Like(next, original);
	}
};

/**
 * `bytes` in base64 written the way `original` was: its alphabet, padding, line length and line break,
 * percent escapes of `+`, `/` and `=`, surrounding whitespace. A value that was read with spaces for `+`
 * gets its `+` back (the encoder above it escapes them).
 */
export function writeBase64Like(bytes: Uint8Array, original: string): string {
	const lead = /^\s*/.exec(original)![0];
	const trail = /\s*$/.exec(original.slice(lead.length))![0];
	const body = original.slice(lead.length, original.length - trail.length);
	const urlSafe = /[-_]/.test(body) && !/[+/]|%2B|%2F/i.test(body);
	const padded = /(=|%3D)$/i.test(body) || (body.length % 4 === 0 && !urlSafe);
	let text = encodeBase64(bytes);
	if (urlSafe) text = text.replaceAll('+', '-').replaceAll('/', '_');
	if (!padded) text = withoutPadding(text);
	const lineBreak = /\r?\n/.exec(body);
	if (lineBreak) {
		const width = lineBreak.index;
		const lines: string[] = [];
		for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
		text = lines.join(lineBreak[0]);
	}
	if (/%(2B|2F|3D)/i.test(body)) text = text.replace(/[+/=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return lead + text + trail;
}
