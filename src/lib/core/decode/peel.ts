/**
 * Peeling: turn one captured value into one tree.
 *
 * For each leaf the peeler runs a bounded best-first search over codec chains: `sniff` ranks what to
 * try, the codec's own validation decides what is accepted, and the chain whose end reveals the most
 * wins (structure beats readable text beats bytes; among equals, the longer chain, then the more
 * confident one). HTTP semantics come first: Content-Encoding and Content-Type are tried before anything
 * sniffed. Structured results are walked and every string or byte leaf inside is peeled in turn, so
 * JSON inside a JSON string, a URL inside a property and a query inside that URL end up in one tree.
 * Everything is bounded by one Budget; where a limit stops work, the node says so in `limit`.
 *
 * Two rules keep blind guessing where it can pay off:
 * - Codecs with no magic bytes (brotli, raw DEFLATE: `Codec.magicless`) are tried when HTTP declares
 *   them (Content-Encoding), or on a body's own bytes (the chain from a request or response body, a
 *   websocket message or a bare payload, before any structure) of at least MAGICLESS_MIN_BYTES. Never
 *   on leaves inside decoded structures, nor on query, header and cookie parts: there the bytes are
 *   session IDs and random tokens, which such a trial decode often "accepts".
 * - Bytes that carry the signature of a finished file (an image, a font, a PDF…: entropy.ts,
 *   `isFinalFormat`) get their verdict at once; only codecs HTTP declares are tried on them.
 */
import type { DecodedNode, Payload } from '../model';
import { Budget, LimitExceeded } from '../limits';
import { Annotated, FieldList, type Codec, type CodecOutput, type SniffHints, type TreeValue } from './codec';
import { BYTES_CODECS, TEXT_CODECS } from './registry';
import { LAYER_SEPARATOR } from './path';
import { isReadable, utf8OrNull } from './text';
import { describeOpaque, isFinalFormat, magicName } from './entropy';
import { ENVELOPES, type Envelope } from './envelopes/index';

/** How much a decoded value reveals. */
const RANK_OPAQUE = 0;
const RANK_KNOWN_BYTES = 1;
const RANK_TEXT = 2;
const RANK_STRUCTURE = 3;

/** A chain ending in bytes nobody can read is accepted only when its sniffs were this sure. */
const OPAQUE_ACCEPT_SCORE = 0.8;
/** A chain ending in readable text is accepted only when its sniffs were at least this sure. */
const TEXT_ACCEPT_SCORE = 0.3;
/** Unknown bytes produced by a chain are handed to bytes codecs only when the chain was this sure… */
const EXPAND_OPAQUE_SCORE = 0.5;
/** …and they are at least this long. */
const EXPAND_OPAQUE_MIN_BYTES = 16;
/** Candidate codecs tried on one intermediate value. */
const MAX_CANDIDATES = 4;
/** Strings shorter than this are not sniffed at all: no codec turns two characters into anything. */
const MIN_SNIFF_LENGTH = 3;
/** Leaf strings up to this length are remembered when no codec wanted them (event batches repeat values). */
const NEGATIVE_CACHE_MAX_LENGTH = 256;
const NEGATIVE_CACHE_MAX_ENTRIES = 50_000;
/** Accepted chains kept (each holds its decoded outputs, at most a few KiB from a 256-character value). */
const POSITIVE_CACHE_MAX_ENTRIES = 20_000;
/** Magic-less codecs are tried blind only on a body's own bytes at least this long (see the rules above). */
const MAGICLESS_MIN_BYTES = 16;
/** Check the clock once every this many tree nodes (performance.now() is cheap, but not free). */
const TIME_CHECK_EVERY = 256;

/** Which codec ids a Content-Encoding token means, in the order to try them. */
const CONTENT_ENCODINGS: Record<string, readonly string[]> = {
	gzip: ['gzip'],
	'x-gzip': ['gzip'],
	deflate: ['zlib', 'deflate', 'deflate-raw'],
	br: ['brotli'],
	zstd: ['zstd']
};

