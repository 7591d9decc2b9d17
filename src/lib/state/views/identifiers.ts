/**
 * The identifiers view: each value seen in more than one request, who got it and over what stretch of the capture.
 * Times come from the exchanges' startedAt, parsed once for the whole capture; without times, request numbers
 * stand in ("#12 … #19,998"), since capture order is the order the requests were made.
 */
import type { DestinationSummary, FindingType, IdentifierReport } from '../../core/model';
import { destinationLabel } from '../../core/shared/destination-label';
import { compareText, type ExchangeFilter, type ViewedExchange } from './receivers';
import { typeLabel, typeTone, type TypeTone } from './type-labels';

export type IdentifierSort = 'companies' | 'requests' | 'first';
export type SortDirection = 'ascending' | 'descending';

/** When in the capture: a time when the request has one, and its request number always. */
export interface Moment {
	at: number | null;
	index: number;
}

export interface IdentifierRow {
	key: string;
	type: FindingType;
	label: string;
	tone: TypeTone;
	value: string;
	/** Receivers by name (the company, else the product or site), each once. */
	companies: string[];
	requests: number;
	first: Moment;
	last: Moment;
	filter: ExchangeFilter;
}

/** Start times by exchange index, NaN where the capture has none. */
export function startTimes(exchanges: readonly Pick<ViewedExchange, 'index' | 'startedAt'>[]): Float64Array {
	let size = 0;
	for (const e of exchanges) size = Math.max(size, e.index + 1);
	const times = new Float64Array(size).fill(NaN);
	for (const e of exchanges) if (e.startedAt) times[e.index] = Date.parse(e.startedAt);
	return times;
}

export function identifierRows(identifiers: readonly IdentifierReport[], destinations: readonly DestinationSummary[], times: Float64Array): IdentifierRow[] {
	const nameOf = new Map(destinations.map((d) => [d.site, destinationLabel(d).name]));
	return identifiers.map((id) => {
		const names = new Set(id.sites.map((site) => nameOf.get(site) ?? site));
		const exchanges = id.exchanges;
		let first: Moment = { at: null, index: exchanges[0] ?? 0 };
		let last: Moment = { at: null, index: exchanges[exchanges.length - 1] ?? 0 };
		// The earliest and latest timed requests; request order need not be time order (a HAR may list by finish).
		for (const index of exchanges) {
			const at = times[index];
			if (at === undefined || Number.isNaN(at)) continue;
			if (first.at === null || at < first.at) first = { at, index };
			if (last.at === null || at > last.at) last = { at, index };
		}
		return {
			key: `${id.type}\n${id.value}`,
			type: id.type,
			label: typeLabel(id.type),
			tone: typeTone(id.type),
			value: id.value,
			companies: [...names].sort(compareText),
			requests: exchanges.length,
			first,
			last,
			filter: { exchanges }
		};
	});
}

/** Timed moments in time order, then untimed ones in capture order. */
export function compareMoments(a: Moment, b: Moment): number {
	if (a.at !== null && b.at !== null) return a.at - b.at || a.index - b.index;
	if (a.at !== null) return -1;
	if (b.at !== null) return 1;
	return a.index - b.index;
}

const PRIMARY: Record<IdentifierSort, (a: IdentifierRow, b: IdentifierRow) => number> = {
	companies: (a, b) => a.companies.length - b.companies.length || a.requests - b.requests,
	requests: (a, b) => a.requests - b.requests || a.companies.length - b.companies.length,
	first: (a, b) => compareMoments(a.first, b.first)
};

/** What a first click on a column sorts by: most widespread first, earliest first. */
export function defaultDirection(key: IdentifierSort): SortDirection {
	return key === 'first' ? 'ascending' : 'descending';
}

/** A sorted copy; ties fall back to the type and value, whatever the direction, so the order is stable. */
export function sortIdentifiers(rows: readonly IdentifierRow[], key: IdentifierSort, direction: SortDirection): IdentifierRow[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const primary = PRIMARY[key];
	return [...rows].sort((a, b) => sign * primary(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
