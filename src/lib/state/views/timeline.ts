/**
 * The timeline view: requests over time, one lane per receiver. Preparing (parsing every start time once, naming
 * and ranking receivers) is separate from binning, which a new chart width redoes over flat arrays without parsing
 * again. At most 400 bins per lane, so 20,000 requests draw as a few thousand shapes at most.
 */
import { FINDING_TYPES } from '../../core/model';
import { typesMask, typesOfMask } from '../../core/report/capture-index';
import { ReceiverTally, type Receiver, type ViewedExchange } from './receivers';
import { requestsText } from './text';
import { isIdentifierType, typeLabel } from './type-labels';

export const LANES_MAX = 12;
export const BINS_MAX = 400;

const IDENTIFIERS = typesMask(FINDING_TYPES.filter(isIdentifierType));

export interface TimelineInput {
	/** Receivers with at least one timed request, most timed requests first; the last may be "Other". */
	receivers: Receiver[];
	/** Per timed request: its start, lane and finding types, in capture order. */
	times: Float64Array;
	lanes: Int32Array;
	types: Int32Array;
	/** Requests without a time, which the chart cannot place. */
	untimed: number;
	from: number;
	to: number;
}

export interface TimelineBin {
	/** Position on the time axis, 0 … bins - 1. */
	index: number;
	requests: number;
	/** Requests that carried any personal data. */
	found: number;
	/** Requests that carried an identifier (device, advertising, account ID, e-mail…). */
	identifiers: number;
	/** Finding types carried in this bin, as a mask. */
	types: number;
}

export interface TimelineLane {
	receiver: Receiver;
	/** Bins with at least one request, in time order. */
	bins: TimelineBin[];
	requests: number;
}

export interface Timeline {
	from: number;
	/** The end of the last bin, exclusive: `from + bins * binMs`. */
	end: number;
	binMs: number;
	bins: number;
	lanes: TimelineLane[];
	/** The most requests in one bin of any lane, for a common bar scale. */
	peak: number;
	untimed: number;
}

/** Parses start times and ranks receivers by their timed requests; null when no request has a time. */
export function prepareTimeline(exchanges: readonly ViewedExchange[], maxLanes = LANES_MAX): TimelineInput | null {
	const tally = new ReceiverTally();
	const parsed = new Float64Array(exchanges.length);
	const ids = new Int32Array(exchanges.length);
	let timed = 0;
	let from = Infinity;
	let to = -Infinity;
	for (let i = 0; i < exchanges.length; i++) {
		const exchange = exchanges[i]!;
		const at = exchange.startedAt ? Date.parse(exchange.startedAt) : NaN;
		parsed[i] = at;
		const hasTime = !Number.isNaN(at);
		ids[i] = tally.add(exchange, hasTime ? 1 : 0);
		if (!hasTime) continue;
		timed++;
		if (at < from) from = at;
		if (at > to) to = at;
	}
	if (timed === 0) return null;
	const { receivers, slots } = tally.rank(maxLanes);
	const times = new Float64Array(timed);
	const lanes = new Int32Array(timed);
	const types = new Int32Array(timed);
	let k = 0;
	for (let i = 0; i < exchanges.length; i++) {
		if (Number.isNaN(parsed[i]!)) continue;
		times[k] = parsed[i]!;
		lanes[k] = slots[ids[i]!]!;
		types[k] = exchanges[i]!.types;
		k++;
	}
	return { receivers, times, lanes, types, untimed: exchanges.length - timed, from, to };
}

/** Whole-millisecond bins, so a bin's edges are exact times and a selection of bins is an exact range. */
export function binTimeline(input: TimelineInput, maxBins = BINS_MAX): Timeline {
	const span = input.to - input.from + 1;
	const binMs = Math.max(1, Math.ceil(span / Math.max(1, Math.floor(maxBins))));
	const bins = Math.ceil(span / binMs);
	const laneCount = input.receivers.length;
	const requests = new Int32Array(laneCount * bins);
	const found = new Int32Array(laneCount * bins);
	const identifiers = new Int32Array(laneCount * bins);
	const masks = new Int32Array(laneCount * bins);
	for (let k = 0; k < input.times.length; k++) {
		const cell = input.lanes[k]! * bins + Math.floor((input.times[k]! - input.from) / binMs);
		const mask = input.types[k]!;
		requests[cell]!++;
		if (mask !== 0) found[cell]!++;
		if ((mask & IDENTIFIERS) !== 0) identifiers[cell]!++;
		masks[cell]! |= mask;
	}
	let peak = 0;
	const lanes = input.receivers.map((receiver, lane) => {
		const out: TimelineBin[] = [];
		let total = 0;
		for (let b = 0; b < bins; b++) {
			const cell = lane * bins + b;
			const n = requests[cell]!;
			if (n === 0) continue;
			total += n;
			if (n > peak) peak = n;
			out.push({ index: b, requests: n, found: found[cell]!, identifiers: identifiers[cell]!, types: masks[cell]! });
		}
		return { receiver, bins: out, requests: total };
	});
	return { from: input.from, end: input.from + bins * binMs, binMs, bins, lanes, peak, untimed: input.untimed };
}

/** The time range of bins `first` … `last` (inclusive, either order), as an ExchangeQuery's inclusive from/to. */
export function binRange(timeline: Timeline, first: number, last: number): { from: number; to: number } {
	const lo = Math.max(0, Math.min(first, last, timeline.bins - 1));
	const hi = Math.min(timeline.bins - 1, Math.max(first, last, 0));
	return { from: timeline.from + lo * timeline.binMs, to: timeline.from + (hi + 1) * timeline.binMs - 1 };
}

/** The bin under a point `fraction` (0 … 1) of the way across the chart. */
export function binAt(timeline: Timeline, fraction: number): number {
	return Math.min(timeline.bins - 1, Math.max(0, Math.floor(fraction * timeline.bins)));
}

/** "12 requests, 3 with personal data: IMEI, Visited pages; 2 with an identifier" */
export function binText(bin: TimelineBin): string {
	let text = requestsText(bin.requests);
	if (bin.found === 0) return `${text}, no personal data`;
	text += `, ${bin.found.toLocaleString('en-US')} with personal data: ${typesOfMask(bin.types).map(typeLabel).join(', ')}`;
	if (bin.identifiers > 0) text += `; ${bin.identifiers.toLocaleString('en-US')} with an identifier`;
	return text;
}
