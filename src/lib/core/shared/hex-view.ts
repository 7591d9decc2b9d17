/** Bytes as a person reads them in a hex editor. */

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
