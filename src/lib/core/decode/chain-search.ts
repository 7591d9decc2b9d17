/**
 * The search for one leaf: a bounded best-first search over codec chains. `sniff` ranks what to try,
 * the codec's own validation decides what is accepted, and the chain whose end reveals the most wins
 * (structure beats readable text beats bytes; among equals, the longer chain, then the more confident
 * one: peel-search.ts). HTTP semantics come first: Content-Encoding and Content-Type are tried before
 * anything sniffed.
 *
 * Bytes that carry the signature of a finished file (an image, a font, a PDF…: entropy.ts,
 * `isFinalFormat`) get their verdict at once; only codecs HTTP declares are tried on them. Where
 * magic-less codecs and weak guesses are tried is the leaf's SearchMode (search-mode.ts).
 */
import { Budget, LimitExceeded } from '../limits';
import { NO_HINTS, meetsPreconditions, type Codec, type CodecOutput, type SniffHints } from './codec';
import { isFinalFormat } from '../shared/magic';
import { CONTENT_ENCODINGS, codecIdForContentType, declaredName, lastEncoding, remainingEncodings, withoutHttp } from './http-hints';
import { isGlobalLimit } from './limit-record';
import {
	RANK_OPAQUE,
	RANK_STRUCTURE,
	RANK_TEXT,
	TEXT_ACCEPT_SCORE,
	acceptable,
	better,
	bytesRank,
	popBest,
	sortSniffed,
	worthBytesCodecs,
	type Candidate,
	type Move,
	type State
} from './peel-search';
import { MAGICLESS_MIN_BYTES, type SearchMode } from './search-mode';
import { isReadable, readableUtf8 } from '../shared/text';

/** Candidate codecs tried on one intermediate value. */
const MAX_CANDIDATES = 4;
/** Strings shorter than this are not sniffed at all: no codec turns two characters into anything. */
export const MIN_SNIFF_LENGTH = 3;

/** One per peeler: searches run one at a time, each leaf's to its end before its tree is built. */
export class ChainSearch {
	/** Set by each search: no limit touched it, so the same value with the same hints ends the same way. */
	pure = true;
	private readonly byId: ReadonlyMap<string, Codec>;

	constructor(
		private readonly budget: Budget,
		private readonly textCodecs: readonly Codec<'text'>[],
		private readonly bytesCodecs: readonly Codec<'bytes'>[]
	) {
		this.byId = codecsById(textCodecs, bytesCodecs);
	}

	rootState(value: string | Uint8Array, hints: SniffHints): State {
		if (typeof value === 'string') {
			return { parent: null, codec: null, output: null, text: value, bytes: null, depth: 0, score: 1, minScore: 1, rank: RANK_TEXT, hints };
		}
		const text = readableUtf8(value);
		return {
			parent: null,
			codec: null,
			output: null,
			text,
			bytes: value,
			depth: 0,
			score: 1,
			minScore: 1,
			rank: text !== null ? RANK_TEXT : bytesRank(value),
			hints
		};
	}

	/**
	 * The text codecs worth trying on a string with no HTTP hints, best first, or null when none is: most
	 * leaves inside big documents end here, before any search state is built.
	 */
	sniffText(text: string, hints: SniffHints, mode: SearchMode): Candidate[] | null {
		const list = this.sniffAll(this.textCodecs, text, hints, null, null, mode);
		return list === null ? null : sortSniffed(list, 0);
	}

	/**
	 * Best-first over chains: the frontier holds moves (a value and a codec to try on it), ordered by
	 * how sure the chain so far and the codec's sniff are together, so a strong chain is followed to
	 * its end before a weak guess on an earlier value is tried. Stops at the first structure, when no
	 * move is left, or after `maxSearchSteps` decode attempts. Returns the end of the best acceptable
	 * chain, or null when nothing beats the value as it is. `rootCandidates`: the root's, when already sniffed.
	 */
	run(root: State, layers: number, mode: SearchMode, rootCandidates: Candidate[] | null): State | null {
		const frontier: Move[] = [];
		let steps = this.budget.limits.maxSearchSteps;
		let best: State | null = null;
		this.pure = true;
		this.expand(frontier, root, rootCandidates, layers, mode);
		while (frontier.length > 0 && steps > 0) {
			const { state, candidate } = popBest(frontier);
			steps--;
			const output = this.tryDecode(state, candidate);
			if (output === null) continue;
			const next = this.nextState(state, candidate, output);
			if (acceptable(next) && (best === null || better(next, best))) best = next;
			if (next.rank === RANK_STRUCTURE) return best;
			this.expand(frontier, next, null, layers, mode);
		}
		return best;
	}

