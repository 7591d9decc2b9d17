/** Honest verdicts for bytes nothing could decode: what they look like, never a guess dressed as a result. */
import { magicName } from './magic';

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

/** How a verdict on bytes that look encrypted or random starts: the report counts those (report/decode-notes.ts). */
export const HIGH_ENTROPY = 'high entropy';

/** Whether a verdict describeOpaque gave says the bytes look encrypted or random. */
export function looksEncrypted(verdict: string): boolean {
	return verdict.startsWith(HIGH_ENTROPY);
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
		return `${HIGH_ENTROPY} (${bits}): likely encrypted or compressed${blockAligned}`;
	}
	if (h < 1) return `low entropy (${bits}): mostly one repeated byte`;
	return `binary data (${bits}), no known format`;
}
