/**
 * A HAR entry's timing and sizes, read as tolerantly as the rest of the entry: tools write -1 for "not measured",
 * and some write null, strings, `{}` or nothing at all. Anything that is not a finite, non-negative number is
 * left out, so a bad value costs only that value and never the entry.
 */
import { TIMING_PHASES, type ExchangeTiming, type RecordedSizes } from '../model';

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

/** A measured amount, or null: -1 is HAR's "does not apply", and strings are not read as numbers on purpose. */
function measured(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** `time` and `timings` of an entry; null when neither holds one measured value. */
export function harTiming(entry: Obj): ExchangeTiming | null {
	const totalMs = measured(entry.time);
	const timings = obj(entry.timings);
	const phases: ExchangeTiming['phases'] = [];
	for (const name of TIMING_PHASES) {
		const ms = measured(timings[name]);
		if (ms !== null) phases.push({ name, ms });
	}
	return totalMs === null && phases.length === 0 ? null : { totalMs, phases };
}

/** The sizes the tool counted on the wire; null when it counted none. */
export function harSizes(request: Obj, response: Obj): RecordedSizes | null {
	const sizes: RecordedSizes = {};
	let any = false;
	const put = (key: keyof RecordedSizes, value: unknown) => {
		const n = measured(value);
		if (n === null || !Number.isInteger(n)) return;
		sizes[key] = n;
		any = true;
	};
	put('requestHeaders', request.headersSize);
	put('requestBody', request.bodySize);
	put('responseHeaders', response.headersSize);
	put('responseBody', response.bodySize);
	put('responseTransfer', response._transferSize);
	return any ? sizes : null;
}
