/**
 * What the decoder said about a capture as a whole: every limit that stopped work and every SDK
 * envelope it named, one line each with the exchange and the full path, so the JSON report (and the
 * command line) shows them without the trees.
 */
import type { DecodedNode, DecodedPart } from '../model';

/** Enough to see what happened; a hostile capture could otherwise add a line per node. */
const MAX_NOTES = 50;

export function decodeNotes(parts: readonly (readonly DecodedPart[])[], exchangeIndexes?: readonly number[]): string[] {
	const notes: string[] = [];
	let more = 0;
	parts.forEach((list, i) => {
		const exchange = exchangeIndexes?.[i] ?? i;
		for (const part of list) {
			// Iterative: trees can be deep, and this must never be what overflows the stack.
			const stack: DecodedNode[] = [part.root];
			while (stack.length > 0) {
				const node = stack.pop()!;
				const lines: string[] = [];
				if (node.limit) lines.push(`limit: ${node.limit}`);
				if (node.envelope) lines.push(node.envelope.verdict);
				for (const line of lines) {
					if (notes.length < MAX_NOTES) notes.push(`exchange ${exchange}, ${node.path}: ${line}`);
					else more++;
				}
				if (node.children) for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]!);
				if (node.decoded) stack.push(node.decoded);
			}
		}
	});
	if (more > 0) notes.push(`… and ${more} more decoder notes`);
	return notes;
}
