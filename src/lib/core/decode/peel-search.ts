/**
 * The search vocabulary of the peeler: a State is one value a codec chain produced, and these rules rank
 * states and decide which are accepted. Kept apart from peel.ts so the rules can be read on their own.
 */
import type { Codec, CodecOutput, SniffHints } from './codec';
import { magicName } from '../shared/magic';

/** One value in the search: what the chain so far produced. */
export interface State {
	parent: State | null;
	codec: Codec | null;
	output: CodecOutput | null;
	/** Text to hand to text codecs: the string itself, or bytes that are valid, readable UTF-8. */
	text: string | null;
	/** Bytes to hand to bytes codecs. */
	bytes: Uint8Array | null;
	depth: number;
	/** Product of the sniff scores along the chain: the search order. */
	score: number;
	/** The least sure sniff along the chain: what acceptance is judged on. */
	minScore: number;
	rank: number;
	hints: SniffHints;
	/** A per-value limit that stopped a codec on this value. */
	limit?: string;
	/** Why a codec declared by HTTP headers did not apply. */
	declaredFailure?: string;
}

export interface Move {
	state: State;
	candidate: Candidate;
	priority: number;
}

export interface Candidate {
	codec: Codec;
	score: number;
	declared: boolean;
}

/** How much a decoded value reveals. */
export const RANK_OPAQUE = 0;
export const RANK_KNOWN_BYTES = 1;
export const RANK_TEXT = 2;
export const RANK_STRUCTURE = 3;

/** A chain ending in bytes nobody can read is accepted only when its sniffs were this sure. */
export const OPAQUE_ACCEPT_SCORE = 0.8;
/** A chain ending in readable text is accepted only when its sniffs were at least this sure. */
export const TEXT_ACCEPT_SCORE = 0.3;
/** Unknown bytes produced by a chain are handed to bytes codecs only when the chain was this sure… */
export const EXPAND_OPAQUE_SCORE = 0.5;
/** …and they are at least this long. */
export const EXPAND_OPAQUE_MIN_BYTES = 16;
/** Sorts the sniffed part of a candidate list (after the declared ones) by score, best first. */
export function sortSniffed(list: Candidate[], from: number): Candidate[] {
	// Array.prototype.sort is stable: sorting in place gives the same order as sorting a copy.
	if (from === 0) return list.length > 1 ? list.sort((a, b) => b.score - a.score) : list;
	if (list.length - from > 1) {
		const sniffed = list.splice(from).sort((a, b) => b.score - a.score);
		for (const c of sniffed) list.push(c);
	}
	return list;
}

/** Takes the most promising move; the first of equals, so declared and higher-sniffed codecs go first. */
export function popBest(frontier: Move[]): Move {
	let at = 0;
	for (let i = 1; i < frontier.length; i++) if (frontier[i]!.priority > frontier[at]!.priority) at = i;
	return frontier.splice(at, 1)[0]!;
}

export function acceptable(state: State): boolean {
	if (state.rank === RANK_STRUCTURE) return true;
	if (state.rank === RANK_TEXT) return state.minScore >= TEXT_ACCEPT_SCORE;
	return state.minScore >= OPAQUE_ACCEPT_SCORE;
}

/**
 * Structure beats text beats bytes; then the chain that got further (every step of it passed a codec's
 * validation, and readable text or a known format at its end); then the more confident one.
 */
export function better(a: State, b: State): boolean {
	if (a.rank !== b.rank) return a.rank > b.rank;
	if (a.depth !== b.depth) return a.depth > b.depth;
	return a.score > b.score;
}

/**
 * Whether bytes codecs get a look at a value. Bytes that read as text are text. Bytes that a weak
 * guess produced from a short string (a hex or base64-looking ID) and that carry no known magic are
 * almost always random; sniffing them with magic-less formats (brotli, raw deflate) costs much and
 * finds nothing, and a decode there would be a guess on a guess.
 */
export function worthBytesCodecs(state: State): boolean {
	const { bytes } = state;
	if (bytes === null || bytes.length === 0) return false;
	if (state.parent === null || state.rank !== RANK_OPAQUE) return true;
	return state.minScore >= EXPAND_OPAQUE_SCORE && bytes.length >= EXPAND_OPAQUE_MIN_BYTES;
}

export function bytesRank(bytes: Uint8Array): number {
	return magicName(bytes) !== null ? RANK_KNOWN_BYTES : RANK_OPAQUE;
}