/** Which codec a media type declares. */
function codecIdForContentType(type: string): string | null {
	if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return 'json';
	if (type === 'application/x-www-form-urlencoded') return 'form';
	if (type === 'multipart/form-data') return 'multipart';
	if (type === 'application/x-protobuf' || type === 'application/protobuf' || type === 'application/vnd.google.protobuf' || type === 'application/x-google-protobuf')
		return 'protobuf';
	if (type === 'application/msgpack' || type === 'application/x-msgpack' || type === 'application/vnd.msgpack') return 'msgpack';
	if (type === 'application/cbor') return 'cbor';
	return null;
}

export interface PeelerOptions {
	textCodecs?: readonly Codec<'text'>[];
	bytesCodecs?: readonly Codec<'bytes'>[];
	envelopes?: readonly Envelope[];
	/**
	 * Search results to share between peelers (one per part) with the same codecs, envelopes and limits,
	 * e.g. across one capture: the same device ID, User-Agent or event name is then searched once.
	 */
	cache?: PeelCache;
}

/** A chain a search accepted, and the bytes its decodes recorded against the budget. */
interface CachedChain {
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

/** One value in the search: what the chain so far produced. */
interface State {
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

interface Move {
	state: State;
	candidate: Candidate;
	priority: number;
}

interface Candidate {
	codec: Codec;
	score: number;
	declared: boolean;
}

const NO_HINTS: SniffHints = Object.freeze({});

/** Marks limit errors already recorded on a node, so parents do not record them again. */
const recorded = new WeakSet<LimitExceeded>();

function isGlobalLimit(error: LimitExceeded): boolean {
	return error.limit === 'time' || error.limit === 'nodes' || error.limit === 'total-bytes';
}

export class Peeler {
	private readonly textCodecs: readonly Codec<'text'>[];
	private readonly bytesCodecs: readonly Codec<'bytes'>[];
	private readonly envelopes: readonly Envelope[];
	private readonly byId = new Map<string, Codec>();
	private readonly cache: PeelCache;
	/** Path suffix for each structure key (`.name`, `["a b"]`); keys repeat across thousands of events. */
	private readonly keySuffix = new Map<string, string>();
	private readonly keyHints = new Map<string, SniffHints>();
	/** True while searching a part's own payload (not a leaf inside a decoded document). */
	private thorough = false;
	/** Whether the payload being peeled is a body (see `peel`). */
	private body = true;
	/** True while magic-less codecs may be sniffed: searching a body's own payload. */
	private blind = false;
	private ticks = 0;

	constructor(
		private readonly budget: Budget,
		options: PeelerOptions = {}
	) {
		this.textCodecs = options.textCodecs ?? TEXT_CODECS;
		this.bytesCodecs = options.bytesCodecs ?? BYTES_CODECS;
		this.envelopes = options.envelopes ?? ENVELOPES;
		this.cache = options.cache ?? new PeelCache();
		for (const codec of [...this.textCodecs, ...this.bytesCodecs]) if (!this.byId.has(codec.id)) this.byId.set(codec.id, codec);
	}

	/**
	 * Peels a part's payload; `rootPath` is the part's name (`body`, `query`, `payload`). `body` is false
	 * for query, header and cookie parts: magic-less codecs are then tried only when HTTP declares them.
	 */
	peel(payload: Payload, rootPath: string, hints: SniffHints = {}, body = true): DecodedNode {
		this.body = body;
		const node: DecodedNode =
			payload.kind === 'text' ? { path: rootPath, kind: 'text', text: payload.text } : { path: rootPath, kind: 'bytes', bytes: payload.bytes };
		try {
			this.budget.spendNode();
			this.peelLeaf(node, payload.kind === 'text' ? payload.text : payload.bytes, hints, 0, 0);
		} catch (error) {
			this.recordLimit(node, error);
		}
		return node;
	}

