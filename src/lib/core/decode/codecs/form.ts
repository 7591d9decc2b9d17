import type { Budget } from '../../limits';
import { Annotated, FieldList, failure, type CodecFailure, type Range, type TextCodec, type TreeValue } from '../codec';
import { isObjectLike, entriesOf, treeEqual } from '../tree-equal';
import { percentDecode } from './percent';
import { firstNonSpace, readsAsJson } from './json';

/** Keys seen in real forms and query strings: `cid`, `ep.event_category`, `items[0][id]`, `%24lib`, `_gid`. */
const SANE_KEY = /^[\w.\-[\]%$~*:@!|]{1,80}$/;
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** How many pieces the shape check looks at; a form's first fields are representative. */
const SHAPE_SAMPLE = 64;

/** The fields as a FieldList whose ranges say where each raw value sits, `offset` being where `text` starts in the codec's input. */
export function formFieldList(text: string, offset: number): FieldList {
	const fields: Array<[string, TreeValue]> = [];
	const ranges: Range[] = [];
	const pieces = text.split('&');
	let at = offset;
	for (let p = 0; p < pieces.length; p++) {
		let piece = pieces[p]!;
		const start = at;
		at += piece.length + 1;
		if (piece === '') continue;
		const eq = piece.indexOf('=');
		let joined = 0;
		if (eq >= 0) {
			// JSON written into a value without encoding it: its own `&` split it. Take the pieces that close it.
			const through = unencodedJsonEnd(pieces, p, eq + 1);
			if (through > p) {
				for (let q = p + 1; q <= through; q++) at += pieces[q]!.length + 1;
				piece = pieces.slice(p, through + 1).join('&');
				joined = through - p;
				p = through;
			}
		}
		const rawKey = eq < 0 ? piece : piece.slice(0, eq);
		const rawValue = eq < 0 ? '' : piece.slice(eq + 1);
		const key = percentDecode(rawKey, true);
		const value = percentDecode(rawValue, true);
		fields.push([typeof key === 'string' ? key : rawKey, joined > 0 ? new Annotated(value, `unencoded JSON: its ${joined === 1 ? '"&"' : `${joined} "&"`} joined back into the value`) : value]);
		ranges.push(eq < 0 ? [start + piece.length, start + piece.length] : [start + eq + 1, start + piece.length]);
	}
	return new FieldList(fields, ranges);
}

/** Pieces one unencoded JSON value may span at most (each `&` inside it split it once). */
const MAX_JOINED = 256;

/**
 * When the value of `pieces[p]` (from `valueStart`) opens a JSON object or array that its piece does not close,
 * the index of the piece whose end closes it, its brackets counted outside strings; else `p`. Linear in what
 * it reads, and it reads only values that open with a bracket and do not balance within their piece.
 */
export function unencodedJsonEnd(pieces: readonly string[], p: number, valueStart: number): number {
	const first = pieces[p]!.charCodeAt(valueStart);
	if (first !== 0x7b && first !== 0x5b) return p;
	let depth = 0;
	let inString = false;
	for (let q = p; q < pieces.length && q - p <= MAX_JOINED; q++) {
		const piece = pieces[q]!;
		for (let i = q === p ? valueStart : 0; i < piece.length; i++) {
			const c = piece.charCodeAt(i);
			if (inString) {
				if (c === 0x5c) i++;
				else if (c === 0x22) inString = false;
			} else if (c === 0x22) inString = true;
			else if (c === 0x7b || c === 0x5b) depth++;
			else if (c === 0x7d || c === 0x5d) {
				if (--depth === 0) return i === piece.length - 1 && q > p ? q : p;
			}
		}
		// Inside a string the `&` was the JSON's own; outside one, only a value still open can go on.
		if (depth === 0) return p;
	}
	return p;
}

/** The length bound in SANE_KEY. */
const MAX_KEY_LENGTH = 80;

/** Length of the key of the first non-empty `&` piece: up to its first `=`, or the whole piece. */
function firstKeyLength(text: string): number {
	let start = 0;
	while (start < text.length && text.charCodeAt(start) === 0x26) start++;
	let end = start;
	while (end < text.length && end - start <= MAX_KEY_LENGTH) {
		const c = text.charCodeAt(end);
		if (c === 0x3d || c === 0x26) break;
		end++;
	}
	return end - start;
}

/**
 * How much `text` looks like `k=v&k=v`: 0 for words, sentences and base64 padding; higher with
 * more well-formed pairs.
 */
