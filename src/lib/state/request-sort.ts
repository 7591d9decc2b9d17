/**
 * The order of the request list. Sorting 50,000 rows with a comparator that builds keys on every call is slow, so
 * each sort first reads one key per row, then sorts indexes by it; ties keep capture order (a stable sort).
 */
import type { ExchangeOverview } from '../workers/protocol';
import type { Sort, SortKey } from './url-state';

const SEVERITY_RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;

function keyOf(exchange: ExchangeOverview, key: SortKey): string | number {
	switch (key) {
		case 'index':
			return exchange.index;
		case 'method':
			return exchange.method ?? '';
		case 'host':
			return exchange.host ?? '';
		case 'company':
			return (exchange.destination?.company ?? exchange.destination?.product ?? exchange.destination?.site ?? '').toLowerCase();
		case 'status':
			return exchange.status ?? -1;
		case 'severity':
			return SEVERITY_RANK[exchange.severity?.level ?? 'none'];
		case 'findings':
			return exchange.findingCount;
	}
}

/** `rows` (exchange indexes) in the order `sort` asks for; `rows` is not changed. */
export function sortRows(rows: readonly number[], exchanges: readonly ExchangeOverview[], sort: Sort): number[] {
	if (sort.key === 'index') return sort.descending ? [...rows].reverse() : [...rows];
	const keys = rows.map((i) => keyOf(exchanges[i]!, sort.key));
	const order = rows.map((_, position) => position);
	const direction = sort.descending ? -1 : 1;
	order.sort((a, b) => {
		const x = keys[a]!;
		const y = keys[b]!;
		if (x === y) return rows[a]! - rows[b]!;
		return (x < y ? -1 : 1) * direction;
	});
	return order.map((position) => rows[position]!);
}
