import { describe, expect, it } from 'vitest';
import type { LeakedValue, LeakGroup } from '../../../../src/lib/core/report/capture-index';
import { leakRows, leakSections, VALUE_CHARS } from '../../../../src/lib/state/views/leaks';
import { nextPage, PAGE_FIRST, PAGE_MORE } from '../../../../src/lib/state/views/paging';

const value = (text: string, exchanges: number[], occurrences = exchanges.length, truncated = false): LeakedValue => ({ value: text, exchanges, occurrences, truncated });
const group = (type: LeakGroup['type'], values: LeakedValue[], unlisted: LeakGroup['unlisted'] = { values: 0, exact: true, occurrences: 0 }): LeakGroup => ({ type, values, unlisted });

describe('what leaked', () => {
	it('is nothing without groups', () => {
		expect(leakSections([])).toEqual([]);
	});

	it('counts distinct values, the requests that carried any of them, and occurrences per type', () => {
		const sections = leakSections([
			group('device.imei', [value('490154203237518', [0, 1, 2], 60), value('356938035643809', [2, 5])]),
			group('browsing.search_query', [value('flu symptoms', [1])])
		]);
		expect(sections.map((s) => [s.label, s.distinct, s.requests, s.occurrences, s.unlisted, s.filter])).toEqual([
			['IMEI', 2, 4, 62, null, { types: ['device.imei'] }],
			['Search queries', 1, 1, 1, null, { types: ['browsing.search_query'] }]
		]);
	});

	it.each([
		[{ values: 12_000, exact: false, occurrences: 30_000 }, 'and at least 12,000 more values not listed', 10_002 + 12_000],
		[{ values: 1, exact: true, occurrences: 4 }, 'and 1 more value not listed', 10_003]
	])('says when values were not listed (%o)', (unlisted, text, distinct) => {
		const values = Array.from({ length: 10_002 }, (_, i) => value(`v${i}`, [i]));
		const [section] = leakSections([group('user.id', values, unlisted)]);
		expect(section!.unlisted).toBe(text);
		expect(section!.distinct).toBe(distinct);
		expect(section!.occurrences).toBe(10_002 + unlisted.occurrences);
	});

	it('counts values the index cut', () => {
		const [section] = leakSections([group('browsing.url', [value('https://a.example/' + 'x'.repeat(1982), [0], 1, true), value('https://b.example/', [1])])]);
		expect(section!.truncated).toBe(1);
	});

	it('shows a page of rows, each filtering by its requests, long values cut with the whole in reserve', () => {
		const long = 'q'.repeat(VALUE_CHARS + 10);
		const values = [value(long, [3, 4], 9), ...Array.from({ length: 300 }, (_, i) => value(`v${i}`, [i]))];
		const rows = leakRows(values, PAGE_FIRST);
		expect(rows).toHaveLength(PAGE_FIRST);
		expect(rows[0]).toMatchObject({ text: long.slice(0, VALUE_CHARS), full: long, requests: 2, occurrences: 9, filter: { exchanges: [3, 4] } });
		expect(rows[1]).toMatchObject({ text: 'v0', full: null });
	});

	it.each([
		[301, 50, PAGE_MORE],
		[301, 250, 51],
		[301, 301, 0],
		[10, 50, 0]
	])('of %i values with %i shown, the next page adds %i', (total, shown, more) => {
		expect(nextPage(total, shown)).toBe(more);
	});

	it('sums 20,000 requests of values quickly', () => {
		const values = Array.from({ length: 10_000 }, (_, i) => value(`id-${i}`, Array.from({ length: 40 }, (_, k) => (i * 7 + k * 499) % 20_000).sort((a, b) => a - b)));
		const groups = [group('user.id', values), group('device.model', values.slice(0, 50))];
		const start = performance.now();
		const sections = leakSections(groups);
		console.log(`what leaked over 400,000 value-requests: ${(performance.now() - start).toFixed(1)} ms`);
		expect(sections[0]!.requests).toBeLessThanOrEqual(20_000);
	});
});
