import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../../src/lib/state/views/time-axis';
import { fromLocalInput, toLocalInput } from '../../../../src/lib/state/views/time-format';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

describe('time axis', () => {
	it.each<[string, number, number, number, (d: Date) => boolean]>([
		['seconds', local(2024, 5, 1, 10, 0, 3), local(2024, 5, 1, 10, 0, 58), 8, (d) => d.getMilliseconds() === 0 && d.getSeconds() % 10 === 0],
		['minutes', local(2024, 5, 1, 10, 3), local(2024, 5, 1, 10, 57), 6, (d) => d.getSeconds() === 0 && d.getMinutes() % 15 === 0],
		['hours', local(2024, 5, 1, 1, 30), local(2024, 5, 2, 0, 30), 8, (d) => d.getMinutes() === 0 && d.getHours() % 3 === 0],
		['days', local(2024, 5, 1, 12), local(2024, 5, 9, 12), 10, (d) => d.getHours() === 0 && d.getMinutes() === 0],
		['months', local(2024, 1, 15), local(2024, 11, 15), 12, (d) => d.getDate() === 1 && d.getHours() === 0]
	])('%s: round local times inside the range, at most the count asked', (_name, from, to, max, round) => {
		const ticks = timeTicks(from, to, max, 'en-GB');
		expect(ticks.length).toBeGreaterThan(1);
		expect(ticks.length).toBeLessThanOrEqual(max);
		for (const [i, tick] of ticks.entries()) {
			expect(tick.at).toBeGreaterThanOrEqual(from);
			expect(tick.at).toBeLessThanOrEqual(to);
			if (i > 0) expect(tick.at).toBeGreaterThan(ticks[i - 1]!.at);
			expect(round(new Date(tick.at))).toBe(true);
			expect(tick.label).not.toBe('');
		}
	});

	it('labels times of day, and dates where the day changes', () => {
		const ticks = timeTicks(local(2024, 5, 1, 18), local(2024, 5, 2, 6), 6, 'en-GB');
		expect(ticks.map((t) => [t.label, t.date])).toEqual([
			['18:00', '1 May'],
			['21:00', null],
			['00:00', '2 May'],
			['03:00', null],
			['06:00', null]
		]);
	});

	it('names the moment of a range shorter than a second', () => {
		const at = local(2024, 5, 1, 10, 0, 5) + 250;
		expect(timeTicks(at, at + 10, 6, 'en-GB')).toEqual([{ at, label: '10:00:05', date: '1 May' }]);
	});

	it('gives no more ticks than fit, even on a tiny chart', () => {
		expect(timeTicks(local(2024, 5, 1), local(2024, 5, 1, 0, 0, 59), 1).length).toBeLessThanOrEqual(1);
	});
});

describe('datetime-local values', () => {
	it.each([
		['2024-05-01T10:00:05', false, local(2024, 5, 1, 10, 0, 5)],
		['2024-05-01T10:00:05', true, local(2024, 5, 1, 10, 0, 5) + 999],
		['2024-05-01T10:00', true, local(2024, 5, 1, 10) + 999],
		['2024-05-01T10:00:05.25', true, local(2024, 5, 1, 10, 0, 5) + 250],
		['', false, NaN],
		['yesterday', false, NaN]
	])('%s (end %s)', (value, end, expected) => {
		expect(fromLocalInput(value, end)).toBe(expected);
	});

	it('round-trips a time to the second', () => {
		const at = local(2024, 12, 31, 23, 59, 58);
		expect(toLocalInput(at + 420)).toBe('2024-12-31T23:59:58');
		expect(fromLocalInput(toLocalInput(at))).toBe(at);
	});
});
