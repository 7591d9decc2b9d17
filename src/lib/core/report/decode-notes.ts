/**
 * What the decoder said about a capture as a whole: every limit that stopped work and every SDK
 * envelope it named, one line each with the exchange and the full path, so the JSON report (and the
 * command line) shows them without the trees; and the verdicts on values nothing could decode, so a
 * random or encrypted blob is reported as such rather than as a bare `base64` layer. Collected exchange by exchange, while each exchange's
 * trees are at hand (analyze does not keep them).
 */
import { MAX_OPAQUE_PATHS, MAX_VERDICTS, type DecodedNode, type DecodedPart, type OpaqueSummary, type OpaqueVerdict } from '../model';
import { looksEncrypted } from '../shared/entropy';

/** Kinds of notes listed: enough to see what happened; a hostile capture could otherwise add a kind per node. */
const MAX_NOTES = 50;

/** One exchange's notes, read off its trees while they are at hand: `path: what`, one line each. */
export interface ExchangeNotes {
	lines: string[];
	/** Whether a limit stopped work anywhere in its parts. */
	limited: boolean;
	/** The first MAX_VERDICTS verdicts on undecoded values, in walk order. */
	verdicts: OpaqueVerdict[];
	/** How many nodes had a verdict. */
	verdictCount: number;
	/** Of those, how many look encrypted or random, and the first MAX_OPAQUE_PATHS of their paths. */
	encrypted: number;
	encryptedPaths: string[];
}

export function notesOf(parts: readonly DecodedPart[]): ExchangeNotes {
	const lines: string[] = [];
	let limited = false;
	const verdicts: OpaqueVerdict[] = [];
	const encryptedPaths: string[] = [];
	let verdictCount = 0;
	let encrypted = 0;
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
			if (node.verdict !== undefined) {
				if (verdictCount++ < MAX_VERDICTS) verdicts.push({ path: node.path, verdict: node.verdict });
				if (looksEncrypted(node.verdict) && encrypted++ < MAX_OPAQUE_PATHS) encryptedPaths.push(node.path);
			}
			if (node.children) for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]!);
			if (node.decoded) stack.push(node.decoded);
		}
	}
	return { lines, limited, verdicts, verdictCount, encrypted, encryptedPaths };
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

/**
 * Values that look encrypted or random across the capture, gathered in capture order: counted, with the first
 * paths, for the summary's `opaque` (absent when there were none).
 */
export class OpaqueTally {
	private count = 0;
	private exchanges = 0;
	private readonly first: string[] = [];

	add(exchange: number, count: number, paths: readonly string[]): void {
		if (count === 0) return;
		this.count += count;
		this.exchanges++;
		for (const path of paths) if (this.first.length < MAX_OPAQUE_PATHS) this.first.push(`exchange ${exchange}: ${path}`);
	}

	summary(): OpaqueSummary | null {
		if (this.count === 0) return null;
		const values = this.count === 1 ? '1 value looks' : `${this.count.toLocaleString('en-US')} values look`;
		const where = this.exchanges === 1 ? 'in 1 exchange' : `in ${this.exchanges.toLocaleString('en-US')} exchanges`;
		return { encryptedOrRandom: this.count, exchanges: this.exchanges, says: `${values} encrypted or random (${where})`, first: [...this.first] };
	}
}
