/**
 * Finds the extent of each `log.entries[i]` in a HAR's bytes, chunk by chunk, so a large file never becomes one
 * string: only one entry at a time is decoded and handed to JSON.parse. Strings are skipped with
 * `Uint8Array.indexOf` (native, memchr-speed), which is where almost all of a HAR's bytes are; structure bytes are
 * walked one by one. Besides the entries it keeps a few small members of `log` (version, creator, browser, comment).
 *
 * The scanner checks only what it needs (brackets match, keys at the two top levels are strings); the JSON inside
 * an entry is checked by JSON.parse when the entry is read.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Deeper than any real HAR; stops a hostile file from growing the bracket stack without end. */
export const MAX_HAR_DEPTH = 10_000;

/** An entry this short cannot nest deeper than MAX_HAR_DEPTH, so it may skip the walk that counts brackets. */
const MAX_GUESSED_ENTRY_BYTES = 2 * MAX_HAR_DEPTH;
const MAX_MISSED_GUESSES = 8;

const WANTED_MEMBERS = new Set(['version', 'creator', 'browser', 'comment', 'pages']);

export interface HarScanSink {
	/** One complete entry's bytes; `at` is its byte offset in the input. */
	entry(bytes: Uint8Array, index: number, at: number): void;
	/**
	 * Bytes that are the whole entry if they parse as JSON (see HarScanner.guessEntryEnd): reads the entry and
	 * returns true, or returns false without reading anything when they do not parse.
	 */
	tryEntry(bytes: Uint8Array, index: number, at: number): boolean;
	/** A small member of `log` (`version`, `creator`, …). */
	member(key: string, bytes: Uint8Array, at: number): void;
}

/** Why scanning stopped; har.ts turns it into the user's message. */
export class HarScanProblem extends Error {
	constructor(
		readonly kind: 'syntax' | 'not-har' | 'truncated' | 'empty',
		readonly detail: string,
		/** Byte offset in the input. */
		readonly at: number,
		/** 0-based index of the entry being read, when inside one. */
		readonly insideEntry: number | null
	) {
		super(detail);
		this.name = 'HarScanProblem';
	}
}

const CAP_CONTAINER = 0;
const CAP_STRING = 1;
const CAP_PRIMITIVE = 2;

const keyDecoder = new TextDecoder();

export class HarScanner {
	private offset = 0;
	private readonly stack: number[] = [];
	private inString = false;
	private escapeNext = false;
	/** The string being scanned is a key at depth 1 or 2, whose text we need. */
	private stringIsKey = false;
	private keyFrom = 0;
	private keyPieces: Uint8Array[] = [];
	private expectKey = false;
	private key1: string | null = null;
	private key2: string | null = null;
	private inLog = false;
	private inEntries = false;
	private started = false;
	private rootDone = false;
	/** First byte offset of non-space content after the root object, if any. */
	trailingAt = -1;
	sawLog = false;
	sawEntries = false;
	entriesClosed = false;
	entryCount = 0;

	private capActive = false;
	private capType = CAP_CONTAINER;
	private capEntry = true;
	private capKey = '';
	private capStart = 0;
	private capDepth = 0;
	private capFrom = 0;
	private capPieces: Uint8Array[] = [];
	/**
	 * Nesting inside the entry being captured. Inside an entry only quotes and brackets are looked at
	 * (a tight loop over a class table); whether its brackets match is JSON.parse's job when the entry is read.
	 */
	private entryDepth = 0;
	/** Index in the current chunk of an entry's `{` that was just opened, or -1. */
	private freshEntryAt = -1;
	/** Guesses that did not parse; after a few the file is not laid out as guessed and guessing stops. */
	private missedGuesses = 0;
	private lastEntryLength = 0;
	/** Whether guesses start halfway (see guessEntryEnd); stops when entries vary too much for it to pay. */
	private skipping = true;
	private skipHits = 0;
	private skipMisses = 0;

