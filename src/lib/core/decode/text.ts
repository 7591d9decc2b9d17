/** Text helpers shared by codecs and the peeler: strict UTF-8 and "is this readable" checks. */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const encoder = new TextEncoder();

/** The bytes as text when they are valid UTF-8, else null. */
export function utf8OrNull(bytes: Uint8Array): string | null {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return null;
	}
}

export function utf8Bytes(text: string): Uint8Array {
	return encoder.encode(text);
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
