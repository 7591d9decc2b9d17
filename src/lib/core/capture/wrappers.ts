/** Compressed containers a capture file can come in: unpacked while streaming, before the content is sniffed. */
import { GZIP_MAGIC, startsWithMagic } from '../shared/magic';

export type Wrapper = 'gzip' | 'zlib' | 'zip';

export const WRAPPER_LABEL: Record<Wrapper, string> = { gzip: 'gzip', zlib: 'zlib (.zhar)', zip: 'zip' };

/** gzip (1F 8B 08), zlib with the usual compression levels (78 01 / 78 9C / 78 DA; mitmproxy's .zhar), zip (PK 03 04). */
export function wrapperOf(head: Uint8Array): Wrapper | null {
	const [a, b, c, d] = head;
	if (startsWithMagic(head, GZIP_MAGIC) && c === 0x08) return 'gzip';
	if (a === 0x78 && (b === 0x01 || b === 0x9c || b === 0xda)) return 'zlib';
	if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'zip';
	return null;
}
