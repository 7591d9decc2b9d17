import { describe, expect, it } from 'vitest';
import type { DestinationSummary, IdentifierReport } from '../../../../src/lib/core/model';
import { compareMoments, defaultDirection, identifierRows, sortIdentifiers, startTimes, type IdentifierRow, type IdentifierSort, type SortDirection } from '../../../../src/lib/state/views/identifiers';
import { momentFormat, stretchText, timeRange, timeZoneName } from '../../../../src/lib/state/views/time-format';
import { exchanges, random } from './helpers';

const destination = (site: string, company: string | null, product: string | null = null): DestinationSummary => ({
	site,
	company,
	product,
	category: 'analytics',
	exchanges: [],
	findings: 0,
	types: [],
	severity: { level: 'none', why: '' }
});
const DESTINATIONS = [destination('google-analytics.com', 'Google', 'Google Analytics'), destination('firebaseio.com', 'Google', 'Firebase'), destination('sensorsdata.cn', null, 'Sensors Analytics SDK'), destination('mixpanel.com', 'Mixpanel')];
const id = (value: string, sites: string[], indexes: number[], type: IdentifierReport['type'] = 'user.id'): IdentifierReport => ({ type, value, sites, exchanges: indexes });
const UTC = { locale: 'en-GB', timeZone: 'UTC' };

describe('identifier rows', () => {
	const timed = exchanges(['2024-05-01T10:00:05Z', '2024-05-01T10:00:01Z', null, '2024-05-01T10:02:00Z', null].map((at) => ({ at })));
	const times = startTimes(timed);

	it('name the companies an identifier reached, each once, by the destinations of its sites', () => {
		const [row] = identifierRows([id('abc', ['google-analytics.com', 'firebaseio.com', 'sensorsdata.cn', 'unknown.example'], [0, 1])], DESTINATIONS, times);
		expect(row).toMatchObject({ label: 'User or tracking ID', companies: ['Google', 'Sensors Analytics SDK', 'unknown.example'], requests: 2, filter: { exchanges: [0, 1] } });
	});

	it.each<[string, number[], [number | null, number], [number | null, number], string]>([
		['the earliest and latest times, whatever the request order', [0, 1, 3], [Date.parse('2024-05-01T10:00:01Z'), 1], [Date.parse('2024-05-01T10:02:00Z'), 3], '10:00:01 … 10:02:00'],
		['request numbers when no request has a time', [2, 4], [null, 2], [null, 4], '#2 … #4'],
		['times of the requests that have one', [2, 3, 4], [Date.parse('2024-05-01T10:02:00Z'), 3], [Date.parse('2024-05-01T10:02:00Z'), 3], '10:02:00']
	])('first and last seen: %s', (_name, indexes, first, last, text) => {
		const [row] = identifierRows([id('abc', ['mixpanel.com'], indexes)], DESTINATIONS, times);
		expect([row!.first.at, row!.first.index]).toEqual(first);
		expect([row!.last.at, row!.last.index]).toEqual(last);
		const range = timeRange(times)!;
		expect(stretchText(row!.first, row!.last, momentFormat(range.from, range.to, UTC))).toBe(text);
	});

	it('fall back to request numbers with thousands separators', () => {
		const [row] = identifierRows([id('abc', [], [12, 19_998])], [], new Float64Array(0));
		expect(stretchText(row!.first, row!.last, momentFormat(0, 0, UTC))).toBe('#12 … #19,998');
	});
});

describe('sorting identifiers', () => {
	const times = startTimes(exchanges(['2024-05-01T10:00:00Z', '2024-05-01T09:00:00Z', '2024-05-01T11:00:00Z', null, null].map((at) => ({ at }))));
	const rows = identifierRows(
		[
			id('a', ['mixpanel.com'], [0, 1, 2, 3]),
			id('b', ['mixpanel.com', 'sensorsdata.cn', 'google-analytics.com'], [2, 3]),
			id('c', ['mixpanel.com', 'sensorsdata.cn'], [3, 4]),
			id('d', ['mixpanel.com', 'sensorsdata.cn'], [0, 2])
		],
		DESTINATIONS,
		times
	);
	it.each<[IdentifierSort, SortDirection, string]>([
		['companies', 'descending', 'bcda'],
		['companies', 'ascending', 'acdb'],
		['requests', 'descending', 'abcd'],
		['requests', 'ascending', 'cdba'],
		['first', 'ascending', 'adbc'],
		['first', 'descending', 'cbda']
	])('by %s, %s', (key, direction, order) => {
		expect(sortIdentifiers(rows, key, direction).map((r) => r.value).join('')).toBe(order);
	});

	it('start with the most widespread and the earliest', () => {
		expect([defaultDirection('companies'), defaultDirection('requests'), defaultDirection('first')]).toEqual(['descending', 'descending', 'ascending']);
	});

	it('put untimed moments after timed ones, in capture order', () => {
		expect(compareMoments({ at: 5, index: 9 }, { at: null, index: 1 })).toBeLessThan(0);
		expect(compareMoments({ at: null, index: 2 }, { at: null, index: 1 })).toBeGreaterThan(0);
	});
});

describe('time formats', () => {
	it.each([
		['2024-05-01T10:00:00Z', '2024-05-01T10:30:00Z', '10:00:00'],
		['2024-05-01T10:00:00Z', '2024-05-03T10:30:00Z', '1 May, 10:00:00'],
		['2023-12-31T10:00:00Z', '2024-01-01T10:30:00Z', '31 Dec 2023, 10:00:00']
	])('from %s to %s shows %s', (from, to, text) => {
		expect(momentFormat(Date.parse(from), Date.parse(to), UTC).format(Date.parse(from))).toBe(text);
	});

	it('names the time zone', () => {
		expect(timeZoneName(UTC)).toBe('UTC');
		expect(timeZoneName()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
	});
});

describe('identifiers at scale', () => {
	it('builds and sorts 5,000 identifiers over 20,000 requests quickly', () => {
		const next = random(3);
		const overviews = exchanges(Array.from({ length: 20_000 }, (_, i) => ({ at: new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString() })));
		const sites = DESTINATIONS.map((d) => d.site);
		const ids = Array.from({ length: 5_000 }, (_, i) => {
			const indexes = [...new Set(Array.from({ length: 2 + Math.floor(next() * 30) }, () => Math.floor(next() * 20_000)))].sort((a, b) => a - b);
			return id(`id-${i}`, sites.filter(() => next() < 0.5), indexes);
		});
		let sorted: IdentifierRow[] = [];
		for (let run = 1; run <= 3; run++) {
			const start = performance.now();
			const times = startTimes(overviews);
			const parsed = performance.now();
			const rows = identifierRows(ids, DESTINATIONS, times);
			const built = performance.now();
			sorted = sortIdentifiers(rows, 'first', 'ascending');
			const end = performance.now();
			console.log(`identifiers, run ${run}: 20,000 times parsed in ${(parsed - start).toFixed(1)} ms, 5,000 rows built in ${(built - parsed).toFixed(1)} ms, sorted in ${(end - built).toFixed(1)} ms`);
		}
		expect(sorted).toHaveLength(5_000);
	});
});
