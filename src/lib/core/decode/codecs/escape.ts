import { failure, type TextCodec } from '../codec';
import { utf8OrNull } from '../../shared/text';

const UNICODE_ESCAPE = /\\u(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]{1,6}\})/g;
const BYTE_ESCAPE = /\\x[0-9A-Fa-f]{2}/g;
const ESCAPED_JSON_OPENING = /^\s*(?:\{\\"|\[\{\\"|\[\\")/;
/** Sniffing looks at this much; escapes are spread through a value, so the start is representative. */
const SNIFF_SAMPLE = 64 * 1024;

const SIMPLE: Record<string, string> = {
	n: '\n',
	r: '\r',
	t: '\t',
	b: '\b',
	f: '\f',
	v: '\v',
	'"': '"',
	"'": "'",
	'\\': '\\',
	'/': '/'
};

/**
 * Backslash escapes (`\uXXXX`, `\xXX`, `\n`, `\"`) in text that is not itself JSON: escaped JSON
 * pasted without its quotes, JavaScript string literals, logged strings. Runs of `\xXX` are read as
 * UTF-8 when they form it, else as Latin-1.
 */
export const escape: TextCodec<'escape'> = {
	id: 'escape',
	label: 'Backslash escapes',
	input: 'text',
	output: 'text',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		if (!input.includes('\\')) return 0;
		const s = input.length > SNIFF_SAMPLE ? input.slice(0, SNIFF_SAMPLE) : input;
		// Escaped text has its line breaks escaped too; source code and HTML with a `\"` inside do not.
		if (/[\r\n]/.test(s) || s.trimStart().startsWith('<')) return 0;
		// A quoted JSON string is the JSON codec's.
		if (s.length === input.length && /^\s*"[\s\S]*"\s*$/.test(s)) return 0.1;
		const unicode = s.match(UNICODE_ESCAPE)?.length ?? 0;
		const bytes = s.match(BYTE_ESCAPE)?.length ?? 0;
		const quotes = s.split('\\"').length - 1;
		if (unicode + bytes + quotes === 0) return 0;
		if (ESCAPED_JSON_OPENING.test(s)) return 0.85;
		if (unicode + bytes >= 2) return 0.75;
		if (unicode + bytes === 1) return 0.55;
		return 0.45;
	},
	decode(input) {
		const text = unescapeBackslashes(input);
		if (text === input) return failure('no backslash escapes');
		return { kind: 'text', text };
	},
	encode(next, original) {
		if (typeof next !== 'string') return failure('backslash escapes write text');
		// The escapes the original used: `\uXXXX` for what is not printable ASCII when it used them, and
		// always for backslashes, quotes and control characters.
		const unicode = /\\u[0-9A-Fa-f]{4}/.test(original);
		const slash = original.includes('\\/');
		let out = '';
		for (let i = 0; i < next.length; i++) {
			const ch = next[i]!;
			const c = next.charCodeAt(i);
			if (ch === '\\') out += '\\\\';
			else if (ch === '"') out += '\\"';
			else if (ch === '/' && slash) out += '\\/';
			else if (ch === '\n') out += '\\n';
			else if (ch === '\r') out += '\\r';
			else if (ch === '\t') out += '\\t';
			else if (c < 0x20 || c === 0x7f || (c >= 0x80 && unicode)) out += `\\u${c.toString(16).padStart(4, '0')}`;
			else out += ch;
		}
		return out;
	}
};

export function unescapeBackslashes(input: string): string {
	let out = '';
	let runStart = 0;
	let i = input.indexOf('\\');
	if (i < 0) return input;
	while (i >= 0 && i < input.length - 1) {
		out += input.slice(runStart, i);
		const next = input[i + 1]!;
		let consumed = 2;
		let replacement: string | null = null;
		if (next === 'u') {
			const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(input.slice(i + 2, i + 10));
			const four = input.slice(i + 2, i + 6);
			if (braced && parseInt(braced[1]!, 16) <= 0x10ffff) {
				replacement = String.fromCodePoint(parseInt(braced[1]!, 16));
				consumed = 2 + braced[0].length;
			} else if (/^[0-9A-Fa-f]{4}$/.test(four)) {
				replacement = String.fromCharCode(parseInt(four, 16));
				consumed = 6;
			}
		} else if (next === 'x') {
			const run: number[] = [];
			let j = i;
			while (input[j] === '\\' && input[j + 1] === 'x' && /^[0-9A-Fa-f]{2}$/.test(input.slice(j + 2, j + 4))) {
				run.push(parseInt(input.slice(j + 2, j + 4), 16));
				j += 4;
			}
			if (run.length > 0) {
				const bytes = Uint8Array.from(run);
				replacement = utf8OrNull(bytes) ?? latin1(bytes);
				consumed = j - i;
			}
		} else if (next === '0' && !/[0-9]/.test(input[i + 2] ?? '')) {
			replacement = '\0';
		} else if (Object.hasOwn(SIMPLE, next)) {
			replacement = SIMPLE[next]!;
		}
		out += replacement ?? input.slice(i, i + consumed);
		runStart = i + consumed;
		i = input.indexOf('\\', runStart);
	}
	return out + input.slice(runStart);
}

function latin1(bytes: Uint8Array): string {
	let s = '';
	for (let k = 0; k < bytes.length; k += 8192) s += String.fromCharCode(...bytes.subarray(k, k + 8192));
	return s;
}
