/**
 * The choices the filter bar offers for a capture, with how many requests each would keep: receiving companies,
 * data types, methods and status classes. Made once per report, in the worker (one pass over 20,000 exchanges cost
 * the page a third of the overview's first render).
 */
import { typesOfMask } from './capture-index';
import { statusClass, type QueriedExchange, type StatusClass } from './exchange-query';
import type { FindingType, SeverityLevel } from '../model';

export interface FacetOption<T extends string = string> {
	value: T;
	/** Requests that have it. */
	count: number;
}

export interface Facets {
	/** `''` stands for destinations whose company is not known. */
	companies: FacetOption[];
	types: FacetOption<FindingType>[];
	severities: FacetOption<SeverityLevel>[];
	methods: FacetOption[];
	statuses: FacetOption<StatusClass>[];
}

function tally<T extends string>(counts: Map<T, number>, key: T): void {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}

function options<T extends string>(counts: Map<T, number>, order?: readonly T[]): FacetOption<T>[] {
	const list = [...counts].map(([value, count]) => ({ value, count }));
	if (order) return list.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
	return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

const SEVERITY_ORDER: readonly SeverityLevel[] = ['high', 'medium', 'low', 'none'];
const STATUS_ORDER: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx', '1xx', 'none'];

/** `typesMask(i)`: the finding types exchange `i` carried (CaptureIndex.typesMask, or an overview's `types`). */
export function facetsOf(exchanges: readonly QueriedExchange[], typesMask: (index: number) => number): Facets {
	const companies = new Map<string, number>();
	const typeMasks = new Map<number, number>();
	const severities = new Map<SeverityLevel, number>();
	const methods = new Map<string, number>();
	const statuses = new Map<StatusClass, number>();
	for (const exchange of exchanges) {
		if (exchange.destination) tally(companies, exchange.destination.company ?? '');
		const mask = typesMask(exchange.index);
		if (mask !== 0) typeMasks.set(mask, (typeMasks.get(mask) ?? 0) + 1);
		tally(severities, exchange.severity?.level ?? 'none');
		tally(methods, (exchange.method ?? '').toUpperCase());
		tally(statuses, statusClass(exchange.status));
	}
	// Requests share few distinct type sets, so types are counted per set, not per request.
	const types = new Map<FindingType, number>();
	for (const [mask, count] of typeMasks) for (const type of typesOfMask(mask)) types.set(type, (types.get(type) ?? 0) + count);
	methods.delete('');
	return {
		companies: options(companies),
		types: options(types),
		severities: options(severities, SEVERITY_ORDER),
		methods: options(methods),
		statuses: options(statuses, STATUS_ORDER)
	};
}
