import { describe, expect, it } from 'vitest';
import { facetsOf as facetsOfIndexed } from '../../../src/lib/core/report/facets';
import { typesMask } from '../../../src/lib/core/report/capture-index';
import type { ExchangeOverview } from '../../../src/lib/workers/protocol';

function overview(index: number, fields: Partial<ExchangeOverview>): ExchangeOverview {
	return { index, method: 'GET', url: null, host: null, status: 200, startedAt: null, destination: null, layers: [], findingCount: 0, types: 0, ...fields };
}
const google = { site: 'google.com', company: 'Google', product: null, category: 'analytics' as const, source: 't' };
const sensors = { site: 'sensorsdata.cn', company: null, product: 'Sensors Analytics SDK', category: 'analytics' as const, source: 't' };

const facetsOf = (list: ExchangeOverview[]) => facetsOfIndexed(list, (i) => list[i]!.types);

describe('filter choices', () => {
	const facets = facetsOf([
		overview(0, { destination: google, types: typesMask(['device.imei', 'browsing.url']), severity: { level: 'high', why: '' } }),
		overview(1, { destination: google, types: typesMask(['device.imei']), method: 'post', status: 404 }),
		overview(2, { destination: sensors, types: typesMask(['device.imei']), status: null }),
		overview(3, { method: null })
	]);
	it('counts requests per company, an unknown company as the empty name', () => {
		expect(facets.companies).toEqual([
			{ value: 'Google', count: 2 },
			{ value: '', count: 1 }
		]);
	});
	it('counts requests per data type', () => {
		expect(facets.types).toEqual([
			{ value: 'device.imei', count: 3 },
			{ value: 'browsing.url', count: 1 }
		]);
	});
	it('counts methods in upper case, leaving out requests without one', () => {
		expect(facets.methods).toEqual([
			{ value: 'GET', count: 2 },
			{ value: 'POST', count: 1 }
		]);
	});
	it('lists severities and statuses in a fixed order', () => {
		expect(facets.severities.map((s) => s.value)).toEqual(['high', 'none']);
		expect(facets.statuses).toEqual([
			{ value: '2xx', count: 2 },
			{ value: '4xx', count: 1 },
			{ value: 'none', count: 1 }
		]);
	});
});
