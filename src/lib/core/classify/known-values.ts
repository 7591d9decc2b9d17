/**
 * Known values: identifiers the user typed in (their IMEI, advertising ID, e-mail…) searched for in
 * every decoded value and every raw part, in every form an SDK might send them — plain, other letter
 * case, other separators (MAC), URL-encoded, base64 (at each of the three byte offsets it can sit at
 * inside a longer base64 string), hex, and the MD5 / SHA-1 / SHA-256 of each of those.
 *
 * The needles are computed once per analysis (KnownValueMatcher); matching is a Set lookup for whole
 * values and one substring scan per needle for longer texts (lower-cased once for the case-insensitive
 * needles).
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isFindingType, type DecodedNode, type DecodedPart, type Exchange, type FindingType, type Occurrence } from '../model';
import { maskSecret } from './detectors/secrets';

export interface KnownValue {
	type: FindingType;
	value: string;
	/**
	 * Not the user's own value but one Telltale identified elsewhere in the capture (propagation): the reason its
	 * matches give, and the detector they are reported under.
	 */
	identified?: { reason: string; detector: string };
}

interface Needle {
	text: string;
	/** Compared against the lower-cased haystack. */
	caseInsensitive: boolean;
	known: KnownValue;
	/** "sha256 of it", "base64 of its lower-case form". */
	how: string;
}

/** Shorter needles only match whole values: as substrings they would match by chance. */
const MIN_SUBSTRING = 6;
/** Raw parts and leaves are scanned up to this many characters. */
const MAX_HAYSTACK = 16 * 1024 * 1024;
/**
 * Matches are remembered per text, in memos emptied when full: short texts (leaves and headers repeat across a
 * capture) in a large one, long texts (a body is searched raw and again as its decoded root) in a small one.
 */
const SHORT_TEXT = 512;
const SHORT_MEMO_ENTRIES = 20_000;
const LONG_TEXT = 64 * 1024;
const LONG_MEMO_ENTRIES = 64;
const NONE: readonly Needle[] = [];

export class KnownValueMatcher {
	private readonly needles: Needle[] = [];
	/** The ASCII characters of each needle (same order as `needles`). */
	private readonly needleChars: AsciiSet[] = [];
	private readonly whole = new Map<string, Needle>();
	private readonly wholeBytes = new Map<string, Needle>();
	private readonly shortMemo = new Map<string, readonly Needle[]>();
	private readonly longMemo = new Map<string, readonly Needle[]>();

	constructor(known: readonly KnownValue[]) {
		for (const k of known) {
			const value = k.value.trim();
			if (value.length === 0) continue;
			const known: KnownValue = k.identified ? { type: k.type, value, identified: k.identified } : { type: k.type, value };
			for (const n of needlesOf(known)) this.addNeedle(n);
			for (const d of digestsOf(value)) this.wholeBytes.set(d.hex, { text: d.hex, caseInsensitive: true, known, how: `raw ${d.how}` });
		}
	}

	get size(): number {
		return this.needles.length;
	}

	/** Every form a whole value may take (plain, encoded, hashed), with the known value it is a form of. */
	*wholeForms(): Generator<[string, KnownValue]> {
		for (const [text, needle] of this.whole) yield [text, needle.known];
		for (const [text, needle] of this.wholeBytes) yield [text, needle.known];
	}

	/** No known value to look for (short ones included, which `size` does not count). */
	get isEmpty(): boolean {
		return this.whole.size === 0;
	}

	private addNeedle(n: Needle): void {
		const key = n.caseInsensitive ? n.text.toLowerCase() : n.text;
		if (key.length === 0 || this.whole.has(key)) return;
		const stored = { ...n, text: key };
		this.whole.set(key, stored);
		if (key.length >= MIN_SUBSTRING) {
			this.needles.push(stored);
			this.needleChars.push(asciiSet(key));
		}
	}

