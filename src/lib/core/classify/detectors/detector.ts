/**
 * The Detector contract: one small module per finding family. A detector looks at one decoded node
 * with what surrounds it (its key, the keys above it, its sibling fields, the exchange) and returns
 * findings with a confidence and a plain reason. Detectors never walk the tree themselves.
 */
import type { DecodedNode, Occurrence, PartKind } from '../../model';

export interface ExchangeContext {
	host: string | null;
	url: string | null;
	method: string | null;
}

export interface DetectContext {
	/** The key this value sits under: its own key, or the key of the leaf whose decoding it is. */
	key: string | null;
	/** `key` normalised by normalizeKey (lower case, no `$ _ - .` or spaces). */
	normKey: string;
	/** `key` split into lower-case words (`$latest_search_keyword` → latest, search, keyword). */
	keyWords: readonly string[];
	/** Normalised keys from the part's root down to the parent of this node, outermost first. */
	keyChain: readonly string[];
	/** The other fields of the object this node sits in, by normalised key (null outside objects). */
	siblings: ReadonlyMap<string, DecodedNode> | null;
	/** The URL whose parameters this node is one of (an enclosing URL value, or the request URL for the query part). */
	url: string | null;
	partKind: PartKind;
	exchange: ExchangeContext;
	/**
	 * The nodes that share this node's parent, itself included (an array's elements, an object's fields), or
	 * undefined at a root. Value-first detection reads a list from it: no key says what a list is, only its members.
	 */
	neighbours?: readonly DecodedNode[];
	/** True when `neighbours` are the elements of an array (an object's fields carry their own keys). */
	inArray?: boolean;
}

export interface Detector {
	id: string;
	label: string;
	detect(node: DecodedNode, context: DetectContext): Occurrence[];
	/** A cheap pre-check that lets the walk skip this detector on nodes it cannot report (see DetectorGate). */
	gate?: DetectorGate;
}

/**
 * Most nodes of a capture are none of a detector's business (an event name, a timestamp), and most
 * detectors decide that from the key alone. A gate says so up front: when `key` and `other` are both
 * false, `detect` would return no finding, so the walk does not call it. Gates may say yes too often,
 * never too rarely (tests/unit/classify/detector-gates.test.ts checks this on random inputs).
 */
export interface DetectorGate {
	/** Could a value under this key yield a finding at all? Pure in its arguments: the walk keeps the answer per key. */
	key(normKey: string, keyWords: readonly string[]): boolean;
	/**
	 * For a key `key` turned down: could this node still yield a finding here (a value shape, the keys above)?
	 * `value` is the node's text trimmed, or null when it is not a text node. Omitted: never.
	 */
	other?(node: DecodedNode, context: DetectContext, value: string | null): boolean;
}

/** The scalar value of a leaf as text (numbers in their source spelling), or null for structure. */
export function scalarText(node: DecodedNode): string | null {
	if (node.kind === 'text') return node.text ?? null;
	if (node.kind === 'number') return node.number === undefined ? null : String(node.number);
	return null;
}

/**
 * An occurrence at `node`. `detector` is left empty here: the walk (findings.ts) stamps the id of the detector that
 * returned it, so no detector can name another by mistake; the property is there from the start to keep one shape.
 */
export function finding(node: DecodedNode, type: Occurrence['type'], value: string, confidence: Occurrence['confidence'], reason: string): Occurrence {
	return { type, value, path: node.path, confidence, reason, detector: '' };
}

/** The key `levels` above the node (1: its parent object's key), or undefined at the root (no negative index: it is slow). */
export function keyAbove(context: DetectContext, levels: number): string | undefined {
	const chain = context.keyChain;
	return chain.length >= levels ? chain[chain.length - levels] : undefined;
}
