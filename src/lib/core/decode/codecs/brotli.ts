/**
 * Brotli (RFC 7932) through the decoder of the `brotli` package, driven with our own output sink so
 * the budget is checked every time the decoder flushes its ring buffer (at most 16 MiB at a time).
 *
 * Loaded statically: the Codec contract is synchronous, so a dynamic import cannot be awaited here.
 * The decoder is ~30 KB of source plus the 120 KB static dictionary (70 KB compressed in browser builds).
 */
import { BrotliDecompress, type BrotliReadable } from 'brotli/dec/decode.js';
import { LimitExceeded } from '../../limits';
import { failure, type BytesCodec, type DecodeContext } from '../codec';
import { isReadable, utf8OrNull } from '../../shared/text';
import { BoundedSink } from './bounded-sink';

/** Bytes sniff test-decodes when no Content-Encoding says brotli (brotli has no magic bytes). */
const SNIFF_BYTES = 256;
/** Without a hint, larger windows than the common default are too unusual to try blind. */
const SNIFF_MAX_WINDOW_BITS = 22;

/** Streaming sinks tell the decoder their buffer is endless, or it would allocate each meta-block's full size. */
const ENDLESS = { length: Number.POSITIVE_INFINITY };

function reader(bytes: Uint8Array): BrotliReadable {
	let pos = 0;
	return {
		read(buffer, offset, count) {
			const n = Math.min(count, bytes.length - pos);
			buffer.set(bytes.subarray(pos, pos + n), offset);
			pos += n;
			return n;
		}
	};
}

/** The window size a brotli stream declares in its first bits (RFC 7932 §9.1). */
function windowBits(first: number): number | null {
	if ((first & 1) === 0) return 16;
	const n = (first >> 1) & 7;
	if (n !== 0) return 17 + n;
	const m = (first >> 4) & 7;
	if (m === 1) return null; // large-window brotli, not standard
	return m === 0 ? 17 : 8 + m;
}

class StopProbe extends Error {}

/** Whether the start of the input decodes as brotli without a structural error. */
function startsLikeBrotli(input: Uint8Array): boolean {
	const bits = windowBits(input[0]!);
	if (bits === null || bits > SNIFF_MAX_WINDOW_BITS) return false;
	// The decoder allocates its whole window and thousands of table entries before reading a block
	// (≈ 0.1–0.7 ms a call); most random bytes break a rule in the first few header bits instead.
	if (headerBreaksRules(input.subarray(0, SNIFF_BYTES))) return false;
	try {
		BrotliDecompress(reader(input.subarray(0, SNIFF_BYTES)), {
			buffer: ENDLESS,
			write() {
				throw new StopProbe();
			}
		});
		return true;
	} catch (e) {
		return e instanceof StopProbe || (e instanceof Error && /Unexpected end of input/.test(e.message));
	}
}

/** Reading past the probe's bytes: leave the verdict to the decoder itself. */
class OutOfBits extends Error {}

/** LSB-first bits, as brotli packs them. */
class Bits {
	private at = 0;
	private readonly end: number;
	constructor(private readonly bytes: Uint8Array) {
		this.end = bytes.length * 8;
	}
	peek(n: number): number {
		if (this.at + n > this.end) throw new OutOfBits();
		let value = 0;
		for (let k = 0; k < n; k++) {
			const bit = this.at + k;
			value |= ((this.bytes[bit >> 3]! >> (bit & 7)) & 1) << k;
		}
		return value;
	}
	read(n: number): number {
		const value = this.peek(n);
		this.at += n;
		return value;
	}
	skip(n: number): void {
		this.at += n;
	}
	/** Whole bytes left after aligning to the next byte boundary. */
	alignedBytesLeft(): number {
		return (this.end - ((this.at + 7) & ~7)) >> 3;
	}
}

/** RFC 7932 §3.5: the static code for code-length code lengths, indexed by the next 4 bits: [bits, value]. */
const CODE_LENGTH_CODE: ReadonlyArray<readonly [number, number]> = [
	[2, 0], [2, 4], [2, 3], [3, 2], [2, 0], [2, 4], [2, 3], [4, 1],
	[2, 0], [2, 4], [2, 3], [3, 2], [2, 0], [2, 4], [2, 3], [4, 5]
];

function varLenUint8(bits: Bits): number {
	if (bits.read(1) === 0) return 0;
	const n = bits.read(3);
	return n === 0 ? 1 : bits.read(n) + (1 << n);
}

/**
 * The first checks of a prefix code description (RFC 7932 §3.4–3.5), exactly those the `brotli`
 * decoder makes before it builds a table: true when they fail. When they pass, the rest needs the
 * decoder's tables, so the walk stops (OutOfBits).
 */
