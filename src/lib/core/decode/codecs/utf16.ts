import { failure, type BytesCodec } from '../codec';
import { isReadable } from '../../shared/text';

type Endian = 'le' | 'be';

interface Layout {
	endian: Endian;
	bom: boolean;
}

/** How many bytes sniff looks at for the zero-byte pattern. */
const SAMPLE = 512;

/** UTF-16 by its byte order mark, or by the zero high bytes that Latin text leaves at every other position. */
function layoutOf(bytes: Uint8Array): Layout | null {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { endian: 'le', bom: true };
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { endian: 'be', bom: true };
	if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
	const n = Math.min(bytes.length, SAMPLE);
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i++) {
		if (bytes[i] !== 0) continue;
		if (i % 2 === 0) evenZeros++;
		else oddZeros++;
	}
	const half = n / 2;
	if (oddZeros >= half * 0.7 && evenZeros <= half * 0.05) return { endian: 'le', bom: false };
	if (evenZeros >= half * 0.7 && oddZeros <= half * 0.05) return { endian: 'be', bom: false };
	return null;
}

const decoders: Record<Endian, TextDecoder> = {
	le: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false }),
	be: new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false })
};

/** UTF-16 text (Windows and Java APIs send it): little- or big-endian, with or without a byte order mark. */
export const utf16: BytesCodec<'utf16'> = {
	id: 'utf16',
	label: 'UTF-16 text',
	input: 'bytes',
	output: 'text',
	sniff(input) {
		const layout = layoutOf(input);
		if (!layout) return 0;
		return layout.bom ? 0.9 : 0.85;
	},
	decode(input, { budget }) {
		const layout = layoutOf(input);
		if (!layout) return failure('no UTF-16 byte order mark and no alternating zero bytes');
		if (input.length % 2 !== 0) return failure(`odd length (${input.length} bytes) for UTF-16`);
		let text: string;
		try {
			text = decoders[layout.endian].decode(input);
		} catch {
			return failure(`not valid UTF-16${layout.endian.toUpperCase()} (unpaired surrogate)`);
		}
		if (!isReadable(text)) return failure(`decodes as UTF-16${layout.endian.toUpperCase()} but is not readable text`);
		budget.spendBytes(input.length, input.length);
		const how = layout.bom ? 'byte order mark' : 'zero-byte pattern';
		return { kind: 'text', text, note: `UTF-16${layout.endian.toUpperCase()} (by ${how})` };
	},
	encode(next, original) {
		if (typeof next !== 'string') return failure('UTF-16 writes text');
		const layout = layoutOf(original);
		if (!layout) return failure('the original is not UTF-16');
		// The decoder drops a byte order mark the text started with; it goes back in front.
		const offset = layout.bom ? 2 : 0;
		const out = new Uint8Array(offset + next.length * 2);
		if (layout.bom) out.set(layout.endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
		for (let i = 0; i < next.length; i++) {
			const c = next.charCodeAt(i);
			const at = offset + i * 2;
			out[at + (layout.endian === 'le' ? 0 : 1)] = c & 0xff;
			out[at + (layout.endian === 'le' ? 1 : 0)] = c >> 8;
		}
		return out;
	}
};
