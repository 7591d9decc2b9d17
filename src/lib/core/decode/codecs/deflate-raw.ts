import { failure, type BytesCodec } from '../codec';
import { deflateSync } from 'fflate';
import { isReadable, utf8OrNull } from '../../shared/text';
import { afterTheData, inflateBounded, startsAsRawDeflate } from './inflate-stream';
import { hasZlibHeader } from './zlib';

/** How much of the input sniff test-inflates; enough to reject most non-DEFLATE data, small enough to stay cheap. */
const SNIFF_BYTES = 64;

/** Whether the first bytes inflate without error (raw DEFLATE has no magic to look at). */
function startsLikeDeflate(input: Uint8Array): boolean {
	// BTYPE 11 is reserved; every other first block type is possible.
	if (input.length < 2 || ((input[0]! >> 1) & 3) === 3) return false;
	return startsAsRawDeflate(input, SNIFF_BYTES);
}

/**
 * Raw DEFLATE (RFC 1951) with no wrapper: what some SDKs send, and what some servers mean by HTTP
 * `Content-Encoding: deflate`. It has no magic and no checksum, so sniffing it blind is a guess.
 */
export const deflateRaw: BytesCodec<'deflate'> = {
	id: 'deflate',
	label: 'raw DEFLATE',
	input: 'bytes',
	output: 'bytes',
	magicless: true,
	sniff(input, hints) {
		if (input.length < 2) return 0;
		if (hints.contentEncoding === 'deflate') return hasZlibHeader(input) ? 0.3 : 1;
		if (hasZlibHeader(input)) return 0;
		const text = utf8OrNull(input.subarray(0, SNIFF_BYTES));
		if (text !== null && isReadable(text)) return 0;
		return startsLikeDeflate(input) ? 0.3 : 0;
	},
	decode(input, ctx) {
		if (input.length === 0) return failure('no data');
		const run = inflateBounded(input, 'raw', ctx);
		if (run.error) return failure(`invalid DEFLATE stream: ${run.error}`);
		if (run.truncated) {
			if (run.size === 0) return failure('truncated DEFLATE stream: it ends before any data could be recovered');
			const bytes = run.take();
			return {
				kind: 'bytes',
				bytes,
				note: `truncated DEFLATE stream: it ends early; the first ${bytes.length.toLocaleString('en-US')} bytes were recovered`
			};
		}
		if (run.size === 0) return failure('DEFLATE stream holds no data');
		if (run.end < input.length) return { kind: 'bytes', bytes: run.take(), note: `${afterTheData(input.subarray(run.end))} after the DEFLATE data` };
		return { kind: 'bytes', bytes: run.take() };
	},
	encode(next) {
		if (!(next instanceof Uint8Array)) return failure('DEFLATE writes bytes');
		return deflateSync(next, { level: 6 });
	}
};
