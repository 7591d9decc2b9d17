import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { isInputError } from '../../../src/lib/core/errors';
import { readInChunks } from './helpers';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '{', '}', '[', ']', ',', ':', '\n', 'é', '😀', '\u0000', '/') , maxLength: 40 });

const entry = fc.record({
	startedDateTime: fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.1234567', 'not a date'),
	request: fc.record({
		method: fc.constantFrom('GET', 'POST'),
		url: fc.tuple(fc.constantFrom('https://a.example/p', 'https://b.example/'), text).map(([u, q]) => `${u}?q=${encodeURIComponent(q)}`),
		headers: fc.array(fc.record({ name: fc.constantFrom('X-Id', 'Cookie', 'Accept', 'Authorization'), value: text }), { maxLength: 4 }),
		postData: fc.option(fc.record({ mimeType: fc.constant('text/plain'), text }), { nil: undefined })
	}),
	response: fc.record({ status: fc.oneof(fc.constant(200), fc.constant(-1), fc.constant(null)), content: fc.record({ text, mimeType: fc.constant('text/plain') }) }),
	timings: fc.constantFrom({}, { send: -1, wait: null })
});

const har = fc.record({ entries: fc.array(entry, { minLength: 1, maxLength: 6 }), indent: fc.constantFrom(0, 1, 2, '\t') }).map(({ entries, indent }) =>
	new TextEncoder().encode(JSON.stringify({ log: { version: '1.2', creator: { name: 'fc', version: '0' }, entries } }, null, indent))
);

describe('properties', () => {
	it('readCapture and the streaming reader with random chunk sizes give the same exchanges, one per entry', async () => {
		await fc.assert(
			fc.asyncProperty(har, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), async (bytes, sizes) => {
				const whole = readCapture({ name: 'p.har', bytes });
				const reference = JSON.parse(new TextDecoder().decode(bytes)) as { log: { entries: Array<{ request: { url: string } }> } };
				expect(whole.exchanges.map((e) => e.url)).toEqual(reference.log.entries.map((e) => e.request.url));
				const streamed = await readInChunks('p.har', bytes, sizes);
				expect(streamed).toEqual(whole);
			}),
			{ numRuns: 150 }
		);
	});

	it('a HAR cut anywhere gives an InputError, never anything else', () => {
		fc.assert(
			fc.property(har, fc.double({ min: 0, max: 1, noNaN: true }), (bytes, cut) => {
				const end = Math.floor(bytes.length * cut);
				try {
					readCapture({ name: 'cut.har', bytes: bytes.subarray(0, end) });
				} catch (error) {
					expect(isInputError(error)).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes never throw anything but InputError', () => {
		const prefix = fc.constantFrom([], [0x1f, 0x8b, 0x08], [0x78, 0x9c], [0x50, 0x4b, 0x03, 0x04], [0x7b], [0xef, 0xbb, 0xbf, 0x7b, 0x22, 0x6c, 0x6f, 0x67, 0x22, 0x3a, 0x7b]);
		fc.assert(
			fc.property(prefix, fc.uint8Array({ maxLength: 2000 }), (head, rest) => {
				const bytes = new Uint8Array([...head, ...rest]);
				try {
					const capture = readCapture({ name: 'random', bytes });
					expect(capture.exchanges.length).toBeGreaterThan(0);
				} catch (error) {
					expect(isInputError(error)).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('random text never throws anything but InputError', () => {
		const start = fc.constantFrom('', 'curl ', 'GET / HTTP/1.1\r\n', 'HTTP/1.1 200 OK\r\n', '<?xml version="1.0"?><items>', '{"log":{"entries":[');
		fc.assert(
			fc.property(start, fc.string({ maxLength: 300 }), (head, rest) => {
				try {
					readCapture({ name: 'random.txt', bytes: new TextEncoder().encode(head + rest) });
				} catch (error) {
					expect(isInputError(error)).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});
});
