import { failure, type BytesCodec } from '../codec';
import { zlibSync } from 'fflate';
import { adler32, hex32, readUint32BE } from './checksums';
import { afterTheData, inflateBounded } from './inflate-stream';

/** True when the first two bytes are a zlib header (RFC 1950): DEFLATE, window ≤ 32 KiB, check bits right. */
export function hasZlibHeader(bytes: Uint8Array): boolean {
	if (bytes.length < 2) return false;
	const cmf = bytes[0]!;
	const flg = bytes[1]!;
	return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** zlib-wrapped DEFLATE (what HTTP `Content-Encoding: deflate` usually means); the Adler-32 is checked. */
export const zlib: BytesCodec<'zlib'> = {
	id: 'zlib',
	label: 'zlib',
	input: 'bytes',
	output: 'bytes',
	sniff(input, hints) {
		if (!hasZlibHeader(input) || input.length < 6) return 0;
		if (hints.contentEncoding === 'deflate') return 1;
		// FDICT streams cannot be read without the dictionary; they are still zlib, but not worth trying first.
		return input[1]! & 0x20 ? 0.3 : 0.9;
	},
	decode(input, ctx) {
		if (!hasZlibHeader(input)) return failure('no zlib header');
		if (input[1]! & 0x20) return failure('zlib stream needs a preset dictionary that is not in the capture');
		const run = inflateBounded(input.subarray(2), 'raw', ctx, input.length);
		if (run.error) return failure(`invalid zlib stream: ${run.error}`);
		if (run.truncated) {
			if (run.size === 0) return failure('truncated zlib stream: it ends before any data could be recovered');
			const bytes = run.take();
			return {
				kind: 'bytes',
				bytes,
				note: `truncated zlib stream: it ends early; the first ${bytes.length.toLocaleString('en-US')} bytes were recovered`
			};
		}
		const bytes = run.take();
		// The Adler-32 sits right after the DEFLATE data (run.end counts from the zlib header's end).
		const trailerAt = 2 + run.end;
		if (trailerAt + 4 > input.length) return { kind: 'bytes', bytes, note: 'zlib stream has no Adler-32 trailer' };
		const notes: string[] = [];
		const stored = readUint32BE(input, trailerAt);
		const computed = adler32(bytes);
		if (stored !== computed) notes.push(`Adler-32 is ${hex32(computed)}, trailer says ${hex32(stored)}: the data may be corrupted`);
		if (trailerAt + 4 < input.length) notes.push(`${afterTheData(input.subarray(trailerAt + 4))} after the zlib data`);
		if (notes.length > 0) return { kind: 'bytes', bytes, note: notes.join('; ') };
		return { kind: 'bytes', bytes };
	},
	encode(next, original) {
		if (!(next instanceof Uint8Array)) return failure('zlib writes bytes');
		if (original.length >= 2 && original[1]! & 0x20) return failure('a zlib stream with a preset dictionary cannot be written back');
		// FLEVEL (the top two bits of the second byte) says how hard the original compressed.
		const level = ([1, 5, 6, 9] as const)[(original[1] ?? 0x9c) >> 6]!;
		return zlibSync(next, { level });
	}
};
