/**
 * What values an exchange carried, kept small: a 32-bit hash of each distinct identifier-shaped leaf (after every layer
 * was peeled, so base64, gzip and form encodings are already undone), in lower case. After the whole capture is read,
 * an identifier found anywhere is looked up here — plain or as its MD5, SHA-1 or SHA-256 — to find the exchanges that
 * carried it without a key saying so (propagation.ts). A hash can collide: a hit only chooses exchanges to look at
 * again, and that second look decides.
 */

/** Identifier-shaped: no whitespace, 6 to 256 characters (phone numbers and Android IDs up to SHA-256 hex and e-mails), a digit or an @. */
const MIN = 6;
const MAX = 256;
/** Per exchange: a batch of 50 events repeats its IDs; distinct leaves beyond this are not kept (the rest is a miss). */
const MAX_TOKENS = 4096;

/**
 * One exchange is analysed at a time on a thread, so its hashes are gathered in one buffer shared by every LeafTokens
 * (no Set per exchange: on a 20,000-request capture those sets were tens of MB of garbage at the peak).
 */
const scratch = new Uint32Array(MAX_TOKENS);

export class LeafTokens {
	private count = 0;

	constructor() {
		owner = this;
	}

	add(text: string): void {
		const n = text.length;
		if (n < MIN || n > MAX || this.count >= MAX_TOKENS || owner !== this) return;
		// Every form of an identifier has a digit (an e-mail address may not, but has its @); web addresses and times are
		// not identifiers and would only fill the pool.
		let digits = 0;
		let at = false;
		for (let i = 0; i < n; i++) {
			const c = text.charCodeAt(i);
			if (c <= 0x20) return;
			if (c >= 0x30 && c <= 0x39) digits++;
			else if (c === 0x40) at = true;
		}
		if (digits === 0 && !at) return;
		if (text.startsWith('http') && /^https?:\/\//i.test(text)) return;
		if (digits === n && (n === 10 || n === 13) && text.charCodeAt(0) === 0x31) return;
		scratch[this.count++] = tokenHash(text);
	}

	/** The distinct hashes, or undefined when there are none. */
	list(): Uint32Array | undefined {
		if (this.count === 0 || owner !== this) return undefined;
		const sorted = scratch.subarray(0, this.count).sort();
		let distinct = 1;
		for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
		return sorted.slice(0, distinct);
	}
}

/** The LeafTokens the buffer belongs to: a newer one (the next exchange) takes it over. */
let owner: LeafTokens | null = null;

/** FNV-1a over the lower-cased UTF-16 code units. */
export function tokenHash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		let c = text.charCodeAt(i);
		if (c >= 0x41 && c <= 0x5a) c |= 0x20;
		h ^= c;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