	/** Searches for the best codec chain for a leaf and attaches it as `node.decoded`. */
	private peelLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number): void {
		const isText = typeof value === 'string';
		if (isText && value.length < MIN_SNIFF_LENGTH) return;
		if (layers >= this.budget.limits.maxLayers) {
			node.limit = `not decoded further: ${this.budget.limits.maxLayers} layers is the layer limit`;
			return;
		}
		const cacheable =
			isText && hints.contentType === undefined && hints.contentEncoding === undefined && hints.contentTypeHeader === undefined && value.length <= NEGATIVE_CACHE_MAX_LENGTH;
		const cacheKey = hints.key ?? '';
		const thorough = layers === 0 && depth === 0;
		const side = thorough ? (this.body ? 2 : 1) : 0;
		if (cacheable) {
			const spent = this.cache.undecodable[side]!.get(cacheKey)?.get(value);
			if (spent !== undefined && this.fits(spent)) {
				this.budget.bytesProduced += spent;
				return;
			}
			const hit = this.cache.decoded[side]!.get(layers)?.get(cacheKey)?.get(value);
			// The budget is charged what the search cost; when that no longer fits, search again so the
			// limit stops it exactly where it would have.
			if (hit && this.fits(hit.bytes)) {
				this.budget.bytesProduced += hit.bytes;
				this.budget.checkTime();
				this.materialize(hit.end, node, layers, depth);
				return;
			}
		}

		// The common case inside big documents: a short string no codec wants. Sniff it without
		// building any search state.
		let rootCandidates: Candidate[] | null = null;
		if (isText && (layers > 0 || depth > 0) && hints.contentType === undefined && hints.contentEncoding === undefined) {
			rootCandidates = this.sniffAll(this.textCodecs, value, hints, null, null);
			if (rootCandidates === null) {
				if (cacheable) this.rememberUndecodable(side, cacheKey, value, 0);
				return;
			}
			sortSniffed(rootCandidates, 0);
		}
		this.budget.checkTime();
		const root = this.rootState(value, hints);
		this.thorough = thorough;
		this.blind = thorough && this.body;
		const bytesBefore = this.budget.bytesProduced;
		const best = this.search(root, layers, rootCandidates);
		this.thorough = false;
		this.blind = false;
		if (root.declaredFailure) appendNote(node, root.declaredFailure);
		if (root.limit) node.limit = root.limit;
		if (best === null) {
			if (cacheable && this.searchWasPure) this.rememberUndecodable(side, cacheKey, value, this.budget.bytesProduced - bytesBefore);
			if (!isText) node.verdict ??= describeOpaque(value);
			return;
		}
		if (cacheable && this.searchWasPure && root.limit === undefined) this.rememberDecoded(side, layers, cacheKey, value, best, this.budget.bytesProduced - bytesBefore);
		this.materialize(best, node, layers, depth);
	}

	/** Set by `search`: no limit touched it, so the same value with the same hints ends the same way. */
	private searchWasPure = true;

	/** Whether a remembered search's cost still fits the total-bytes budget. */
	private fits(bytes: number): boolean {
		return bytes === 0 || this.budget.bytesProduced + bytes <= this.budget.limits.maxTotalBytes;
	}

	private rememberUndecodable(side: number, key: string, value: string, bytes: number): void {
		const cache = this.cache;
		if (cache.undecodableSize >= NEGATIVE_CACHE_MAX_ENTRIES) return;
		const map = cache.undecodable[side]!;
		let values = map.get(key);
		if (!values) map.set(key, (values = new Map()));
		values.set(value, bytes);
		cache.undecodableSize++;
	}

	private rememberDecoded(side: number, layers: number, key: string, value: string, end: State, bytes: number): void {
		const cache = this.cache;
		if (cache.decodedSize >= POSITIVE_CACHE_MAX_ENTRIES) return;
		const byLayers = cache.decoded[side]!;
		let map = byLayers.get(layers);
		if (!map) byLayers.set(layers, (map = new Map()));
		let values = map.get(key);
		if (!values) map.set(key, (values = new Map()));
		values.set(value, { end, bytes });
		cache.decodedSize++;
	}

