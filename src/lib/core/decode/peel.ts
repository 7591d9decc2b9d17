/**
 * Peeling: turn one captured value into one tree. For each leaf, candidate codecs are ranked by their
 * cheap `sniff`, tried best-first, and the result that reveals the most structure wins; structured
 * results are walked and every string inside is peeled in turn. Everything is bounded by one Budget.
 */
import type { DecodedNode, Payload } from '../model';
import { Budget, LimitExceeded } from '../limits';
import { Annotated, FieldList, type Codec, type CodecOutput, type SniffHints, type TreeValue } from './codec';
import { BYTES_CODECS, TEXT_CODECS } from './registry';
import { childPath, layerPath } from './path';
import { isReadable, utf8OrNull } from './text';
import { describeOpaque } from './entropy';

/** How much a decoded subtree reveals: structure beats readable text beats bytes. */
const RANK_STRUCTURE = 3;
const RANK_TEXT = 2;
const RANK_KNOWN_BYTES = 1;
const RANK_OPAQUE = 0;

/** A codec whose result reveals nothing further is accepted only when its sniff was this sure. */
const OPAQUE_ACCEPT_SNIFF = 0.8;
/** How many candidate codecs to try on one leaf before settling. */
const MAX_CANDIDATES = 4;

interface Candidate {
	codec: Codec;
	input: string | Uint8Array;
	score: number;
}

export class Peeler {
	private readonly rank = new WeakMap<DecodedNode, number>();

	constructor(private readonly budget: Budget) {}

	/** Peels a part's payload; `rootPath` is the part's name (`body`, `query`, `payload`). */
	peel(payload: Payload, rootPath: string, hints: SniffHints = {}): DecodedNode {
		const node: DecodedNode =
			payload.kind === 'text'
				? { path: rootPath, kind: 'text', text: payload.text }
				: { path: rootPath, kind: 'bytes', bytes: payload.bytes };
		this.guard(node, () => {
			this.budget.spendNode();
			this.peelLeaf(node, payload.kind === 'text' ? payload.text : payload.bytes, hints, 0, 0);
		}, true);
		return node;
	}

