/**
 * Times as the views show them: local time in the reader's own conventions (Intl), with as much of the date as the
 * capture's span needs, and the time zone said once per view. Locale and zone are parameters so tests are fixed.
 */
import type { Moment } from './identifiers';

export interface TimeSettings {
	locale?: string;
	timeZone?: string;
}

/** The zone times are shown in, by name ("Europe/Madrid"). */
export function timeZoneName(settings: TimeSettings = {}): string {
	return new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone }).resolvedOptions().timeZone;
}

/** A format for moments between `from` and `to`: the time of day within a day, the day within a year, else the year too. */
export function momentFormat(from: number, to: number, settings: TimeSettings = {}): Intl.DateTimeFormat {
	const sameDay = dayKey(from, settings) === dayKey(to, settings);
	const sameYear = yearOf(from, settings) === yearOf(to, settings);
	return new Intl.DateTimeFormat(settings.locale, {
		timeZone: settings.timeZone,
		...(sameDay ? {} : sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' }),
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
}

function dayKey(at: number, settings: TimeSettings): string {
	return new Intl.DateTimeFormat('en-US', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function yearOf(at: number, settings: TimeSettings): string {
	return new Intl.DateTimeFormat('en-US', { timeZone: settings.timeZone, year: 'numeric' }).format(at);
}

export function requestNumber(index: number): string {
	return `#${index.toLocaleString('en-US')}`;
}

export function momentText(moment: Moment, format: Intl.DateTimeFormat): string {
	return moment.at === null ? requestNumber(moment.index) : format.format(moment.at);
}

/** "12:03:10 … 12:45:01", "#12 … #19,998", or one moment when both are the same request. */
export function stretchText(first: Moment, last: Moment, format: Intl.DateTimeFormat): string {
	if (first.index === last.index) return momentText(first, format);
	return `${momentText(first, format)} … ${momentText(last, format)}`;
}

/** The earliest and latest of a list of times, ignoring the missing ones; null when none is there. */
export function timeRange(times: Iterable<number>): { from: number; to: number } | null {
	let from = Infinity;
	let to = -Infinity;
	for (const at of times) {
		if (Number.isNaN(at)) continue;
		if (at < from) from = at;
		if (at > to) to = at;
	}
	return from === Infinity ? null : { from, to };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A time as a datetime-local input's value, to the second, in local time ("2024-05-01T10:00:05"). */
export function toLocalInput(at: number): string {
	const d = new Date(at);
	return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A datetime-local input's value as a time; `end` takes the last millisecond of the second it names, so a range typed
 * to the second includes that whole second. Browsers drop ":00" seconds from the value, so a value without seconds
 * names second 0, not the whole minute. NaN when the value is not a date and time.
 */
export function fromLocalInput(value: string, end = false): number {
	const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
	if (!match) return NaN;
	const [, y, mo, d, h, mi, s, ms] = match;
	const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((ms ?? '0').padEnd(3, '0'))).getTime();
	return end && ms === undefined ? at + 999 : at;
}