function prefixCodeBreaksRules(bits: Bits, alphabetSize: number): boolean {
	const kind = bits.read(2);
	if (kind === 1) {
		const count = bits.read(2) + 1;
		let width = 0;
		for (let m = alphabetSize - 1; m > 0; m >>= 1) width++;
		const symbols: number[] = [];
		for (let i = 0; i < count; i++) symbols.push(bits.read(width) % alphabetSize);
		if (new Set(symbols).size !== count) return true;
		throw new OutOfBits();
	}
	let space = 32;
	let codes = 0;
	for (let i = kind; i < 18 && space > 0; i++) {
		const [length, value] = CODE_LENGTH_CODE[bits.peek(4)]!;
		bits.skip(length);
		if (value !== 0) {
			space -= 32 >> value;
			codes++;
		}
	}
	if (!(codes === 1 || space === 0)) return true;
	throw new OutOfBits();
}

/** Context map header (RFC 7932 §7.3) up to its prefix code; true when that code breaks the rules. */
function contextMapBreaksRules(bits: Bits): boolean {
	const trees = varLenUint8(bits) + 1;
	if (trees <= 1) return false;
	const maxRunLengthPrefix = bits.read(1) ? bits.read(4) + 1 : 0;
	return prefixCodeBreaksRules(bits, trees + maxRunLengthPrefix);
}

/**
 * True only when the `brotli` decoder would stop with a structural error (not an early end) within
 * the first meta-block header or its first prefix code: the stream cannot be brotli, and the costly
 * probe can be skipped. Whenever the answer depends on more than these header bits, false.
 */
function headerBreaksRules(input: Uint8Array): boolean {
	const bits = new Bits(input);
	try {
		// WBITS (§9.1): the caller has checked the value; skip its 1, 4 or 7 bits.
		if (bits.read(1) === 1 && bits.read(3) === 0) bits.read(3);
		// The first meta-block header (§9.2).
		const isLast = bits.read(1);
		if (isLast && bits.read(1)) return false;
		const nibbles = bits.read(2) + 4;
		if (nibbles === 7) return bits.read(1) !== 0;
		let length = 0;
		for (let i = 0; i < nibbles; i++) {
			const nibble = bits.read(4);
			if (i + 1 === nibbles && nibbles > 4 && nibble === 0) return true;
			length |= nibble << (i * 4);
		}
		length++;
		if (!isLast && bits.read(1) === 1) {
			// Uncompressed: the decoder copies whole bytes and fails when the input has fewer.
			return length >= 8 && length > bits.alignedBytesLeft();
		}
		const blockTypes = [1, 1, 1];
		for (let i = 0; i < 3; i++) {
			blockTypes[i] = varLenUint8(bits) + 1;
			if (blockTypes[i]! >= 2) return prefixCodeBreaksRules(bits, blockTypes[i]! + 2);
		}
		bits.read(2);
		bits.read(4);
		bits.read(2);
		if (contextMapBreaksRules(bits) || contextMapBreaksRules(bits)) return true;
		return prefixCodeBreaksRules(bits, 256);
	} catch (e) {
		if (e instanceof OutOfBits) return false;
		throw e;
	}
}

function decodeBrotli(input: Uint8Array, ctx: DecodeContext): Uint8Array {
	const sink = new BoundedSink(ctx, input.length);
	BrotliDecompress(reader(input), {
		buffer: ENDLESS,
		write(buffer, count) {
			// The decoder reuses its ring buffer, so keep a copy.
			sink.push(buffer.slice(0, count));
			ctx.budget.checkTime();
			return count;
		}
	});
	return sink.finish();
}

export const brotli: BytesCodec<'brotli'> = {
	id: 'brotli',
	label: 'Brotli',
	input: 'bytes',
	output: 'bytes',
	magicless: true,
	sniff(input, hints) {
		if (input.length === 0) return 0;
		if (hints.contentEncoding === 'br') return 1;
		if (input.length < 4) return 0;
		const text = utf8OrNull(input);
		if (text !== null && isReadable(text)) return 0;
		return startsLikeBrotli(input) ? 0.3 : 0;
	},
	decode(input, ctx) {
		if (input.length === 0) return failure('no data');
		if (windowBits(input[0]!) === null) return failure('large-window brotli is not supported');
		try {
			return { kind: 'bytes', bytes: decodeBrotli(input, ctx) };
		} catch (e) {
			if (e instanceof LimitExceeded) throw e;
			const message = e instanceof Error ? e.message : String(e);
			if (/Unexpected end of input/.test(message)) return failure('truncated brotli stream: it ends before its last block');
			return failure(`invalid brotli stream: ${message.replace(/^\[\w+\]\s*/, '')}`);
		}
	}
};
