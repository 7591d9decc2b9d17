/**
 * The one-shot path for small gzip inputs may only answer when the streaming path would give the same
 * bytes, budget charge and no note; otherwise it must step aside. Checked on valid members and on every
 * way a capture can spoil one: extra members, trailing bytes, flipped bits, cuts and lying trailers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { gzip, oneShotSingleMember } from '../../../../src/lib/core/decode/codecs/gzip';
import { inflateBounded } from '../../../../src/lib/core/decode/codecs/inflate-stream';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { ctx } from './context';

type Spoil = (g: Uint8Array, other: Uint8Array, at: number) => Uint8Array;
const SPOILS: Record<string, Spoil> = {
	none: (g) => g,
	twice: (g) => new Uint8Array([...g, ...g]),
	twoMembers: (g, other) => new Uint8Array([...g, ...other]),
	trailingBytes: (g, other) => new Uint8Array([...g, ...other.subarray(0, 1 + (other.length % 9))]),
	flippedBit: (g, _, at) => {
		const copy = g.slice();
		const i = at % copy.length;
		copy[i] = copy[i]! ^ (1 << at % 8);
		return copy;
	},
	cut: (g, _, at) => g.subarray(0, Math.max(1, at % g.length)),
	lyingSize: (g, _, at) => {
		const copy = g.slice();
		copy[copy.length - 4] = at & 0xff;
		return copy;
	}
};

function streaming(input: Uint8Array, budget: Budget): { bytes: Uint8Array; spent: number } | 'other' {
	try {
		const run = inflateBounded(input, 'gzip', { budget, hints: {} });
		if (run.error || run.truncated) return 'other';
		return { bytes: run.take(), spent: budget.bytesProduced };
	} catch (e) {
		if (e instanceof LimitExceeded) return 'other';
		throw e;
	}
}

describe('gzip: the one-shot path for small inputs', () => {
	const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
	it('answers only with what the streaming path gives, and gzip.decode agrees either way', () => {
		fc.assert(
			fc.property(json, json, fc.constantFrom(...Object.keys(SPOILS)), fc.nat(), fc.integer({ min: 0, max: 9 }), (a, b, spoil, at, level) => {
				const g = new Uint8Array(gzipSync(a, { level }));
				const input = SPOILS[spoil]!(g, new Uint8Array(gzipSync(b)), at);
				const fastBudget = new Budget();
				const fast = oneShotSingleMember(input, { budget: fastBudget, hints: {} });
				if (fast === null) return;
				const slowBudget = new Budget();
				const slow = streaming(input, slowBudget);
				expect(slow).not.toBe('other');
				if (slow === 'other') return;
				expect(Buffer.from(fast).equals(Buffer.from(slow.bytes))).toBe(true);
				// A clean single member: the streaming decode adds no note either.
				const decoded = gzip.decode(input, ctx());
				expect(decoded).toEqual({ kind: 'bytes', bytes: fast });
			}),
			{ numRuns: 1500 }
		);
	});

	it('takes the common case: one clean member from a compressor', () => {
		for (const text of ['{"a":1}', 'x'.repeat(5000), JSON.stringify([{ $url: 'https://example.com/?q=a' }])]) {
			const input = new Uint8Array(gzipSync(text));
			expect(oneShotSingleMember(input, ctx())).not.toBeNull();
		}
	});

	it('refuses a stored block whose length copy is spoiled on both paths (one decoder, one verdict)', () => {
		const g = new Uint8Array(gzipSync('{"stored":true}', { level: 0 }));
		// Byte 13 is the first byte of NLEN (header 10, block header 1, LEN 2), the one's complement of LEN.
		const spoiled = g.slice();
		spoiled[13] = spoiled[13]! ^ 0x08;
		expect(oneShotSingleMember(spoiled, ctx())).toBeNull();
		expect(gzip.decode(spoiled, ctx())).toEqual({ kind: 'failure', reason: 'invalid gzip stream: invalid stored block lengths' });
	});

	it('steps aside for two identical members, which a CRC check alone would accept', () => {
		const g = new Uint8Array(gzipSync('{"same":true}'));
		expect(oneShotSingleMember(new Uint8Array([...g, ...g]), ctx())).toBeNull();
		const decoded = gzip.decode(new Uint8Array([...g, ...g]), ctx());
		expect(decoded.kind === 'bytes' && new TextDecoder().decode(decoded.bytes)).toBe('{"same":true}{"same":true}');
	});

	it('steps aside for a file that ends in a copy of the first member trailer: it knows where the stream ended', () => {
		// Member A with its trailer broken, then member B, then A's true trailer: the last 8 bytes match A's
		// output, but A's DEFLATE data ends before them, so the streaming path shows A, B and the mismatch.
		const a = new Uint8Array(gzipSync('{"a":1}'));
		const trailer = a.slice(a.length - 8);
		const broken = a.slice();
		broken[broken.length - 8] = broken[broken.length - 8]! ^ 0xff;
		const built = new Uint8Array([...broken, ...gzipSync('{"b":2}'), ...trailer]);
		expect(oneShotSingleMember(built, ctx())).toBeNull();
		const decoded = gzip.decode(built, ctx());
		expect(decoded.kind === 'bytes' && new TextDecoder().decode(decoded.bytes)).toBe('{"a":1}{"b":2}');
		expect(decoded.kind === 'bytes' && decoded.note).toMatch(/^2 gzip members; checksum mismatch \(member 1 CRC-32/);
	});

	it('steps aside for a small bomb whose trailer claims a small size, and the streaming path stops it', () => {
		const bomb = new Uint8Array(gzipSync(Buffer.alloc(20 * 1024 * 1024), { level: 9 }));
		expect(bomb.length).toBeLessThan(32 * 1024);
		bomb.set([0x10, 0, 0, 0], bomb.length - 4);
		const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
		expect(oneShotSingleMember(bomb, { budget, hints: {} })).toBeNull();
		expect(() => gzip.decode(bomb, { budget, hints: {} })).toThrow(LimitExceeded);
	});
});
