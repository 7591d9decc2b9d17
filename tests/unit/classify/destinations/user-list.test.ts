import { describe, expect, it } from 'vitest';
import { parseUserTrackerList } from '../../../../src/lib/core/classify/destinations/user-list';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { InputError } from '../../../../src/lib/core/errors';

describe('parseUserTrackerList: valid lists', () => {
	it.each([
		[
			'Tracker Radar-style domain map',
			JSON.stringify({ 'tracker.example': { owner: { name: 'Example Inc', displayName: 'Example' }, categories: ['Analytics', 'Audience Measurement'] } }),
			'json-map',
			{ domain: 'tracker.example', company: 'Example', category: 'analytics', product: null }
		],
		['domain map with owner string', JSON.stringify({ 'ads.example.net': { owner: 'Ad Co', category: 'Advertising' } }), 'json-map', { domain: 'ads.example.net', company: 'Ad Co', category: 'advertising' }],
		['domain → company', JSON.stringify({ 'cdn.example.org': 'CDN Co' }), 'json-map', { domain: 'cdn.example.org', company: 'CDN Co', category: null }],
		[
			'Disconnect services.json',
			JSON.stringify({ license: 'x', categories: { Social: [{ 'Social Co': { 'https://social.example/': ['social.example', 'socialcdn.example'], performance: 'true' } }] } }),
			'disconnect',
			{ domain: 'social.example', company: 'Social Co', category: 'social' }
		],
		['array of objects', JSON.stringify([{ domain: '*.metrics.example', company: 'Metrics Co', category: 'telemetry', product: 'Beacon' }]), 'json-array', { domain: 'metrics.example', company: 'Metrics Co', category: 'telemetry', product: 'Beacon' }],
		['CSV with header and comment', '# my list\ndomain,company,category\n"crash.example.com","Crash Co, Ltd",crash_reporting\n', 'csv', { domain: 'crash.example.com', company: 'Crash Co, Ltd', category: 'crash-reporting' }],
		['CSV with an unknown category and a wildcard', 'tracking.*.example.com,Example,behavioral stuff\n', 'csv', { domain: 'tracking.*.example.com', company: 'Example', category: 'unknown' }],
		['CSV with a unicode domain', 'bücher.example,Books,analytics\r\n', 'csv', { domain: 'xn--bcher-kva.example', company: 'Books', category: 'analytics' }]
	])('%s', (_name, text, format, first) => {
		const list = parseUserTrackerList(text);
		expect(list.format).toBe(format);
		expect(list.entries[0]).toMatchObject(first);
	});
});

describe('parseUserTrackerList: broken lists', () => {
	it.each([
		['empty', '   \n', /empty/, undefined],
		['bad JSON', '{"a.example": {"owner": "x",}}', /not valid JSON/, /^character \d+/],
		['a lone quoted word', '"hello"', /is not a domain/, /^line 1$/],
		['array item without a domain', JSON.stringify([{ domain: 'a.example' }, { company: 'x' }]), /no "domain"/, /^entry 2$/],
		['array item that is not an object', JSON.stringify([{ domain: 'a.example' }, 'b.example']), /must be an object/, /^entry 2$/],
		['a key that is not a domain', JSON.stringify({ 'not a domain': 'X' }), /is not a domain/, /^key "not a domain"$/],
		['CSV line with a bad domain', 'good.example,A,analytics\nhttp://bad example,B,ads\n', /is not a domain/, /^line 2$/],
		['CSV unclosed quote', 'a.example,"Acme,analytics\n', /Unclosed quote/, /^line 1, column \d+$/],
		['CSV with too many fields', 'a.example,A,analytics,P,extra\n', /found 5 fields/, /^line 1$/],
		['CSV with only a header', 'domain,company,category\n', /no entries/, undefined],
		['Disconnect domain that is not a string', JSON.stringify({ categories: { Content: [{ Co: { 'https://co/': [42] } }] } }), /not a string/, /categories\.Content\[0\]/]
	])('%s', (_name, text, message, location) => {
		let error: unknown;
		try {
			parseUserTrackerList(text);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).message).toMatch(message);
		if (location) expect((error as InputError).location).toMatch(location);
	});
});

describe('user lists in destinationOf', () => {
	it('win over the overlay and the bundled lists', () => {
		const list = parseUserTrackerList('sa.api.intl.miui.com,My Label,telemetry\nwww.google-analytics.com,Alphabet,advertising\n');
		const options = { userLists: [list] };
		expect(destinationOf('sa.api.intl.miui.com', [], null, options)).toMatchObject({ company: 'My Label', category: 'telemetry', source: 'your tracker list (sa.api.intl.miui.com)' });
		expect(destinationOf('www.google-analytics.com', [], null, options)).toMatchObject({ company: 'Alphabet', category: 'advertising' });
		expect(destinationOf('www.google-analytics.com', [], null)).toMatchObject({ company: 'Google', category: 'analytics' });
	});

	it('let the bundled data fill a category the user list leaves out', () => {
		const list = parseUserTrackerList(JSON.stringify({ 'google-analytics.com': 'Alphabet Inc.' }));
		const destination = destinationOf('ssl.google-analytics.com', [], null, { userLists: [list] });
		expect(destination).toMatchObject({ company: 'Alphabet Inc.', category: 'analytics', product: 'Google Analytics' });
		expect(destination!.source).toBe('your tracker list (google-analytics.com); AdGuard companiesdb (google-analytics.com)');
	});

	it('classify a host nobody else knows', () => {
		const list = parseUserTrackerList(JSON.stringify([{ domain: 'tracking.*.example.com', company: 'Example', category: 'analytics' }]));
		expect(destinationOf('tracking.eu.example.com', [], null, { userLists: [list] })).toMatchObject({ company: 'Example', category: 'analytics', source: 'your tracker list (tracking.*.example.com)' });
		expect(destinationOf('www.example.com', [], null, { userLists: [list] })?.category).toBe('unknown');
	});
});
