/**
 * The one-shot path for small gzip inputs may only answer when the streaming path would give the same
 * bytes, budget charge and no note; otherwise it must step aside (one built input aside, named below). Checked on valid members and on every
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

/**
 * A stored block repeats its length as a one's complement (NLEN). zlib (the streaming path) refuses a
 * stream where the two disagree; fflate (the one-call path) reads LEN alone. The one-call path answers
 * only when the output's CRC-32 and size match the trailer, so the bytes it shows are the ones that
 * were compressed: the only divergence allowed, and named here.
 */
const REDUNDANT_LENGTH_REFUSED = 'invalid stored block lengths';

function streaming(input: Uint8Array, budget: Budget): { bytes: Uint8Array; spent: number } | 'other' | 'stricter' {
	try {
		const run = inflateBounded(input, 'gzip', { budget, hints: {} });
		if (run.error === REDUNDANT_LENGTH_REFUSED) return 'stricter';
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
				if (slow === 'other' || slow === 'stricter') return;
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

	it('shows a stored block whose redundant length is spoiled when the checksum proves the bytes, where zlib refuses it', () => {
		const g = new Uint8Array(gzipSync('{"stored":true}', { level: 0 }));
		// Byte 13 is the first byte of NLEN (header 10, block header 1, LEN 2).
		const spoiled = g.slice();
		spoiled[13] = spoiled[13]! ^ 0x08;
		expect(streaming(spoiled, new Budget())).toBe('stricter');
		const decoded = gzip.decode(spoiled, ctx());
		expect(decoded.kind === 'bytes' && new TextDecoder().decode(decoded.bytes)).toBe('{"stored":true}');
	});

	it('steps aside for two identical members, which a CRC check alone would accept', () => {
		const g = new Uint8Array(gzipSync('{"same":true}'));
		expect(oneShotSingleMember(new Uint8Array([...g, ...g]), ctx())).toBeNull();
		const decoded = gzip.decode(new Uint8Array([...g, ...g]), ctx());
		expect(decoded.kind === 'bytes' && new TextDecoder().decode(decoded.bytes)).toBe('{"same":true}{"same":true}');
	});

	it('the price of not knowing where the stream ended: a file built to end in a copy of a broken first trailer', () => {
		// Member A with its trailer broken, then bytes ending in A's true trailer: the streaming path shows
		// A, B and a checksum note; the one-call path can only show A. Data not shown, never invented.
		const a = new Uint8Array(gzipSync('{"a":1}'));
		const trailer = a.slice(a.length - 8);
		const broken = a.slice();
		broken[broken.length - 8] = broken[broken.length - 8]! ^ 0xff;
		const built = new Uint8Array([...broken, ...gzipSync('{"b":2}'), ...trailer]);
		expect(new TextDecoder().decode(oneShotSingleMember(built, ctx())!)).toBe('{"a":1}');
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
