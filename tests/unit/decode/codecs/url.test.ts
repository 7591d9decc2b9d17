import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldList } from '../../../../src/lib/core/decode/codec';
import { url } from '../../../../src/lib/core/decode/codecs/url';
import { ctx, rangeTexts, treeOf, withoutRanges } from './context';

describe('url: real-world URLs', () => {
	const cases: Array<{ name: string; input: string; tree: unknown; minSniff: number }> = [
		{
			name: 'a Google search with repeated and encoded parameters',
			input: 'https://www.google.com/search?q=flu+symptoms&oq=flu&sourceid=chrome&ie=UTF-8&q=second#top',
			minSniff: 0.9,
			tree: {
				scheme: 'https',
				host: 'www.google.com',
				path: '/search',
				query: new FieldList([['q', 'flu symptoms'], ['oq', 'flu'], ['sourceid', 'chrome'], ['ie', 'UTF-8'], ['q', 'second']]),
				fragment: 'top'
			}
		},
		{
			name: 'a GA collect URL with port and encoded document location',
			input: 'http://collect.example:8080/g/collect?v=2&tid=G-X1&dl=https%3A%2F%2Fshop.example%2Fp%3Fid%3D9',
			minSniff: 0.9,
			tree: {
				scheme: 'http',
				host: 'collect.example',
				port: 8080,
				path: '/g/collect',
				query: new FieldList([['v', '2'], ['tid', 'G-X1'], ['dl', 'https://shop.example/p?id=9']])
			}
		},
		{
			name: 'credentials and an IPv6 host',
			input: 'ftp://user:p%40ss@[2001:db8::1]:21/pub',
			minSniff: 0.85,
			tree: { scheme: 'ftp', user: 'user', password: 'p@ss', host: '[2001:db8::1]', port: 21, path: '/pub' }
		},
		{
			name: 'an Android market link',
			input: 'market://details?id=com.example.app&referrer=utm_source%3Dads',
			minSniff: 0.85,
			tree: { scheme: 'market', host: 'details', path: '', query: new FieldList([['id', 'com.example.app'], ['referrer', 'utm_source=ads']]) }
		},
		{
			name: 'a fragment carrying OAuth tokens stays one string for the next peel',
			input: 'https://app.example/callback#access_token=abc.def&state=xyz',
			minSniff: 0.9,
			tree: { scheme: 'https', host: 'app.example', path: '/callback', fragment: 'access_token=abc.def&state=xyz' }
		},
		{
			name: 'a bare ?query',
			input: '?utm_source=newsletter&utm_medium=email',
			minSniff: 0.7,
			tree: { query: new FieldList([['utm_source', 'newsletter'], ['utm_medium', 'email']]) }
		},
		{
			name: 'a base64 data URL',
			input: 'data:image/png;base64,iVBORw0KGgo=',
			minSniff: 0.5,
			tree: { scheme: 'data', mediaType: 'image/png', encoding: 'base64', data: 'iVBORw0KGgo=' }
		}
	];
	for (const { name, input, tree, minSniff } of cases) {
		it(name, () => {
			expect(url.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(withoutRanges(treeOf(url.decode(input, ctx())))).toEqual(tree);
		});
	}

	it('says where each query value sat in the URL, leading spaces included', () => {
		const input = '  https://www.google.com/search?q=flu+symptoms&oq=&sourceid&ie=UTF-8#top';
		const query = (treeOf(url.decode(input, ctx())) as { query: FieldList }).query;
		expect(rangeTexts(input, query)).toEqual(['flu+symptoms', '', '', 'UTF-8']);
		const bare = (treeOf(url.decode(' ?a=1&&b=%20', ctx())) as { query: FieldList }).query;
		expect(rangeTexts(' ?a=1&&b=%20', bare)).toEqual(['1', '%20']);
	});

	it('reads a bare query string, but sniffs it low (the form codec comes first)', () => {
		expect(url.sniff('a=1&b=2', {})).toBeLessThan(0.5);
		expect(withoutRanges(treeOf(url.decode('a=1&b=2', ctx())))).toEqual({ query: new FieldList([['a', '1'], ['b', '2']]) });
	});
});

describe('url: what is not a URL', () => {
	for (const input of ['hello world', 'Note: call me', 'com.example.app', '12:30', 'see https://x.com now', '/api/v1/track', 'SGVsbG8=']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(url.sniff(input, {})).toBe(0));
	}
	it('fails on a path without query', () => {
		expect(url.decode('/just/a/path', ctx()).kind).toBe('failure');
	});
	it('malformed URLs do not throw', () => {
		for (const s of ['https://', 'http://[::1', 'https://a:b:c@@host:99999999/%%%?&&==#', '://x', 'https://%zz/']) {
			expect(() => url.decode(s, ctx())).not.toThrow();
		}
	});
});

describe('url: properties', () => {
	it('round-trips what the URL class builds', () => {
		const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
		fc.assert(
			fc.property(
				fc.array(word, { minLength: 1, maxLength: 3 }),
				fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }), fc.string({ maxLength: 16, unit: 'grapheme' })), { maxLength: 5 }),
				(labels, params) => {
					const u = new URL(`https://${labels.join('.')}.example/p`);
					for (const [k, v] of params) u.searchParams.append(k, v);
					const tree = treeOf(url.decode(u.href, ctx())) as Record<string, unknown>;
					expect(tree.host).toBe(u.hostname);
					expect(tree.path).toBe('/p');
					if (params.length > 0) expect((tree.query as FieldList).fields).toEqual(params);
				}
			)
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				url.sniff(s, {});
				url.decode(s, ctx());
				url.decode(`https://${s}`, ctx());
			})
		);
	});
});
