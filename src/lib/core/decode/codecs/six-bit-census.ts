/**
 * One pass over a value that both six-bit codecs ask about: base64 (which alphabet, is it plain) and
 * lz-string (which six-bit form). The peeler sniffs every codec on the same string in turn, so the
 * census of the last string is kept; on a 10 MB value that saves a whole scan.
 */

const PLUS = 2;
const SLASH = 4;
const DASH = 8;
const UNDERSCORE = 16;

/** The loop reads this many characters before the native scans take over (their call overhead only pays on long runs). */
const NATIVE_SCAN_FROM = 256;

/** Per character: 1 for `A-Za-z0-9`, else the symbol's flag; 0 outside the alphabet. */
const FLAGS = (() => {
	const table = new Uint8Array(128);
	for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') table[c.charCodeAt(0)] = 1;
	table[0x2b] = PLUS;
	table[0x2f] = SLASH;
	table[0x2d] = DASH;
	table[0x5f] = UNDERSCORE;
	return table;
})();

/** The first character outside `A-Za-z0-9+/-_`. */
const OUTSIDE = /[^A-Za-z0-9+/_-]/g;
const SYMBOLS: ReadonlyArray<readonly [string, number]> = [
	['+', PLUS],
	['/', SLASH],
	['-', DASH],
	['_', UNDERSCORE]
];

export interface SixBitCensus {
	/** Length of the longest prefix made of `A-Za-z0-9+/-_`. */
	prefixEnd: number;
	/** Which of `+ / - _` occur in that prefix (bit flags). */
	seen: number;
	/** Everything after the prefix is `=`. */
	restIsPadding: boolean;
}

let lastInput: string | null = null;
let lastCensus: SixBitCensus = { prefixEnd: 0, seen: 0, restIsPadding: true };

export function sixBitCensus(input: string): SixBitCensus {
	if (input === lastInput) return lastCensus;
	const n = input.length;
	let prefixEnd = 0;
	let seen = 0;
	// A loop first: most values leave the alphabet within a few characters (a space, a dot, a quote).
	const loopEnd = Math.min(n, NATIVE_SCAN_FROM);
	for (; prefixEnd < loopEnd; prefixEnd++) {
		const c = input.charCodeAt(prefixEnd);
		const flags = c < 128 ? FLAGS[c]! : 0;
		if (flags === 0) break;
		seen |= flags;
	}
	if (prefixEnd === NATIVE_SCAN_FROM && n > NATIVE_SCAN_FROM) {
		// A long run of the alphabet: a regular expression and indexOf scan the rest in native code, three
		// to thirty times faster than the loop.
		OUTSIDE.lastIndex = NATIVE_SCAN_FROM;
		const stop = OUTSIDE.exec(input);
		prefixEnd = stop === null ? n : stop.index;
		for (const [char, flag] of SYMBOLS) {
			if (seen & flag) continue;
			const at = input.indexOf(char, NATIVE_SCAN_FROM);
			if (at >= 0 && at < prefixEnd) seen |= flag;
		}
	}
	let restIsPadding = true;
	for (let k = prefixEnd; k < n; k++) {
		if (input.charCodeAt(k) !== 0x3d) {
			restIsPadding = false;
			break;
		}
	}
	lastInput = input;
	lastCensus = { prefixEnd, seen, restIsPadding };
	return lastCensus;
}

/**
 * Whether the text is the base64 alphabet and nothing else: one of the two alphabets (standard `+/`
 * or URL-safe `-_`, never both), then at most two `=`.
 */
export function isPlainBase64Alphabet(input: string): boolean {
	const { prefixEnd, seen, restIsPadding } = sixBitCensus(input);
	if (seen & (PLUS | SLASH) && seen & (DASH | UNDERSCORE)) return false;
	return restIsPadding && input.length - prefixEnd <= 2;
}

/**
 * Which lz-string six-bit form a trimmed string is in: `uri` when it matches /^[A-Za-z0-9+-]+$/ with a
 * `-`, else `base64` when it matches that or /^[A-Za-z0-9+/]+={0,3}$/.
 */
export function lzSixBitForm(s: string): 'base64' | 'uri' | null {
	const { prefixEnd, seen, restIsPadding } = sixBitCensus(s);
	if (prefixEnd === 0 || seen & UNDERSCORE) return null;
	const dash = (seen & DASH) !== 0;
	if (prefixEnd === s.length) {
		if ((seen & SLASH) === 0) return dash ? 'uri' : 'base64';
		return dash ? null : 'base64';
	}
	if (dash || s.length - prefixEnd > 3 || !restIsPadding) return null;
	return 'base64';
}

/**
 * Whether the text has a capital letter. Six-bit encodings of anything but a few peculiar inputs put
 * one (the values 0–25) in about four places of ten; a long lower-case-and-digits token is an ID.
 */
export function hasCapital(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0x41 && c <= 0x5a) return true;
	}
	return false;
}
