/**
 * Envelopes: public SDK wire formats recognised by their shape after peeling. An envelope never
 * decodes anything itself; it reads a finished structure layer and names it, so the tree can say
 * "Sensors Analytics batch, crc verified" instead of leaving the reader to guess.
 */
import type { DecodedNode } from '../../model';

export interface Envelope {
	/** Stable id, e.g. `sensors-analytics`. */
	readonly id: string;
	/**
	 * Looks at the first node of a structure layer (a form, a JSON document, …) whose children are
	 * already peeled; returns the verdict to record in its `note`, or null when this is not the envelope.
	 */
	recognize(layer: DecodedNode): string | null;
}

/** The direct child of a structure node with this key (first one, as forms may repeat keys). */
export function childByKey(node: DecodedNode, key: string): DecodedNode | undefined {
	return node.children?.find((child) => child.key === key);
}

/** Codec ids from this node down its `decoded` chain, outermost first. */
export function decodedChain(node: DecodedNode): { codecs: string[]; last: DecodedNode } {
	const codecs: string[] = [];
	let last = node;
	while (last.decoded) {
		last = last.decoded;
		if (last.codec) codecs.push(last.codec);
	}
	return { codecs, last };
}
