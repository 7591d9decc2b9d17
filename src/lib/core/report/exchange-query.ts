/**
 * The workspace's filters and search, run over a report's exchanges and its CaptureIndex: facets are ORed within
 * (company A or B) and ANDed across (company A and a device ID), as in DevTools' and HTTP Toolkit's filter bars.
 */
import type { DestinationCategory, ExchangeReport, FindingType, SeverityLevel } from '../model';
import { typesMask, type CaptureIndex, type SearchHit } from './capture-index';

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'none';

export interface ExchangeQuery {
	/** Case-insensitive substring of the URL or of any value found in the exchange. */
	text?: string;
	/** Receiving company; `''` matches destinations whose company is not known. */
	companies?: string[];
	/** Receiving site (eTLD+1), or the host when no destination is known. */
	sites?: string[];
	categories?: DestinationCategory[];
	/** Exchanges that carried any of these types. */
	types?: FindingType[];
	severities?: SeverityLevel[];
	methods?: string[];
	statuses?: StatusClass[];
	/** Only these exchanges (an identifier's or a value's requests). */
	exchanges?: number[];
	/** Started within [from, to], in milliseconds since the epoch (a timeline selection). */
	from?: number;
	to?: number;
}

export interface QueryMatch {
	index: number;
	/** Where the text matched; null when the query has no text. */
	hit: SearchHit | null;
}

/** Exchange fields a query reads: the report's exchanges, with or without findings. */
export type QueriedExchange = Pick<ExchangeReport, 'index' | 'method' | 'url' | 'host' | 'status' | 'startedAt' | 'destination' | 'severity'>;

export function statusClass(status: number | null): StatusClass {
	if (status === null || status < 100 || status > 599) return 'none';
	return `${Math.floor(status / 100)}xx` as StatusClass;
}

export function isEmptyQuery(query: ExchangeQuery): boolean {
	return (
		!query.text &&
		(['companies', 'sites', 'categories', 'types', 'severities', 'methods', 'statuses', 'exchanges'] as const).every((k) => !query[k] || query[k]!.length === 0) &&
		query.from === undefined &&
		query.to === undefined
	);
}

/** A predicate for one exchange, built once per query. */
export function compileQuery(query: ExchangeQuery, index: CaptureIndex): (exchange: QueriedExchange) => QueryMatch | null {
	const set = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? new Set(list) : null);
	const companies = set(query.companies);
	const sites = set(query.sites);
	const categories = set(query.categories);
	const severities = set(query.severities);
	const methods = set(query.methods?.map((m) => m.toUpperCase()));
	const statuses = set(query.statuses);
	const only = set(query.exchanges);
	const mask = query.types && query.types.length > 0 ? typesMask(query.types) : 0;
	const needle = (query.text ?? '').trim().toLowerCase();
	return (exchange) => {
		const i = exchange.index;
		if (only && !only.has(i)) return null;
		const destination = exchange.destination;
		if (companies && !companies.has(destination?.company ?? '')) return null;
		if (sites && !sites.has(destination?.site ?? exchange.host ?? '')) return null;
		if (categories && !categories.has(destination?.category ?? 'unknown')) return null;
		if (severities && !severities.has(exchange.severity?.level ?? 'none')) return null;
		if (methods && !methods.has((exchange.method ?? '').toUpperCase())) return null;
		if (statuses && !statuses.has(statusClass(exchange.status))) return null;
		if (mask !== 0 && (index.typesMask(i) & mask) === 0) return null;
		if (query.from !== undefined || query.to !== undefined) {
			const at = exchange.startedAt ? Date.parse(exchange.startedAt) : NaN;
			if (Number.isNaN(at) || (query.from !== undefined && at < query.from) || (query.to !== undefined && at > query.to)) return null;
		}
		if (needle === '') return { index: i, hit: null };
		const hit = index.find(i, needle);
		return hit ? { index: i, hit } : null;
	};
}

/** The matches in capture order, `chunk` at a time, so the worker can stream them and be cancelled between chunks. */
export function* runQuery(exchanges: readonly QueriedExchange[], index: CaptureIndex, query: ExchangeQuery, chunk = 5000): Generator<QueryMatch[]> {
	const test = compileQuery(query, index);
	let out: QueryMatch[] = [];
	for (const exchange of exchanges) {
		const match = test(exchange);
		if (!match) continue;
		out.push(match);
		if (out.length >= chunk) {
			yield out;
			out = [];
		}
	}
	yield out;
}
