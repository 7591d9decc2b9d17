import type { Budget } from '../limits';
import type { SniffHints } from './codec';
import type { State } from './peel-search';
import type { SearchMode } from './search-mode';

/** A chain a search accepted, and the bytes its decodes recorded against the budget. */
export interface CachedChain {
	end: State;
	bytes: number;
}

/** What searches concluded about the values found under one key hint in one search mode. */
export interface KeyRecord {
	/** Value no chain decoded → the bytes its search recorded against the budget (a search no limit touched ends the same at any depth). */
	undecodable: Map<string, number>;
	/** layers → value → the accepted chain (the layer limit depends on the layer count). */
	decoded: Map<number, Map<string, CachedChain>>;
	lookups: number;
	hits: number;
}

/** What a lookup found: the end of the chain to rebuild, a value known to be undecodable, or nothing usable. */
export type CacheLookup = State | 'undecodable' | 'miss';

/** Leaf strings up to this length are remembered (event batches repeat values); longer ones rarely repeat. */
const MAX_VALUE_LENGTH = 256;
const UNDECODABLE_MAX_ENTRIES = 50_000;
/** Accepted chains kept (each holds its decoded outputs, at most a few KiB from a 256-character value). */
const DECODED_MAX_ENTRIES = 20_000;
/** Lookups before a key's hit rate is judged, and the rate under which its values are taken for unique. */
const TRIAL_LOOKUPS = 256;
const MIN_HIT_SHARE = 0.02;

/**
 * What searches on short leaf strings concluded. Sniff and decode are pure, and only searches no limit
 * touched are kept, so the same value with the same key hint in the same search mode ends the same way.
 * Each SearchMode searches differently, so each has its own side.
 *
 * A hit charges the budget what the search once cost, so budgets end as they would have without the
 * cache; when that no longer fits, the lookup misses and the search runs again, so the limit stops it
 * exactly where it would have.
 *
 * Some keys never repeat a value (session tokens, timestamps, page titles): after a trial, a key
 * whose values almost never hit is no longer looked up nor filled, which spares a hash of each value
 * and keeps the maps small. The cache only ever saves work, so this changes no tree.
 */
export class PeelCache {
	private readonly sides = [new Map<string, KeyRecord>(), new Map<string, KeyRecord>(), new Map<string, KeyRecord>()];
	undecodableSize = 0;
	decodedSize = 0;

	/**
	 * The record where a leaf's search is looked up and remembered, or null when the leaf is not cached:
	 * bytes, long text, values with HTTP hints, and keys whose values do not repeat.
	 */
	recordForLeaf(mode: SearchMode, value: string | Uint8Array, hints: SniffHints): KeyRecord | null {
		if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
		if (hints.contentType !== undefined || hints.contentEncoding !== undefined || hints.contentTypeHeader !== undefined) return null;
		return this.recordFor(mode, hints.key ?? '');
	}

	/** The record to look up and fill for this key hint, or null when its values do not repeat. */
	recordFor(mode: SearchMode, key: string): KeyRecord | null {
		const map = this.sides[mode.side]!;
		let record = map.get(key);
		if (record === undefined) {
			record = { undecodable: new Map(), decoded: new Map(), lookups: 0, hits: 0 };
			map.set(key, record);
		}
		if (record.lookups >= TRIAL_LOOKUPS && record.hits < record.lookups * MIN_HIT_SHARE) return null;
		return record;
	}

	/** Looks a value up; a hit charges `budget` what the remembered search cost. */
	lookup(record: KeyRecord, value: string, layers: number, budget: Budget): CacheLookup {
		record.lookups++;
		const spent = record.undecodable.get(value);
		if (spent !== undefined && budget.replay(spent)) {
			record.hits++;
			return 'undecodable';
		}
		const hit = record.decoded.get(layers)?.get(value);
		if (hit && budget.replay(hit.bytes)) {
			record.hits++;
			return hit.end;
		}
		return 'miss';
	}

	/** Remembers that no chain decoded `value`, and what the search cost (`bytes` recorded against the budget). */
	rememberUndecodable(record: KeyRecord, value: string, bytes: number): void {
		if (this.undecodableSize >= UNDECODABLE_MAX_ENTRIES) return;
		record.undecodable.set(value, bytes);
		this.undecodableSize++;
	}

	/** Remembers the chain a search accepted for `value` at `layers`, and what the search cost. */
	rememberDecoded(record: KeyRecord, layers: number, value: string, end: State, bytes: number): void {
		if (this.decodedSize >= DECODED_MAX_ENTRIES) return;
		let values = record.decoded.get(layers);
		if (!values) record.decoded.set(layers, (values = new Map()));
		values.set(value, { end, bytes });
		this.decodedSize++;
	}
}
