import { failure, type TextCodec } from '../codec';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const SEPARATED = /^[0-9a-fA-F]{2}(?:[\s:-][0-9a-fA-F]{2})+$/;

/** Hexadecimal bytes, plain or separated by spaces, colons or dashes. */
export const hex: TextCodec = {
	id: 'hex',
	label: 'Hex',
	input: 'text',
	output: 'bytes',
	sniff(input) {
		const s = input.trim();
		if (s.length < 16) return 0;
		if (SEPARATED.test(s)) return 0.8;
		if (!HEX.test(s)) return 0;
		// All digits is far more often a number than hex; mixed case is rarely hex.
		if (/^[0-9]+$/.test(s)) return 0.1;
		if (/[a-f]/.test(s) && /[A-F]/.test(s)) return 0.2;
		return 0.7;
	},
	decode(input, { budget }) {
		const s = input.trim().replace(/[\s:-]/g, '');
		if (!HEX.test(s)) return failure('not an even number of hex digits');
		const out = new Uint8Array(s.length / 2);
		for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
		budget.spendBytes(out.length, input.length);
		return { kind: 'bytes', bytes: out };
	}
};
