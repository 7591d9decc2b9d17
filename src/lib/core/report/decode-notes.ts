/**
 * What the decoder said about a capture as a whole: every limit that stopped work and every SDK
 * envelope it named, one line each with the exchange and the full path, so the JSON report (and the
 * command line) shows them without the trees. Collected exchange by exchange, while each exchange's
 * trees are at hand (analyze does not keep them).
 */
import type { DecodedNode, DecodedPart } from '../model';

/** Enough to see what happened; a hostile capture could otherwise add a line per node. */
const MAX_NOTES = 50;

/** One exchange's notes, read off its trees while they are at hand. */
export interface ExchangeNotes {
	lines: string[];
	/** Whether a limit stopped work anywhere in its parts. */
	limited: boolean;
}

export function notesOf(parts: readonly DecodedPart[], exchange: number): ExchangeNotes {
	const lines: string[] = [];
	let limited = false;
	for (const part of parts) {
		// Iterative: trees can be deep, and this must never be what overflows the stack.
		const stack: DecodedNode[] = [part.root];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.limit) {
				limited = true;
				lines.push(`exchange ${exchange}, ${node.path}: limit: ${node.limit}`);
			}
			if (node.envelope) lines.push(`exchange ${exchange}, ${node.path}: ${node.envelope.verdict}`);
			if (node.children) for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]!);
			if (node.decoded) stack.push(node.decoded);
		}
	}
	return { lines, limited };
}

/** The capture's notes, gathered exchange by exchange in capture order. */
export class DecodeNotes {
	private readonly notes: string[] = [];
	private more = 0;

	add(lines: readonly string[]): void {
		for (const line of lines) this.push(line);
	}

	list(): string[] {
		return this.more > 0 ? [...this.notes, `… and ${this.more} more decoder notes`] : [...this.notes];
	}

	private push(line: string): void {
		if (this.notes.length < MAX_NOTES) this.notes.push(line);
		else this.more++;
	}
}
