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
 * Where the peeler may guess blind is the leaf's SearchMode (search-mode.ts). Bytes that carry the
 * signature of a finished file (an image, a font, a PDF…: entropy.ts, `isFinalFormat`) get their
 * verdict at once; only codecs HTTP declares are tried on them.
 */
import { isPlainProse } from './plain-prose';
import type { DecodedNode, Payload } from '../model';
import { Budget, LimitExceeded } from '../limits';
import { Annotated, FieldList, meetsPreconditions, type Codec, type CodecOutput, type Range, type SniffHints, type TreeValue } from './codec';
import { BYTES_CODECS, TEXT_CODECS } from './registry';
import { LAYER_SEPARATOR } from './path';
import { describeOpaque, isFinalFormat } from './entropy';
import { ENVELOPES, type Envelope } from './envelopes/index';
import { PeelCache, type KeyRecord } from './peel-cache';
import { BODY_PAYLOAD, INSIDE_DOCUMENT, MAGICLESS_MIN_BYTES, PART_PAYLOAD, type SearchMode } from './search-mode';
import {
	RANK_KNOWN_BYTES,
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
import { CONTENT_ENCODINGS, codecIdForContentType, declaredName, lastEncoding, remainingEncodings, withoutHttp } from './http-hints';
import { isReadable, readableUtf8 } from './text';

export { PeelCache } from './peel-cache';
export { meetsPreconditions };

/** Candidate codecs tried on one intermediate value. */
const MAX_CANDIDATES = 4;
/** Strings shorter than this are not sniffed at all: no codec turns two characters into anything. */
const MIN_SNIFF_LENGTH = 3;
/** Check the clock once every this many tree nodes (performance.now() is cheap, but not free). */
const TIME_CHECK_EVERY = 256;

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
	private readonly byId: ReadonlyMap<string, Codec>;
	private readonly cache: PeelCache;
	private ticks = 0;

	constructor(
		private readonly budget: Budget,
		options: PeelerOptions = {}
	) {
		this.textCodecs = options.textCodecs ?? TEXT_CODECS;
		this.bytesCodecs = options.bytesCodecs ?? BYTES_CODECS;
		this.envelopes = options.envelopes ?? ENVELOPES;
		this.cache = options.cache ?? new PeelCache();
		this.byId = codecsById(this.textCodecs, this.bytesCodecs);
	}

	/**
	 * Peels a part's payload; `rootPath` is the part's name (`body`, `query`, `payload`). `body` is false
	 * for query, header and cookie parts: magic-less codecs are then tried only when HTTP declares them.
	 */
	peel(payload: Payload, rootPath: string, hints: SniffHints = {}, body = true): DecodedNode {
		const node: DecodedNode =
			payload.kind === 'text' ? { path: rootPath, kind: 'text', text: payload.text } : { path: rootPath, kind: 'bytes', bytes: payload.bytes };
		try {
			this.budget.spendNode();
			this.peelLeaf(node, payload.kind === 'text' ? payload.text : payload.bytes, hints, 0, 0, body ? BODY_PAYLOAD : PART_PAYLOAD);
		} catch (error) {
			this.recordLimit(node, error);
		}
		return node;
	}

	/** Searches for the best codec chain for a leaf and attaches it as `node.decoded`. */
	private peelLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number, mode: SearchMode): void {
		const isText = typeof value === 'string';
		if (isText && value.length < MIN_SNIFF_LENGTH) return;
		if (layers >= this.budget.limits.maxLayers) {
			node.limit = `not decoded further: ${this.budget.limits.maxLayers} layers is the layer limit`;
			return;
		}
		// Only short text is cached: a record implies `value` is a string.
		const record = this.cache.recordForLeaf(mode, value, hints);
		if (record !== null) {
			const found = this.cache.lookup(record, value as string, layers, this.budget);
			if (found === 'undecodable') return;
			if (found !== 'miss') {
				this.budget.checkTime();
				this.materialize(found, node, layers, depth);
				return;
			}
		}

		// The common case inside big documents: a short string no codec wants. Sniff it without
		// building any search state.
		let rootCandidates: Candidate[] | null = null;
		if (isText && mode === INSIDE_DOCUMENT && hints.contentType === undefined && hints.contentEncoding === undefined) {
			if (this.textCodecs === TEXT_CODECS && hints.contentTypeHeader === undefined && isPlainProse(value)) {
				if (record !== null) this.cache.rememberUndecodable(record, value, 0);
				return;
			}
			if (this.textCodecs === TEXT_CODECS && WEB_ADDRESS.test(value) && this.peelWebAddress(node, value, hints, layers, depth, record)) return;
			rootCandidates = this.sniffAll(this.textCodecs, value, hints, null, null, mode);
			if (rootCandidates === null) {
				if (record !== null) this.cache.rememberUndecodable(record, value, 0);
				return;
			}
			sortSniffed(rootCandidates, 0);
		}
		this.budget.checkTime();
		const root = this.rootState(value, hints);
		const bytesBefore = this.budget.bytesProduced;
		const best = this.search(root, layers, mode, rootCandidates);
		if (root.declaredFailure) appendNote(node, root.declaredFailure);
		if (root.limit) node.limit = root.limit;
		if (best === null) {
			if (record !== null && this.searchWasPure) this.cache.rememberUndecodable(record, value as string, this.budget.bytesProduced - bytesBefore);
			if (!isText) node.verdict ??= describeOpaque(value);
			return;
		}
		if (record !== null && this.searchWasPure && root.limit === undefined) this.cache.rememberDecoded(record, layers, value as string, best, this.budget.bytesProduced - bytesBefore);
		this.materialize(best, node, layers, depth);
	}

	/**
	 * A web address inside a document (an event's `$url`): the URL codec outranks every other text codec
	 * on it, so the search would try it first and stop at its structure. Doing just that spares ten sniffs
	 * on each of thousands of addresses. False when the URL codec does not give a tree cleanly; the
	 * full search then runs as usual. `record` is where the result is cached (null: not cached).
	 */
	private peelWebAddress(node: DecodedNode, value: string, hints: SniffHints, layers: number, depth: number, record: KeyRecord | null): boolean {
		const codec = this.byId.get('url');
		if (!codec) return false;
		const candidate: Candidate = { codec, score: safeSniff(codec, value, hints), declared: false };
		this.budget.checkTime();
		const root = this.rootState(value, hints);
		const bytesBefore = this.budget.bytesProduced;
		this.searchWasPure = true;
		const output = this.tryDecode(root, candidate);
		if (output === null || output.kind !== 'tree' || root.limit !== undefined || !this.searchWasPure) return false;
		const best = this.nextState(root, candidate, output);
		if (record !== null) this.cache.rememberDecoded(record, layers, value, best, this.budget.bytesProduced - bytesBefore);
		this.materialize(best, node, layers, depth);
		return true;
	}

	/** Set by `search`: no limit touched it, so the same value with the same hints ends the same way. */
	private searchWasPure = true;

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
	private search(root: State, layers: number, mode: SearchMode, rootCandidates: Candidate[] | null): State | null {
		const frontier: Move[] = [];
		let steps = this.budget.limits.maxSearchSteps;
		let best: State | null = null;
		this.searchWasPure = true;
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

	/** Adds the moves for a value to the frontier (a method, not a closure: one search per leaf). */
	private expand(frontier: Move[], state: State, candidates: Candidate[] | null, layers: number, mode: SearchMode): void {
		const maxLayers = this.budget.limits.maxLayers;
		if (layers + state.depth >= maxLayers) {
			state.limit = `not decoded further: ${maxLayers} layers is the layer limit`;
			this.searchWasPure = false;
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
	private sniffAll(codecs: readonly Codec[], input: string | Uint8Array, hints: SniffHints, declared: string[] | null, list: Candidate[] | null, mode: SearchMode): Candidate[] | null {
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

	/**
	 * A child node attached to `children` before it is filled, with the range its value came from when
	 * the codec knows it (a tuple shared with the codec's output, never changed).
	 */
	private childNode(children: DecodedNode[], value: TreeValue, path: string, key: string | number, hints: SniffHints, layers: number, depth: number, range?: Range): void {
		this.tick();
		// Scalars get their final shape at once (same properties, same order as filling them in would
		// give): most nodes of a big document are scalars, and one shape keeps the hot loop monomorphic.
		let node: DecodedNode;
		switch (typeof value) {
			case 'string': {
				node = { path, kind: 'text', key, text: value };
				if (range) node.range = range;
				children.push(node);
				try {
					this.peelLeaf(node, value, hints, layers, depth, INSIDE_DOCUMENT);
				} catch (error) {
					this.recordLimit(node, error);
					if (error instanceof LimitExceeded && isGlobalLimit(error)) throw error;
				}
				return;
			}
			case 'number':
				node = { path, kind: 'number', key, number: value };
				break;
			case 'boolean':
				node = { path, kind: 'boolean', key, boolean: value };
				break;
			default:
				node = { path, kind: 'null', key };
				if (range) node.range = range;
				children.push(node);
				if (value !== null) this.fillGuarded(node, value, layers, depth);
				return;
		}
		if (range) node.range = range;
		children.push(node);
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
				return this.peelLeaf(node, value, hintsForKey(node.key), layers, depth, INSIDE_DOCUMENT);
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
			return this.peelLeaf(node, value, hintsForKey(node.key), layers, depth, INSIDE_DOCUMENT);
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
			for (let i = 0; i < array.length; i++) this.childNode(children, array[i]!, `${path}[${i}]`, i, NO_HINTS, layers, depth + 1);
		} else if (value instanceof FieldList) {
			const { fields, ranges } = value;
			for (let i = 0; i < fields.length; i++) {
				const [key, child] = fields[i]!;
				const info = keyInfo(key);
				this.childNode(children, child, path + info.suffix, key, info.hints, layers, depth + 1, ranges?.[i]);
			}
		} else {
			const object = value as Record<string, TreeValue>;
			for (const key of Object.keys(object)) {
				const info = keyInfo(key);
				this.childNode(children, object[key]!, path + info.suffix, key, info.hints, layers, depth + 1);
			}
		}
	}

	private tick(): void {
		this.budget.spendNode();
		if (++this.ticks % TIME_CHECK_EVERY === 0) this.budget.checkTime();
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

/**
 * A web address with a host and no whitespace or backslash. On such text the URL codec sniffs 0.95 and
 * every other text codec of the registry less (tests/unit/decode/web-address-first.test.ts).
 */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#\\][^\s\\]*$/i;

/** Same rule as path.ts's childPath, kept here so the hot loop can cache the suffix per key. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** What a structure key gives its children: the path suffix (`.name`, `["a b"]`) and the sniff hints naming it. */
interface KeyInfo {
	suffix: string;
	/** Frozen and shared: leaves under the same key get the same object. */
	hints: SniffHints;
}

/** Keys repeat across thousands of events and every part of a capture: worked out once each (pure, bounded). */
const keyInfos = new Map<string, KeyInfo>();
const KEY_INFOS_MAX = 10_000;

function keyInfo(key: string): KeyInfo {
	let info = keyInfos.get(key);
	if (info === undefined) {
		info = { suffix: PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`, hints: Object.freeze({ key }) };
		if (keyInfos.size < KEY_INFOS_MAX) keyInfos.set(key, info);
	}
	return info;
}

function hintsForKey(key: string | number | undefined): SniffHints {
	return typeof key === 'string' ? keyInfo(key).hints : NO_HINTS;
}

function safeSniff(codec: Codec, input: string | Uint8Array, hints: SniffHints): number {
	try {
		const score = (codec as Codec<'text' | 'bytes'>).sniff(input as string & Uint8Array, hints);
		return Number.isFinite(score) ? score : 0;
	} catch {
		return 0;
	}
}

function appendNote(node: DecodedNode, note: string): void {
	node.note = node.note ? `${node.note}; ${note}` : note;
}

/** Convenience: peel one payload with a fresh budget. */
export function peel(payload: Payload, rootPath: string, hints: SniffHints = {}, budget = new Budget(), options: PeelerOptions = {}, body = true): DecodedNode {
	return new Peeler(budget, options).peel(payload, rootPath, hints, body);
}
