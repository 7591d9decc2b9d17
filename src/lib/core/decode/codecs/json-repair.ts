/**
 * A tolerant reading of almost-JSON: what SDKs and hand-written serializers send when they get JSON
 * nearly right (a trailing comma, a truncated end, single quotes, unquoted keys, a quote not escaped,
 * a key missing a quote). Only ever tried after JSON.parse refused the text (json.ts), and every repair
 * is named with where it was made, so the tree never passes a guess off as the sender's JSON.
 *
 * Cheap rejections first: the text must open like a JSON object or array, and the reader stops at the
 * first thing it cannot explain (most non-JSON fails within a few characters). One pass, no
 * backtracking beyond one key; nesting is capped by the Budget's structure depth, and the clock is
 * checked as it goes.
 */
import type { Budget } from '../../limits';
import type { TreeValue } from '../codec';

export type RepairKind = 'trailing comma' | 'truncated end' | 'single-quoted string' | 'unquoted key' | 'unescaped quote' | 'broken key' | 'raw control character';

/** Repairs of one kind: where the first was made (UTF-8 bytes into the text) and how many there were. */
export interface Repair {
	kind: RepairKind;
	byte: number;
	count: number;
}

export interface Repaired {
	value: TreeValue;
	repairs: Repair[];
	/** `repaired JSON: trailing comma at byte 27, …`, for the node's note. */
	note: string;
}

/**
 * Repairs a sender's slip rather than a dialect: more of them than this and the text is something else
 * that happens to start with a brace. Single quotes and unquoted keys are a dialect (JavaScript object
 * literals) and are not counted.
 */
const MAX_SLIPS = 8;
/** A text shorter than this is not worth repairing: too little to tell a slip from anything else. */
export const MIN_REPAIR_LENGTH = 8;
/** The deepest nesting read, whatever the Budget allows (the reader recurses). */
const MAX_DEPTH = 512;
const TIME_CHECK_EVERY = 4096;

/** Raised inside the reader when the text cannot be explained; caught at the top. */
class NotAlmostJson extends Error {}
const NOT = new NotAlmostJson();

