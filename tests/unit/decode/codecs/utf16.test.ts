import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf16 } from '../../../../src/lib/core/decode/codecs/utf16';
import { Budget } from '../../../../src/lib/core/limits';
import { ctx, textOf } from './context';

function le(text: string, bom = false): Uint8Array {
	const body = Buffer.from(text, 'utf16le');
	return Uint8Array.from(bom ? [0xff, 0xfe, ...body] : body);
}
function be(text: string, bom = false): Uint8Array {
	const body = Buffer.from(text, 'utf16le').swap16();
	return Uint8Array.from(bom ? [0xfe, 0xff, ...body] : body);
}

describe('utf16: real-world bodies', () => {
	const cases: Array<{ name: string; input: Uint8Array; text: string; note: string }> = [
		{ name: 'Windows telemetry XML with BOM (LE)', input: le('<?xml version="1.0" encoding="utf-16"?><Data MachineId="4C4C4544-0042"/>', true), text: '<?xml version="1.0" encoding="utf-16"?><Data MachineId="4C4C4544-0042"/>', note: 'UTF-16LE (by byte order mark)' },
		{ name: 'JSON from a .NET client without BOM (LE)', input: le('{"deviceId":"DESKTOP-7H2K","user":"alice"}'), text: '{"deviceId":"DESKTOP-7H2K","user":"alice"}', note: 'UTF-16LE (by zero-byte pattern)' },
		{ name: 'Java DataOutputStream chars (BE) with BOM', input: be('imei=867530912345678', true), text: 'imei=867530912345678', note: 'UTF-16BE (by byte order mark)' },
		{ name: 'big-endian without BOM', input: be('search?q=weather today'), text: 'search?q=weather today', note: 'UTF-16BE (by zero-byte pattern)' },
		{ name: 'non-Latin text with BOM', input: le('你好，世界 — привет', true), text: '你好，世界 — привет', note: 'UTF-16LE (by byte order mark)' }
	];
	for (const c of cases) {
		it(c.name, () => {
			expect(utf16.sniff(c.input, {})).toBeGreaterThanOrEqual(0.85);
			const result = utf16.decode(c.input, ctx());
			expect(textOf(result)).toBe(c.text);
			expect(result.kind === 'text' && result.note).toBe(c.note);
		});
	}
});

describe('utf16: not utf16', () => {
	it('UTF-8 text and random bytes are not sniffed', () => {
		expect(utf16.sniff(new TextEncoder().encode('plain utf-8 text here'), {})).toBe(0);
		expect(utf16.sniff(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), {})).toBe(0);
	});

	it('a lone surrogate fails', () => {
		const r = utf16.decode(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), ctx());
		expect(r).toEqual({ kind: 'failure', reason: 'not valid UTF-16LE (unpaired surrogate)' });
	});

	it('zero-padded binary that is not readable fails', () => {
		const r = utf16.decode(Uint8Array.from([0xff, 0xfe, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00]), ctx());
		expect(r).toEqual({ kind: 'failure', reason: 'decodes as UTF-16LE but is not readable text' });
	});

	it('odd length after a BOM fails', () => {
		const r = utf16.decode(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]), ctx());
		expect(r.kind === 'failure' && r.reason).toMatch(/odd length/);
	});
});

describe('utf16: properties', () => {
	it('round-trips printable text in both byte orders', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(s)), fc.boolean(), (text, little) => {
				const input = little ? le(text, true) : be(text, true);
				expect(textOf(utf16.decode(input, ctx()))).toBe(text);
			}),
			{ numRuns: 300 }
		);
	});

	it('random bytes never throw', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 512 }), (input) => {
				utf16.sniff(input, {});
				expect(['failure', 'text']).toContain(utf16.decode(input, { budget: new Budget(), hints: {} }).kind);
			}),
			{ numRuns: 500 }
		);
	});
});
