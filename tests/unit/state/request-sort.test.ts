import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../src/lib/state/request-sort';
import type { ExchangeOverview } from '../../../src/lib/workers/protocol';
import type { SortKey } from '../../../src/lib/state/url-state';

function overview(index: number, fields: Partial<ExchangeOverview>): ExchangeOverview {
	return { index, method: 'GET', url: null, host: null, status: null, startedAt: null, destination: null, layers: [], findingCount: 0, types: 0, ...fields };
}

const list = [
	overview(0, { method: 'POST', host: 'b.com', status: 200, findingCount: 3, severity: { level: 'medium', why: '' } }),
	overview(1, { method: 'GET', host: 'a.com', status: 404, findingCount: 0 }),
	overview(2, { method: 'GET', host: 'c.com', status: null, findingCount: 3, severity: { level: 'high', why: '' }, destination: { site: 'c.com', company: 'Acme', product: null, category: 'analytics', source: 't' } }),
	overview(3, { method: 'POST', host: 'a.com', status: 200, findingCount: 1 })
];

describe('sorting the request list', () => {
	const cases: [SortKey, boolean, number[]][] = [
		['index', false, [0, 1, 2, 3]],
		['index', true, [3, 2, 1, 0]],
		['method', false, [1, 2, 0, 3]],
		['host', false, [1, 3, 0, 2]],
		['status', false, [2, 0, 3, 1]],
		['severity', true, [2, 0, 1, 3]],
		['findings', true, [0, 2, 3, 1]],
		['company', false, [0, 1, 3, 2]]
	];
	it.each(cases)('by %s (descending: %s), ties in capture order', (key, descending, expected) => {
		expect(sortRows([0, 1, 2, 3], list, { key, descending })).toEqual(expected);
	});
	it('sorts only the rows it is given, and leaves them as they were', () => {
		const rows = [3, 1];
		expect(sortRows(rows, list, { key: 'host', descending: false })).toEqual([1, 3]);
		expect(rows).toEqual([3, 1]);
	});
});