	constructor(private readonly sink: HarScanSink) {}

	get bytesScanned(): number {
		return this.offset;
	}

	/** 0-based index of the entry being read when the input stops, or null. */
	get openEntry(): number | null {
		return this.capActive && this.capEntry ? this.entryCount : null;
	}

	push(b: Uint8Array): void {
		const n = b.length;
		if (n === 0) return;
		let i = 0;
		this.capFrom = 0;
		if (this.rootDone) return this.afterRoot(b, 0);
		if (this.inString) i = this.scanString(b, 0);
		const stack = this.stack;
		while (i < n) {
			if (this.entryDepth > 0) {
				if (this.freshEntryAt >= 0) {
					const end = this.guessEntryEnd(b, this.freshEntryAt);
					this.freshEntryAt = -1;
					if (end > 0) {
						i = end;
						continue;
					}
				}
				i = this.skipInsideEntry(b, i);
				continue;
			}
			const c = b[i]!;
			if (c === QUOTE) {
				i = this.openString(b, i);
				continue;
			}
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
				if (this.capActive && this.capType === CAP_PRIMITIVE && stack.length === this.capDepth) this.emit(b, i);
				i++;
				continue;
			}
			if (c === LBRACE || c === LBRACKET) {
				this.open(c, b, i);
				i++;
				continue;
			}
			if (c === RBRACE || c === RBRACKET) {
				this.close(c, b, i);
				i++;
				if (this.rootDone) return this.afterRoot(b, i);
				continue;
			}
			if (c === COMMA) {
				if (this.capActive && this.capType === CAP_PRIMITIVE && stack.length === this.capDepth) this.emit(b, i);
				if (stack.length === 0) throw this.syntax(i, 'unexpected `,`');
				if (stack.length <= 2) this.expectKey = stack[stack.length - 1] === LBRACE;
				i++;
				continue;
			}
			if (c === COLON) {
				if (stack.length <= 2) this.expectKey = false;
				i++;
				continue;
			}
			// Inside an entry (the bulk of the file) a primitive byte needs no attention.
			if (!this.capActive) this.primitive(c, b, i);
			i++;
		}
		// A guess looks only inside the chunk where the entry opened.
		this.freshEntryAt = -1;
		if (this.capActive) this.capPieces.push(b.subarray(this.capFrom));
		if (this.inString && this.stringIsKey) {
			this.keyPieces.push(b.subarray(this.keyFrom));
			this.keyFrom = 0;
		}
		this.offset += n;
	}

	/** Call at the end of input: throws when the input stopped early or is not a HAR. */
	finish(): void {
		if (!this.started) throw new HarScanProblem('empty', 'no JSON', this.offset, null);
		if (this.stack.length > 0 || this.inString) {
			throw new HarScanProblem('truncated', 'the file is truncated', this.offset, this.openEntry);
		}
		if (!this.sawLog) throw new HarScanProblem('not-har', '`log` is missing', this.offset, null);
		if (!this.sawEntries) throw new HarScanProblem('not-har', '`log.entries` is missing', this.offset, null);
	}

	private afterRoot(b: Uint8Array, from: number): void {
		if (this.trailingAt < 0) {
			for (let j = from; j < b.length; j++) {
				const c = b[j]!;
				if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0) {
					this.trailingAt = this.offset + j;
					break;
				}
			}
		}
		this.offset += b.length;
	}

	private openString(b: Uint8Array, i: number): number {
		const depth = this.stack.length;
		if (depth === 0) throw this.notHar(i, 'it is a JSON string, not an object with `log`');
		if (depth <= 2 && this.expectKey && this.stack[depth - 1] === LBRACE) {
			this.stringIsKey = true;
			this.keyFrom = i + 1;
			this.keyPieces = [];
		} else {
			this.stringIsKey = false;
			if (depth <= 3 && !this.capActive) this.valueStarts(QUOTE, i, CAP_STRING);
		}
		this.inString = true;
		return this.scanString(b, i + 1);
	}

	/** Skips string content from `from`; returns the index after the closing quote, or `b.length`. */
	private scanString(b: Uint8Array, from: number): number {
		const n = b.length;
		let fresh = from;
		if (this.escapeNext) {
			this.escapeNext = false;
			fresh = from + 1;
		}
		for (;;) {
			const q = fresh >= n ? -1 : b.indexOf(QUOTE, fresh);
			if (q < 0) {
				let run = 0;
				for (let k = n - 1; k >= fresh && b[k] === BACKSLASH; k--) run++;
				this.escapeNext = (run & 1) === 1;
				return n;
			}
			let run = 0;
			for (let k = q - 1; k >= fresh && b[k] === BACKSLASH; k--) run++;
			if ((run & 1) === 1) {
				fresh = q + 1;
				continue;
			}
			this.inString = false;
			this.closeString(b, q);
			return q + 1;
		}
	}

	private closeString(b: Uint8Array, q: number): void {
		if (this.stringIsKey) {
			this.stringIsKey = false;
			const raw = this.keyPieces.length === 0 ? b.subarray(this.keyFrom, q) : concat([...this.keyPieces, b.subarray(0, q)]);
			this.keyPieces = [];
			const key = decodeKey(raw);
			if (this.stack.length === 1) this.key1 = key;
			else this.key2 = key;
			return;
		}
		if (this.capActive && this.capType === CAP_STRING && this.stack.length === this.capDepth) this.emit(b, q + 1);
	}

	private open(c: number, b: Uint8Array, i: number): void {
		const depth = this.stack.length;
		if (depth === 0) {
			if (c !== LBRACE) throw this.notHar(i, 'it is a JSON list, not an object with `log`');
			this.started = true;
		} else {
			if (depth <= 2 && this.expectKey) throw this.syntax(i, `unexpected \`${String.fromCharCode(c)}\` where a quoted property name should be`);
			if (depth <= 3 && !this.capActive) this.valueStarts(c, i, CAP_CONTAINER);
			if (this.capActive && this.capEntry && this.capType === CAP_CONTAINER && this.entryDepth === 0 && depth === 3) {
				this.entryDepth = 1;
				this.freshEntryAt = c === LBRACE && this.missedGuesses < MAX_MISSED_GUESSES ? i : -1;
				return;
			}
		}
		this.stack.push(c);
		if (this.stack.length > MAX_HAR_DEPTH) throw this.syntax(i, `the JSON nests deeper than ${MAX_HAR_DEPTH.toLocaleString('en-US')} levels`);
		const d = this.stack.length;
		if (d <= 2) this.expectKey = c === LBRACE;
		if (d === 2 && this.key1 === 'log' && depth === 1) {
			this.inLog = true;
			this.sawLog = true;
		} else if (d === 3 && this.inLog && this.key2 === 'entries' && !this.entriesClosed && !this.inEntries) {
			this.inEntries = true;
			this.sawEntries = true;
		}
	}

	private close(c: number, b: Uint8Array, i: number): void {
		const stack = this.stack;
		if (stack.length === 0) throw this.syntax(i, `unexpected \`${String.fromCharCode(c)}\``);
		if (this.capActive && this.capType === CAP_PRIMITIVE && stack.length === this.capDepth) this.emit(b, i);
		const top = stack.pop()!;
		if (top !== c - 2) {
			throw this.syntax(i, `\`${String.fromCharCode(c)}\` does not close the open ${top === LBRACE ? 'object `{`' : 'list `[`'}`);
		}
		const d = stack.length;
		if (this.capActive && this.capType === CAP_CONTAINER && d === this.capDepth) this.emit(b, i + 1);
		if (d === 2 && this.inEntries) {
			this.inEntries = false;
			this.entriesClosed = true;
		}
		if (d === 1) this.inLog = false;
		if (d <= 2) this.expectKey = false;
		if (d === 0) this.rootDone = true;
	}

	private primitive(c: number, b: Uint8Array, i: number): void {
		const depth = this.stack.length;
		if (depth === 0) {
			if (c === 0xef || c === 0xbb || c === 0xbf) {
				if (this.offset + i < 3) return; // UTF-8 byte order mark
			}
			if (c === 0) return;
			throw this.notHar(i, 'it does not start with `{`');
		}
		if (depth <= 2 && this.expectKey) throw this.syntax(i, `unexpected \`${String.fromCharCode(c)}\` where a quoted property name should be`);
		if (depth <= 3) this.valueStarts(c, i, CAP_PRIMITIVE);
	}

	/** A value begins at depth ≤ 3 outside any capture: decide whether to keep it. */
	private valueStarts(c: number, i: number, type: number): void {
		const depth = this.stack.length;
		if (depth === 3) {
			if (this.inEntries) this.startCapture(i, type, true, '');
			return;
		}
		if (depth === 1 && this.key1 === 'log' && c !== LBRACE) throw this.notHar(i, '`log` is not an object');
		if (depth === 2 && this.inLog && this.key2 !== null) {
			if (this.key2 === 'entries' && c !== LBRACKET && !this.sawEntries) throw this.notHar(i, '`log.entries` is not a list');
			if (WANTED_MEMBERS.has(this.key2)) this.startCapture(i, type, false, this.key2);
		}
	}

	/**
	 * The fast path: from `from` inside an entry container to its closing bracket (or the chunk's end).
	 * Only quotes and brackets matter here: a tight loop over a class table finds them, strings are skipped
	 * with indexOf. (Jumping between five indexOf results instead measured slower: too many native calls.)
	 */
	private skipInsideEntry(b: Uint8Array, from: number): number {
		const n = b.length;
		let i = from;
		let depth = this.entryDepth;
		while (i < n) {
			let cls = 0;
			while (i < n && (cls = ENTRY_CLASS[b[i]!]!) === 0) i++;
			if (i >= n) break;
			if (cls === 1) {
				this.inString = true;
				this.stringIsKey = false;
				this.entryDepth = depth;
				i = this.scanString(b, i + 1);
				continue;
			}
			if (cls === 2) {
				depth++;
				if (depth > MAX_HAR_DEPTH) throw this.syntax(i, `the JSON nests deeper than ${MAX_HAR_DEPTH.toLocaleString('en-US')} levels`);
				i++;
				continue;
			}
			depth--;
			i++;
			if (depth === 0) {
				this.entryDepth = 0;
				this.emit(b, i);
				return i;
			}
		}
		this.entryDepth = depth;
		return n;
	}

	/**
	 * The faster path for pretty-printed HARs (what every browser writes): an entry whose `{` starts its line
	 * after some indentation almost always ends at the first `}` that starts a line with the same indentation.
	 * Such a `}` can never be inside a string (JSON strings hold no raw line breaks), and if the bytes from `{`
	 * to it parse as one JSON value, it IS the matching bracket (one value followed by anything but white space
	 * does not parse). So the guess is checked by the JSON.parse the entry needs anyway, and the bytes in between
	 * are never walked. Returns the index after the entry, or -1 to walk it (guess missed, entry cut by the chunk
	 * end, or too long to be sure it nests less than MAX_HAR_DEPTH deep).
	 */
	private guessEntryEnd(b: Uint8Array, open: number): number {
		let indentFrom = open;
		while (indentFrom > 0 && (b[indentFrom - 1] === 0x20 || b[indentFrom - 1] === 0x09)) indentFrom--;
		if (indentFrom === 0 || b[indentFrom - 1] !== 0x0a) return -1;
		const limit = Math.min(b.length, open + MAX_GUESSED_ENTRY_BYTES);
		// Entries of one file are alike: looking from half the previous entry's length on skips half the bytes.
		// Landing past this entry's end finds a later entry's end, which does not parse: then look again from the start.
		const skip = this.skipping && this.lastEntryLength > 0 ? this.lastEntryLength >> 1 : 0;
		if (skip > 0) {
			const p = closingLine(b, open + skip, limit, indentFrom, open - indentFrom);
			if (p > 0) {
				if (this.acceptGuess(b, open, p)) {
					this.skipHits++;
					return p + 1;
				}
				this.skipMisses++;
				if (this.skipMisses > 8 && this.skipMisses * 8 > this.skipHits) this.skipping = false;
			}
		}
		const p = closingLine(b, open + 1, limit, indentFrom, open - indentFrom);
		if (p < 0) return -1;
		if (this.acceptGuess(b, open, p)) return p + 1;
		this.missedGuesses++;
		return -1;
	}

	private acceptGuess(b: Uint8Array, open: number, close: number): boolean {
		const index = this.entryCount;
		if (!this.sink.tryEntry(b.subarray(open, close + 1), index, this.capStart)) return false;
		this.entryCount = index + 1;
		this.entryDepth = 0;
		this.capActive = false;
		this.capPieces = [];
		this.lastEntryLength = close + 1 - open;
		return true;
	}

	private startCapture(i: number, type: number, entry: boolean, key: string): void {
		this.capActive = true;
		this.capType = type;
		this.capEntry = entry;
		this.capKey = key;
		this.capStart = this.offset + i;
		this.capDepth = this.stack.length;
		this.capFrom = i;
		this.capPieces = [];
	}

	private emit(b: Uint8Array, end: number): void {
		const bytes = this.capPieces.length === 0 ? b.subarray(this.capFrom, end) : concat([...this.capPieces, b.subarray(0, end)]);
		this.capActive = false;
		this.capPieces = [];
		if (this.capEntry) {
			const index = this.entryCount;
			this.sink.entry(bytes, index, this.capStart);
			this.entryCount = index + 1;
		} else {
			this.sink.member(this.capKey, bytes, this.capStart);
		}
	}

	private syntax(i: number, detail: string): HarScanProblem {
		return new HarScanProblem('syntax', detail, this.offset + i, this.openEntry);
	}

	private notHar(i: number, detail: string): HarScanProblem {
		return new HarScanProblem('not-har', detail, this.offset + i, null);
	}
}

/**
 * The first `}` in `b[from, limit)` that starts a line indented exactly as `b[indentFrom, indentFrom + indent)`
 * (a `}` preceded by a line feed and that indentation), or -1.
 */
function closingLine(b: Uint8Array, from: number, limit: number, indentFrom: number, indent: number): number {
	for (let at = from; ; ) {
		const p = b.indexOf(RBRACE, at);
		if (p < 0 || p >= limit) return -1;
		at = p + 1;
		if (b[p - indent - 1] !== 0x0a) continue;
		let k = 0;
		while (k < indent && b[p - indent + k] === b[indentFrom + k]) k++;
		if (k === indent) return p;
	}
}

/** 1: quote, 2: opening bracket, 3: closing bracket, 0: anything else (inside an entry, nothing else matters). */
const ENTRY_CLASS = new Uint8Array(256);
ENTRY_CLASS[QUOTE] = 1;
ENTRY_CLASS[LBRACE] = 2;
ENTRY_CLASS[LBRACKET] = 2;
ENTRY_CLASS[RBRACE] = 3;
ENTRY_CLASS[RBRACKET] = 3;

function decodeKey(raw: Uint8Array): string {
	const text = keyDecoder.decode(raw);
	if (!text.includes('\\')) return text;
	try {
		return JSON.parse(`"${text}"`) as string;
	} catch {
		return text;
	}
}

export function concat(pieces: Uint8Array[]): Uint8Array {
	let total = 0;
	for (const p of pieces) total += p.length;
	const out = new Uint8Array(total);
	let o = 0;
	for (const p of pieces) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}
