/**
 * What the decoder said about a capture as a whole: every limit that stopped work and every SDK
 * envelope it named, one line each with the exchange and the full path, so the JSON report (and the
 * command line) shows them without the trees. Collected exchange by exchange, while each exchange's
 * trees are at hand (analyze does not keep them).
 */
import type { DecodedNode, DecodedPart } from '../model';

/** Kinds of notes listed: enough to see what happened; a hostile capture could otherwise add a kind per node. */
const MAX_NOTES = 50;

/** One exchange's notes, read off its trees while they are at hand: `path: what`, one line each. */
export interface ExchangeNotes {
	lines: string[];
	/** Whether a limit stopped work anywhere in its parts. */
	limited: boolean;
}

export function notesOf(parts: readonly DecodedPart[]): ExchangeNotes {
	const lines: string[] = [];
	let limited = false;
	for (const part of parts) {
		// Iterative: trees can be deep, and this must never be what overflows the stack.
		const stack: DecodedNode[] = [part.root];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.limit) {
				limited = true;
				lines.push(`${node.path}: limit: ${node.limit}`);
			}
			if (node.envelope) lines.push(`${node.path}: ${node.envelope.verdict}`);
			if (node.children) for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]!);
			if (node.decoded) stack.push(node.decoded);
		}
	}
	return { lines, limited };
}

/**
 * The capture's notes, gathered exchange by exchange in capture order and counted by kind: the same note on the same
 * path in 20,000 exchanges is one line that says so ("… — in 20,000 exchanges, 0 to 19,999"), not 20,000 lines.
 */
export class DecodeNotes {
	private readonly kinds = new Map<string, { count: number; first: number; last: number }>();
	private more = 0;

	add(exchange: number, lines: readonly string[]): void {
		for (const line of lines) {
			const kind = this.kinds.get(line);
			if (kind) {
				kind.count++;
				kind.last = exchange;
			} else if (this.kinds.size < MAX_NOTES) this.kinds.set(line, { count: 1, first: exchange, last: exchange });
			else this.more++;
		}
	}

	list(): string[] {
		const out: string[] = [];
		for (const [line, { count, first, last }] of this.kinds) {
			out.push(count === 1 ? `exchange ${first}, ${line}` : `${line} — in ${count.toLocaleString('en-US')} exchanges, ${first.toLocaleString('en-US')} to ${last.toLocaleString('en-US')}`);
		}
		if (this.more > 0) out.push(`… and ${this.more.toLocaleString('en-US')} more decoder notes of other kinds`);
		return out;
	}
}
