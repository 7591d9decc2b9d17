import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zstd } from '../../../../src/lib/core/decode/codecs/zstd';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { bytesOf, ctx } from './context';
import { zstdZeroBomb } from './bombs';

// Node 20 has no zstd compressor, so real compressed fixtures were made once with the zstd 1.5 CLI
// (`zstd -3`, `--no-check`, from a pipe, `-19`) and are kept here as base64.
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const dec = new TextDecoder();

const TELEMETRY =
	'[{"distinct_id":"a1b2c3d4e5f60718","event":"$AppViewScreen","time":1718000000000,"properties":{"$screen_name":"BrowserActivity","$url":"https://www.example.com/search?q=flu+symptoms","$os":"Android","$model":"2201123C","$carrier":"China Mobile"}},{"distinct_id":"a1b2c3d4e5f60718","event":"search","time":1718000001000,"properties":{"keyword":"cheap flights","$lib":"Android","$lib_version":"6.2.7"}}]\n';
const CONFIG = '{"status":"ok","config":{"sampleRate":0.25,"endpoints":["https://t.example.net/v1/collect"]}}';
const PAGE =
	'<!doctype html><html><head><title>Shop</title></head><body><ul><li>Item one</li><li>Item two</li><li>Item three</li></ul><script>fetch("/t?u=1")</script></body></html>';

const FIXTURES = {
	telemetry:
		'KLUv/WSSAA0IAEbQNSQwq1QHQJgPMnGyzaZcVQh1djjmOLh33yeqV1OzcoFmCgriGAYqACoALAD7mJ453G2GUJcTpIQkrk7hVvbMH8mxaEwGVqAxmPOkdfXGEsog08ntF4W1VoVCTUkpdHXXlMSZWyhXmDJI76yxDb6gZCZ+UZ/LtFfGlmcWj+RI6gG93L1YhOGktHCcbfE1jt0g5OozzhepfJYZQHETAocCiPXaqXiRNevkWw/bBAALUXRH4zSNq8PIs7ciedg97CjEwG6CkGsh1rFatiExUfR1/MQDxIIMRa4eDgA0k2NmkpRWUJBc3HwUbACSNzZuNjJ488zNQ6s1Ti0HKmERAkQBuIwFuw==',
	configNoChecksum: 'KLUv/SBdpQIA0gUUGXBL25xrzdqETM/QrHYQEQCKphi2UyH9/0LLUvBRqipkAIY900ldCTby3Ox2/QkTzvuEqGVIaSMInOOcx0HqSnCtnBHIISlkY4XyeRfHr5UA',
	telemetryStreamed:
		'KLUv/QRY/QcAxhE5JCCrVgfj2BqEcrbrT68qRI0MKYEgrGKcXNYLMz4UfUEDhAw4DS4ALQAuAA7VUOsLuT497nZDiJYT5nwwX69xKft0h2ooGJKBFXCL5jyKfd1xpLbIlbK7RSH7JmQP20RRlEgsOmuFvv56wjy9UpnCtT16aSTb4OsLWYxQ5pZ1ulx7p+z5pAjczRrzdMjCUUrhOF9/6yRknu5YtouPr1PJPJ1CWSes0IDJkxA4FECt2dIElK0JAAuXyxuN0zC+HiXTXkrk4ffwqxADPwlisoXa113LqLINKl0u38ePPECwyBDk670BCAA0k8PMCA3Jxc1HwQYAIW+MBJUICAGiuIwFuw==',
	page: 'KLUv/SSnZQMAcsYUF4BrG8iUYTvOyW3bWYZBjlSBnDOCMKMjyawX8XhCKIx3NArDplYm2y0nPU9+qM42qBfjtWkA00Zy8ZPfM1JtweNd2ySVe/VTKfpk1guoizo1FTwIAGgYuJ3ZHZUN0Ec09+g52pcBJCtgmteDPw=='
};

/** A frame of raw blocks (no compression): enough of an encoder to round-trip random data. */
function rawFrame(data: Uint8Array): Uint8Array {
	const blocks: number[] = [];
	const size = 128 * 1024;
	const count = Math.max(1, Math.ceil(data.length / size));
	for (let i = 0; i < count; i++) {
		const chunk = data.subarray(i * size, (i + 1) * size);
		const header = (i === count - 1 ? 1 : 0) | (0 << 1) | (chunk.length << 3);
		blocks.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, ...chunk);
	}
	// Descriptor 0x00: window descriptor present, no content size, no checksum; window 1 MiB.
	return Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50, ...blocks]);
}

