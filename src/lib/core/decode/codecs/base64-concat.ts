/**
 * Base64 blobs joined end to end, each with its own `=` padding (`eyJhIjoxfQ==eyJiIjoyfQ==`): an SDK that
 * appends encoded records to one string, or an encrypted block followed by its encoded IV or tag. The base64
 * codec refuses padding inside a value (it is not base64), so without this the whole string stays unread.
 * Each piece is decoded on its own and becomes its own child, marked as one piece of the joined value.
 *
 * Turned down unless it is unmistakable: at least two pieces, each at least MIN_PIECE characters before
 * its padding, each padded exactly as an encoder pads it with the unused low bits zero (random text passes
 * that one time in four or sixteen per piece), one alphabet throughout, and a capital letter somewhere.
 */
import { Annotated, failure, type TextCodec, type TreeValue } from '../codec';
import { BASE64_SIX_BITS, decodeBase64 } from '../../shared/base64';

/** Characters of one piece before its padding: shorter runs are keys and words (`cid=`), not blobs. */
const MIN_PIECE = 8;
/** Pieces read at most; more is not a few joined blobs. */
const MAX_PIECES = 64;
const PIECES_SNIFF = 0.85;

/** Where each piece's base64 characters sit (`[start, end)`, padding excluded), or null when the text is not joined base64. */
export function base64Pieces(text: string): Array<[number, number]> | null {
	if (text === lastText) return lastPieces;
	const pieces = findPieces(text);
	lastText = text;
	lastPieces = pieces;
	return pieces;
}

let lastText: string | null = null;
let lastPieces: Array<[number, number]> | null = null;

function findPieces(text: string): Array<[number, number]> | null {
	const n = text.length;
	// Cheap rejections first: padding must sit inside the value, not only at its end.
	const firstPad = text.indexOf('=');
	if (firstPad < MIN_PIECE) return null;
	let after = firstPad;
	while (after < n && text.charCodeAt(after) === 0x3d) after++;
	if (after >= n) return null;
	const pieces: Array<[number, number]> = [];
	let standard = false;
	let urlSafe = false;
	let capital = false;
	let start = 0;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 0x3d) {
			let pad = 0;
			while (i < n && text.charCodeAt(i) === 0x3d) {
				pad++;
				i++;
			}
			if (!validPiece(text, start, i - pad, pad) || pieces.length >= MAX_PIECES) return null;
			pieces.push([start, i - pad]);
			start = i;
			continue;
		}
		if (c >= 128 || BASE64_SIX_BITS[c]! < 0) return null;
		if (c === 0x2b || c === 0x2f) standard = true;
		else if (c === 0x2d || c === 0x5f) urlSafe = true;
		else if (c >= 0x41 && c <= 0x5a) capital = true;
		i++;
	}
	// The last piece may go unpadded when its length needs no padding.
	if (start < n) {
		if (!validPiece(text, start, n, 0) || pieces.length >= MAX_PIECES) return null;
		pieces.push([start, n]);
	}
	if (pieces.length < 2 || (standard && urlSafe) || !capital) return null;
	return pieces;
}

/** A piece as an encoder writes it: long enough, padded to a multiple of four, unused low bits zero. */
function validPiece(text: string, start: number, end: number, pad: number): boolean {
	const length = end - start;
	if (length < MIN_PIECE || pad > 2 || (length + pad) % 4 !== 0) return false;
	const rest = length % 4;
	if (pad === 0) return rest === 0;
	const last = BASE64_SIX_BITS[text.charCodeAt(end - 1)]!;
	return rest === 2 ? (last & 0xf) === 0 : (last & 0x3) === 0;
}

export const base64Concat: TextCodec<'base64-concat'> = {
	id: 'base64-concat',
	label: 'Joined base64',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	minLength: 2 * MIN_PIECE + 1,
	needsOneOf: '=',
	sniff(input) {
		return base64Pieces(input) === null ? 0 : PIECES_SNIFF;
	},
	decode(input, { budget }) {
		const pieces = base64Pieces(input);
		if (pieces === null) return failure('not base64 blobs joined with padding between them');
		const values: TreeValue[] = [];
		for (let p = 0; p < pieces.length; p++) {
			const [start, end] = pieces[p]!;
			const bytes = decodeBase64(input.slice(start, end));
			budget.spendBytes(bytes.length, end - start);
			values.push(new Annotated(bytes, `base64 piece ${p + 1} of ${pieces.length} (characters ${start}–${end} of the joined value)`));
		}
		return { kind: 'tree', value: values, note: `${pieces.length} base64 values joined, each with its own padding: decoded piece by piece` };
	}
};
