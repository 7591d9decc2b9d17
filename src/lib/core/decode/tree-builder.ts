/**
 * Tree building: an accepted chain becomes one node per layer, and structured results are walked so
 * every string or byte leaf inside is peeled in turn. JSON inside a JSON string, a URL inside a
 * property and a query inside that URL end up in one tree. Each node is attached before it is filled,
 * so a limit that stops the filling is seen in the tree; public SDK envelopes get their verdict on the
 * structure that carries them.
 */
import type { DecodedNode } from '../model';
import { Budget, LimitExceeded } from '../limits';
import { Annotated, FieldList, NO_HINTS, type Range, type SniffHints, type TreeValue } from './codec';
import { describeOpaque } from '../shared/entropy';
import type { Envelope } from './envelopes/index';
import { isGlobalLimit, recordLimit } from './limit-record';
import { LAYER_SEPARATOR } from '../shared/path';
import type { State } from './peel-search';
import { INSIDE_DOCUMENT, type SearchMode } from './search-mode';

/** Check the clock once every this many tree nodes (performance.now() is cheap, but not free). */
const TIME_CHECK_EVERY = 256;

/** What peels a leaf found inside structure (the Peeler). */
export interface LeafPeeler {
	peelLeaf(node: DecodedNode, value: string | Uint8Array, hints: SniffHints, layers: number, depth: number, mode: SearchMode): void;
}

/** One per peeler; `layers` counts codec layers above a value, `depth` its nesting in structure. */
export class TreeBuilder {
	private ticks = 0;

	constructor(
		private readonly budget: Budget,
		private readonly envelopes: readonly Envelope[],
		private readonly leaves: LeafPeeler
	) {}

	/** Builds the nodes for an accepted chain under `parent`, outermost layer first, and peels inside its structure. */
	materialize(end: State, parent: DecodedNode, layers: number, depth: number): void {
		const chain: State[] = [];
		for (let s: State | null = end; s !== null && s.codec !== null; s = s.parent) chain.push(s);
		chain.reverse();
		let path = parent.path;
		let previous = parent;
		for (const state of chain) {
			path = path + LAYER_SEPARATOR + state.codec!.id;
			this.budget.spendNode();
			const node = layerShell(state, path, state === end);
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

	/** Fills a node from a structured value; a limit stops it here and is recorded on the innermost node. */
	private fillGuarded(node: DecodedNode, value: TreeValue, layers: number, depth: number): void {
		try {
			this.fillTreeNode(node, value, layers, depth);
		} catch (error) {
			recordLimit(node, error);
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
					this.leaves.peelLeaf(node, value, hints, layers, depth, INSIDE_DOCUMENT);
				} catch (error) {
					recordLimit(node, error);
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
				return this.leaves.peelLeaf(node, value, hintsForKey(node.key), layers, depth, INSIDE_DOCUMENT);
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
			return this.leaves.peelLeaf(node, value, hintsForKey(node.key), layers, depth, INSIDE_DOCUMENT);
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
}

/** The node for one layer of a chain, before any structure is filled in. */
function layerShell(state: State, path: string, isLast: boolean): DecodedNode {
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

export function appendNote(node: DecodedNode, note: string): void {
	node.note = node.note ? `${node.note}; ${note}` : note;
}

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