describe('zstd: real-world bodies (fixtures from the zstd CLI)', () => {
	const cases: Array<{ name: string; input: Uint8Array; plain: string; note?: string }> = [
		{ name: 'analytics batch, level 3 with checksum and content size', input: b64(FIXTURES.telemetry), plain: TELEMETRY },
		{ name: 'config response without checksum', input: b64(FIXTURES.configNoChecksum), plain: CONFIG },
		{ name: 'streamed from a pipe (no content size, window descriptor)', input: b64(FIXTURES.telemetryStreamed), plain: TELEMETRY },
		{ name: 'HTML page at level 19 (Content-Encoding: zstd)', input: b64(FIXTURES.page), plain: PAGE },
		{
			name: 'two frames back to back',
			input: Uint8Array.from([...b64(FIXTURES.configNoChecksum), ...b64(FIXTURES.telemetry)]),
			plain: CONFIG + TELEMETRY,
			note: '2 zstd frames'
		},
		{
			name: 'a skippable frame (metadata) before the data frame',
			input: Uint8Array.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 0x61, 0x62, 0x63, ...b64(FIXTURES.configNoChecksum)]),
			plain: CONFIG
		}
	];
	for (const c of cases) {
		it(c.name, () => {
			expect(zstd.sniff(c.input, {})).toBe(0.95);
			expect(zstd.sniff(c.input, { contentEncoding: 'zstd' })).toBe(1);
			const result = zstd.decode(c.input, ctx());
			expect(dec.decode(bytesOf(result))).toBe(c.plain);
			expect(result.kind === 'bytes' ? result.note : undefined).toBe(c.note);
		});
	}
});

describe('zstd: damaged and hostile input', () => {
	const failures: Array<[string, Uint8Array, RegExp]> = [
		['no magic', new TextEncoder().encode('not zstd at all, just text'), /no zstd magic bytes/],
		['truncated inside a block', b64(FIXTURES.telemetry).subarray(0, 60), /truncated zstd stream/],
		['trailing garbage', Uint8Array.from([...b64(FIXTURES.configNoChecksum), 1, 2, 3]), /stray bytes/],
		['needs a dictionary', Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x01, 0x50, 7, 1, 0, 0, 0]), /dictionary 7/],
		['reserved block type', Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50, 0x07, 0, 0, 0]), /reserved type/],
		['corrupt compressed block', (() => {
			const b = b64(FIXTURES.page);
			for (let i = 12; i < 40; i++) b[i] = 0xff;
			return b;
		})(), /invalid zstd stream|zstd/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			const r = zstd.decode(input, ctx());
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('a 1 GiB RLE bomb without a declared size stops while streaming', () => {
		const bomb = zstdZeroBomb(1024);
		const budget = new Budget();
		const started = performance.now();
		let thrown: unknown;
		try {
			zstd.decode(bomb, { budget, hints: {} });
		} catch (e) {
			thrown = e;
		}
		expect(performance.now() - started).toBeLessThan(1500);
		expect(['ratio', 'bytes-per-node']).toContain((thrown as LimitExceeded).limit);
		expect(budget.bytesProduced).toBe(0);
	});

	it('a declared content size beyond the allowance is refused before decoding', () => {
		const bomb = zstdZeroBomb(1024);
		// Frame_Content_Size_flag 3 (8 bytes) declaring 1 TiB.
		const declared = Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0xc0, 0x50, 0, 0, 0, 0, 0, 1, 0, 0, ...bomb.subarray(6)]);
		let thrown: unknown;
		const started = performance.now();
		try {
			zstd.decode(declared, ctx());
		} catch (e) {
			thrown = e;
		}
		expect(performance.now() - started).toBeLessThan(100);
		expect(thrown).toBeInstanceOf(LimitExceeded);
	});

	it('a window larger than the per-value limit is refused before fzstd allocates it', () => {
		// Window descriptor 0xf8: 2^(10+31) bytes.
		const frame = Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0x01, 0x00, 0x00]);
		expect(() => zstd.decode(frame, ctx())).toThrow(/zstd window of/);
	});
});

describe('zstd: properties', () => {
	it('round-trips frames of raw blocks built from random data', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300_000 }), (data) => {
				expect(bytesOf(zstd.decode(rawFrame(data), ctx()))).toEqual(data);
			}),
			{ numRuns: 30 }
		);
	});

	it('random bytes behind the magic never throw anything but a limit', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
				const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
				try {
					zstd.decode(Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, ...tail]), { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
				expect(budget.bytesProduced).toBeLessThanOrEqual(1024 * 1024);
			}),
			{ numRuns: 500 }
		);
	});
});

// Keep the fixtures honest: they must be what the comment says (zstd magic, and the CLI's frame layout).
it('fixtures are zstd frames', () => {
	for (const f of Object.values(FIXTURES)) expect(Array.from(b64(f).subarray(0, 4))).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
});