	/** Every place one of the known values appears in this exchange (analyze groups them into findings). */
	findings(exchange: Exchange, parts: readonly DecodedPart[]): Occurrence[] {
		if (this.whole.size === 0) return [];
		const hits: Occurrence[] = [];
		const stack: DecodedNode[] = parts.map((p) => p.root);
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.kind === 'text' && node.text !== undefined) this.matchText(node.text, node.path, hits);
			else if (node.kind === 'number' && node.number !== undefined) this.matchText(String(node.number), node.path, hits);
			else if (node.kind === 'bytes' && node.bytes && node.bytes.length <= 64) {
				const needle = this.wholeBytes.get(bytesToHex(node.bytes));
				if (needle) hits.push(this.finding(needle, node.path));
			}
			if (node.decoded) stack.push(node.decoded);
			if (node.children) for (const child of node.children) stack.push(child);
		}
		for (const part of exchange.parts) {
			const text = part.payload.kind === 'text' ? part.payload.text : latin1(part.payload.bytes);
			this.matchText(text, part.name, hits);
		}
		if (exchange.url) this.matchText(exchange.url, 'url', hits);
		for (const header of exchange.requestHeaders) this.matchText(header.value, `header.${header.name.toLowerCase()}`, hits);
		// Deepest first, so the most precise path is kept when the same value also matches its enclosing layers.
		return hits.sort((a, b) => b.path.length - a.path.length);
	}

	private matchText(text: string, path: string, hits: Occurrence[]): void {
		// The answer depends on the text alone.
		const memo = text.length <= SHORT_TEXT ? this.shortMemo : text.length <= LONG_TEXT ? this.longMemo : null;
		let matched = memo?.get(text);
		if (matched === undefined) {
			matched = this.needlesIn(text);
			if (memo) {
				if (memo.size >= (memo === this.shortMemo ? SHORT_MEMO_ENTRIES : LONG_MEMO_ENTRIES)) memo.clear();
				memo.set(text, matched);
			}
		}
		for (const needle of matched) hits.push(this.finding(needle, path));
	}

	/** The needles `text` matches, in the order their findings are listed: one whole-value match, or the first substring needle per known value. */
	private needlesIn(text: string): readonly Needle[] {
		const exact = this.whole.get(text) ?? this.whole.get(text.toLowerCase());
		if (exact && (exact.caseInsensitive || exact.text === text)) return [exact];
		if (text.length < MIN_SUBSTRING) return NONE;
		const hay = text.length > MAX_HAYSTACK ? text.slice(0, MAX_HAYSTACK) : text;
		let lower: string | null = null;
		let found: Needle[] | null = null;
		// A needle inside the text has all its characters in it: one pass over the text rules most needles out.
		const hayChars = asciiSet(hay);
		let lowerChars: AsciiSet | null = null;
		for (let i = 0; i < this.needles.length; i++) {
			const needle = this.needles[i]!;
			if (needle.text.length > hay.length) continue;
			if (found !== null && found.some((f) => f.known === needle.known)) continue;
			if (needle.caseInsensitive) {
				lowerChars ??= hayChars.nonAscii ? asciiSet((lower ??= hay.toLowerCase())) : lowerCased(hayChars);
				if (!contains(lowerChars, this.needleChars[i]!)) continue;
			} else if (!contains(hayChars, this.needleChars[i]!)) continue;
			const where = needle.caseInsensitive ? (lower ??= hay.toLowerCase()) : hay;
			if (where.includes(needle.text)) (found ??= []).push(needle);
		}
		return found ?? NONE;
	}

	private finding(needle: Needle, path: string): Occurrence {
		const { type, value } = needle.known;
		return {
			type,
			value: type === 'auth.secret' ? maskSecret(value) : value,
			path,
			confidence: 'high',
			reason: needle.known.identified ? `${needle.known.identified.reason} (${needle.how})` : `matches your known ${type.split('.').pop()!.replace(/_/g, ' ')} (${needle.how})`,
			detector: needle.known.identified?.detector ?? KNOWN_VALUES_DETECTOR
		};
	}
}

