import { failure, type TextCodec } from '../codec';

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
const WHITESPACE = /[\s]+/g;

/** Base64 in the standard or URL-safe alphabet, padded or not, with line breaks. */
export const base64: TextCodec = {
	id: 'base64',
	label: 'Base64',
	input: 'text',
	output: 'bytes',
	sniff(input) {
		const s = input.replace(WHITESPACE, '');
		if (s.length < 8) return 0;
		if (!STANDARD.test(s) && !URL_SAFE.test(s)) return 0;
		if (s.length % 4 === 1) return 0;
		// Strings made only of letters (words) or only of digits (numbers) are rarely base64.
		const hasUpper = /[A-Z]/.test(s);
		const hasLower = /[a-z]/.test(s);
		const hasDigitOrSymbol = /[0-9+/_-]/.test(s);
		let score = 0.4;
		if (hasUpper && hasLower) score += 0.2;
		if (hasDigitOrSymbol) score += 0.2;
		if (s.length % 4 === 0) score += 0.1;
		if (s.length >= 24) score += 0.1;
		return Math.min(score, 1);
	},
	decode(input, { budget }) {
		const s = input.replace(WHITESPACE, '');
		const body = s.replace(/=+$/, '');
		if (!STANDARD.test(s) && !URL_SAFE.test(s)) return failure('characters outside the base64 alphabets');
		if (body.length % 4 === 1) return failure('length is not a valid base64 length');
		const bytes = decodeBase64(body);
		budget.spendBytes(bytes.length, input.length);
		return { kind: 'bytes', bytes };
	}
};

const LOOKUP = (() => {
	const table = new Int16Array(128).fill(-1);
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
	table['-'.charCodeAt(0)] = 62;
	table['_'.charCodeAt(0)] = 63;
	return table;
})();

/** Decodes unpadded base64 of either alphabet; the caller has validated the characters. */
export function decodeBase64(body: string): Uint8Array {
	const out = new Uint8Array(Math.floor((body.length * 3) / 4));
	let o = 0;
	let i = 0;
	const full = body.length - (body.length % 4);
	for (; i < full; i += 4) {
		const n =
			(LOOKUP[body.charCodeAt(i)]! << 18) |
			(LOOKUP[body.charCodeAt(i + 1)]! << 12) |
			(LOOKUP[body.charCodeAt(i + 2)]! << 6) |
			LOOKUP[body.charCodeAt(i + 3)]!;
		out[o++] = (n >> 16) & 0xff;
		out[o++] = (n >> 8) & 0xff;
		out[o++] = n & 0xff;
	}
	const rest = body.length - full;
	if (rest >= 2) {
		const n = (LOOKUP[body.charCodeAt(i)]! << 18) | (LOOKUP[body.charCodeAt(i + 1)]! << 12) | (rest === 3 ? LOOKUP[body.charCodeAt(i + 2)]! << 6 : 0);
		out[o++] = (n >> 16) & 0xff;
		if (rest === 3) out[o++] = (n >> 8) & 0xff;
	}
	return out.subarray(0, o);
}
