import { failure, type BytesCodec, type DecodeContext } from '../codec';
import { gzipSync } from 'fflate';
import { GZIP_MAGIC, startsWithMagic } from '../../shared/magic';
import { crc32, hex32, readUint32LE } from './checksums';
import { afterTheData, inflateBounded, inflateRawInto, type InflateOutcome } from './inflate-stream';

const FEXTRA = 4;
const FNAME = 8;
const RESERVED_FLAGS = 0xe0;

/** True when the bytes start with a gzip member header (magic, DEFLATE method, no reserved flags). */
export function hasGzipHeader(bytes: Uint8Array): boolean {
	return bytes.length >= 10 && startsWithMagic(bytes, GZIP_MAGIC) && bytes[2] === 8 && (bytes[3]! & RESERVED_FLAGS) === 0;
}

/** The original file name stored in the first member's header, if any. */
function storedName(bytes: Uint8Array): string | null {
	const flags = bytes[3]!;
	if (!(flags & FNAME)) return null;
	let at = 10;
	if (flags & FEXTRA) at += 2 + (bytes[10]! | (bytes[11]! << 8));
	const end = bytes.indexOf(0, at);
	if (end < 0 || end - at > 255) return null;
	return String.fromCharCode(...bytes.subarray(at, end));
}

/** gzip (RFC 1952), single or multi-member; every member's CRC-32 and length are checked. */
export const gzip: BytesCodec<'gzip'> = {
	id: 'gzip',
	label: 'gzip',
	input: 'bytes',
	output: 'bytes',
	sniff(input, hints) {
		if (!hasGzipHeader(input)) return 0;
		return hints.contentEncoding === 'gzip' || hints.contentEncoding === 'x-gzip' ? 1 : 0.95;
	},
	decode(input, ctx) {
		if (!startsWithMagic(input, GZIP_MAGIC)) return failure('no gzip magic bytes (1f 8b)');
		if (input.length < 10) return failure(`truncated gzip stream: the header needs 10 bytes, got ${input.length}`);
		if (input[2] !== 8) return failure(`gzip compression method ${input[2]} is not DEFLATE (8)`);
		if (input[3]! & RESERVED_FLAGS) return failure('gzip header has reserved flag bits set');

		const single = oneShotSingleMember(input, ctx);
		if (single !== null) {
			ctx.budget.spendBytes(single.length, input.length);
			return { kind: 'bytes', bytes: single };
		}
		const run = inflateBounded(input, 'gzip', ctx);
		if (run.error) return failure(`invalid gzip stream: ${run.error}`);
		if (run.truncated) {
			if (run.size === 0) return failure('truncated gzip stream: it ends before any data could be recovered');
			const bytes = run.take();
			return {
				kind: 'bytes',
				bytes,
				note: `truncated gzip stream: it ends early; the first ${bytes.length.toLocaleString('en-US')} bytes were recovered`
			};
		}

		const bytes = run.take();
		const notes: string[] = [];
		if (run.members.length > 1) notes.push(`${run.members.length} gzip members`);
		const name = storedName(input);
		if (name) notes.push(`stored file name "${name}"`);
		notes.push(...trailerNotes(input, bytes, run.members));
		if (run.end < input.length) notes.push(`${afterTheData(input.subarray(run.end))} after the gzip data`);
		return notes.length > 0 ? { kind: 'bytes', bytes, note: notes.join('; ') } : { kind: 'bytes', bytes };
	},
	encode(next, original) {
		if (!(next instanceof Uint8Array)) return failure('gzip writes bytes');
		// One member with the original's modification time and file name; the compressed bytes differ, what
		// they inflate to is `next`.
		const mtime = original.length >= 8 ? readUint32LE(original, 4) : 0;
		const filename = storedName(original) ?? undefined;
		const level = original[8] === 2 ? 9 : original[8] === 4 ? 1 : 6;
		return gzipSync(next, { level, mtime: mtime * 1000, ...(filename ? { filename } : {}) });
	}
};

/** What the members' trailers (CRC-32 and size of each member's data) say about the output. */
function trailerNotes(input: Uint8Array, output: Uint8Array, members: InflateOutcome['members']): string[] {
	const bad: string[] = [];
	let cut: number | null = null;
	let start = 0;
	members.forEach((member, i) => {
		const content = output.subarray(start, member.outputEnd);
		start = member.outputEnd;
		const at = member.trailerAt;
		// Only the last member can run into the end of the input.
		if (at + TRAILER > input.length) {
			cut = i + 1;
			return;
		}
		const storedCrc = readUint32LE(input, at);
		const storedSize = readUint32LE(input, at + 4);
		const crc = crc32(content);
		if (crc !== storedCrc) bad.push(`member ${i + 1} CRC-32 is ${hex32(crc)}, trailer says ${hex32(storedCrc)}`);
		else if (storedSize !== content.length % 2 ** 32) bad.push(`member ${i + 1} is ${content.length} bytes, trailer says ${storedSize}`);
	});
	const notes: string[] = [];
	if (bad.length > 0) notes.push(`checksum mismatch (${bad.join('; ')}): the data may be corrupted`);
	if (cut !== null) notes.push(`truncated gzip stream: the trailer of member ${cut} is cut short, so its checksum was not checked`);
	return notes;
}

/**
 * A single plain member is inflated first in one call, into a buffer of the size its trailer declares:
 * no stream set-up, no output chunks to join. The result is kept only when the streaming path would
 * return the same bytes without a note: a plain 10-byte header, a DEFLATE stream that ends exactly
 * where the trailer starts, and an output of the declared size and CRC-32. Anything else (more
 * members, trailing bytes, corruption, a lying size) goes the streaming way. The buffer bounds the
 * work: a trailer that lies about a bomb costs at most the decoding of the size it declares, which the
 * budget allows.
 */
const HEADER = 10;
const TRAILER = 8;

export function oneShotSingleMember(input: Uint8Array, ctx: DecodeContext): Uint8Array | null {
	if (input.length < HEADER + TRAILER + 2 || !hasGzipHeader(input) || input[3] !== 0) return null;
	const declared = readUint32LE(input, input.length - 4);
	if (declared === 0 || declared > ctx.budget.allowanceFor(input.length)) return null;
	const deflate = input.subarray(HEADER, input.length - TRAILER);
	// One byte more than declared: a longer output fills it and is seen.
	const out = new Uint8Array(declared + 1);
	const run = inflateRawInto(deflate, out);
	if (run === null || run.consumed !== deflate.length || run.produced !== declared) return null;
	const bytes = out.subarray(0, declared);
	if (crc32(bytes) !== readUint32LE(input, input.length - TRAILER)) return null;
	ctx.budget.checkTime();
	return bytes;
}
