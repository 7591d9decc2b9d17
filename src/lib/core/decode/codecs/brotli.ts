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
import { isReadable, utf8OrNull } from '../text';
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

export const brotli: BytesCodec = {
	id: 'brotli',
	label: 'Brotli',
	input: 'bytes',
	output: 'bytes',
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
