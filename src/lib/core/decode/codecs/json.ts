import type { Budget } from '../../limits';
import { failure, isFailure, type CodecResult, type TextCodec, type TreeValue } from '../codec';
import { MIN_REPAIR_LENGTH, opensLikeJson, repairJson } from './json-repair';
import { jsonStyleOf, writeJson } from './json-write';

/** Anti-hijacking prefixes servers put before JSON so a <script> tag cannot run it. */
export const XSSI_PREFIX = /^\s*(?:\)\]\}'\s*,?|while\s*\(\s*1\s*\)\s*;|for\s*\(\s*;\s*;\s*\)\s*;|throw\s+1\s*;)\s*/;
/** `cb(`, `/**\/ jQuery1234_5678(`, `window.cb && cb(`, `typeof cb === 'function' && cb(`. */
const JSONP_HEAD =
	/^\s*(?:\/\*\*\/\s*)?(?:typeof\s+[\w$.]+\s*===?\s*['"]function['"]\s*&&\s*)?(?:[\w$.]+\s*&&\s*)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\s*['"][^'"\]]{1,64}['"]\s*\])*)\s*\(\s*(?=[[{"])/;
/** The head of a JSONP wrapper is short; the regex only ever sees this much. */
const HEAD_LENGTH = 256;

/** How sure the sniff is of text that opens like JSON but is not framed by its brackets (maybe cut off). */
const ALMOST_JSON_SNIFF = 0.4;

/**
 * JSON documents (objects, arrays, a top-level JSON string), NDJSON (one document per line → array),
 * JSONP callbacks and XSSI-prefixed JSON. A JSON string's content is handed back as text for peeling.
 * Almost-JSON (a trailing comma, a cut-off end…) is read by json-repair.ts only when all of that
 * fails, and its note says what was repaired where.
 */
export const json: TextCodec<'json'> = {
	id: 'json',
	label: 'JSON',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input, hints) {
		const first = firstNonSpace(input);
		const last = lastNonSpace(input);
		const framed = (first === '{' && last === '}') || (first === '[' && last === ']');
		const jsonType = hints.contentType?.includes('json') === true;
		if (framed) return jsonType ? 1 : 0.9;
		const head = input.slice(0, HEAD_LENGTH);
		if (mayOpenXssi(first) && XSSI_PREFIX.test(head)) return 0.95;
		// NDJSON whose lines mix objects and arrays.
		if ((first === '{' || first === '[') && (last === '}' || last === ']') && input.includes('\n')) return 0.7;
		if ((last === ')' || last === ';') && JSONP_HEAD.test(head)) return 0.85;
		if (first === '"' && last === '"' && input.trim().length >= 2) return jsonType ? 0.8 : 0.5;
		// Opens like a document but does not close like one: maybe cut off (json-repair.ts).
		if ((first === '{' || first === '[') && input.length >= MIN_REPAIR_LENGTH && opensLikeJson(input)) return ALMOST_JSON_SNIFF;
		return jsonType ? 0.3 : 0;
	},
	decode(input, { budget }) {
		if (input === heldInput) {
			const held = heldResult!;
			heldInput = heldResult = null;
			return held;
		}
		return readJson(input, budget);
	},
	encode(next, original) {
		// The framing the reading removed is written back around the new document: BOM and surrounding
		// whitespace, an XSSI prefix, a JSONP callback, one document per line.
		const lead = /^[\ufeff\s]*/.exec(original)![0];
		const trail = /\s*$/.exec(original)![0];
		const body = original.slice(lead.length, original.length - trail.length);
		const style = jsonStyleOf(body);
		const written = (): string | ReturnType<typeof failure> => (typeof next === 'string' ? JSON.stringify(next) : writeJson(next, style));
		if (parseDocument(body).ok) return wrap(lead, written(), trail);
		const head = body.slice(0, HEAD_LENGTH);
		const xssi = XSSI_PREFIX.exec(head);
		if (xssi && parseDocument(body.slice(xssi[0].length)).ok) return wrap(lead + xssi[0], writeJson(next, jsonStyleOf(body.slice(xssi[0].length))), trail);
		const jsonp = JSONP_HEAD.exec(head);
		if (jsonp) {
			const end = body.lastIndexOf(')');
			if (end > jsonp[0].length && parseDocument(body.slice(jsonp[0].length, end)).ok) return wrap(lead + jsonp[0], writeJson(next, jsonStyleOf(body.slice(jsonp[0].length, end))), body.slice(end) + trail);
		}
		if (Array.isArray(next) && body.includes('\n') && parseLines(body)) {
			const lines: string[] = [];
			const compact = { indent: '', newline: '\n', colonSpace: false, commaSpace: false };
			for (const item of next) {
				const line = writeJson(item, compact);
				if (isFailure(line)) return line;
				lines.push(line);
			}
			return lead + lines.join(body.includes('\r\n') ? '\r\n' : '\n') + trail;
		}
		return failure('repaired almost-JSON cannot be written back faithfully');
	}
};

