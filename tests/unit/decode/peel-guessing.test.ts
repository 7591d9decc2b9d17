/**
 * Where the peeler guesses: magic-less codecs (brotli, raw DEFLATE) only where HTTP declares them or on a
 * body's own bytes, and finished files (images, fonts, PDF…) get their verdict without any codec tried.
 */
import { describe, expect, it } from 'vitest';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { peel } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import { BYTES_CODECS } from '../../../src/lib/core/decode/registry';
import type { BytesCodec } from '../../../src/lib/core/decode/codec';
import { chain } from './helpers';

const JSON_DOC = JSON.stringify({ user: 'u_8812', events: [{ name: 'open', at: 1700000000 }, { name: 'close', at: 1700000060 }] });

/** Every bytes codec, counting how often the peeler asks each to sniff. */
function countingCodecs(): { codecs: BytesCodec[]; sniffs: Map<string, number> } {
	const sniffs = new Map<string, number>();
	const codecs = BYTES_CODECS.map((codec) => ({
		...codec,
		sniff(input: Uint8Array, hints: Parameters<BytesCodec['sniff']>[1]) {
			sniffs.set(codec.id, (sniffs.get(codec.id) ?? 0) + 1);
			return codec.sniff(input, hints);
		}
	}));
	return { codecs, sniffs };
}

describe('magic-less codecs', () => {
	it.each([
		['brotli', new Uint8Array(brotliCompressSync(JSON_DOC)), ['brotli', 'json']],
		['raw DEFLATE', new Uint8Array(deflateRawSync(JSON_DOC)), ['deflate', 'json']]
	])('%s is still found blind in a body', (_name, bytes, layers) => {
		expect(chain(peel({ kind: 'bytes', bytes }, 'body'))).toEqual(layers);
		// …and through a text encoding of that body.
		expect(chain(peel({ kind: 'text', text: Buffer.from(bytes).toString('base64') }, 'body'))).toEqual(['base64', ...layers]);
	});

	it('is not tried blind on a cookie, query or header part (not a body)', () => {
		const bytes = new Uint8Array(deflateRawSync(JSON_DOC));
		const root = peel({ kind: 'text', text: Buffer.from(bytes).toString('base64') }, 'cookie.sid', {}, new Budget(), {}, false);
		expect(chain(root)).not.toContain('deflate');
	});

	it('is tried on any part when HTTP declares it', () => {
		const bytes = new Uint8Array(brotliCompressSync(JSON_DOC));
		expect(chain(peel({ kind: 'bytes', bytes }, 'header.x-data', { contentEncoding: 'br' }, new Budget(), {}, false))).toEqual(['brotli', 'json']);
	});

	it('is never tried on a leaf inside a decoded structure', () => {
		const { codecs, sniffs } = countingCodecs();
		// 30 random-looking bytes under a JSON key: the case that used to cost a brotli probe per leaf.
		const token = Buffer.from(Array.from({ length: 30 }, (_, i) => (i * 73 + 41) % 256)).toString('base64');
		peel({ kind: 'text', text: JSON.stringify({ session: token, other: token.split('').reverse().join('') }) }, 'body', {}, new Budget(), { bytesCodecs: codecs });
		expect(sniffs.get('brotli') ?? 0).toBe(0);
		expect(sniffs.get('deflate') ?? 0).toBe(0);
	});

	it('a random cookie token no longer "decodes" as raw DEFLATE', () => {
		// Found in a generated capture: this base64-looking token inflated to two control characters.
		const root = peel({ kind: 'text', text: '43QE9KtP3XUF2Mvjk6FC8W9twbBgDUj3dfgWYXBZKNSS' }, 'cookie.c', {}, new Budget(), {}, false);
		expect(chain(root)).not.toContain('deflate');
		expect(chain(peel({ kind: 'text', text: '43QE9KtP3XUF2Mvjk6FC8W9twbBgDUj3dfgWYXBZKNSS' }, 'cookie.c'))).toEqual(['base64', 'deflate']);
	});
});

describe('finished files get their verdict without any codec tried', () => {
	const gif = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));
	const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
	const woff2 = new Uint8Array([...Buffer.from('wOF2'), 0, 1, 0, 0, ...Array.from({ length: 60 }, (_, i) => (i * 37) % 256)]);
	const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, ...Array.from({ length: 60 }, (_, i) => (i * 91) % 256)]);

	it.each([
		['a tracking GIF', gif, /^GIF image \(43 bytes\)$/],
		['a PNG', png, /^PNG image/],
		['a WOFF2 font', woff2, /^WOFF2 font/],
		['a PDF', pdf, /^PDF document/]
	])('%s', (_name, bytes, verdict) => {
		const { codecs, sniffs } = countingCodecs();
		const root = peel({ kind: 'bytes', bytes }, 'response', {}, new Budget(), { bytesCodecs: codecs });
		expect(root.decoded).toBeUndefined();
		expect(root.verdict).toMatch(verdict);
		expect([...sniffs.values()].reduce((a, b) => a + b, 0)).toBe(0);
	});

	it('compression formats are still decoded', () => {
		const { codecs, sniffs } = countingCodecs();
		const root = peel({ kind: 'bytes', bytes: new Uint8Array(gzipSync(JSON_DOC)) }, 'response', {}, new Budget(), { bytesCodecs: codecs });
		expect(chain(root)).toEqual(['gzip', 'json']);
		expect(sniffs.get('gzip')).toBeGreaterThan(0);
	});

	it('a codec HTTP declares is still tried, and its failure is said', () => {
		const root = peel({ kind: 'bytes', bytes: gif }, 'response', { contentEncoding: 'gzip' });
		expect(root.decoded).toBeUndefined();
		expect(root.note).toMatch(/declared Content-Encoding: gzip, but gzip failed/);
	});
});