	/**
	 * The one-step chain `codec` gives on the root, when it is a tree no limit touched; null otherwise.
	 * For a codec known to outrank every other sniff on the value: the full search would try it first
	 * and stop at its structure.
	 */
	structureBy(root: State, codec: Codec<'text'>): State | null {
		const candidate: Candidate = { codec, score: safeSniff(codec, root.text!, root.hints), declared: false };
		this.pure = true;
		const output = this.tryDecode(root, candidate);
		if (output === null || output.kind !== 'tree' || root.limit !== undefined || !this.pure) return null;
		return this.nextState(root, candidate, output);
	}

	/** Adds the moves for a value to the frontier (a method, not a closure: one search per leaf). */
	private expand(frontier: Move[], state: State, candidates: Candidate[] | null, layers: number, mode: SearchMode): void {
		const maxLayers = this.budget.limits.maxLayers;
		if (layers + state.depth >= maxLayers) {
			state.limit = `not decoded further: ${maxLayers} layers is the layer limit`;
			this.pure = false;
			return;
		}
		const list = candidates ?? this.candidates(state, mode);
		for (let i = 0; i < list.length && i < MAX_CANDIDATES; i++) {
			const candidate = list[i]!;
			frontier.push({ state, candidate, priority: state.score * Math.min(1, candidate.score) });
		}
	}

	/** Codecs worth trying on a value: those its HTTP headers declare first, then by sniff score. */
	private candidates(state: State, mode: SearchMode): Candidate[] {
		const list: Candidate[] = [];
		const { hints, text, bytes } = state;
		let declared: string[] | null = null;
		if (hints.contentEncoding !== undefined || hints.contentType !== undefined) {
			declared = [];
			if (hints.contentEncoding) for (const id of CONTENT_ENCODINGS[lastEncoding(hints.contentEncoding)] ?? []) declared.push(id);
			// Also when an encoding is declared: captures often hold the body already decoded.
			const typeCodec = hints.contentType ? codecIdForContentType(hints.contentType) : null;
			if (typeCodec) declared.push(typeCodec);
			for (const id of declared) {
				const codec = this.byId.get(id);
				if (!codec || list.some((c) => c.codec === codec)) continue;
				if ((codec.input === 'bytes' && bytes === null) || (codec.input === 'text' && text === null)) continue;
				list.push({ codec, score: 1, declared: true });
			}
		}
		const firstSniffed = list.length;
		if (text !== null && text.length >= MIN_SNIFF_LENGTH) this.sniffAll(this.textCodecs, text, hints, declared, list, mode);
		if (bytes !== null && text === null && worthBytesCodecs(state) && !isFinalFormat(bytes)) this.sniffAll(this.bytesCodecs, bytes, hints, declared, list, mode);
		return sortSniffed(list, firstSniffed);
	}

	/** Appends every codec that sniffs the input worth a try; allocates the list only when one does. */
	private sniffAll(
		codecs: readonly Codec[],
		input: string | Uint8Array,
		hints: SniffHints,
		declared: string[] | null,
		list: Candidate[] | null,
		mode: SearchMode
	): Candidate[] | null {
		const isText = typeof input === 'string';
		for (const codec of codecs) {
			if (declared !== null && declared.includes(codec.id)) continue;
			if (codec.magicless && !(mode.blind && input.length >= MAGICLESS_MIN_BYTES)) continue;
			// The codec's declared preconditions: its sniff would say 0.
			if (isText && !meetsPreconditions(codec, input)) continue;
			const score = safeSniff(codec, input, hints);
			// Inside documents, a weak guess that yields text or bytes could only lead to more guesses and
			// costs a decode on each of thousands of leaves: a structure codec validates its own result,
			// anything else needs a sniff worth accepting. A part's own payload is worth the extra tries.
			if (score > 0 && (mode.thorough || score >= TEXT_ACCEPT_SCORE || codec.output === 'tree')) (list ??= []).push({ codec, score, declared: false });
		}
		return list;
	}