function wrap(before: string, text: string | ReturnType<typeof failure>, after: string): string | ReturnType<typeof failure> {
	return typeof text === 'string' ? before + text + after : text;
}

/**
 * Whether `input` reads as a JSON document (strictly, or repaired): the form codec asks before it splits
 * a form-labelled body that opens like JSON. The answer is held for the JSON decode that follows, so the
 * body is parsed once.
 */
export function readsAsJson(input: string, budget: Budget): boolean {
	const result = readJson(input, budget);
	heldInput = input;
	heldResult = result;
	return result.kind !== 'failure';
}

let heldInput: string | null = null;
let heldResult: CodecResult | null = null;

function readJson(input: string, budget: Budget): CodecResult {
	{
		// The common case first: one JSON.parse over the whole input, nothing else.
		const direct = parseDocument(input);
		if (direct.ok) return documentResult(direct.value);
		const head = input.slice(0, HEAD_LENGTH);
		const xssi = XSSI_PREFIX.exec(head);
		if (xssi) {
			const inner = parseDocument(input.slice(xssi[0].length));
			if (inner.ok) return documentResult(inner.value, 'XSSI prefix removed');
		}
		const jsonp = JSONP_HEAD.exec(head);
		if (jsonp) {
			const end = input.lastIndexOf(')');
			if (end > jsonp[0].length && /^\s*;?\s*$/.test(input.slice(end + 1))) {
				const inner = parseDocument(input.slice(jsonp[0].length, end));
				if (inner.ok) return documentResult(inner.value, `JSONP callback ${jsonp[1]}(…)`);
			}
		}
		if (input.includes('\n')) {
			const lines = parseLines(input);
			if (lines) return { kind: 'tree', value: lines, note: `NDJSON: ${lines.length} lines` };
		}
		const repaired = repairJson(input, budget);
		if (repaired) return { kind: 'tree', value: repaired.value, note: repaired.note };
		return failure(direct.reason);
	}
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseDocument(text: string): Parsed {
	try {
		return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
	} catch (error) {
		// Very deep nesting surfaces as a RangeError; either way it is not a document we can take.
		return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
	}
}

function documentResult(value: unknown, note?: string): CodecResult {
	if (typeof value === 'string') return note ? { kind: 'text', text: value, note } : { kind: 'text', text: value, note: 'JSON string' };
	if (typeof value !== 'object' || value === null) return failure('a JSON scalar, not a document');
	return note ? { kind: 'tree', value: value as TreeValue, note } : { kind: 'tree', value: value as TreeValue };
}

/** One JSON object or array per line; blank lines allowed. Null unless every other line parses. */
function parseLines(input: string): TreeValue[] | null {
	const values: TreeValue[] = [];
	let start = 0;
	while (start <= input.length) {
		let end = input.indexOf('\n', start);
		if (end < 0) end = input.length;
		const line = input.slice(start, end).trim();
		start = end + 1;
		if (line === '') continue;
		const c = line[0];
		if (c !== '{' && c !== '[') return null;
		const parsed = parseDocument(line);
		if (!parsed.ok) return null;
		values.push(parsed.value as TreeValue);
	}
	return values.length >= 2 ? values : null;
}

/**
 * Whether an XSSI prefix can start at `first`, the first character firstNonSpace did not skip: every
 * prefix starts with `)`, `w`, `f` or `t`, and no other printable ASCII character is whitespace the
 * pattern could skip. Spares the regular expression on thousands of leaves.
 */
export function mayOpenXssi(first: string): boolean {
	const c = first.charCodeAt(0);
	if (!(c > 0x20 && c < 0x7f)) return true;
	return c === 0x29 || c === 0x77 || c === 0x66 || c === 0x74;
}

export function firstNonSpace(s: string): string {
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\ufeff') return c;
	}
	return '';
}

function lastNonSpace(s: string): string {
	for (let i = s.length - 1; i >= 0; i--) {
		const c = s[i]!;
		if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
	}
	return '';
}