	private rootState(value: string | Uint8Array, hints: SniffHints): State {
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
	 * Best-first over chains: the frontier holds moves (a value and a codec to try on it), ordered by
	 * how sure the chain so far and the codec's sniff are together, so a strong chain is followed to
	 * its end before a weak guess on an earlier value is tried. Stops at the first structure, when no
	 * move is left, or after `maxSearchSteps` decode attempts. Returns the end of the best acceptable
	 * chain, or null when nothing beats the value as it is.
	 */
	private search(root: State, layers: number, rootCandidates: Candidate[] | null = null): State | null {
		const frontier: Move[] = [];
		let steps = this.budget.limits.maxSearchSteps;
		let best: State | null = null;
		this.searchWasPure = true;
		this.expand(frontier, root, rootCandidates, layers);
		while (frontier.length > 0 && steps > 0) {
			const { state, candidate } = popBest(frontier);
			steps--;
			const output = this.tryDecode(state, candidate);
			if (output === null) continue;
			const next = this.nextState(state, candidate, output);
			if (acceptable(next) && (best === null || better(next, best))) best = next;
			if (next.rank === RANK_STRUCTURE) return best;
			this.expand(frontier, next, null, layers);
		}
		return best;
	}

	/** Adds the moves for a value to the frontier (a method, not a closure: one search per leaf). */
	private expand(frontier: Move[], state: State, candidates: Candidate[] | null, layers: number): void {
		const maxLayers = this.budget.limits.maxLayers;
		if (layers + state.depth >= maxLayers) {
			state.limit = `not decoded further: ${maxLayers} layers is the layer limit`;
			this.searchWasPure = false;
			return;
		}
		const list = candidates ?? this.candidates(state);
		for (let i = 0; i < list.length && i < MAX_CANDIDATES; i++) {
			const candidate = list[i]!;
			frontier.push({ state, candidate, priority: state.score * Math.min(1, candidate.score) });
		}
	}

	/** Codecs worth trying on a value: those its HTTP headers declare first, then by sniff score. */
	private candidates(state: State): Candidate[] {
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
		if (text !== null && text.length >= MIN_SNIFF_LENGTH) this.sniffAll(this.textCodecs, text, hints, declared, list);
		if (bytes !== null && text === null && worthBytesCodecs(state) && !isFinalFormat(bytes)) this.sniffAll(this.bytesCodecs, bytes, hints, declared, list);
		return sortSniffed(list, firstSniffed);
	}

	/** Appends every codec that sniffs the input worth a try; allocates the list only when one does. */
	private sniffAll(codecs: readonly Codec[], input: string | Uint8Array, hints: SniffHints, declared: string[] | null, list: Candidate[] | null): Candidate[] | null {
		const isText = typeof input === 'string';
		for (const codec of codecs) {
			if (declared !== null && declared.includes(codec.id)) continue;
			if (codec.magicless && !(this.blind && input.length >= MAGICLESS_MIN_BYTES)) continue;
			// The codec's declared preconditions: its sniff would say 0.
			if (isText && !meetsPreconditions(codec, input)) continue;
			const score = safeSniff(codec, input, hints);
			// Inside documents, a weak guess that yields text or bytes could only lead to more guesses and
			// costs a decode on each of thousands of leaves: a structure codec validates its own result,
			// anything else needs a sniff worth accepting. A part's own payload is worth the extra tries.
			if (score > 0 && (this.thorough || score >= TEXT_ACCEPT_SCORE || codec.output === 'tree')) (list ??= []).push({ codec, score, declared: false });
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
				this.searchWasPure = false;
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

	/**
	 * Builds the nodes for an accepted chain, outermost layer first, and peels inside its structure.
	 * Each node is attached before it is filled, so a limit that stops the filling is seen in the tree.
	 */
	private materialize(end: State, parent: DecodedNode, layers: number, depth: number): void {
		const chain: State[] = [];
		for (let s: State | null = end; s !== null && s.codec !== null; s = s.parent) chain.push(s);
		chain.reverse();
		let path = parent.path;
		let previous = parent;
		for (const state of chain) {
			path = path + LAYER_SEPARATOR + state.codec!.id;
			this.budget.spendNode();
			const node = this.layerShell(state, path, state === end);
			previous.decoded = node;
			previous = node;
			const output = state.output!;
			if (output.kind === 'tree') {
				this.fillGuarded(node, output.value, layers + state.depth, depth);
				node.codec = state.codec!.id;
				this.recognizeEnvelopes(node);
			}
		}
	}

	private layerShell(state: State, path: string, isLast: boolean): DecodedNode {
		const codecId = state.codec!.id;
		const output = state.output!;
		let node: DecodedNode;
		if (output.kind === 'tree') node = { path, kind: 'null', codec: codecId };
		else if (output.kind === 'text') node = { path, kind: 'text', codec: codecId, text: output.text };
		else if (state.text !== null) node = { path, kind: 'text', codec: codecId, text: state.text };
		else node = { path, kind: 'bytes', codec: codecId, bytes: output.bytes };
		if (output.note) appendNote(node, output.note);
		if (state.declaredFailure) appendNote(node, state.declaredFailure);
		if (isLast) {
			if (state.limit) node.limit = state.limit;
			// The end of the chain: bytes nobody could read get an honest verdict.
			if (node.kind === 'bytes' && output.kind === 'bytes') node.verdict = describeOpaque(output.bytes);
		}
		return node;
	}

	/** Fills a node from a structured value; a limit stops it here and is recorded on the innermost node. */
	private fillGuarded(node: DecodedNode, value: TreeValue, layers: number, depth: number): void {
		try {
			this.fillTreeNode(node, value, layers, depth);
		} catch (error) {
			this.recordLimit(node, error);
			if (error instanceof LimitExceeded && isGlobalLimit(error)) throw error;
		}
	}

	/** A child node attached to `children` before it is filled. */
	private childNode(children: DecodedNode[], value: TreeValue, path: string, key: string | number, layers: number, depth: number): void {
		this.tick();
		// Scalars get their final shape at once (same properties, same order as filling them in would
		// give): most nodes of a big document are scalars, and one shape keeps the hot loop monomorphic.
		switch (typeof value) {
			case 'string': {
				const node: DecodedNode = { path, kind: 'text', key, text: value };
				children.push(node);
				try {
					this.peelLeaf(node, value, this.hintsForKey(key), layers, depth);
				} catch (error) {
					this.recordLimit(node, error);
					if (error instanceof LimitExceeded && isGlobalLimit(error)) throw error;
				}
				return;
			}
			case 'number':
				children.push({ path, kind: 'number', key, number: value });
				return;
			case 'boolean':
				children.push({ path, kind: 'boolean', key, boolean: value });
				return;
		}
		const node: DecodedNode = { path, kind: 'null', key };
		children.push(node);
		if (value !== null) this.fillGuarded(node, value, layers, depth);
	}

	private fillTreeNode(node: DecodedNode, value: TreeValue, layers: number, depth: number): void {
		while (value instanceof Annotated) {
			appendNote(node, value.note);
			value = value.value;
		}
		if (value === null) return;
		switch (typeof value) {
			case 'string':
				node.kind = 'text';
				node.text = value;
				return this.peelLeaf(node, value, this.hintsForKey(node.key), layers, depth);
			case 'number':
				node.kind = 'number';
				node.number = value;
				return;
			case 'bigint':
				node.kind = 'number';
				node.number = value.toString();
				return;
			case 'boolean':
				node.kind = 'boolean';
				node.boolean = value;
				return;
		}
		if (value instanceof Uint8Array) {
			node.kind = 'bytes';
			node.bytes = value;
			return this.peelLeaf(node, value, this.hintsForKey(node.key), layers, depth);
		}
		const isArray = Array.isArray(value);
		node.kind = isArray ? 'array' : 'object';
		if (depth >= this.budget.limits.maxStructureDepth) {
			node.limit = `nesting deeper than ${this.budget.limits.maxStructureDepth} levels was not expanded`;
			return;
		}
		const children: DecodedNode[] = [];
		node.children = children;
		const path = node.path;
		if (isArray) {
			const array = value as TreeValue[];
			for (let i = 0; i < array.length; i++) this.childNode(children, array[i]!, `${path}[${i}]`, i, layers, depth + 1);
		} else if (value instanceof FieldList) {
			for (const [key, child] of value.fields) this.childNode(children, child, path + this.suffixFor(key), key, layers, depth + 1);
		} else {
			const object = value as Record<string, TreeValue>;
			for (const key of Object.keys(object)) this.childNode(children, object[key]!, path + this.suffixFor(key), key, layers, depth + 1);
		}
	}

	/** One frozen hints object per key: leaves under the same key share it. */
	private hintsForKey(key: string | number | undefined): SniffHints {
		if (typeof key !== 'string') return NO_HINTS;
		let hints = this.keyHints.get(key);
		if (hints === undefined) {
			hints = Object.freeze({ key });
			if (this.keyHints.size < 10_000) this.keyHints.set(key, hints);
		}
		return hints;
	}

	private tick(): void {
		this.budget.spendNode();
		if (++this.ticks % TIME_CHECK_EVERY === 0) this.budget.checkTime();
	}

	private suffixFor(key: string): string {
		let suffix = this.keySuffix.get(key);
		if (suffix === undefined) {
			suffix = PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
			if (this.keySuffix.size < 10_000) this.keySuffix.set(key, suffix);
		}
		return suffix;
	}

	private recognizeEnvelopes(node: DecodedNode): void {
		if (node.kind !== 'object' && node.kind !== 'array') return;
		for (const envelope of this.envelopes) {
			let verdict: string | null = null;
			try {
				verdict = envelope.recognize(node);
			} catch {
				verdict = null;
			}
			if (verdict) {
				appendNote(node, verdict);
				node.envelope = { id: envelope.id, verdict };
				return;
			}
		}
	}

	/** Records a limit on the innermost node it stopped; anything that is not a limit is a bug and travels on. */
	private recordLimit(node: DecodedNode, error: unknown): void {
		if (!(error instanceof LimitExceeded)) throw error;
		if (recorded.has(error)) return;
		node.limit = error.message;
		recorded.add(error);
	}
}

/** Same rule as path.ts's childPath, kept here so the hot loop can cache the suffix per key. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Sorts the sniffed part of a candidate list (after the declared ones) by score, best first. */
function sortSniffed(list: Candidate[], from: number): Candidate[] {
	// Array.prototype.sort is stable: sorting in place gives the same order as sorting a copy.
	if (from === 0) return list.length > 1 ? list.sort((a, b) => b.score - a.score) : list;
	if (list.length - from > 1) {
		const sniffed = list.splice(from).sort((a, b) => b.score - a.score);
		for (const c of sniffed) list.push(c);
	}
	return list;
}

/** Takes the most promising move; the first of equals, so declared and higher-sniffed codecs go first. */
function popBest(frontier: Move[]): Move {
	let at = 0;
	for (let i = 1; i < frontier.length; i++) if (frontier[i]!.priority > frontier[at]!.priority) at = i;
	return frontier.splice(at, 1)[0]!;
}

function acceptable(state: State): boolean {
	if (state.rank === RANK_STRUCTURE) return true;
	if (state.rank === RANK_TEXT) return state.minScore >= TEXT_ACCEPT_SCORE;
	return state.minScore >= OPAQUE_ACCEPT_SCORE;
}

/**
 * Structure beats text beats bytes; then the chain that got further (every step of it passed a codec's
 * validation, and readable text or a known format at its end); then the more confident one.
 */
function better(a: State, b: State): boolean {
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
function worthBytesCodecs(state: State): boolean {
	const { bytes } = state;
	if (bytes === null || bytes.length === 0) return false;
	if (state.parent === null || state.rank !== RANK_OPAQUE) return true;
	return state.minScore >= EXPAND_OPAQUE_SCORE && bytes.length >= EXPAND_OPAQUE_MIN_BYTES;
}

function bytesRank(bytes: Uint8Array): number {
	return magicName(bytes) !== null ? RANK_KNOWN_BYTES : RANK_OPAQUE;
}

/** Valid UTF-8 that reads as text, decoded; null otherwise. */
function readableUtf8(bytes: Uint8Array): string | null {
	// Cheap rejections first: a control byte early on, or (for short values) invalid UTF-8, found
	// without TextDecoder's exception, which costs more than the whole check.
	const probe = Math.min(bytes.length, 64);
	for (let i = 0; i < probe; i++) {
		const b = bytes[i]!;
		if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return null;
	}
	if (bytes.length <= SHORT_UTF8_CHECK && !isWellFormedUtf8(bytes)) return null;
	const text = utf8OrNull(bytes);
	return text !== null && isReadable(text) ? text : null;
}

const SHORT_UTF8_CHECK = 4096;

/** UTF-8 well-formedness (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
function isWellFormedUtf8(bytes: Uint8Array): boolean {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		let max = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) need = 2;
		else if (b >= 0xf0 && b <= 0xf4) need = 3;
		else return false;
		min = 0x80;
		if (b === 0xe0) min = 0xa0;
		else if (b === 0xed) max = 0x9f;
		else if (b === 0xf0) min = 0x90;
		else if (b === 0xf4) max = 0x8f;
		if (i + need >= n) return false;
		const second = bytes[i + 1];
		if (second === undefined || second < min || second > max) return false;
		for (let k = 2; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || c < 0x80 || c > 0xbf) return false;
		}
		i += need + 1;
	}
	return true;
}

/** Whether text meets a codec's declared `minLength` and `needsOneOf` (see codec.ts). */
export function meetsPreconditions(codec: Codec, text: string): boolean {
	if (codec.minLength !== undefined && text.length < codec.minLength) return false;
	const needs = codec.needsOneOf;
	if (needs === undefined) return true;
	for (let i = 0; i < needs.length; i++) if (text.includes(needs[i]!)) return true;
	return false;
}

function safeSniff(codec: Codec, input: string | Uint8Array, hints: SniffHints): number {
	try {
		const score = (codec as Codec<'text' | 'bytes'>).sniff(input as string & Uint8Array, hints);
		return Number.isFinite(score) ? score : 0;
	} catch {
		return 0;
	}
}

/** `gzip, br` was applied gzip first: undo the last one first. */
function lastEncoding(header: string): string {
	const tokens = header.split(',');
	return tokens[tokens.length - 1]!.trim().toLowerCase();
}

function remainingEncodings(header: string): string | undefined {
	const tokens = header.split(',');
	tokens.pop();
	const rest = tokens.map((t) => t.trim()).filter((t) => t !== '' && t !== 'identity');
	return rest.length > 0 ? rest.join(', ') : undefined;
}

function withoutHttp(hints: SniffHints): SniffHints {
	if (hints.contentEncoding === undefined && hints.contentType === undefined) return hints;
	const rest: SniffHints = {};
	if (hints.key !== undefined) rest.key = hints.key;
	return rest;
}

function declaredName(hints: SniffHints, codecId: string): string {
	if (hints.contentEncoding) return `Content-Encoding: ${lastEncoding(hints.contentEncoding)}`;
	if (hints.contentType) return `Content-Type: ${hints.contentType}`;
	return codecId;
}

function appendNote(node: DecodedNode, note: string): void {
	node.note = node.note ? `${node.note}; ${note}` : note;
}

/** Convenience: peel one payload with a fresh budget. */
export function peel(payload: Payload, rootPath: string, hints: SniffHints = {}, budget = new Budget(), options: PeelerOptions = {}, body = true): DecodedNode {
	return new Peeler(budget, options).peel(payload, rootPath, hints, body);
}
