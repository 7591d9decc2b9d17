import type { State } from './peel-search';

/** A chain a search accepted, and the bytes its decodes recorded against the budget. */
export interface CachedChain {
	end: State;
	bytes: number;
}

/**
 * What searches on short leaf strings concluded. Sniff and decode are pure, and only searches no limit
 * touched are kept, so the same value with the same key hint at the same place ends the same way.
 * Leaves inside documents, a part's own payload and a body's own payload are searched differently
 * (see `thorough` and `body`), so they are kept apart; accepted chains are also kept per layer count
 * (the layer limit depends on it).
 */
export class PeelCache {
	/**
	 * key hint → value no chain decoded → the bytes its search recorded against the budget; a search
	 * that touched no limit ends the same at any depth.
	 */
	readonly undecodable = [new Map<string, Map<string, number>>(), new Map<string, Map<string, number>>(), new Map<string, Map<string, number>>()];
	/** layers → key hint → value → the accepted chain. */
	readonly decoded = [
		new Map<number, Map<string, Map<string, CachedChain>>>(),
		new Map<number, Map<string, Map<string, CachedChain>>>(),
		new Map<number, Map<string, Map<string, CachedChain>>>()
	];
	undecodableSize = 0;
	decodedSize = 0;
}

