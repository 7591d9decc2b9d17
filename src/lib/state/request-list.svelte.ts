/**
 * The request list's rows: the capture filtered and searched in its worker (matches stream in), then sorted here.
 * A newer query replaces an older one even while the older one's matches are still arriving.
 */
import type { SearchHit } from '../core/report/capture-index';
import { isEmptyQuery, type ExchangeQuery } from '../core/report/exchange-query';
import type { ExchangeOverview } from '../workers/protocol';
import { sortRows } from './request-sort';
import { DEFAULT_SORT, type Sort } from './url-state';

export type QueryRunner = (query: ExchangeQuery, onChunk: (indexes: number[], hits: (SearchHit | null)[]) => void) => Promise<void>;

export class RequestList {
	query = $state.raw<ExchangeQuery>({});
	sort = $state.raw<Sort>(DEFAULT_SORT);
	/** Matching exchange indexes in capture order; null: no filter, every exchange. */
	matched = $state.raw<number[] | null>(null);
	/** Where the search text matched, per exchange. */
	hits = $state.raw<ReadonlyMap<number, SearchHit>>(new Map());
	searching = $state(false);
	error = $state<string | null>(null);
	/** How long the last query took to answer in full, in milliseconds. */
	lastMillis = $state<number | null>(null);

	private exchanges = $state.raw<readonly ExchangeOverview[]>([]);
	private run: QueryRunner | null = null;
	private generation = 0;

	/** The rows on screen: matches in the chosen order. */
	readonly rows = $derived.by(() => {
		const all = this.matched ?? this.exchanges.map((e) => e.index);
		return sortRows(all, this.exchanges, this.sort);
	});

	/** A new capture: every row, no filter. */
	reset(exchanges: readonly ExchangeOverview[], run: QueryRunner | null): void {
		this.generation++;
		this.exchanges = exchanges;
		this.run = run;
		this.query = {};
		this.matched = null;
		this.hits = new Map();
		this.searching = false;
		this.error = null;
	}

	setSort(sort: Sort): void {
		this.sort = sort;
	}

	/** Applies a query; resolves when its matches are all in (or a newer query replaced it). */
	async apply(query: ExchangeQuery): Promise<void> {
		const generation = ++this.generation;
		this.query = query;
		this.error = null;
		if (isEmptyQuery(query) || !this.run) {
			this.matched = null;
			this.hits = new Map();
			this.searching = false;
			return;
		}
		this.searching = true;
		const started = performance.now();
		let matched: number[] = [];
		const hits = new Map<number, SearchHit>();
		let first = true;
		try {
			await this.run(query, (indexes, chunkHits) => {
				if (generation !== this.generation) return;
				matched = first ? indexes : matched.concat(indexes);
				first = false;
				chunkHits.forEach((hit, i) => hit && hits.set(indexes[i]!, hit));
				this.matched = matched;
				this.hits = new Map(hits);
			});
		} catch (error) {
			if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
		}
		if (generation !== this.generation) return;
		this.matched = matched;
		this.searching = false;
		this.lastMillis = performance.now() - started;
	}
}
