import { failure, type TextCodec } from '../codec';
import { utf8OrNull } from '../../shared/text';

const ESCAPE = /%[0-9A-Fa-f]{2}/g;
const UNICODE_ESCAPE = /%u[0-9A-Fa-f]{4}/;
/** Escapes that only make sense when the text was really percent-encoded (not a stray `%`). */
const TELLING = /%(?:0[9ADad]|2[0-9A-Fa-f]|3[A-Fa-f]|40|5[B-Eb-e]|60|7[B-Db-d]|[C-Fc-f][0-9A-Fa-f])/;

const encoder = new TextEncoder();
/** Sniffing looks at this much of a long value. */
const SNIFF_SAMPLE = 64 * 1024;

/**
 * Percent-decodes `text` (`+` as space when `plusAsSpace`, as in forms and query strings).
 * Returns a string when the decoded bytes are UTF-8, else the bytes: binary hidden behind
 * `%XX` escapes is shown as bytes rather than as replacement characters.
 */
export function percentDecode(text: string, plusAsSpace: boolean): string | Uint8Array {
	const hasPercent = text.includes('%');
	if (!hasPercent) return plusAsSpace && text.includes('+') ? text.replaceAll('+', ' ') : text;
	// Query values are decoded by the thousand: ASCII whose every `%` starts an escape decodes natively.
	// decodeURIComponent rejects exactly what strict UTF-8 rejects; a leading BOM (which TextDecoder
	// drops) and anything it rejects take the byte path below.
	if (asciiWithWellFormedEscapes(text)) {
		try {
			const decoded = decodeURIComponent(plusAsSpace ? text.replaceAll('+', ' ') : text);
			if (decoded.charCodeAt(0) !== 0xfeff) return decoded;
		} catch {
			// Escapes that are not UTF-8: the bytes are returned below.
		}
	}
	// Worst case: every UTF-16 unit of plain text takes 3 UTF-8 bytes.
	const out = new Uint8Array(text.length * 3);
	let o = 0;
	let runStart = 0;
	const flush = (end: number) => {
		if (end > runStart) o += encoder.encodeInto(text.slice(runStart, end), out.subarray(o)).written;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x25 /* % */ && i + 2 < text.length && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
			flush(i);
			out[o++] = (hexValue(text.charCodeAt(i + 1)) << 4) | hexValue(text.charCodeAt(i + 2));
			i += 2;
			runStart = i + 1;
		} else if (c === 0x2b /* + */ && plusAsSpace) {
			flush(i);
			out[o++] = 0x20;
			runStart = i + 1;
		}
	}
	flush(text.length);
	const bytes = out.slice(0, o);
	return utf8OrNull(bytes) ?? bytes;
}

/** Past this length a native scan beats the loop (a Sensors batch's data_list is ~185,000 characters). */
const LOOP_MAX = 256;
/** A character outside ASCII, or a `%` that does not start an escape. */
const NOT_ASCII_OR_STRAY_PERCENT = /[^\x00-\x7f]|%(?![0-9A-Fa-f]{2})/;

function asciiWithWellFormedEscapes(text: string): boolean {
	if (text.length > LOOP_MAX) return !NOT_ASCII_OR_STRAY_PERCENT.test(text);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x80) return false;
		if (c === 0x25 /* % */) {
			if (i + 2 >= text.length || !isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return false;
			i += 2;
		}
	}
	return true;
}

/** JavaScript's legacy `escape()`: `%uXXXX` for UTF-16 units and `%XX` for Latin-1 characters. */
function unescapeLegacy(text: string): string {
	return text.replace(/%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})/g, (_, u: string | undefined, x: string | undefined) =>
		String.fromCharCode(parseInt((u ?? x)!, 16))
	);
}

/** Percent-encoding (`%XX` escapes of UTF-8 bytes, or JavaScript `escape()`'s `%uXXXX`). */
export const percent: TextCodec<'percent'> = {
	id: 'percent',
	label: 'Percent-encoding',
	input: 'text',
	output: 'text',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		if (!input.includes('%')) return 0;
		const sample = input.length > SNIFF_SAMPLE ? input.slice(0, SNIFF_SAMPLE) : input;
		// Encoders escape line breaks; a document with raw ones (HTML, logs) merely contains a `%20` or two.
		if (/[\r\n]/.test(sample) || sample.trimStart().startsWith('<')) return 0;
		const escapes = sample.match(ESCAPE)?.length ?? 0;
		const unicode = UNICODE_ESCAPE.test(sample);
		if (escapes === 0 && !unicode) return 0;
		// Encoded URLs and JSON are unmistakable.
		if (/^(?:https?|wss?|ftp)%3A%2F%2F/i.test(input) || /^%7B%22|^%5B%7B|^%5B%22/i.test(input)) return 0.95;
		if (unicode) return 0.8;
		if (!TELLING.test(input)) return 0.2;
		const density = (escapes * 3) / sample.length;
		// Raw spaces next to escapes: partly encoded prose, weak unless escapes dominate.
		if (sample.includes(' ') && density < 0.2) return 0.25;
		if (escapes >= 3 || density > 0.2) return 0.75;
		return escapes >= 2 ? 0.6 : 0.45;
	},
	decode(input, { budget }) {
		if (UNICODE_ESCAPE.test(input)) {
			const text = unescapeLegacy(input);
			if (text === input) return failure('no escapes to decode');
			return { kind: 'text', text, note: 'JavaScript escape() encoding' };
		}
		const decoded = percentDecode(input, false);
		if (typeof decoded === 'string') {
			if (decoded === input) return failure('no %XX escapes');
			return { kind: 'text', text: decoded };
		}
		budget.spendBytes(decoded.length, input.length);
		return { kind: 'bytes', bytes: decoded, note: 'escaped bytes are not UTF-8 text' };
	},
	encode(next, original) {
		if (typeof next !== 'string' && !(next instanceof Uint8Array)) return failure('percent-encoding writes text or bytes');
		// Characters the original left as they were stay so; everything else is escaped (UTF-8 bytes, or
		// `%uXXXX` for JavaScript escape()).
		const legacy = UNICODE_ESCAPE.test(original);
		const raw = rawCharacters(original);
		const bytes = typeof next === 'string' ? (legacy ? null : encoder.encode(next)) : next;
		let out = '';
		if (bytes === null) {
			for (const ch of next as string) {
				const c = ch.codePointAt(0)!;
				if (c < 0x80 && raw.has(c)) out += ch;
				else if (c < 0x80) out += `%${hex2(c)}`;
				else for (let k = 0; k < ch.length; k++) out += `%u${ch.charCodeAt(k).toString(16).toUpperCase().padStart(4, '0')}`;
			}
			return out;
		}
		for (const b of bytes) out += b < 0x80 && raw.has(b) ? String.fromCharCode(b) : `%${hex2(b)}`;
		return out;
	}
};

function hex2(n: number): string {
	return n.toString(16).toUpperCase().padStart(2, '0');
}

/** ASCII characters that appear unescaped in `text` (`%` never counts: it always starts an escape on the way back). */
function rawCharacters(text: string): Set<number> {
	const raw = new Set<number>();
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x25) {
			i += text[i + 1] === 'u' ? 5 : 2;
			continue;
		}
		if (c < 0x80) raw.add(c);
	}
	return raw;
}

function isHex(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
	return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}