export function formShapeScore(text: string): number {
	if (text.length === 0 || !text.includes('=')) return 0;
	// The first character first: it settles JSON and markup without a scan of the whole (maybe huge) text.
	const first = text[0]!;
	if (first === '{' || first === '[' || first === '"' || first === '<') return 0;
	// The first key is longer than SANE_KEY allows (a long base64 value with its `=` padding): settled
	// without scanning the whole text for whitespace.
	if (firstKeyLength(text) > MAX_KEY_LENGTH) return 0;
	if (/\s/.test(text)) return 0;
	const pieces = text.split('&', SHAPE_SAMPLE).filter((p) => p !== '');
	let pairs = 0;
	for (const piece of pieces) {
		const eq = piece.indexOf('=');
		const key = eq < 0 ? piece : piece.slice(0, eq);
		if (!SANE_KEY.test(key)) return 0;
		if (eq >= 0) pairs++;
	}
	if (pairs === 0 || pairs * 2 < pieces.length) return 0;
	if (pieces.length >= 2) return pairs >= 3 ? 0.9 : 0.85;
	// One `key=value`: plausible, but base64 padding (`SGk=`) and `a==b` are not forms.
	const only = pieces[0]!;
	const eq = only.indexOf('=');
	const value = only.slice(eq + 1);
	// A numeric key (`511=…` in Google's NID cookie) is a version prefix more often than a field.
	if (value === '' || value.startsWith('=') || eq > 32 || !/[A-Za-z_]/.test(only.slice(0, eq))) return 0;
	return 0.5;
}

/** `application/x-www-form-urlencoded` bodies and query strings. */
export const form: TextCodec<'form'> = {
	id: 'form',
	label: 'Form fields',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input, hints) {
		if (hints.contentType === FORM_TYPE) {
			// The header is trusted, but a JSON body mislabelled as a form stays JSON.
			const first = input.trimStart()[0];
			if (first === '{' || first === '[') return 0.2;
			return input.includes('=') ? 1 : 0.2;
		}
		return formShapeScore(input);
	},
	decode(input, { budget }) {
		if (!input.includes('=')) return failure('no key=value pair');
		const misread = jsonMislabelled(input, budget);
		if (misread !== null) return failure(misread);
		const list = formFieldList(input, 0);
		if (list.fields.length === 0) return failure('no fields');
		return { kind: 'tree', value: list };
	},
	encode(next, original) {
		return writeFormFields(next, original, 0);
	}
};

/**
 * The way back for form fields read by formFieldList from `text` (starting at `offset` of the codec's input):
 * each value that changed is percent-encoded into the range it came from; keys and every unchanged field keep
 * their bytes.
 */
export function writeFormFields(next: TreeValue, text: string, offset: number): string | CodecFailure {
	if (!isObjectLike(next)) return failure('form fields must stay a list of fields');
	const fields = entriesOf(next);
	const old = formFieldList(text, offset);
	if (fields.length !== old.fields.length) return failure('form fields were added or removed');
	let out = '';
	let at = 0;
	for (let i = 0; i < fields.length; i++) {
		const [key, value] = fields[i]!;
		const [oldKey, oldValue] = old.fields[i]!;
		if (key !== oldKey) return failure('form keys changed');
		if (treeEqual(value, oldValue)) continue;
		if (typeof value !== 'string' && !(value instanceof Uint8Array)) return failure(`form field ${key} is not text`);
		const [start, end] = old.ranges![i]!;
		const from = start - offset;
		// A key without `=` has an empty range at its end; a new value needs its `=`.
		const equals = start === end && text[from - 1] !== '=' ? '=' : '';
		out += text.slice(at, from) + equals + percentEncodeValue(value);
		at = end - offset;
	}
	return out + text.slice(at);
}



/** A form value's escapes: everything but unreserved characters, so `+`, `&`, `=` and `%` in a value survive the trip. */
export function percentEncodeValue(value: string | Uint8Array): string {
	if (typeof value === 'string') return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	let out = '';
	for (const b of value) out += /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
	return out;
}


/**
 * Why a text that opens like JSON is not form fields, or null when it may be: a JSON document sent with the
 * form Content-Type, split at `&` and `=`, gives keys such as `{"url":"https://x/?a`. Only when its first
 * key is no form key and the JSON codec can read it (strictly or repaired), so text that is neither keeps
 * the form reading it always had.
 */
function jsonMislabelled(input: string, budget: Budget): string | null {
	const first = firstNonSpace(input);
	if (first !== '{' && first !== '[') return null;
	const eq = input.indexOf('=');
	const amp = input.indexOf('&');
	const rawKey = input.slice(0, amp >= 0 && amp < eq ? amp : eq);
	if (SANE_KEY.test(rawKey) || !readsAsJson(input, budget)) return null;
	const shown = rawKey.length > 40 ? `${rawKey.slice(0, 40)}…` : rawKey;
	return `the text is a JSON document (split as a form it gives keys such as ${JSON.stringify(shown)})`;
}
