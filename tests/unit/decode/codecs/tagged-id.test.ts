import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taggedId } from '../../../../src/lib/core/decode/codecs/tagged-id';
import { FieldList } from '../../../../src/lib/core/decode/codec';
import { ctx, treeOf } from './context';

describe('tagged-id', () => {
	// MoPub's udid, as TrackHAR's mopub adapter shows it (https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/mopub.ts).
	it.each([
		['ifa:9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'ifa', '9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34'],
		['mopub:6b1d3f5a-7c9e-4b2d-8f0a-1c3e5a7b9d2f', 'mopub', '6b1d3f5a-7c9e-4b2d-8f0a-1c3e5a7b9d2f'],
		['IFA:38400000-8CF0-11BD-B23E-10B96E40000D', 'ifa', '38400000-8CF0-11BD-B23E-10B96E40000D'],
		['oaid:a1b2c3d4e5f60718', 'oaid', 'a1b2c3d4e5f60718']
	])('%s → %s', (input, tag, id) => {
		expect(taggedId.sniff(input, {})).toBeGreaterThan(0.5);
		const tree = treeOf(taggedId.decode(input, ctx()));
		expect(tree).toBeInstanceOf(FieldList);
		const list = tree as FieldList;
		expect(list.fields).toEqual([[tag, id]]);
		const [start, end] = list.ranges![0]!;
		expect(input.slice(start, end)).toBe(id);
	});

	it.each([
		['a web address', 'http://example.com/abcdefgh'],
		['an unknown tag', 'session:9e2c4a61-7b3d-4f85'],
		['a short ID', 'ifa:1234'],
		['prose', 'ifa: this is not an id'],
		['a time', '12:30:45.123456'],
		['a URN', 'urn:uuid:9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34']
	])('leaves %s alone', (_name, input) => {
		expect(taggedId.sniff(input, {})).toBe(0);
		expect(taggedId.decode(input, ctx()).kind).toBe('failure');
	});

	it('writes an edited ID back with its tag, so it decodes to the edit', () => {
		const original = 'IFA:9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34';
		const written = taggedId.encode!(new FieldList([['ifa', 'ADVERTISING_ID-1']]), original);
		expect(written).toBe('IFA:ADVERTISING_ID-1');
		expect((treeOf(taggedId.decode(written as string, ctx())) as FieldList).fields).toEqual([['ifa', 'ADVERTISING_ID-1']]);
		expect(taggedId.encode!(new FieldList([['gaid', 'x']]), original)).toMatchObject({ kind: 'failure' });
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z-]{7,40}$/), fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z-]{7,40}$/), (id, edit) => {
				const unchanged = taggedId.encode!(new FieldList([['mopub', id]]), `mopub:${id}`);
				expect(unchanged).toBe(`mopub:${id}`);
				const edited = taggedId.encode!(new FieldList([['mopub', edit]]), `mopub:${id}`) as string;
				expect((treeOf(taggedId.decode(edited, ctx())) as FieldList).fields).toEqual([['mopub', edit]]);
			})
		);
	});

	it('never throws, and reads back exactly what it was given', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.tuple(fc.constantFrom('ifa', 'mopub', 'gaid', 'x'), fc.stringMatching(/^[0-9A-Za-z-]{0,70}$/)).map(([t, v]) => `${t}:${v}`)), (input) => {
				const result = taggedId.decode(input, ctx());
				if (result.kind === 'failure') return;
				const list = treeOf(result) as FieldList;
				const [, id] = list.fields[0]!;
				const [start, end] = list.ranges![0]!;
				expect(input.slice(start, end)).toBe(id);
				expect(input.trim().toLowerCase().startsWith(`${list.fields[0]![0]}:`)).toBe(true);
			})
		);
	});
});
