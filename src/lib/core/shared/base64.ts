/** The base64 primitive shared by the base64 codec and the capture readers (HAR and Burp bodies tools wrote in base64). */

/** The six bits each base64 character stands for (both alphabets), -1 for any other ASCII character. */
export const BASE64_SIX_BITS: Readonly<Int16Array> = (() => {
	const table = new Int16Array(128).fill(-1);
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
	table['-'.charCodeAt(0)] = 62;
	table['_'.charCodeAt(0)] = 63;
	return table;
})();

/** Decodes unpadded base64 of either alphabet; the caller has validated the characters. */
export function decodeBase64(body: string): Uint8Array {
	if (body.length >= BYTES_PATH_FROM) {
		const codes = asciiEncoder.encode(body);
		if (codes.length === body.length) return decodeBase64Codes(codes);
	}
	const out = new Uint8Array(Math.floor((body.length * 3) / 4));
	let o = 0;
	let i = 0;
	const full = body.length - (body.length % 4);
	for (; i < full; i += 4) {
		const n =
			(BASE64_SIX_BITS[body.charCodeAt(i)]! << 18) |
			(BASE64_SIX_BITS[body.charCodeAt(i + 1)]! << 12) |
			(BASE64_SIX_BITS[body.charCodeAt(i + 2)]! << 6) |
			BASE64_SIX_BITS[body.charCodeAt(i + 3)]!;
		out[o++] = (n >> 16) & 0xff;
		out[o++] = (n >> 8) & 0xff;
		out[o++] = n & 0xff;
	}
	const rest = body.length - full;
	if (rest >= 2) {
		const n = (BASE64_SIX_BITS[body.charCodeAt(i)]! << 18) | (BASE64_SIX_BITS[body.charCodeAt(i + 1)]! << 12) | (rest === 3 ? BASE64_SIX_BITS[body.charCodeAt(i + 2)]! << 6 : 0);
		out[o++] = (n >> 16) & 0xff;
		if (rest === 3) out[o++] = (n >> 8) & 0xff;
	}
	return out.subarray(0, o);
}

/** From this length the text is turned into bytes first: typed-array reads beat charCodeAt by half. */
const BYTES_PATH_FROM = 1024;
const asciiEncoder = new TextEncoder();
/** BASE64_SIX_BITS widened to every byte value (only ASCII reaches it: the caller checked the length). */
const LOOKUP_BYTES = (() => {
	const table = new Int16Array(256).fill(-1);
	table.set(BASE64_SIX_BITS);
	return table;
})();

/** decodeBase64 over the character codes of an ASCII body: the same result, computed the same way. */
function decodeBase64Codes(codes: Uint8Array): Uint8Array {
	const n = codes.length;
	const out = new Uint8Array(Math.floor((n * 3) / 4));
	let o = 0;
	let i = 0;
	const full = n - (n % 4);
	for (; i < full; i += 4) {
		const v = (LOOKUP_BYTES[codes[i]!]! << 18) | (LOOKUP_BYTES[codes[i + 1]!]! << 12) | (LOOKUP_BYTES[codes[i + 2]!]! << 6) | LOOKUP_BYTES[codes[i + 3]!]!;
		out[o] = v >> 16;
		out[o + 1] = v >> 8;
		out[o + 2] = v;
		o += 3;
	}
	const rest = n - full;
	if (rest >= 2) {
		const v = (LOOKUP_BYTES[codes[i]!]! << 18) | (LOOKUP_BYTES[codes[i + 1]!]! << 12) | (rest === 3 ? LOOKUP_BYTES[codes[i + 2]!]! << 6 : 0);
		out[o++] = (v >> 16) & 0xff;
		if (rest === 3) out[o++] = (v >> 8) & 0xff;
	}
	return out.subarray(0, o);
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard, padded base64 of `bytes` (for showing opaque bytes as text, e.g. in copied JSON). */
export function encodeBase64(bytes: Uint8Array): string {
	const out: string[] = [];
	let line = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		line += BASE64_ALPHABET[n >> 18]! + BASE64_ALPHABET[(n >> 12) & 63]! + BASE64_ALPHABET[(n >> 6) & 63]! + BASE64_ALPHABET[n & 63]!;
		// Many short strings joined once: one ever-growing string would be copied over and over in some engines.
		if (line.length >= 4096) {
			out.push(line);
			line = '';
		}
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i]! << 16;
		line += `${BASE64_ALPHABET[n >> 18]!}${BASE64_ALPHABET[(n >> 12) & 63]!}==`;
	} else if (rest === 2) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
		line += `${BASE64_ALPHABET[n >> 18]!}${BASE64_ALPHABET[(n >> 12) & 63]!}${BASE64_ALPHABET[(n >> 6) & 63]!}=`;
	}
	out.push(line);
	return out.join('');
}