/** Whether `text` opens the way a JSON document the reader could take opens: the cheap test before any work. */
export function opensLikeJson(text: string): boolean {
	let i = 0;
	while (i < text.length && isSpace(text.charCodeAt(i))) i++;
	const open = text.charCodeAt(i);
	if (open !== 0x7b && open !== 0x5b) return false;
	i++;
	while (i < text.length && isSpace(text.charCodeAt(i))) i++;
	if (i >= text.length) return false;
	const c = text.charCodeAt(i);
	// `{"`, `{'`, `{}`, `{key`; `[` then any value or `]`.
	if (c === 0x22 || c === 0x27) return true;
	if (open === 0x7b) return c === 0x7d || isIdentStart(c);
	return c === 0x5d || c === 0x7b || c === 0x5b || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** The repaired reading of `text`, or null when it is not almost-JSON. Never throws but a Budget limit. */
export function repairJson(text: string, budget: Budget): Repaired | null {
	if (text.length < MIN_REPAIR_LENGTH || text.length > budget.limits.maxBytesPerNode || !opensLikeJson(text)) return null;
	const reader = new Reader(text, budget, Math.min(MAX_DEPTH, budget.limits.maxStructureDepth));
	let value: TreeValue;
	try {
		value = reader.whole();
	} catch (error) {
		if (error === NOT || error instanceof RangeError) return null;
		throw error;
	}
	const repairs = reader.repairList();
	if (repairs.length === 0 || reader.scalars === 0) return null;
	return { value, repairs, note: noteOf(text, repairs) };
}

/** Marks a value cut off by the end of the text: the member holding it is dropped, never guessed. */
const CUT: unique symbol = Symbol('cut');
type Read = TreeValue | typeof CUT;

class Reader {
	private i = 0;
	private readonly repairs = new Map<RepairKind, { at: number; count: number }>();
	private slips = 0;
	private ticks = 0;
	/** Complete scalars kept: a repair that keeps none has read nothing. */
	scalars = 0;

	constructor(
		private readonly s: string,
		private readonly budget: Budget,
		private readonly maxDepth: number
	) {}

	whole(): TreeValue {
		this.space();
		const value = this.value(0);
		if (value === CUT) throw NOT;
		this.space();
		if (this.i < this.s.length) throw NOT;
		return value;
	}

	repairList(): Repair[] {
		const list: Repair[] = [];
		for (const [kind, { at, count }] of this.repairs) list.push({ kind, byte: at, count });
		return list.sort((a, b) => a.byte - b.byte);
	}

	private repair(kind: RepairKind, at: number): void {
		const seen = this.repairs.get(kind);
		if (seen) seen.count++;
		else this.repairs.set(kind, { at, count: 1 });
		if (kind !== 'single-quoted string' && kind !== 'unquoted key' && ++this.slips > MAX_SLIPS) throw NOT;
	}

	private cut(): typeof CUT {
		if (!this.repairs.has('truncated end')) this.repair('truncated end', this.s.length);
		return CUT;
	}

	private space(): void {
		const s = this.s;
		while (this.i < s.length && isSpace(s.charCodeAt(this.i))) this.i++;
	}

	private value(depth: number): Read {
		if (++this.ticks % TIME_CHECK_EVERY === 0) this.budget.checkTime();
		const s = this.s;
		if (this.i >= s.length) return this.cut();
		const c = s.charCodeAt(this.i);
		if (c === 0x7b || c === 0x5b) {
			if (depth >= this.maxDepth) throw NOT;
			return c === 0x7b ? this.object(depth + 1) : this.array(depth + 1);
		}
		if (c === 0x22 || c === 0x27) {
			const text = this.string(c, false);
			if (text === CUT) return CUT;
			this.scalars++;
			return text;
		}
		const scalar = c === 0x74 || c === 0x66 || c === 0x6e ? this.literal() : this.number();
		if (scalar !== CUT) this.scalars++;
		return scalar;
	}

	private object(depth: number): Read {
		const s = this.s;
		const object: Record<string, TreeValue> = {};
		this.i++;
		this.space();
		if (this.i < s.length && s.charCodeAt(this.i) === 0x7d) {
			this.i++;
			return object;
		}
		for (;;) {
			this.space();
			if (this.i >= s.length) {
				this.cut();
				return object;
			}
			const key = this.key();
			if (key === CUT) return object;
			this.space();
			if (this.i >= s.length) {
				this.cut();
				return object;
			}
			if (s.charCodeAt(this.i) !== 0x3a) throw NOT;
			this.i++;
			this.space();
			const value = this.value(depth);
			if (value === CUT) return object;
			setMember(object, key, value);
			this.space();
			if (this.i >= s.length) {
				this.cut();
				return object;
			}
			const c = s.charCodeAt(this.i);
			if (c === 0x7d) {
				this.i++;
				return object;
			}
			if (c !== 0x2c) throw NOT;
			const comma = this.i++;
			this.space();
			if (this.i < s.length && s.charCodeAt(this.i) === 0x7d) {
				this.repair('trailing comma', comma);
				this.i++;
				return object;
			}
		}
	}

	private array(depth: number): Read {
		const s = this.s;
		const array: TreeValue[] = [];
		this.i++;
		this.space();
		if (this.i < s.length && s.charCodeAt(this.i) === 0x5d) {
			this.i++;
			return array;
		}
		for (;;) {
			this.space();
			const value = this.value(depth);
			if (value === CUT) return array;
			array.push(value);
			this.space();
			if (this.i >= s.length) {
				this.cut();
				return array;
			}
			const c = s.charCodeAt(this.i);
			if (c === 0x5d) {
				this.i++;
				return array;
			}
			if (c !== 0x2c) throw NOT;
			const comma = this.i++;
			this.space();
			if (this.i < s.length && s.charCodeAt(this.i) === 0x5d) {
				this.repair('trailing comma', comma);
				this.i++;
				return array;
			}
		}
	}

	/** A member's key: quoted (either quote) or a bare identifier. */
	private key(): string | typeof CUT {
		const s = this.s;
		const c = s.charCodeAt(this.i);
		if (c === 0x22 || c === 0x27) return this.string(c, true);
		if (!isIdentStart(c)) throw NOT;
		const start = this.i;
		while (this.i < s.length && isIdentPart(s.charCodeAt(this.i))) this.i++;
		if (this.i >= s.length) return this.cut();
		const key = s.slice(start, this.i);
		// `{id":1}`: the opening quote was lost.
		if (s.charCodeAt(this.i) === 0x22 && s.charCodeAt(this.i + 1) === 0x3a) {
			this.repair('broken key', start);
			this.i++;
		} else this.repair('unquoted key', start);
		return key;
	}

	/**
	 * A string opened by `quote` at `this.i`. A quote inside it closes it only when what follows can
	 * follow a string (`,` `}` `]` or the end; for a key, `:`); any other quote was not escaped.
	 */
	private string(quote: number, isKey: boolean): string | typeof CUT {
		const s = this.s;
		const open = this.i;
		if (quote === 0x27) this.repair('single-quoted string', open);
		let out = '';
		let from = ++this.i;
		for (;;) {
			if (this.i >= s.length) return this.cut();
			const c = s.charCodeAt(this.i);
			if (c === quote) {
				if (this.closes(isKey)) {
					out += s.slice(from, this.i++);
					return out;
				}
				// `{"id:"x"}`: the key lost its closing quote; the colon inside it was the separator.
				if (isKey) {
					const colon = s.indexOf(':', from);
					if (colon >= 0 && colon < this.i && colon > from) {
						this.repair('broken key', open);
						out += s.slice(from, colon);
						this.i = colon;
						return out;
					}
				}
				this.repair('unescaped quote', this.i);
				this.i++;
				continue;
			}
			if (c === 0x5c) {
				out += s.slice(from, this.i);
				if (this.i + 1 >= s.length) return this.cut();
				const e = s.charCodeAt(this.i + 1);
				const simple = ESCAPES[e];
				if (simple !== undefined) {
					out += simple;
					this.i += 2;
				} else if (e === 0x75) {
					if (this.i + 6 > s.length) return this.cut();
					const hex = s.slice(this.i + 2, this.i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw NOT;
					out += String.fromCharCode(parseInt(hex, 16));
					this.i += 6;
				} else if (e === 0x27) {
					out += "'";
					this.i += 2;
				} else throw NOT;
				from = this.i;
				continue;
			}
			if (c < 0x20) this.repair('raw control character', this.i);
			this.i++;
		}
	}

	/** Whether the quote at `this.i` ends the string: what comes after it can follow a string. */
	private closes(isKey: boolean): boolean {
		const s = this.s;
		let j = this.i + 1;
		while (j < s.length && isSpace(s.charCodeAt(j))) j++;
		if (j >= s.length) return !isKey;
		const c = s.charCodeAt(j);
		return isKey ? c === 0x3a : c === 0x2c || c === 0x7d || c === 0x5d;
	}

	private literal(): Read {
		const s = this.s;
		for (const [word, value] of LITERALS) {
			if (s.startsWith(word, this.i)) {
				this.i += word.length;
				return value;
			}
			// The text ends inside the word: `tr`.
			if (s.length - this.i < word.length && word.startsWith(s.slice(this.i))) return this.cut();
		}
		throw NOT;
	}

	private number(): Read {
		const s = this.s;
		const start = this.i;
		NUMBER.lastIndex = start;
		const m = NUMBER.exec(s);
		if (m === null) {
			if (start < s.length && (s.charCodeAt(start) === 0x2d) && start + 1 === s.length) return this.cut();
			throw NOT;
		}
		this.i = start + m[0].length;
		// A number the end of the text touches may have lost digits: not kept.
		if (this.i >= s.length) return this.cut();
		return Number(m[0]);
	}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<[string, TreeValue]> = [
	['true', true],
	['false', false],
	['null', null]
];
const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

function isIdentStart(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

function isIdentPart(c: number): boolean {
	return isIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/** `__proto__` as an own member, the way JSON.parse makes it, never the object's prototype. */
function setMember(object: Record<string, TreeValue>, key: string, value: TreeValue): void {
	if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
	else object[key] = value;
}

/** UTF-8 length of `s` up to character `end`: the note speaks in bytes, as a hex view of the body would. */
function utf8Offset(s: string, end: number): number {
	let bytes = 0;
	for (let i = 0; i < end && i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

function noteOf(text: string, repairs: readonly Repair[]): string {
	const parts = repairs.map((r) => {
		const byte = utf8Offset(text, r.byte);
		r.byte = byte;
		return `${r.kind} at byte ${byte}${r.count > 1 ? ` (and ${r.count - 1} more)` : ''}`;
	});
	return `repaired JSON: ${parts.join(', ')}`;
}
