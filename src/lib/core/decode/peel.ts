/**
 * Peeling: turn one captured value into one tree.
 *
 * For each leaf the peeler asks the cache (peel-cache.ts), then takes a shortcut where one keeps the
 * search's answer, and otherwise searches codec chains (chain-search.ts) in the leaf's SearchMode
 * (search-mode.ts). The accepted chain becomes nodes (tree-builder.ts), whose leaves come back here.
 * Everything is bounded by one Budget; where a limit stops work, the node says so in `limit`.
 */
import type { DecodedNode, Payload } from '../model';
import { Budget } from '../limits';
import { meetsPreconditions, type Codec, type SniffHints } from './codec';
import { BYTES_CODECS, TEXT_CODECS } from './registry';
import { describeOpaque } from '../shared/entropy';
import { ENVELOPES, type Envelope } from './envelopes/index';
import { PeelCache, type KeyRecord } from './peel-cache';
import type { Candidate } from './peel-search';
import { ChainSearch, MIN_SNIFF_LENGTH } from './chain-search';
import { BODY_PAYLOAD, INSIDE_DOCUMENT, PART_PAYLOAD, type SearchMode } from './search-mode';
import { isWebAddress, shortcutsFor } from './shortcuts';
import { isPlainProse } from './plain-prose';
import { TreeBuilder, appendNote, type LeafPeeler } from './tree-builder';
import { recordLimit } from './limit-record';

export { PeelCache } from './peel-cache';
export { meetsPreconditions };

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

export class Peeler implements LeafPeeler {
	private readonly cache: PeelCache;
	private readonly search: ChainSearch;
	private readonly trees: TreeBuilder;
	/** Plain prose inside a document is known to be undecodable (shortcuts.ts). */
	private readonly proseShortcut: boolean;
	/** Where web addresses inside a document go straight away, if anywhere (shortcuts.ts). */
	private readonly webAddressCodec: Codec<'text'> | null;

	constructor(
		private readonly budget: Budget,
		options: PeelerOptions = {}
	) {
		const textCodecs = options.textCodecs ?? TEXT_CODECS;
		const shortcuts = shortcutsFor(textCodecs);
		this.proseShortcut = shortcuts.plainProse;
		this.webAddressCodec = shortcuts.webAddress;
		this.cache = options.cache ?? new PeelCache();
		this.search = new ChainSearch(budget, textCodecs, options.bytesCodecs ?? BYTES_CODECS);
		this.trees = new TreeBuilder(budget, options.envelopes ?? ENVELOPES, this);
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
			recordLimit(node, error);
		}
		return node;
	}

	/** Attaches the best codec chain for a leaf as `node.decoded` (the tree builder calls it for leaves inside structure). */
	peelLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number, mode: SearchMode): void {
		if (typeof value === 'string' && value.length < MIN_SNIFF_LENGTH) return;
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
				this.trees.materialize(found, node, layers, depth);
				return;
			}
		}
		this.searchLeaf(node, value, hints, layers, depth, mode, record);
	}

	/** Searches a leaf the cache did not answer; `record` is where the result is remembered (null: not cached). */
	private searchLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number, mode: SearchMode, record: KeyRecord | null): void {
		const isText = typeof value === 'string';
		// The common case inside big documents: a short string no codec wants. Sniff it without
		// building any search state.
		let rootCandidates: Candidate[] | null = null;
		if (isText && mode === INSIDE_DOCUMENT && hints.contentType === undefined && hints.contentEncoding === undefined) {
			if (this.proseShortcut && hints.contentTypeHeader === undefined && isPlainProse(value)) {
				if (record !== null) this.cache.rememberUndecodable(record, value, 0);
				return;
			}
			if (this.webAddressCodec !== null && isWebAddress(value) && this.peelWebAddress(this.webAddressCodec, node, value, hints, layers, depth, record)) return;
			rootCandidates = this.search.sniffText(value, hints, mode);
			if (rootCandidates === null) {
				if (record !== null) this.cache.rememberUndecodable(record, value, 0);
				return;
			}
		}
		this.budget.checkTime();
		const root = this.search.rootState(value, hints);
		const bytesBefore = this.budget.bytesProduced;
		const best = this.search.run(root, layers, mode, rootCandidates);
		if (root.declaredFailure) appendNote(node, root.declaredFailure);
		if (root.limit) node.limit = root.limit;
		if (best === null) {
			if (record !== null && this.search.pure) this.cache.rememberUndecodable(record, value as string, this.budget.bytesProduced - bytesBefore);
			if (!isText) node.verdict ??= describeOpaque(value);
			return;
		}
		if (record !== null && this.search.pure && root.limit === undefined) this.cache.rememberDecoded(record, layers, value as string, best, this.budget.bytesProduced - bytesBefore);
		this.trees.materialize(best, node, layers, depth);
	}

	/**
	 * A web address inside a document (an event's `$url`): `codec` (the URL codec) outranks every other
	 * text codec on it, so the search would try it first and stop at its structure. Doing just that spares
	 * ten sniffs on each of thousands of addresses. False when the codec does not give a tree cleanly; the
	 * full search then runs as usual. `record` is where the result is cached (null: not cached).
	 */
	private peelWebAddress(codec: Codec<'text'>, node: DecodedNode, value: string, hints: SniffHints, layers: number, depth: number, record: KeyRecord | null): boolean {
		this.budget.checkTime();
		const root = this.search.rootState(value, hints);
		const bytesBefore = this.budget.bytesProduced;
		const best = this.search.structureBy(root, codec);
		if (best === null) return false;
		if (record !== null) this.cache.rememberDecoded(record, layers, value, best, this.budget.bytesProduced - bytesBefore);
		this.trees.materialize(best, node, layers, depth);
		return true;
	}
}

/** Convenience: peel one payload with a fresh budget. */
export function peel(payload: Payload, rootPath: string, hints: SniffHints = {}, budget = new Budget(), options: PeelerOptions = {}, body = true): DecodedNode {
	return new Peeler(budget, options).peel(payload, rootPath, hints, body);
}
