import { describe, expect, it } from 'vitest';
import type { TimelineBin, TimelineLane } from '../../../../src/lib/state/views/timeline';
import { barHeight, binOf, laneShapes, type LaneGeometry } from '../../../../src/lib/state/views/timeline-shapes';

const bin = (index: number, requests: number, found = 0, identifiers = 0): TimelineBin => ({ index, requests, found, identifiers, types: 0 });
const lane = (bins: TimelineBin[]): TimelineLane => ({ receiver: { key: 'c:A', name: 'A', detail: null, members: 1, weight: 1, requests: 1, filter: {} }, bins, requests: 1 });
const GEOMETRY: LaneGeometry = { x: 8, binWidth: 4, base: 40, barMax: 16, peak: 16 };
const bars = (d: string) => d.match(/M/g)?.length ?? 0;

describe('timeline lane shapes', () => {
	it('draw every bin as one bar, in the path of its share of requests with personal data', () => {
		const shapes = laneShapes(lane([bin(0, 4), bin(1, 4, 1), bin(2, 4, 2), bin(3, 4, 3), bin(4, 4, 4), bin(5, 8, 8), bin(9, 1)]), GEOMETRY);
		expect([bars(shapes.plain), ...shapes.found.map(bars)]).toEqual([2, 1, 1, 1, 2]);
		expect(shapes.dots).toBe('');
	});

	it('put a bar at its bin and scale it by the square root of its requests', () => {
		const shapes = laneShapes(lane([bin(2, 16), bin(3, 4, 0, 1)]), GEOMETRY);
		expect(shapes.plain).toBe('M16 40v-16h3v16zM20 40v-9h3v9z');
		expect(barHeight(16, GEOMETRY)).toBe(16);
		expect(barHeight(4, GEOMETRY)).toBe(9);
		expect(bars(shapes.dots)).toBe(1);
	});

	it('find a bin by its position, or none', () => {
		const l = lane([bin(0, 1), bin(5, 2), bin(9, 3)]);
		expect([0, 5, 9, 4, 10].map((i) => binOf(l, i)?.requests ?? null)).toEqual([1, 2, 3, null, null]);
	});
});
