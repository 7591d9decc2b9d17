/**
 * Where the user is in a capture, written in the URL's hash so Back, Forward and reload return there: the view, the
 * selected request, the filters and the sort. Pure, so it is tested without a browser; unknown or malformed parts of
 * a hash are dropped rather than trusted (a hash can be typed or pasted by anyone).
 */
import { FINDING_TYPES, type DestinationCategory, type FindingType, type SeverityLevel } from '../core/model';
import type { ExchangeQuery, StatusClass } from '../core/report/exchange-query';

export const VIEWS = ['requests', 'flow', 'leaks', 'identifiers', 'timeline'] as const;
export type WorkspaceView = (typeof VIEWS)[number];

export const SORT_KEYS = ['index', 'method', 'host', 'company', 'status', 'severity', 'findings'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
	key: SortKey;
	descending: boolean;
}

export interface WorkspaceLocation {
	view: WorkspaceView;
	/** The selected request, by its index in the capture. */
	exchange: number | null;
	query: ExchangeQuery;
	sort: Sort;
}

export const DEFAULT_SORT: Sort = { key: 'index', descending: false };

export function defaultLocation(): WorkspaceLocation {
	return { view: 'requests', exchange: null, query: {}, sort: DEFAULT_SORT };
}

const SEVERITIES: readonly SeverityLevel[] = ['none', 'low', 'medium', 'high'];
const STATUSES: readonly StatusClass[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'none'];
const CATEGORIES: readonly DestinationCategory[] = ['analytics', 'advertising', 'crash-reporting', 'social', 'attribution', 'telemetry', 'cdn', 'first-party', 'unknown'];
/** Past this many explicit exchanges the list is not written to the URL (it would be megabytes); the filter still applies. */
const MAX_EXCHANGES_IN_URL = 2000;
const MAX_TEXT = 500;

type ListKey = 'companies' | 'sites' | 'categories' | 'types' | 'severities' | 'methods' | 'statuses';
const LISTS: readonly [ListKey, string, ((value: string) => boolean) | null][] = [
	['companies', 'company', null],
	['sites', 'site', null],
	['categories', 'category', (v) => (CATEGORIES as readonly string[]).includes(v)],
	['types', 'type', (v) => (FINDING_TYPES as readonly string[]).includes(v)],
	['severities', 'severity', (v) => (SEVERITIES as readonly string[]).includes(v)],
	['methods', 'method', (v) => /^[A-Za-z]{1,20}$/.test(v)],
	['statuses', 'status', (v) => (STATUSES as readonly string[]).includes(v)]
];

export function toHash(location: WorkspaceLocation): string {
	const params = new URLSearchParams();
	if (location.view !== 'requests') params.set('view', location.view);
	if (location.exchange !== null) params.set('request', String(location.exchange));
	const q = location.query;
	if (q.text) params.set('q', q.text.slice(0, MAX_TEXT));
	for (const [key, name] of LISTS) for (const value of q[key] ?? []) params.append(name, value);
	if (q.exchanges && q.exchanges.length > 0 && q.exchanges.length <= MAX_EXCHANGES_IN_URL) params.set('requests', compressRanges(q.exchanges));
	if (q.from !== undefined) params.set('from', String(q.from));
	if (q.to !== undefined) params.set('to', String(q.to));
	if (location.sort.key !== DEFAULT_SORT.key || location.sort.descending !== DEFAULT_SORT.descending) params.set('sort', `${location.sort.descending ? '-' : ''}${location.sort.key}`);
	const text = params.toString();
	return text === '' ? '' : `#${text}`;
}

export function fromHash(hash: string): WorkspaceLocation {
	const location = defaultLocation();
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const view = params.get('view');
	if (view && (VIEWS as readonly string[]).includes(view)) location.view = view as WorkspaceView;
	const request = params.get('request');
	if (request !== null && /^\d{1,9}$/.test(request)) location.exchange = Number(request);
	const query: ExchangeQuery = {};
	const text = params.get('q');
	if (text) query.text = text.slice(0, MAX_TEXT);
	for (const [key, name, valid] of LISTS) {
		const values = params.getAll(name).filter((v) => v.length <= 200 && (valid === null || valid(v)));
		if (values.length > 0) (query as Record<ListKey, string[]>)[key] = values;
	}
	const requests = params.get('requests');
	if (requests) {
		const list = expandRanges(requests);
		if (list) query.exchanges = list;
	}
	for (const bound of ['from', 'to'] as const) {
		const value = params.get(bound);
		if (value !== null && /^-?\d{1,16}$/.test(value)) query[bound] = Number(value);
	}
	location.query = query;
	const sort = params.get('sort');
	const key = sort?.replace(/^-/, '');
	if (sort && key && (SORT_KEYS as readonly string[]).includes(key)) location.sort = { key: key as SortKey, descending: sort.startsWith('-') };
	return location;
}

/** `1,2,3,7,9,10` → `1-3,7,9-10`: an identifier's requests are often runs. */
export function compressRanges(indexes: readonly number[]): string {
	const sorted = [...new Set(indexes)].sort((a, b) => a - b);
	const out: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
		out.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
		i = j + 1;
	}
	return out.join(',');
}

/** The inverse of compressRanges; null when malformed or larger than a URL should carry. */
export function expandRanges(text: string): number[] | null {
	const out: number[] = [];
	if (text === '') return out;
	for (const piece of text.split(',')) {
		const match = /^(\d{1,9})(?:-(\d{1,9}))?$/.exec(piece);
		if (!match) return null;
		const from = Number(match[1]);
		const to = match[2] === undefined ? from : Number(match[2]);
		if (to < from || out.length + (to - from + 1) > 1_000_000) return null;
		for (let i = from; i <= to; i++) out.push(i);
	}
	return out;
}

export function isFindingTypeName(value: string): value is FindingType {
	return (FINDING_TYPES as readonly string[]).includes(value);
}
