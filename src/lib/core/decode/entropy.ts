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
	/** Extra bytes that must also match (e.g. RIFF at 0 for WebP at 8). */
	also?: { bytes: number[]; offset: number };
	/**
	 * A finished file (image, media, font, document, executable) that none of our codecs unpacks: its
	 * verdict is given at once, without trying a codec. Not set for compression and archive formats, nor
	 * for signatures too short to trust (`MZ`, `BM`, DER's `30 82`).
	 */
	final?: true;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** File signatures, most specific first. Sources: the formats' own specifications. */
const MAGICS: Magic[] = [
	{ name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], final: true },
	{ name: 'JPEG image', bytes: [0xff, 0xd8, 0xff], final: true },
	{ name: 'GIF image', bytes: ascii('GIF8'), final: true },
	{ name: 'WebP image', bytes: ascii('WEBP'), offset: 8, also: { bytes: ascii('RIFF'), offset: 0 }, final: true },
	{ name: 'WAV audio', bytes: ascii('WAVE'), offset: 8, also: { bytes: ascii('RIFF'), offset: 0 }, final: true },
	{ name: 'AVIF image', bytes: ascii('ftypavif'), offset: 4, final: true },
	{ name: 'HEIC image', bytes: ascii('ftypheic'), offset: 4, final: true },
	{ name: 'MP4 video', bytes: ascii('ftyp'), offset: 4, final: true },
	{ name: 'BMP image', bytes: ascii('BM'), also: { bytes: [0, 0, 0, 0], offset: 6 } },
	{ name: 'ICO icon', bytes: [0x00, 0x00, 0x01, 0x00], final: true },
	{ name: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00], final: true },
	{ name: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a], final: true },
	{ name: 'WOFF font', bytes: ascii('wOFF'), final: true },
	{ name: 'WOFF2 font', bytes: ascii('wOF2'), final: true },
	{ name: 'Ogg media', bytes: ascii('OggS'), final: true },
	{ name: 'MP3 audio', bytes: ascii('ID3'), final: true },
	{ name: 'PDF document', bytes: ascii('%PDF-'), final: true },
	{ name: 'ZIP archive (also APK, JAR, DOCX)', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ name: 'empty ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
	{ name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
	{ name: 'RAR archive', bytes: ascii('Rar!\x1a\x07') },
	{ name: 'xz data', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
	{ name: 'bzip2 data', bytes: ascii('BZh') },
	{ name: 'gzip data', bytes: [0x1f, 0x8b] },
	{ name: 'Zstandard data', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
	{ name: 'LZ4 frame', bytes: [0x04, 0x22, 0x4d, 0x18] },
	{ name: 'SQLite database', bytes: ascii('SQLite format 3\0'), final: true },
	{ name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d], final: true },
	{ name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46], final: true },
	{ name: 'Dalvik executable (DEX)', bytes: ascii('dex\n'), final: true },
	{ name: 'Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe], final: true },
	{ name: 'Mach-O executable', bytes: [0xca, 0xfe, 0xba, 0xbe], final: true },
	{ name: 'Windows executable', bytes: ascii('MZ') },
	{ name: 'Java serialized object', bytes: [0xac, 0xed, 0x00, 0x05] },
	{ name: 'Apple binary property list', bytes: ascii('bplist0') },
	{ name: 'Android binary XML', bytes: [0x03, 0x00, 0x08, 0x00] },
	{ name: 'DER-encoded ASN.1 (certificate or key)', bytes: [0x30, 0x82] },
];

function matches(bytes: Uint8Array, pattern: number[], at: number): boolean {
	if (bytes.length < at + pattern.length) return false;
	for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
	return true;
}

/** The format named by the bytes' signature, or null. */
export function magicName(bytes: Uint8Array): string | null {
	for (const m of MAGICS) {
		if (!matches(bytes, m.bytes, m.offset ?? 0)) continue;
		if (m.also && !matches(bytes, m.also.bytes, m.also.offset)) continue;
		return m.name;
	}
	return null;
}

/**
 * Whether the bytes are a finished file no codec unpacks (an image, a font, a PDF…): the peeler gives
 * them their verdict without trying any codec. Compression and archive formats are never final.
 */
export function isFinalFormat(bytes: Uint8Array): boolean {
	for (const m of MAGICS) {
		if (!matches(bytes, m.bytes, m.offset ?? 0)) continue;
		if (m.also && !matches(bytes, m.also.bytes, m.also.offset)) continue;
		return m.final === true;
	}
	return false;
}

/** A one-line verdict for undecodable bytes. */
export function describeOpaque(bytes: Uint8Array): string {
	const size = `${bytes.length.toLocaleString('en-US')} bytes`;
	const magic = magicName(bytes);
	if (magic) return `${magic} (${size})`;
	if (bytes.length === 0) return 'empty';
	const h = shannonEntropy(bytes);
	const bits = `${h.toFixed(1)} bits/byte`;
	// Short inputs cannot reach 8 bits/byte even when random: judge them against what their length allows.
	const ceiling = Math.min(8, Math.log2(Math.max(bytes.length, 2)));
	if (bytes.length >= 16 && h >= ceiling * 0.9) {
		const blockAligned = bytes.length % 16 === 0 ? ', length a multiple of 16 (block cipher?)' : '';
		return `high entropy (${bits}): likely encrypted or compressed${blockAligned}`;
	}
	if (h < 1) return `low entropy (${bits}): mostly one repeated byte`;
	return `binary data (${bits}), no known format`;
}

/**
 * A hex dump like `xxd`: offset, 16 bytes in hex (grouped by two), and their ASCII (dots for the rest).
 * Shows at most `max` bytes and says how many were left out.
 */
export function hexView(bytes: Uint8Array, max = 4096): string {
	const shown = Math.min(bytes.length, Math.max(0, max));
	const lines: string[] = [];
	const offsetWidth = Math.max(8, shown.toString(16).length);
	for (let row = 0; row < shown; row += 16) {
		let hex = '';
		let text = '';
		for (let i = 0; i < 16; i++) {
			const at = row + i;
			if (at < shown) {
				const b = bytes[at]!;
				hex += b.toString(16).padStart(2, '0');
				text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
			} else {
				hex += '  ';
			}
			if (i % 2 === 1) hex += ' ';
		}
		lines.push(`${row.toString(16).padStart(offsetWidth, '0')}: ${hex} ${text}`);
	}
	if (shown < bytes.length) lines.push(`… ${(bytes.length - shown).toLocaleString('en-US')} more bytes`);
	return lines.join('\n');
}
