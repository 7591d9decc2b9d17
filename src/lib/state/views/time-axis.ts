/**
 * Ticks for a time axis in local time: the smallest round step (1, 2, 5, 10, 15, 30 seconds or minutes, 1–12 hours,
 * days, months, years) that gives at most the ticks that fit, placed on round local times (10:15:00, midnight,
 * the 1st), so a tick reads as a time a person would name. Local time comes from Date's local methods, which keep
 * round times round across daylight-saving changes.
 */

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

interface Step {
	unit: Unit;
	count: number;
	/** Roughly how long, to choose a step. */
	ms: number;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const STEPS: Step[] = [
	...[1, 2, 5, 10, 15, 30].map((count) => ({ unit: 'second' as const, count, ms: count * S })),
	...[1, 2, 5, 10, 15, 30].map((count) => ({ unit: 'minute' as const, count, ms: count * M })),
	...[1, 2, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count, ms: count * H })),
	...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, ms: count * D })),
	...[1, 3, 6].map((count) => ({ unit: 'month' as const, count, ms: count * 30 * D })),
	...[1, 2, 5, 10, 20, 50, 100].map((count) => ({ unit: 'year' as const, count, ms: count * 365 * D }))
];

export interface Tick {
	at: number;
	label: string;
	/** The date, on ticks of a time of day where the day changes and on the first; null otherwise. */
	date: string | null;
}

function floorTo(at: number, step: Step): Date {
	const d = new Date(at);
	const down = (n: number) => Math.floor(n / step.count) * step.count;
	switch (step.unit) {
		case 'second':
			d.setMilliseconds(0);
			d.setSeconds(down(d.getSeconds()));
			break;
		case 'minute':
			d.setSeconds(0, 0);
			d.setMinutes(down(d.getMinutes()));
			break;
		case 'hour':
			d.setMinutes(0, 0, 0);
			d.setHours(down(d.getHours()));
			break;
		case 'day':
			d.setHours(0, 0, 0, 0);
			// Weeks and fortnights start on the 1st, 8th, 15th…: calendars have no better round day.
			d.setDate(down(d.getDate() - 1) + 1);
			break;
		case 'month':
			d.setHours(0, 0, 0, 0);
			d.setDate(1);
			d.setMonth(down(d.getMonth()));
			break;
		case 'year':
			d.setHours(0, 0, 0, 0);
			d.setMonth(0, 1);
			d.setFullYear(down(d.getFullYear()));
			break;
	}
	return d;
}

function advance(d: Date, step: Step): void {
	switch (step.unit) {
		case 'second':
			d.setSeconds(d.getSeconds() + step.count);
			break;
		case 'minute':
			d.setMinutes(d.getMinutes() + step.count);
			break;
		case 'hour':
			d.setHours(d.getHours() + step.count);
			break;
		case 'day': {
			const month = d.getMonth();
			d.setDate(d.getDate() + step.count);
			// A new month starts its days again at the 1st, so ticks stay on the same days of every month.
			if (step.count > 1 && d.getMonth() !== month) d.setDate(1);
			break;
		}
		case 'month':
			d.setMonth(d.getMonth() + step.count);
			break;
		case 'year':
			d.setFullYear(d.getFullYear() + step.count);
			break;
	}
}

function labelFormat(unit: Unit, locale: string | undefined): Intl.DateTimeFormat {
	const options: Intl.DateTimeFormatOptions =
		unit === 'second'
			? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
			: unit === 'minute' || unit === 'hour'
				? { hour: '2-digit', minute: '2-digit' }
				: unit === 'day'
					? { month: 'short', day: 'numeric' }
					: unit === 'month'
						? { month: 'short', year: 'numeric' }
						: { year: 'numeric' };
	return new Intl.DateTimeFormat(locale, options);
}

/**
 * At most `max` ticks between `from` and `to` (inclusive), on round local times. Only the locale is a parameter: the
 * zone is the machine's, as Date's local methods have it.
 */
export function timeTicks(from: number, to: number, max: number, locale?: string): Tick[] {
	const span = Math.max(1, to - from);
	const limit = Math.max(1, Math.floor(max));
	// n steps make n + 1 ticks when the range starts on a round time.
	const step = STEPS.find((s) => span / s.ms <= Math.max(1, limit - 1)) ?? STEPS[STEPS.length - 1]!;
	const ats: number[] = [];
	const d = floorTo(from, step);
	if (d.getTime() < from) advance(d, step);
	while (d.getTime() <= to && ats.length <= limit) {
		ats.push(d.getTime());
		advance(d, step);
	}
	if (ats.length > limit) ats.length = limit;
	// A range shorter than the smallest step (every request in one second) still says when it was.
	if (ats.length === 0) ats.push(from);
	const format = labelFormat(step.unit, locale);
	const subDay = step.unit === 'second' || step.unit === 'minute' || step.unit === 'hour';
	const dayFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
	let lastDay = '';
	return ats.map((at) => {
		const day = new Date(at).toDateString();
		const date = subDay && day !== lastDay ? dayFormat.format(at) : null;
		lastDay = day;
		return { at, label: format.format(at), date };
	});
}
