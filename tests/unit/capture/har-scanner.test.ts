import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HarScanner } from '../../../src/lib/core/capture/har-scanner';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { isInputError } from '../../../src/lib/core/errors';
import { caught, readInChunks } from './helpers';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const dec = new TextDecoder();

/** Runs the scanner alone and records, per entry, whether the line-layout guess read it or the bracket walk did. */
function scan(text: string, cuts: number[] = []): Array<{ via: 'guess' | 'walk'; value: unknown }> {
	const seen: Array<{ via: 'guess' | 'walk'; value: unknown }> = [];
	const scanner = new HarScanner({
		entry: (bytes) => seen.push({ via: 'walk', value: JSON.parse(dec.decode(bytes)) }),
		tryEntry: (bytes) => {
			try {
				seen.push({ via: 'guess', value: JSON.parse(dec.decode(bytes)) });
				return true;
			} catch {
				return false;
			}
		},
		member: () => undefined
	});
	const bytes = enc(text);
	const bounds = [0, ...cuts, bytes.length];
	for (let i = 1; i < bounds.length; i++) scanner.push(bytes.subarray(bounds[i - 1], bounds[i]));
	scanner.finish();
	return seen;
}

const entries = [
	{ request: { method: 'GET', url: 'https://a.example/?q=%7D', headers: [{ name: 'X-Id', value: '}\n    }' }] }, response: { status: 200 } },
	{ request: { method: 'POST', url: 'https://b.example/', postData: { text: '{"a":{"b":[1,{}]}}' } }, response: { content: { text: '}' } } },
	{ request: { method: 'GET', url: 'https://c.example/' }, _extra: { nested: { deeper: [[{}], { x: '}' }] } } }
];
const har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries } };

/** Entry 2 is laid out so that a `}` of a nested object starts a line with the entry's own indentation. */
const misleading = `{
  "log": {
    "entries": [
    {
      "request": { "url": "https://a.example/", "method": "GET" },
      "_extra": {
        "k": 1
    }
    },
    {
      "request": {"url": "https://b.example/", "method": "GET"}
    }
    ]
  }
}`;

describe('HAR scanner: entries of pretty-printed files are found from their line layout', () => {
	it.each([
		['2 spaces', JSON.stringify(har, null, 2), ['guess', 'guess', 'guess']],
		['tabs', JSON.stringify(har, null, '\t'), ['guess', 'guess', 'guess']],
		['CRLF', JSON.stringify(har, null, 2).replace(/\n/g, '\r\n'), ['guess', 'guess', 'guess']],
		['one line per entry', `{"log":{"entries":[\n  ${entries.map((e) => JSON.stringify(e)).join(',\n  ')}\n]}}`, ['walk', 'walk', 'walk']],
		['compact', JSON.stringify(har), ['walk', 'walk', 'walk']],
		['a nested `}` at the entry indentation', misleading, ['walk', 'guess']]
	])('%s', (_, text, via) => {
		const seen = scan(text);
		expect(seen.map((s) => s.via)).toEqual(via);
		expect(seen.map((s) => s.value)).toEqual((JSON.parse(text) as typeof har).log.entries);
	});

	it('walks an entry cut by a chunk end, guesses the rest', () => {
		const text = JSON.stringify(har, null, 2);
		const cut = text.indexOf('b.example');
		expect(cut).toBeGreaterThan(0);
		const seen = scan(text, [cut]);
		expect(seen.map((s) => s.via)).toEqual(['guess', 'walk', 'guess']);
		expect(seen.map((s) => s.value)).toEqual(entries);
	});

	it('keeps the located message of a broken pretty-printed entry', () => {
		const text = JSON.stringify(har, null, 2).replace('"method": "POST",', '"method": "POST",,');
		const error = caught(() => readCapture({ name: 'bad.har', bytes: enc(text) }));
		expect(isInputError(error)).toBe(true);
		expect(error.message).toBe(`The HAR is not valid JSON at byte ${text.indexOf(',,') + 1} (inside entry 2): unexpected \`,\` where a quoted property name should be — 1 complete entry was read`);
	});

	it('still refuses an entry nested deeper than the limit when it is laid out to be guessed', () => {
		const deep = `${'['.repeat(12_000)}${']'.repeat(12_000)}`;
		const text = `{\n  "log": {\n    "entries": [\n      {\n        "x": ${deep}\n      }\n    ]\n  }\n}`;
		const error = caught(() => readCapture({ name: 'deep.har', bytes: enc(text) }));
		expect(error.message).toMatch(/^The HAR is not valid JSON at byte [\d,]+ \(inside entry 1\): the JSON nests deeper than 10,000 levels/);
	});

	it('gives the same exchanges whatever the layout and the chunking', async () => {
		const value = fc.letrec((tie) => ({
			any: fc.oneof({ depthSize: 'small' }, fc.string({ unit: fc.constantFrom('a', '}', '{', ' ', '\n', '"', ']') }), fc.integer(), tie('obj'), fc.array(tie('any'), { maxLength: 3 })),
			obj: fc.dictionary(fc.constantFrom('a', 'b', '_c'), tie('any'), { maxKeys: 3 })
		})).any;
		const entry = fc.record({ request: fc.record({ method: fc.constant('GET'), url: fc.webUrl() }), _x: value });
		await fc.assert(
			fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 1, 2, 4, '\t'), fc.integer({ min: 1, max: 200 }), async (list, indent, chunk) => {
				const bytes = enc(JSON.stringify({ log: { entries: list } }, null, indent));
				const whole = readCapture({ name: 'p.har', bytes });
				expect(whole.exchanges.map((e) => e.url)).toEqual(list.map((e) => e.request.url));
				expect(whole.exchanges.map((e) => e.extensions?._x)).toEqual(list.map((e) => e._x));
				expect(await readInChunks('p.har', bytes, [chunk])).toEqual(whole);
			}),
			{ numRuns: 150 }
		);
	});
});
