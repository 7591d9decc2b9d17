/**
 * File signatures (magic bytes): what a byte prefix says the bytes are. Shared by the capture readers (is this file
 * gzip?), the codecs (their own magic) and the verdicts on bytes nothing could decode.
 */

/** gzip's magic (RFC 1952): 1f 8b. */
export const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** Zstandard's frame magic (RFC 8878): 28 b5 2f fd. */
export const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;

/** Whether `bytes` start with `magic` (at `at`). */
export function startsWithMagic(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
	if (bytes.length < at + magic.length) return false;
	for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
	return true;
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
	{ name: 'gzip data', bytes: [...GZIP_MAGIC] },
	{ name: 'Zstandard data', bytes: [...ZSTD_MAGIC] },
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

/** The format named by the bytes' signature, or null. */
export function magicName(bytes: Uint8Array): string | null {
	for (const m of MAGICS) {
		if (!startsWithMagic(bytes, m.bytes, m.offset ?? 0)) continue;
		if (m.also && !startsWithMagic(bytes, m.also.bytes, m.also.offset)) continue;
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
		if (!startsWithMagic(bytes, m.bytes, m.offset ?? 0)) continue;
		if (m.also && !startsWithMagic(bytes, m.also.bytes, m.also.offset)) continue;
		return m.final === true;
	}
	return false;
}
