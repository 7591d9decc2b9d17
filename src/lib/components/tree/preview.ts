/** Text-only previews of captured values (never markup). */

const MAX_PREVIEW = 400;
const HEX_PREVIEW_BYTES = 256;

export function previewText(text: string): string {
	return text.length <= MAX_PREVIEW ? text : `${text.slice(0, MAX_PREVIEW)}…`;
}

/** An xxd-style dump of the first bytes: offset, hex, printable ASCII. */
export function hexPreview(bytes: Uint8Array, max = HEX_PREVIEW_BYTES): string {
	const lines: string[] = [];
	const end = Math.min(bytes.length, max);
	for (let offset = 0; offset < end; offset += 16) {
		const row = bytes.subarray(offset, Math.min(offset + 16, end));
		const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
		const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
		lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
	}
	if (bytes.length > end) lines.push(`… ${(bytes.length - end).toLocaleString('en-US')} more bytes`);
	return lines.join('\n');
}