/** Which of the 128 ASCII characters a text contains (four 32-bit words), and whether it has any other. */
interface AsciiSet {
	bits: Int32Array;
	nonAscii: boolean;
}

function asciiSet(text: string): AsciiSet {
	const bits = new Int32Array(4);
	let nonAscii = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 128) bits[c >> 5]! |= 1 << (c & 31);
		else nonAscii = true;
	}
	return { bits, nonAscii };
}

/** The set of an ASCII-only text's lower-cased form: A–Z become a–z (what toLowerCase does to ASCII). */
function lowerCased(set: AsciiSet): AsciiSet {
	const bits = Int32Array.from(set.bits);
	// A–Z are codes 65–90 (word 2, bits 1–26); a–z are 97–122 (word 3, bits 1–26).
	const upper = bits[2]! & 0x07fffffe;
	bits[2] = bits[2]! & ~0x07fffffe;
	bits[3] = bits[3]! | upper;
	return { bits, nonAscii: false };
}

/** Does `set` hold every ASCII character of `needle`? (Its other characters are left to `includes`.) */
function contains(set: AsciiSet, needle: AsciiSet): boolean {
	const a = set.bits;
	const b = needle.bits;
	return ((b[0]! & ~a[0]!) | (b[1]! & ~a[1]!) | (b[2]! & ~a[2]!) | (b[3]! & ~a[3]!)) === 0;
}

interface Form {
	text: string;
	/** "" for the value as entered, else " of its lower-case form" etc. */
	label: string;
}

/** The spellings of one value: as entered, lower and upper case, and for MAC addresses each separator. */
export function formsOf(known: KnownValue): Form[] {
	const v = known.value;
	const forms: Form[] = [{ text: v, label: '' }];
	const add = (text: string, label: string) => {
		if (!forms.some((f) => f.text === text)) forms.push({ text, label });
	};
	add(v.toLowerCase(), ' of its lower-case form');
	add(v.toUpperCase(), ' of its upper-case form');
	const macHex = v.replace(/[:\-.]/g, '');
	if (/^[0-9a-f]{12}$/i.test(macHex) && (known.type === 'device.mac' || known.type === 'network.bssid' || /[:-]/.test(v))) {
		const pairs = macHex.toLowerCase().match(/../g)!;
		for (const [sep, name] of [[':', 'colons'], ['-', 'dashes'], ['', 'no separators']] as const) {
			add(pairs.join(sep), ` of its form with ${name}`);
			add(pairs.join(sep).toUpperCase(), ` of its upper-case form with ${name}`);
		}
	}
	if (known.type === 'contact.phone') {
		const digits = v.replace(/[^\d+]/g, '');
		add(digits, ' of its digits');
		add(digits.replace(/^\+/, ''), ' of its digits without +');
	}
	return forms;
}

function needlesOf(known: KnownValue): Needle[] {
	const out: Needle[] = [];
	for (const form of formsOf(known)) {
		const bytes = utf8ToBytes(form.text);
		const it = form.label === '' ? 'it' : `it${form.label.replace(/^ of its /, ' as ')}`;
		out.push({ text: form.text, caseInsensitive: false, known, how: form.label === '' ? 'as is' : form.label.replace(/^ of its /, '') });
		const encoded = encodeURIComponent(form.text);
		if (encoded !== form.text) out.push({ text: encoded, caseInsensitive: true, known, how: `URL-encoded ${it}` });
		for (const b64 of base64Needles(bytes)) out.push({ text: b64.text, caseInsensitive: false, known, how: `base64 of ${it}${b64.offset}` });
		out.push({ text: bytesToHex(bytes), caseInsensitive: true, known, how: `hex of ${it}` });
		for (const [name, fn] of HASHES) {
			const digest = fn(bytes);
			out.push({ text: bytesToHex(digest), caseInsensitive: true, known, how: `${name} of ${it}` });
			out.push({ text: toBase64(digest).replace(/=+$/, ''), caseInsensitive: false, known, how: `base64 ${name} of ${it}` });
		}
	}
	return out;
}