	/** Tries codecs on a leaf and attaches the most revealing result as `node.decoded`. */
	private peelLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number): void {
		if (typeof value === 'string' && value.length === 0) return this.setRank(node, RANK_TEXT);
		if (layers >= this.budget.limits.maxLayers) {
			node.limit = `stopped after ${layers} layers (layer limit)`;
			return this.setRank(node, RANK_OPAQUE);
		}
		this.budget.checkTime();

		let best: DecodedNode | null = null;
		let bestRank = -1;
		let tried = 0;
		for (const candidate of this.candidates(value, hints)) {
			if (tried++ >= MAX_CANDIDATES) break;
			const output = this.tryDecode(node, candidate, hints);
			if (!output) continue;
			const child = this.buildLayer(node.path, candidate.codec.id, output, layers + 1, depth);
			const rank = this.rankOf(child);
			const acceptable = rank > RANK_OPAQUE || candidate.score >= OPAQUE_ACCEPT_SNIFF;
			if (acceptable && rank > bestRank) {
				best = child;
				bestRank = rank;
			}
			if (bestRank >= RANK_STRUCTURE) break;
		}

		if (best) {
			node.decoded = best;
			this.setRank(node, bestRank);
			return;
		}
		if (typeof value === 'string') return this.setRank(node, isReadable(value) ? RANK_TEXT : RANK_OPAQUE);
		node.verdict ??= describeOpaque(value);
		this.setRank(node, node.verdict.includes('bytes)') ? RANK_KNOWN_BYTES : RANK_OPAQUE);
	}

	private candidates(value: string | Uint8Array, hints: SniffHints): Candidate[] {
		const list: Candidate[] = [];
		const consider = (codec: Codec, input: string | Uint8Array) => {
			const score = codec.input === 'text' ? codec.sniff(input as string & Uint8Array, hints) : codec.sniff(input as string & Uint8Array, hints);
			if (score > 0) list.push({ codec, input, score });
		};
		if (typeof value === 'string') {
			for (const codec of TEXT_CODECS) consider(codec, value);
		} else {
			for (const codec of BYTES_CODECS) consider(codec, value);
			const text = utf8OrNull(value);
			if (text !== null && isReadable(text)) for (const codec of TEXT_CODECS) consider(codec, text);
		}
		return list.sort((a, b) => b.score - a.score);
	}

	private tryDecode(node: DecodedNode, candidate: Candidate, hints: SniffHints): CodecOutput | null {
		try {
			const result = candidate.codec.decode(candidate.input as string & Uint8Array, { budget: this.budget, hints });
			return result.kind === 'failure' ? null : result;
		} catch (error) {
			if (error instanceof LimitExceeded) {
				if (error.limit === 'time' || error.limit === 'nodes' || error.limit === 'total-bytes') throw error;
				node.limit = `${candidate.codec.label}: ${error.message}`;
				return null;
			}
			// A codec that throws on hostile input is a codec bug; treat it as "not this codec".
			return null;
		}
	}

	/** Makes the node for a codec's output and keeps peeling inside it. */
	private buildLayer(parentPath: string, codecId: string, output: CodecOutput, layers: number, depth: number): DecodedNode {
		const path = layerPath(parentPath, codecId);
		this.budget.spendNode();
		if (output.kind === 'tree') {
			const node = this.treeNode(output.value, path, undefined, layers, depth);
			node.codec = codecId;
			if (output.note) node.note = output.note;
			return node;
		}
		const node: DecodedNode =
			output.kind === 'text' ? { path, kind: 'text', codec: codecId, text: output.text } : { path, kind: 'bytes', codec: codecId, bytes: output.bytes };
		if (output.note) node.note = output.note;
		this.guard(node, () => {
			if (output.kind === 'text') return this.peelLeaf(node, output.text, {}, layers, depth);
			const text = utf8OrNull(output.bytes);
			if (text !== null && isReadable(text)) {
				// Readable bytes are shown as text; text codecs still get their chance on them.
				node.kind = 'text';
				node.text = text;
				delete node.bytes;
			}
			this.peelLeaf(node, output.bytes, {}, layers, depth);
		});
		return node;
	}

	/** Converts structured codec output into nodes, peeling every string and byte leaf. */
	private treeNode(value: TreeValue, path: string, key: string | number | undefined, layers: number, depth: number): DecodedNode {
		const node: DecodedNode = { path, kind: 'null' };
		if (key !== undefined) node.key = key;
		this.guard(node, () => this.fillTreeNode(node, value, layers, depth));
		return node;
	}

	private fillTreeNode(node: DecodedNode, value: TreeValue, layers: number, depth: number): void {
		if (value instanceof Annotated) {
			node.note = value.note;
			return this.fillTreeNode(node, value.value, layers, depth);
		}
		if (value === null) return this.setRank(node, RANK_TEXT);
		switch (typeof value) {
			case 'string':
				node.kind = 'text';
				node.text = value;
				return this.peelLeaf(node, value, keyHint(node.key), layers, depth);
			case 'number':
				node.kind = 'number';
				node.number = value;
				return this.setRank(node, RANK_TEXT);
			case 'bigint':
				node.kind = 'number';
				node.number = value.toString();
				return this.setRank(node, RANK_TEXT);
			case 'boolean':
				node.kind = 'boolean';
				node.boolean = value;
				return this.setRank(node, RANK_TEXT);
		}
		if (value instanceof Uint8Array) {
			node.kind = 'bytes';
			node.bytes = value;
			return this.peelLeaf(node, value, keyHint(node.key), layers, depth);
		}
		this.setRank(node, RANK_STRUCTURE);
		if (depth >= this.budget.limits.maxStructureDepth) {
			node.kind = Array.isArray(value) ? 'array' : 'object';
			node.limit = `nesting deeper than ${this.budget.limits.maxStructureDepth} levels was not expanded`;
			return;
		}
		const entries = structureEntries(value);
		node.kind = Array.isArray(value) ? 'array' : 'object';
		node.children = [];
		for (const [childKey, childValue] of entries) {
			this.budget.spendNode();
			node.children.push(this.treeNode(childValue, childPath(node.path, childKey), childKey, layers, depth + 1));
		}
	}

	/**
	 * Runs `work`; a limit that stops it is recorded on the innermost node it stopped. Time, node and
	 * total-byte limits end the whole input, so they travel up to the root without being recorded again.
	 */
	private guard(node: DecodedNode, work: () => void, isRoot = false): void {
		try {
			work();
		} catch (error) {
			if (!(error instanceof LimitExceeded)) throw error;
			const global = error.limit === 'time' || error.limit === 'nodes' || error.limit === 'total-bytes';
			if (!recorded.has(error)) {
				node.limit = error.message;
				recorded.add(error);
			}
			if (!this.rank.has(node)) this.setRank(node, RANK_OPAQUE);
			if (global && !isRoot) throw error;
		}
	}

	private setRank(node: DecodedNode, rank: number): void {
		this.rank.set(node, rank);
	}

	private rankOf(node: DecodedNode): number {
		return this.rank.get(node) ?? RANK_OPAQUE;
	}
}

const recorded = new WeakSet<LimitExceeded>();

function keyHint(key: string | number | undefined): SniffHints {
	return typeof key === 'string' ? { key } : {};
}

function structureEntries(value: TreeValue): Array<[string | number, TreeValue]> {
	if (Array.isArray(value)) return value.map((v, i) => [i, v]);
	if (value instanceof FieldList) return value.fields;
	return Object.entries(value as Record<string, TreeValue>);
}

/** Convenience: peel one payload with a fresh budget. */
export function peel(payload: Payload, rootPath: string, hints: SniffHints = {}, budget = new Budget()): DecodedNode {
	return new Peeler(budget).peel(payload, rootPath, hints);
}
