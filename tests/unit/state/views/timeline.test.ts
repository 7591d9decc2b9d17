import { describe, expect, it } from 'vitest';
import { FINDING_TYPES, type FindingType } from '../../../../src/lib/core/model';
import { binAt, binRange, binText, binTimeline, BINS_MAX, prepareTimeline } from '../../../../src/lib/state/views/timeline';
import { exchanges, random, times, type Shape } from './helpers';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function build(shapes: Shape[], maxBins = BINS_MAX, maxLanes?: number) {
	const input = prepareTimeline(exchanges(shapes), maxLanes);
	return input && binTimeline(input, maxBins);
}

describe('timeline', () => {
	it.each<[string, Shape[]]>([
		['no exchanges', []],
		['no times', times(3, { company: 'A', at: null })]
	])('is nothing with %s', (_name, shapes) => {
		expect(prepareTimeline(exchanges(shapes))).toBeNull();
	});

	it('puts each timed request in its receiver’s lane and its bin, and counts the untimed', () => {
		const timeline = build(
			[
				{ company: 'A', at: at(0), types: ['device.imei'] },
				{ company: 'A', at: at(5) },
				{ company: 'B', at: at(9), types: ['browsing.url'] },
				{ company: 'A', at: at(9.999), types: ['browsing.search_query'] },
				{ company: 'B', at: null }
			],
			2
		)!;
		expect([timeline.from, timeline.end, timeline.binMs, timeline.bins, timeline.untimed, timeline.peak]).toEqual([T0, T0 + 10_000, 5000, 2, 1, 2]);
		expect(timeline.lanes.map((l) => [l.receiver.name, l.requests, l.bins.map((b) => [b.index, b.requests, b.found, b.identifiers])])).toEqual([
			[
				'A',
				3,
				[
					[0, 1, 1, 1],
					[1, 2, 1, 0]
				]
			],
			['B', 1, [[1, 1, 1, 0]]]
		]);
		expect(binText(timeline.lanes[0]!.bins[0]!)).toBe('1 request, 1 with personal data: IMEI; 1 with an identifier');
		expect(binText(timeline.lanes[0]!.bins[1]!)).toBe('2 requests, 1 with personal data: Search queries');
	});

	it('uses at most 400 bins, each a whole number of milliseconds, covering every request', () => {
		const timeline = build(times(2, { company: 'A', at: at(0) }).concat([{ company: 'A', at: at(3601.5) }]))!;
		expect(timeline.bins).toBeLessThanOrEqual(400);
		expect(Number.isInteger(timeline.binMs)).toBe(true);
		expect(timeline.end).toBeGreaterThan(T0 + 3_601_500);
		expect(timeline.lanes[0]!.bins.map((b) => b.index)).toEqual([0, timeline.bins - 1]);
	});

	it('draws one bin when every request started at the same moment', () => {
		const timeline = build(times(3, { company: 'A', at: at(0) }))!;
		expect([timeline.bins, timeline.binMs, timeline.peak]).toEqual([1, 1, 3]);
		expect(binRange(timeline, 0, 0)).toEqual({ from: T0, to: T0 });
	});

	it('keeps 12 lanes and an Other for the receivers with the fewest timed requests', () => {
		const shapes = Array.from({ length: 16 }, (_, i) => times(20 - i, { company: `C${String(i).padStart(2, '0')}`, at: at(i) })).flat();
		shapes.push(...times(50, { company: 'Untimed', at: null }));
		const timeline = build(shapes)!;
		expect(timeline.lanes).toHaveLength(13);
		expect(timeline.lanes.map((l) => l.receiver.name)).not.toContain('Untimed');
		expect(timeline.lanes[12]).toMatchObject({ receiver: { name: 'Other (4 companies)', filter: { companies: ['C12', 'C13', 'C14', 'C15'] } }, requests: 8 + 7 + 6 + 5 });
	});

	it.each([
		[0, 0, { from: T0, to: T0 + 4999 }],
		[1, 0, { from: T0, to: T0 + 9999 }],
		[-3, 9, { from: T0, to: T0 + 9999 }]
	])('turns bins %i to %i into an inclusive time range', (first, last, range) => {
		const timeline = build([{ company: 'A', at: at(0) }, { company: 'A', at: at(9.999) }], 2)!;
		expect(binRange(timeline, first, last)).toEqual(range);
	});

	it.each([
		[0, 0],
		[0.49, 0],
		[0.5, 1],
		[1, 1],
		[-0.2, 0]
	])('finds the bin %f of the way across', (fraction, bin) => {
		const timeline = build([{ company: 'A', at: at(0) }, { company: 'A', at: at(9.999) }], 2)!;
		expect(binAt(timeline, fraction)).toBe(bin);
	});

	it('bins 20,000 requests quickly', () => {
		const next = random(11);
		const shapes: Shape[] = Array.from({ length: 20_000 }, (_, i) => ({
			company: `Company ${Math.floor(next() * 40)}`,
			at: next() < 0.02 ? null : at(i * 0.7 + next() * 5),
			types: FINDING_TYPES.filter(() => next() < 0.1) as FindingType[]
		}));
		const overviews = exchanges(shapes);
		const start = performance.now();
		const input = prepareTimeline(overviews)!;
		const prepared = performance.now();
		const timeline = binTimeline(input, 400);
		const end = performance.now();
		console.log(`timeline of 20,000 requests: prepared in ${(prepared - start).toFixed(1)} ms, binned in ${(end - prepared).toFixed(1)} ms`);
		expect(timeline.lanes).toHaveLength(13);
		expect(timeline.lanes.reduce((n, l) => n + l.requests, 0) + timeline.untimed).toBe(20_000);
		expect(Math.max(...timeline.lanes.map((l) => l.bins.length))).toBeLessThanOrEqual(400);
	});
});
