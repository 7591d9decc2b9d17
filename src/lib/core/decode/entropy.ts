/** Honest verdicts for bytes nothing could decode: what they look like, never a guess dressed as a result. */

/** Shannon entropy in bits per byte (0..8). */
export function shannonEntropy(bytes: Uint8Array): number {
	if (bytes.length === 0) return 0;
	const counts = new Uint32Array(256);
	for (let i = 0; i < bytes.length; i++) counts[bytes[i]!]!++;
	let h = 0;
	for (let i = 0; i < 256; i++) {
		const c = counts[i]!;
		if (c === 0) continue;
		const p = c / bytes.length;
		h -= p * Math.log2(p);
	}
	return h;
}

interface Magic {
	name: string;
	bytes: number[];
	offset?: number;
}

const MAGICS: Magic[] = [
	{ name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
	{ name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
	{ name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
	{ name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
	{ name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
	{ name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ name: 'gzip data', bytes: [0x1f, 0x8b] },
	{ name: 'Zstandard data', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
	{ name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
	{ name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
	{ name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
	{ name: 'Dalvik executable (DEX)', bytes: [0x64, 0x65, 0x78, 0x0a] }
];

export function magicName(bytes: Uint8Array): string | null {
	for (const m of MAGICS) {
		const at = m.offset ?? 0;
		if (bytes.length < at + m.bytes.length) continue;
		if (m.bytes.every((b, i) => bytes[at + i] === b)) return m.name;
	}
	return null;
}

/** A one-line verdict for undecodable bytes. */
export function describeOpaque(bytes: Uint8Array): string {
	const magic = magicName(bytes);
	if (magic) return `${magic} (${bytes.length.toLocaleString('en-US')} bytes)`;
	const h = shannonEntropy(bytes);
	const bits = `${h.toFixed(1)} bits/byte`;
	// Short inputs cannot reach high entropy even when random; judge them against what their length allows.
	const ceiling = Math.min(8, Math.log2(Math.max(bytes.length, 2)));
	if (bytes.length >= 16 && h >= ceiling * 0.9) {
		return `high entropy (${bits}): likely encrypted or compressed`;
	}
	return `binary data (${bits}), no known format`;
}