	private tryDecode(state: State, candidate: Candidate): CodecOutput | null {
		const { codec } = candidate;
		const input = codec.input === 'text' ? state.text : state.bytes;
		if (input === null) return null;
		const hints = candidate.declared ? state.hints : withoutHttp(state.hints);
		let result;
		try {
			result = (codec as Codec<'text' | 'bytes'>).decode(input as string & Uint8Array, { budget: this.budget, hints });
		} catch (error) {
			if (error instanceof LimitExceeded) {
				if (isGlobalLimit(error)) throw error;
				state.limit = `${codec.label}: ${error.message}`;
				this.pure = false;
				return null;
			}
			// A codec that throws on hostile input has a bug; for this value it means "not this codec".
			return null;
		}
		if (result.kind === 'failure') {
			if (candidate.declared) state.declaredFailure ??= `declared ${declaredName(state.hints, codec.id)}, but ${codec.label} failed: ${result.reason}`;
			return null;
		}
		// Turning something into nothing is not a decode (a stream that is all padding, a lucky empty block).
		if ((result.kind === 'text' && result.text.length === 0) || (result.kind === 'bytes' && result.bytes.length === 0)) return null;
		return result;
	}

	private nextState(parent: State, candidate: Candidate, output: CodecOutput): State {
		// After the declared Content-Encoding is undone, the Content-Type describes what is left.
		let hints: SniffHints = NO_HINTS;
		if (candidate.declared && parent.hints.contentEncoding) {
			hints = {};
			const rest = remainingEncodings(parent.hints.contentEncoding);
			if (rest) hints.contentEncoding = rest;
			if (parent.hints.contentType) hints.contentType = parent.hints.contentType;
			if (parent.hints.contentTypeHeader) hints.contentTypeHeader = parent.hints.contentTypeHeader;
		}
		const state: State = {
			parent,
			codec: candidate.codec,
			output,
			text: null,
			bytes: null,
			depth: parent.depth + 1,
			score: parent.score * Math.min(1, candidate.score),
			minScore: Math.min(parent.minScore, candidate.score),
			rank: RANK_STRUCTURE,
			hints
		};
		if (output.kind === 'text') {
			state.text = output.text;
			state.rank = isReadable(output.text) ? RANK_TEXT : RANK_OPAQUE;
		} else if (output.kind === 'bytes') {
			state.bytes = output.bytes;
			state.text = readableUtf8(output.bytes);
			state.rank = state.text !== null ? RANK_TEXT : bytesRank(output.bytes);
		}
		return state;
	}
}

/** Codec by id, first of each id winning; one map per pair of codec lists (a capture makes a peeler per part). */
const byIdCache = new WeakMap<readonly Codec[], WeakMap<readonly Codec[], ReadonlyMap<string, Codec>>>();

function codecsById(textCodecs: readonly Codec[], bytesCodecs: readonly Codec[]): ReadonlyMap<string, Codec> {
	let forText = byIdCache.get(textCodecs);
	if (!forText) byIdCache.set(textCodecs, (forText = new WeakMap()));
	let map = forText.get(bytesCodecs);
	if (!map) {
		const built = new Map<string, Codec>();
		for (const codec of [...textCodecs, ...bytesCodecs]) if (!built.has(codec.id)) built.set(codec.id, codec);
		forText.set(bytesCodecs, (map = built));
	}
	return map;
}

function safeSniff(codec: Codec, input: string | Uint8Array, hints: SniffHints): number {
	try {
		const score = (codec as Codec<'text' | 'bytes'>).sniff(input as string & Uint8Array, hints);
		return Number.isFinite(score) ? score : 0;
	} catch {
		return 0;
	}
}
