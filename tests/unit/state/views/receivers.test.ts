import { describe, expect, it } from 'vitest';
import { OTHER_KEY, ReceiverTally } from '../../../../src/lib/state/views/receivers';
import { exchanges, times, type Shape } from './helpers';

function rank(shapes: Shape[], max: number, weight: (s: Shape) => number = () => 1) {
	const tally = new ReceiverTally();
	exchanges(shapes).forEach((e, i) => tally.add(e, weight(shapes[i]!)));
	return tally.rank(max);
}

describe('receivers', () => {
	it('are the company, else the product, else the site, else the host', () => {
		const { receivers } = rank(
			[
				{ company: 'Google', product: 'Firebase', site: 'firebaseio.com' },
				{ company: 'Google', product: 'Google Analytics', site: 'google-analytics.com' },
				{ company: null, product: 'Sensors Analytics SDK', site: 'example.cn' },
				{ company: null, product: null, site: 'tracker.example' },
				{ bare: true, host: 'raw.example' },
				{ bare: true, host: null }
			],
			12
		);
		expect(receivers.map((r) => [r.name, r.detail, r.filter])).toEqual([
			['Google', 'Firebase · Google Analytics', { companies: ['Google'] }],
			['no host', null, { companies: [''], sites: [''] }],
			['raw.example', null, { companies: [''], sites: ['raw.example'] }],
			['Sensors Analytics SDK', 'company not known', { companies: [''], sites: ['example.cn'] }],
			['tracker.example', null, { companies: [''], sites: ['tracker.example'] }]
		]);
	});

	it('rank by weight, then name, and drop receivers that weigh nothing', () => {
		const shapes = [...times(2, { company: 'B' }), ...times(2, { company: 'A' }), ...times(3, { company: 'C' }), { company: 'Z' }];
		const { receivers, slots } = rank(shapes, 12, (s) => (s.company === 'Z' ? 0 : 1));
		expect(receivers.map((r) => [r.name, r.weight, r.requests])).toEqual([
			['C', 3, 3],
			['A', 2, 2],
			['B', 2, 2]
		]);
		expect([...slots]).toEqual([2, 1, 0, -1]);
	});

	it.each([
		['all fit', 3, 3, ['A', 'B', 'C']],
		['one past the cap is shown as itself', 2, 3, ['A', 'B', 'C']],
		['two past the cap fold into Other', 1, 3, ['A', 'Other (2 companies)']]
	])('%s', (_name, max, count, names) => {
		const shapes = ['A', 'B', 'C'].slice(0, count).flatMap((company, i) => times(3 - i, { company }));
		expect(rank(shapes, max).receivers.map((r) => r.name)).toEqual(names);
	});

	it('give Other the sum of what it folds and a filter that covers them', () => {
		const companies = rank([...times(5, { company: 'A' }), ...times(2, { company: 'B' }), { company: 'C' }], 1).receivers[1]!;
		expect(companies).toMatchObject({ key: OTHER_KEY, members: 2, weight: 3, requests: 3, filter: { companies: ['B', 'C'] } });
		const mixed = rank([...times(5, { company: 'A' }), { company: 'B' }, { site: 'x.example' }, { company: 'B' }], 1).receivers[1]!;
		expect(mixed).toMatchObject({ name: 'Other (2 receivers)', filter: { exchanges: [5, 6, 7] } });
	});

	it('filter by requests when a site is shared by two receivers without a known company', () => {
		const { receivers } = rank([{ site: 'shared.example', product: 'SDK one' }, { site: 'shared.example' }, { site: 'shared.example', product: 'SDK one' }], 12);
		expect(receivers.map((r) => [r.name, r.filter])).toEqual([
			['SDK one', { exchanges: [0, 2] }],
			['shared.example', { exchanges: [1] }]
		]);
	});

	it('name at most three products under a company and count the rest', () => {
		const { receivers } = rank(['P1', 'P2', 'P3', 'P4', 'P5', 'P1'].map((product) => ({ company: 'Big', product })), 12);
		expect(receivers[0]!.detail).toBe('P1 · P2 · P3 · 2 more');
	});
});
