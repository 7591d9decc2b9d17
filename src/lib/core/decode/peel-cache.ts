import type { State } from './peel-search';

/** A chain a search accepted, and the bytes its decodes recorded against the budget. */
export interface CachedChain {
	end: State;
	bytes: number;
}

/** What searches concluded about the values found under one key hint at one place. */
export interface KeyRecord {
	/** Value no chain decoded → the bytes its search recorded against the budget (a search no limit touched ends the same at any depth). */
	undecodable: Map<string, number>;
	/** layers → value → the accepted chain (the layer limit depends on the layer count). */
	decoded: Map<number, Map<string, CachedChain>>;
	lookups: number;
	hits: number;
}

/** Lookups before a key's hit rate is judged, and the rate under which its values are taken for unique. */
const TRIAL_LOOKUPS = 256;
const MIN_HIT_SHARE = 0.02;

/**
 * What searches on short leaf strings concluded. Sniff and decode are pure, and only searches no limit
 * touched are kept, so the same value with the same key hint at the same place ends the same way.
 * Leaves inside documents, a part's own payload and a body's own payload are searched differently
 * (see `thorough` and `body`), so they are kept apart as three sides.
 *
 * Some keys never repeat a value (session tokens, timestamps, page titles): after a trial, a key
 * whose values almost never hit is no longer looked up nor filled, which spares a hash of each value
 * and keeps the maps small. The cache only ever saves work, so this changes no tree.
 */
export class PeelCache {
	private readonly sides = [new Map<string, KeyRecord>(), new Map<string, KeyRecord>(), new Map<string, KeyRecord>()];
	undecodableSize = 0;
	decodedSize = 0;

	/** The record to look up and fill for this key hint, or null when its values do not repeat. */
	recordFor(side: number, key: string): KeyRecord | null {
		const map = this.sides[side]!;
		let record = map.get(key);
		if (record === undefined) {
			record = { undecodable: new Map(), decoded: new Map(), lookups: 0, hits: 0 };
			map.set(key, record);
		}
		if (record.lookups >= TRIAL_LOOKUPS && record.hits < record.lookups * MIN_HIT_SHARE) return null;
		return record;
	}
}
