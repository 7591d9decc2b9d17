import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describeOpaque, shannonEntropy } from '../../../src/lib/core/shared/entropy';
import { hexView } from '../../../src/lib/core/shared/hex-view';
import { magicName } from '../../../src/lib/core/shared/magic';

const bytes = (...parts: Array<number[] | string>) =>
	Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('magicName: file signatures', () => {
	const cases: Array<[string, Uint8Array, string | null]> = [
		['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'PNG image'],
		['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'JPEG image'],
		['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'GIF image'],
		['WebP (RIFF….WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'WebP image'],
		['RIFF that is WAV, not WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'WAV audio'],
		['PDF', bytes('%PDF-1.7\n'), 'PDF document'],
		['ZIP / APK', bytes([0x50, 0x4b, 3, 4, 20, 0]), 'ZIP archive (also APK, JAR, DOCX)'],
		['SQLite', bytes('SQLite format 3\0', [0x10, 0]), 'SQLite database'],
		['DEX', bytes('dex\n035\0'), 'Dalvik executable (DEX)'],
		['ELF', bytes([0x7f], 'ELF', [2, 1, 1]), 'ELF executable'],
		['gzip', new Uint8Array(gzipSync(Buffer.from('x'))), 'gzip data'],
		['binary plist', bytes('bplist00', [0xd1]), 'Apple binary property list'],
		['MP4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'MP4 video'],
		['nothing known', bytes([0x13, 0x37, 0x42]), null],
		['too short for its signature', bytes([0x89, 0x50]), null]
	];
	for (const [name, input, expected] of cases) it(name, () => expect(magicName(input)).toBe(expected));
});

describe('describeOpaque', () => {
	it('names a known format with its size', () => {
		expect(describeOpaque(bytes([0xff, 0xd8, 0xff, 0xdb], [1, 2, 3, 4, 5, 6]))).toBe('JPEG image (10 bytes)');
	});

	it('calls random bytes high entropy, with the figure', () => {
		const verdict = describeOpaque(new Uint8Array(randomBytes(4096)));
		expect(verdict).toMatch(/^high entropy \((7\.[89]|8\.0) bits\/byte\): likely encrypted or compressed, length a multiple of 16 \(block cipher\?\)$/);
		expect(describeOpaque(new Uint8Array(randomBytes(4095)))).toMatch(/^high entropy \((7\.[89]|8\.0) bits\/byte\): likely encrypted or compressed$/);
	});

	it('calls a run of one byte low entropy and everything else plain binary', () => {
		expect(describeOpaque(new Uint8Array(64).fill(0xab))).toBe('low entropy (0.0 bits/byte): mostly one repeated byte');
		expect(describeOpaque(bytes([1, 2, 1, 2, 1, 2, 1, 2, 3, 3, 3, 3, 1, 1, 1, 1, 2, 2]))).toMatch(/^binary data \(1\.\d bits\/byte\), no known format$/);
		expect(describeOpaque(new Uint8Array(0))).toBe('empty');
	});

	it('entropy is between 0 and 8 for any input', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2048 }), (b) => {
				const h = shannonEntropy(b);
				expect(h).toBeGreaterThanOrEqual(0);
				expect(h).toBeLessThanOrEqual(8 + 1e-9);
				expect(typeof describeOpaque(b)).toBe('string');
			})
		);
	});
});

describe('hexView', () => {
	it('prints offset, hex pairs and ASCII like xxd', () => {
		expect(hexView(bytes('GET /collect?id=42 HTTP/1.1\r\n'))).toBe(
			['00000000: 4745 5420 2f63 6f6c 6c65 6374 3f69 643d  GET /collect?id=', '00000010: 3432 2048 5454 502f 312e 310d 0a         42 HTTP/1.1..'].join('\n')
		);
	});

	it('stops at max and says how much was left out', () => {
		const view = hexView(new Uint8Array(100), 32);
		expect(view.split('\n')).toEqual([
			'00000000: 0000 0000 0000 0000 0000 0000 0000 0000  ................',
			'00000010: 0000 0000 0000 0000 0000 0000 0000 0000  ................',
			'… 68 more bytes'
		]);
	});

	it('has one line per 16 bytes and never throws', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 0, max: 700 }), (b, max) => {
				const lines = hexView(b, max).split('\n').filter((l) => l.length > 0 && !l.startsWith('…'));
				expect(lines.length).toBe(Math.ceil(Math.min(b.length, max) / 16));
				for (const line of lines) expect(line.length).toBe(8 + 2 + 40 + 1 + Math.min(16, line.length - 51));
			})
		);
	});
});
