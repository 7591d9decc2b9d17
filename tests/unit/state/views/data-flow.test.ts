import { describe, expect, it } from 'vitest';
import { FINDING_TYPES, type FindingType } from '../../../../src/lib/core/model';
import { dataFlow } from '../../../../src/lib/state/views/data-flow';
import { layoutFlows } from '../../../../src/lib/state/views/sankey-layout';
import { shorten } from '../../../../src/lib/state/views/text';
import { exchanges, random, times, type Shape } from './helpers';

const flows = (shapes: Shape[], max?: number) => {
	const model = dataFlow(exchanges(shapes), max);
	return model.flows.map((f) => `${f.type} > ${model.receivers[f.receiver]!.name}: ${f.requests}`);
};

describe('data flow', () => {
	it.each<[string, Shape[], string[]]>([
		['nothing found', times(3, { company: 'A' }), []],
		['one request, two types', [{ company: 'Google', types: ['device.imei', 'ad.advertising_id'] }], ['device.imei > Google: 1', 'ad.advertising_id > Google: 1']],
		[
			'requests, not occurrences, per type and company',
			[...times(3, { company: 'Google', types: ['device.imei'] }), { company: 'Google', types: ['device.imei', 'browsing.url'] }, { company: 'Meta', types: ['browsing.url'] }, { company: 'Meta' }],
			['device.imei > Google: 4', 'browsing.url > Google: 1', 'browsing.url > Meta: 1']
		],
		['an unknown company is its product or site', [{ product: 'Sensors Analytics SDK', types: ['browsing.search_query'] }, { bare: true, host: 'x.example', types: ['user.id'] }], ['browsing.search_query > Sensors Analytics SDK: 1', 'user.id > x.example: 1']]
	])('%s', (_name, shapes, expected) => {
		expect(flows(shapes)).toEqual(expected);
	});

	it('count requests with personal data and order types by them', () => {
		const model = dataFlow(exchanges([{ company: 'A', types: ['browsing.url'] }, { company: 'B', types: ['browsing.url', 'device.imei'] }, { company: 'A' }]));
		expect(model.requests).toBe(2);
		expect(model.types.map((t) => [t.label, t.requests, t.filter])).toEqual([
			['Visited pages', 2, { types: ['browsing.url'] }],
			['IMEI', 1, { types: ['device.imei'] }]
		]);
		expect(model.receivers.map((r) => [r.name, r.weight, r.requests])).toEqual([
			['A', 1, 2],
			['B', 1, 1]
		]);
	});

	it('name and filter each band by its type and receiver', () => {
		const model = dataFlow(exchanges([...times(1204, { company: 'Google', types: ['device.imei'] })]));
		expect(model.flows[0]).toMatchObject({ name: 'IMEI → Google: 1,204 requests', filter: { types: ['device.imei'], companies: ['Google'] } });
	});

	it('keep the 12 largest companies and fold the rest into Other', () => {
		const shapes = Array.from({ length: 20 }, (_, i) => times(20 - i, { company: `Company ${String(i).padStart(2, '0')}`, types: ['device.imei'] })).flat();
		const model = dataFlow(exchanges(shapes));
		expect(model.receivers).toHaveLength(13);
		expect(model.receivers[12]).toMatchObject({ name: 'Other (8 companies)', weight: 8 + 7 + 6 + 5 + 4 + 3 + 2 + 1 });
		expect(model.flows.find((f) => f.receiver === 12)).toMatchObject({ requests: 36, filter: { types: ['device.imei'], companies: Array.from({ length: 8 }, (_, i) => `Company ${12 + i}`) } });
		expect(model.flows.reduce((n, f) => n + f.requests, 0)).toBe(shapes.length);
	});

	it('builds 20,000 requests quickly', () => {
		const next = random(7);
		const shapes: Shape[] = Array.from({ length: 20_000 }, () => ({
			company: next() < 0.2 ? null : `Company ${Math.floor(next() * 60)}`,
			site: `site${Math.floor(next() * 300)}.example`,
			types: FINDING_TYPES.filter(() => next() < 0.12) as FindingType[]
		}));
		const input = exchanges(shapes);
		const start = performance.now();
		const model = dataFlow(input);
		const counted = performance.now();
		const layout = layoutFlows(model, 1200);
		const end = performance.now();
		console.log(`data flow of 20,000 requests: counted in ${(counted - start).toFixed(1)} ms, laid out in ${(end - counted).toFixed(1)} ms`);
		expect(model.receivers).toHaveLength(13);
		expect(layout!.bands).toHaveLength(model.flows.length);
	});
});

describe('sankey layout', () => {
	const model = dataFlow(
		exchanges([...times(30, { company: 'Google', types: ['device.imei', 'browsing.url'] }), ...times(10, { company: 'A very long company name, Incorporated', types: ['browsing.search_query'] })])
	);

	it('is nothing without flows', () => {
		expect(layoutFlows(dataFlow(exchanges([{ company: 'A' }])), 800)).toBeNull();
	});

	it.each([390, 800, 1440])('puts types left, receivers right and everything inside %i px', (width) => {
		const layout = layoutFlows(model, width)!;
		expect(layout.width).toBe(width);
		const types = layout.nodes.filter((n) => n.side === 'type');
		const receivers = layout.nodes.filter((n) => n.side === 'receiver');
		expect(types.map((n) => n.key)).toEqual(['type:device.imei', 'type:browsing.url', 'type:browsing.search_query']);
		expect(receivers.map((n) => n.key)).toEqual(['receiver:c:Google', 'receiver:c:A very long company name, Incorporated']);
		for (const node of layout.nodes) {
			expect(node.x0).toBeGreaterThanOrEqual(0);
			expect(node.x1).toBeLessThanOrEqual(width);
			expect(node.y0).toBeGreaterThanOrEqual(0);
			expect(node.y1).toBeLessThanOrEqual(layout.height);
			// Labels are shortened to fit: outside the columns on a wide chart, inside them (half the width each) on a narrow one.
			const room = node.anchor === 'end' ? node.textX : width - node.textX;
			expect(node.text.length * 7.2).toBeLessThanOrEqual(node.inside ? Math.min(room, width / 2) : room);
			expect(node.inside).toBe(width < 560);
		}
		expect(Math.max(...types.map((n) => n.x1))).toBeLessThan(Math.min(...receivers.map((n) => n.x0)));
		expect(layout.bands.map((b) => [b.name, b.d.startsWith('M')])).toEqual([
			['IMEI → Google: 30 requests', true],
			['Visited pages → Google: 30 requests', true],
			['Search queries → A very long company name, Incorporated: 10 requests', true]
		]);
	});

	it('names nodes in full for screen readers', () => {
		const layout = layoutFlows(model, 390)!;
		expect(layout.nodes.find((n) => n.key === 'receiver:c:A very long company name, Incorporated')).toMatchObject({
			name: 'A very long company name, Incorporated: 10 requests with personal data',
			filter: { companies: ['A very long company name, Incorporated'] }
		});
	});

	it.each([
		['short', 10, 'short'],
		['a longer label', 8, 'a longe…'],
		['ab', 1, '…']
	])('shortens %s to %i characters', (text, chars, expected) => {
		expect(shorten(text, chars)).toBe(expected);
	});
});
