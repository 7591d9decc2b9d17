/** The two checksums compressed containers carry; the libraries we use do not verify them. */

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (IEEE, as in gzip and PNG); pass the previous value to continue over several chunks. */
export function crc32(bytes: Uint8Array, previous = 0): number {
	let c = ~previous >>> 0;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return ~c >>> 0;
}

/** Adler-32 (as in zlib). */
export function adler32(bytes: Uint8Array): number {
	let a = 1;
	let b = 0;
	// 5552 is the largest run before b can overflow 2^32 (the figure zlib uses).
	for (let i = 0; i < bytes.length; ) {
		const end = Math.min(i + 5552, bytes.length);
		for (; i < end; i++) {
			a += bytes[i]!;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return ((b << 16) | a) >>> 0;
}

export function readUint32LE(bytes: Uint8Array, at: number): number {
	return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

export function readUint32BE(bytes: Uint8Array, at: number): number {
	return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

export function hex32(n: number): string {
	return n.toString(16).padStart(8, '0');
}
