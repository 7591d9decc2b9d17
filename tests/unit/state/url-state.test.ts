import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressRanges, defaultLocation, expandRanges, fromHash, toHash, type WorkspaceLocation } from '../../../src/lib/state/url-state';

describe('the workspace location in the URL hash', () => {
	const cases: [string, WorkspaceLocation, string][] = [
		['nothing chosen is an empty hash', defaultLocation(), ''],
		['a request in another view', { ...defaultLocation(), view: 'flow', exchange: 15000 }, '#view=flow&request=15000'],
		[
			'filters and a search',
			{ ...defaultLocation(), query: { text: 'imei 86', companies: ['Google', ''], types: ['device.imei'], statuses: ['4xx'] } },
			'#q=imei+86&company=Google&company=&type=device.imei&status=4xx'
		],
		['a run of requests is written as ranges', { ...defaultLocation(), query: { exchanges: [1, 2, 3, 7, 9, 10] } }, '#requests=1-3%2C7%2C9-10'],
		['a time range and a sort', { ...defaultLocation(), query: { from: 1000, to: 2000 }, sort: { key: 'findings', descending: true } }, '#from=1000&to=2000&sort=-findings']
	];
	it.each(cases)('%s', (_name, location, hash) => {
		expect(toHash(location)).toBe(hash);
		expect(fromHash(hash)).toEqual(location);
	});
	it('drops what it does not know rather than trusting it', () => {
		expect(fromHash('#view=evil&request=-1&type=device.soul&severity=extreme&method=GET%20X&sort=password&requests=1-x&from=soon')).toEqual(defaultLocation());
	});
	it('never throws and always gives a location, whatever the hash', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (hash) => {
				const location = fromHash(hash);
				expect(fromHash(toHash(location))).toEqual(location);
			})
		);
	});
});

describe('request ranges', () => {
	it('round-trips any set of request numbers', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.nat(5000), { maxLength: 300 }), (list) => {
				expect(expandRanges(compressRanges(list))).toEqual([...list].sort((a, b) => a - b));
			})
		);
	});
	it('refuses a range too large for a URL', () => {
		expect(expandRanges('0-99999999')).toBeNull();
	});
});
