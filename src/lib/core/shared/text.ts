/** Text helpers shared by codecs and the peeler: strict UTF-8 and "is this readable" checks. */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The bytes as text when they are valid UTF-8, else null. */
export function utf8OrNull(bytes: Uint8Array): string | null {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return null;
	}
}

/**
 * Share of characters that a person could read: letters, digits, punctuation, spaces and line breaks.
 * Samples long strings so the check stays cheap.
 */
export function printableRatio(text: string, sample = 4096): number {
	const n = Math.min(text.length, sample);
	if (n === 0) return 1;
	let ok = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) ok++;
		else if (c >= 0xa0 && c !== 0xfffd && !(c >= 0xd800 && c <= 0xdfff && !isPairedSurrogate(text, i))) ok++;
	}
	return ok / n;
}

function isPairedSurrogate(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c <= 0xdbff) {
		const d = text.charCodeAt(i + 1);
		return d >= 0xdc00 && d <= 0xdfff;
	}
	const b = text.charCodeAt(i - 1);
	return b >= 0xd800 && b <= 0xdbff;
}

export function isReadable(text: string): boolean {
	return printableRatio(text) >= 0.95;
}

/** Valid UTF-8 that reads as text, decoded; null otherwise. */
export function readableUtf8(bytes: Uint8Array): string | null {
	// Cheap rejections first: a control byte early on, or (for short values) invalid UTF-8, found
	// without TextDecoder's exception, which costs more than the whole check.
	const probe = Math.min(bytes.length, 64);
	for (let i = 0; i < probe; i++) {
		const b = bytes[i]!;
		if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return null;
	}
	if (bytes.length <= SHORT_UTF8_CHECK && !isWellFormedUtf8(bytes)) return null;
	const text = utf8OrNull(bytes);
	return text !== null && isReadable(text) ? text : null;
}

const SHORT_UTF8_CHECK = 4096;

/** UTF-8 well-formedness (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
function isWellFormedUtf8(bytes: Uint8Array): boolean {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		let max = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) need = 2;
		else if (b >= 0xf0 && b <= 0xf4) need = 3;
		else return false;
		min = 0x80;
		if (b === 0xe0) min = 0xa0;
		else if (b === 0xed) max = 0x9f;
		else if (b === 0xf0) min = 0x90;
		else if (b === 0xf4) max = 0x8f;
		if (i + need >= n) return false;
		const second = bytes[i + 1];
		if (second === undefined || second < min || second > max) return false;
		for (let k = 2; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || c < 0x80 || c > 0xbf) return false;
		}
		i += need + 1;
	}
	return true;
}
