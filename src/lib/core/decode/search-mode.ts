/**
 * How hard the peeler searches one leaf, decided once by where the leaf sits.
 *
 * Two rules keep blind guessing where it can pay off:
 * - Codecs with no magic bytes (brotli, raw DEFLATE: `Codec.magicless`) are tried when HTTP declares
 *   them (Content-Encoding), or on a body's own bytes (the chain from a request or response body, a
 *   websocket message or a bare payload, before any structure) of at least MAGICLESS_MIN_BYTES. Never
 *   on leaves inside decoded structures, nor on query, header and cookie parts: there the bytes are
 *   session IDs and random tokens, which such a trial decode often "accepts".
 * - Inside documents, a weak sniff that would yield text or bytes is not tried (chain-search.ts,
 *   `sniffAll`, says why); on a part's own payload it is.
 */
export interface SearchMode {
	readonly name: 'inside-document' | 'part-payload' | 'body-payload';
	/** Weak sniffs that lead to text or bytes are tried too (a part's own payload). */
	readonly thorough: boolean;
	/** Magic-less codecs may be sniffed without HTTP declaring them (a body's own payload). */
	readonly blind: boolean;
	/** Where the cache keeps this mode's conclusions: each mode searches differently. */
	readonly side: 0 | 1 | 2;
}

/** A leaf inside a decoded structure or below a codec layer. */
export const INSIDE_DOCUMENT: SearchMode = Object.freeze({ name: 'inside-document', thorough: false, blind: false, side: 0 });
/** A query, header or cookie part's own payload: magic-less codecs only where HTTP declares them. */
export const PART_PAYLOAD: SearchMode = Object.freeze({ name: 'part-payload', thorough: true, blind: false, side: 1 });
/** A request or response body, a websocket message or a bare payload, before any structure. */
export const BODY_PAYLOAD: SearchMode = Object.freeze({ name: 'body-payload', thorough: true, blind: true, side: 2 });

/** Magic-less codecs are tried blind only on a body's own bytes at least this long (see the rules above). */
export const MAGICLESS_MIN_BYTES = 16;
