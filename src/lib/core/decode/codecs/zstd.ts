/**
 * Zstandard (RFC 8878) through fzstd's streaming decoder. Before decoding, the frames are walked
 * (headers and block headers only) so that a declared window or content size beyond the budget is
 * refused before fzstd allocates it, and so that trailing garbage is caught.
 *
 * Loaded statically (the Codec contract is synchronous); fzstd is ~8 KB minified.
 * The optional XXH64 content checksum is not verified (fzstd skips it).
 */
import { Decompress } from 'fzstd';
import { LimitExceeded } from '../../limits';
import { formatBytes } from '../../shared/bytes';
import { failure, type BytesCodec } from '../codec';
import { BoundedSink } from './bounded-sink';
import { readUint32LE } from './checksums';
import { ZSTD_MAGIC } from '../../shared/magic';

const MAGIC = readUint32LE(Uint8Array.from(ZSTD_MAGIC), 0);

interface FrameWalk {
	/** Largest window any frame needs. */
	window: number;
	/** Sum of the content sizes that frames declare. */
	declared: number;
	frames: number;
}

/** Walks every frame's header and block headers; returns why the data is not zstd, or what it declares. */
function walkFrames(input: Uint8Array): FrameWalk | string {
	let at = 0;
	const walk: FrameWalk = { window: 0, declared: 0, frames: 0 };
	while (at < input.length) {
		if (input.length - at < 8) return `${input.length - at} stray bytes at offset ${at}`;
		const magic = readUint32LE(input, at);
		if (magic >>> 4 === 0x184d2a5) {
			// Skippable frame: 4-byte size, then data nobody needs.
			at += 8 + readUint32LE(input, at + 4);
			if (at > input.length) return 'truncated zstd stream: a skippable frame runs past the end';
			continue;
		}
		if (magic !== MAGIC) return at === 0 ? 'no zstd magic bytes (28 b5 2f fd)' : `no zstd frame at offset ${at}`;
		const descriptor = input[at + 4]!;
		if (descriptor & 0x08) return `zstd frame at offset ${at} has its reserved bit set`;
		const singleSegment = (descriptor >> 5) & 1;
		const sizeFlag = descriptor >> 6;
		const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
		let p = at + 5;
		let window = 0;
		if (!singleSegment) {
			const w = input[p++]!;
			const base = 2 ** (10 + (w >> 3));
			window = base + (base / 8) * (w & 7);
		}
		let dictionary = 0;
		for (let i = 0; i < dictionaryBytes; i++) dictionary += input[p + i]! * 2 ** (8 * i);
		if (dictionary !== 0) return `zstd frame needs dictionary ${dictionary}, which is not in the capture`;
		p += dictionaryBytes;
		const sizeBytes = sizeFlag === 0 ? singleSegment : 1 << sizeFlag;
		if (p + sizeBytes > input.length) return 'truncated zstd stream: the frame header is incomplete';
		let contentSize = 0;
		for (let i = 0; i < sizeBytes; i++) contentSize += input[p + i]! * 2 ** (8 * i);
		if (sizeBytes === 2) contentSize += 256;
		p += sizeBytes;
		if (singleSegment) window = contentSize;
		if (sizeBytes > 0) walk.declared += contentSize;
		walk.window = Math.max(walk.window, window);
		for (;;) {
			if (p + 3 > input.length) return 'truncated zstd stream: it ends inside a frame';
			const header = input[p]! | (input[p + 1]! << 8) | (input[p + 2]! << 16);
			const type = (header >> 1) & 3;
			const size = header >>> 3;
			if (type === 3) return `zstd block at offset ${p} has the reserved type`;
			if (size > 128 * 1024) return `zstd block at offset ${p} is larger than 128 KiB`;
			p += 3 + (type === 1 ? 1 : size);
			if (p > input.length) return 'truncated zstd stream: a block runs past the end';
			if (header & 1) break;
		}
		if (descriptor & 0x04) p += 4;
		if (p > input.length) return 'truncated zstd stream: the checksum is missing';
		walk.frames++;
		at = p;
	}
	return walk.frames === 0 ? 'no zstd frame, only skippable frames' : walk;
}

export const zstd: BytesCodec<'zstd'> = {
	id: 'zstd',
	label: 'Zstandard',
	input: 'bytes',
	output: 'bytes',
	sniff(input, hints) {
		if (input.length < 8) return 0;
		const magic = readUint32LE(input, 0);
		if (magic !== MAGIC && magic >>> 4 !== 0x184d2a5) return 0;
		return hints.contentEncoding === 'zstd' ? 1 : 0.95;
	},
	decode(input, ctx) {
		const walk = walkFrames(input);
		if (typeof walk === 'string') return failure(walk);
		const { maxBytesPerNode } = ctx.budget.limits;
		if (walk.window > maxBytesPerNode) {
			throw new LimitExceeded('bytes-per-node', `zstd window of ${formatBytes(walk.window)} is larger than ${formatBytes(maxBytesPerNode)}`);
		}
		const sink = new BoundedSink(ctx, input.length);
		sink.refuse(walk.declared);
		const stream = new Decompress((chunk) => {
			sink.push(chunk);
			ctx.budget.checkTime();
		});
		try {
			stream.push(input, true);
		} catch (e) {
			if (e instanceof LimitExceeded) throw e;
			return failure(`invalid zstd stream: ${e instanceof Error ? e.message : String(e)}`);
		}
		const bytes = sink.finish();
		return walk.frames > 1 ? { kind: 'bytes', bytes, note: `${walk.frames} zstd frames` } : { kind: 'bytes', bytes };
	}
};
