import { failure, type TextCodec } from '../codec';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const SEPARATED = /^[0-9a-fA-F]{2}(?:[\s:-][0-9a-fA-F]{2})+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function stripPrefix(s: string): string {
	return s.startsWith('0x') || s.startsWith('0X') ? s.slice(2) : s;
}

/** Hexadecimal bytes, plain (optionally `0x`-prefixed) or separated by spaces, colons or dashes. */
export const hex: TextCodec<'hex'> = {
	id: 'hex',
	label: 'Hex',
	input: 'text',
	output: 'bytes',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	// Trimming and the `0x` prefix only shorten a value, and sniff rejects fewer than 16 digits.
	minLength: 16,
	sniff(input) {
		const s = stripPrefix(input.trim());
		if (s.length < 16) return 0;
		// A UUID is an identifier, not bytes to decode.
		if (UUID.test(s)) return 0;
		if (SEPARATED.test(s)) return 0.8;
		if (!HEX.test(s)) return 0;
		// All digits is far more often a number than hex; mixed case is rarely hex.
		if (/^[0-9]+$/.test(s)) return 0.1;
		if (/[a-f]/.test(s) && /[A-F]/.test(s)) return 0.2;
		return 0.7;
	},
	decode(input, { budget }) {
		const s = stripPrefix(input.trim()).replace(/[\s:-]/g, '');
		if (!HEX.test(s)) return failure('not an even number of hex digits');
		const out = new Uint8Array(s.length / 2);
		budget.spendBytes(out.length, input.length);
		for (let i = 0; i < out.length; i++) out[i] = (nibble(s.charCodeAt(i * 2)) << 4) | nibble(s.charCodeAt(i * 2 + 1));
		return { kind: 'bytes', bytes: out };
	},
	encode(next, original) {
		if (!(next instanceof Uint8Array)) return failure('hex writes bytes');
		const trimmed = original.trim();
		const prefix = /^0[xX]/.exec(trimmed)?.[0] ?? '';
		const separator = /^[0-9a-fA-F]{2}([\s:-])/.exec(trimmed.slice(prefix.length))?.[1] ?? '';
		const upper = /[A-F]/.test(trimmed) && !/[a-f]/.test(trimmed);
		const digits = Array.from(next, (b) => b.toString(16).padStart(2, '0'));
		const text = digits.join(separator);
		const lead = original.slice(0, original.indexOf(trimmed));
		return lead + prefix + (upper ? text.toUpperCase() : text) + original.slice(lead.length + trimmed.length);
	}
};

function nibble(c: number): number {
	return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}