const HASHES: ReadonlyArray<[string, (b: Uint8Array) => Uint8Array]> = [
	['md5', (b) => md5(b)],
	['sha1', (b) => sha1(b)],
	['sha256', (b) => sha256(b)]
];

function digestsOf(value: string): Array<{ hex: string; how: string }> {
	const bytes = utf8ToBytes(value);
	return HASHES.map(([name, fn]) => ({ hex: bytesToHex(fn(bytes)), how: `${name} of it` }));
}

/**
 * Base64 of the value as it appears inside a longer base64 text: the value may start at a byte offset of
 * 0, 1 or 2 within a 3-byte group, and only the characters that depend on the value's bytes alone are kept.
 */
export function base64Needles(bytes: Uint8Array): Array<{ text: string; offset: string }> {
	const out: Array<{ text: string; offset: string }> = [];
	for (const offset of [0, 1, 2]) {
		const padded = new Uint8Array(offset + bytes.length);
		padded.set(bytes, offset);
		const encoded = toBase64(padded).replace(/=+$/, '');
		const skip = offset === 0 ? 0 : offset === 1 ? 2 : 3;
		const end = Math.floor((8 * padded.length) / 6);
		const text = offset === 0 && padded.length % 3 === 0 ? encoded : encoded.slice(skip, end);
		if (text.length < 4) continue;
		const label = offset === 0 ? '' : `, at byte offset ${offset}`;
		out.push({ text, offset: label });
		const urlSafe = text.replace(/\+/g, '-').replace(/\//g, '_');
		if (urlSafe !== text) out.push({ text: urlSafe, offset: `${label} (URL-safe alphabet)` });
	}
	return out;
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
	return btoa(binary);
}

function latin1(bytes: Uint8Array): string {
	const n = Math.min(bytes.length, MAX_HAYSTACK);
	let s = '';
	for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(n, i + 8192)));
	return s;
}

/** Parses `TYPE=VALUE` from the command line; type is a finding type or its short name (`imei`, `email`). */
export function parseKnownValue(spec: string): KnownValue | string {
	const eq = spec.indexOf('=');
	if (eq <= 0 || eq === spec.length - 1) return `--known needs TYPE=VALUE (e.g. imei=868…), got "${spec}"`;
	const name = spec.slice(0, eq).trim().toLowerCase();
	const value = spec.slice(eq + 1).trim();
	const type = KNOWN_TYPE_NAMES[name] ?? (isFindingType(name) ? name : undefined);
	if (!type) return `unknown known-value type "${name}" (try one of: ${Object.keys(KNOWN_TYPE_NAMES).join(', ')}, or a finding type such as device.imei)`;
	return { type, value };
}

/** The `detector` of findings that match the user's own identifiers. */
export const KNOWN_VALUES_DETECTOR = 'known-values';

const KNOWN_TYPE_NAMES: Record<string, FindingType> = {
	imei: 'device.imei', imsi: 'device.imsi', iccid: 'device.iccid', meid: 'device.meid', serial: 'device.serial',
	android_id: 'device.android_id', androidid: 'device.android_id', mac: 'device.mac', model: 'device.model',
	gaid: 'ad.advertising_id', idfa: 'ad.advertising_id', oaid: 'ad.advertising_id', adid: 'ad.advertising_id', advertising_id: 'ad.advertising_id',
	user: 'user.id', user_id: 'user.id', userid: 'user.id', id: 'user.id', email: 'contact.email', phone: 'contact.phone',
	ip: 'network.ip', ssid: 'network.ssid', bssid: 'network.bssid', carrier: 'network.carrier', secret: 'auth.secret', password: 'auth.secret',
	token: 'auth.secret', string: 'user.id', any: 'user.id'
};
