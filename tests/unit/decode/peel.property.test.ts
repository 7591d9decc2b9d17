/** Property tests: random JSON in random codec chains comes back out; random bytes never break peeling. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { peel } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import type { DecodedNode } from '../../../src/lib/core/model';
import { allNodes, chain, end, plain } from './helpers';

type Compressor = 'gzip' | 'zlib' | 'deflate' | 'brotli';
type TextEncoding = 'base64' | 'base64url' | 'hex';

/** How a chain is built, innermost first; what peeling should report, outermost first. */
interface Wrapping {
	percentFirst: boolean;
	compressors: Compressor[];
	encoding: TextEncoding | null;
}

const compress: Record<Compressor, (b: Uint8Array) => Uint8Array> = {
	gzip: (b) => gzipSync(b),
	zlib: (b) => deflateSync(b),
	deflate: (b) => deflateRawSync(b),
	brotli: (b) => brotliCompressSync(b)
};

/** The reference encoder: node:zlib and Buffer, nothing shared with the decoders under test. */
function wrap(json: string, w: Wrapping): { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } {
	let text = w.percentFirst ? encodeURIComponent(json) : json;
	if (w.compressors.length === 0 && w.encoding === null) return { kind: 'text', text };
	let bytes: Uint8Array = Buffer.from(text);
	for (const c of w.compressors) bytes = compress[c](bytes);
	if (w.encoding === null) return { kind: 'bytes', bytes: new Uint8Array(bytes) };
	text = Buffer.from(bytes).toString(w.encoding);
	return { kind: 'text', text };
}

function expectedLayers(w: Wrapping): string[] {
	const layers: string[] = [];
	if (w.encoding) layers.push(w.encoding === 'hex' ? 'hex' : 'base64');
	for (const c of [...w.compressors].reverse()) layers.push(c);
	if (w.percentFirst) layers.push('percent');
	layers.push('json');
	return layers;
}

// Raw deflate has no magic bytes and is only recognisable when nothing else is in doubt, so it appears
// only as the one compressor, directly inside the text encoding. Brotli has no magic either and its
// blind sniff is deliberately conservative: it is covered with Content-Encoding: br in peel.test.ts.
const wrapping: fc.Arbitrary<Wrapping> = fc.oneof(
	fc.record({
		percentFirst: fc.boolean(),
		compressors: fc.array(fc.constantFrom<Compressor>('gzip', 'zlib'), { maxLength: 2 }),
		encoding: fc.constantFrom<TextEncoding | null>('base64', 'base64url', 'hex', null)
	}),
	fc.record({
		percentFirst: fc.constant(false),
		compressors: fc.constant<Compressor[]>(['deflate']),
		encoding: fc.constantFrom<TextEncoding>('base64', 'base64url')
	})
);

/** JSON documents with enough body that a compressor's output is not a handful of bytes. */
const documents = fc
	.oneof(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 8 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 8 }))
	.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('peel properties', () => {
	it('recovers random JSON and the chain it was wrapped in', () => {
		fc.assert(
			fc.property(documents, wrapping, (value, w) => {
				// Deliberate: unknown bytes under 16 long from a guessed step are not sniffed for magic-less
				// formats (see peel.ts, worthBytesCodecs), so a tiny raw-deflate value stays opaque.
				const magicLess = w.compressors.includes('deflate');
				// Likewise a document of a few characters encodes to fewer than base64's 8-character minimum.
				const length = JSON.stringify(value).length;
				fc.pre(length >= 8 && (!magicLess || length >= 48));
				const root = peel(wrap(JSON.stringify(value), w), 'payload');
				expect(chain(root)).toEqual(expectedLayers(w));
				expect(plain(end(root))).toEqual(value);
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes never throw, stay inside the budget and get a verdict or a decode', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), (bytes) => {
				const budget = new Budget({ maxMillis: 2_000 });
				const root = peel({ kind: 'bytes', bytes }, 'payload', {}, budget);
				expect(budget.bytesProduced).toBeLessThanOrEqual(budget.limits.maxTotalBytes);
				expect(budget.nodes).toBeLessThanOrEqual(budget.limits.maxNodes);
				expect(budget.timeIsUp()).toBe(false);
				expect(root.decoded !== undefined || root.verdict !== undefined || root.kind === 'text').toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('random text never throws and every node path starts at the root', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 512 }), (text) => {
				const root = peel({ kind: 'text', text }, 'payload', {}, new Budget({ maxMillis: 2_000 }));
				for (const node of allNodes(root) as DecodedNode[]) expect(node.path.startsWith('payload')).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
