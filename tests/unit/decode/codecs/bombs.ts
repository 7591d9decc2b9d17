/** Decompression bombs built cheaply: repeated compressed blocks instead of compressing gigabytes. */
import { constants, crc32 as nodeCrc32, deflateRawSync } from 'node:zlib';

const MiB = 1024 * 1024;

/**
 * Raw DEFLATE that inflates to `mebibytes` MiB of zeros: one sync-flushed block of 1 MiB of zeros,
 * repeated (each copy only refers back into its own output), then an empty final block.
 */
export function deflateZeroBomb(mebibytes: number): Buffer {
	const block = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_SYNC_FLUSH });
	const end = deflateRawSync(Buffer.alloc(0));
	return Buffer.concat([...Array.from({ length: mebibytes }, () => block), end]);
}

/** A gzip member around deflateZeroBomb, with the right CRC-32 and ISIZE. */
export function gzipZeroBomb(mebibytes: number): Buffer {
	const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
	const zeros = Buffer.alloc(MiB);
	let crc = 0;
	for (let i = 0; i < mebibytes; i++) crc = nodeCrc32(zeros, crc);
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc >>> 0, 0);
	trailer.writeUInt32LE((mebibytes * MiB) % 2 ** 32, 4);
	return Buffer.concat([header, deflateZeroBomb(mebibytes), trailer]);
}

/** A zlib stream around deflateZeroBomb (the Adler-32 is never reached: the limit stops it first). */
export function zlibZeroBomb(mebibytes: number): Buffer {
	return Buffer.concat([Buffer.from([0x78, 0x9c]), deflateZeroBomb(mebibytes), Buffer.from([0, 0, 0, 0])]);
}

/**
 * A zstd frame of RLE blocks (4 bytes each for 128 KiB of zeros) with no declared content size,
 * so only the streaming limit can stop it.
 */
export function zstdZeroBomb(mebibytes: number): Uint8Array {
	const blocks = mebibytes * 8;
	const out = new Uint8Array(6 + blocks * 4);
	out.set([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50]); // magic, no size/checksum, window 1 MiB
	for (let i = 0; i < blocks; i++) {
		const last = i === blocks - 1 ? 1 : 0;
		const header = last | (1 << 1) | (131072 << 3);
		out.set([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0], 6 + i * 4);
	}
	return out;
}
