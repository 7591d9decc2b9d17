/**
 * The Codec contract, in the spirit of a CyberChef operation: declared metadata, a cheap `sniff`
 * that says how likely the input is this encoding, and a pure, bounded `decode`.
 */
import type { Budget } from '../limits';

/** Hints from HTTP semantics and from where the value sits; trusted before sniffing. */
export interface SniffHints {
	/** Media type without parameters, lower case (`application/json`). */
	contentType?: string;
	/** Full Content-Type header value, for parameters such as `boundary`. */
	contentTypeHeader?: string;
	/** Content-Encoding header value, lower case (`gzip`, `br`). */
	contentEncoding?: string;
	/** The key this value sits under in its parent structure (`data_list`, `$url`). */
	key?: string;
}

/** The hints of a value nothing is known about (shared and frozen: most leaves have none). */
export const NO_HINTS: SniffHints = Object.freeze({});

/**
 * Structured output. Plain objects and arrays are JSON-like; `FieldList` keeps order and repeated keys
 * (form fields, protobuf fields, multipart parts); `Annotated` attaches a note (alternative readings).
 */
export type TreeValue =
	| null
	| boolean
	| number
	| bigint
	| string
	| Uint8Array
	| TreeValue[]
	| FieldList
	| Annotated
	| { [key: string]: TreeValue };

/** Named fields in order, repeated names kept (forms, queries, protobuf, multipart). */
export class FieldList {
	constructor(
		readonly fields: Array<[string, TreeValue]>,
		/** Where each field's value sits in the codec's input ([start, end): characters of text, bytes of bytes), when the codec knows. */
		readonly ranges?: ReadonlyArray<Range>
	) {}
}

export type Range = [number, number];

export class Annotated {
	constructor(
		readonly value: TreeValue,
		readonly note: string
	) {}
}

export type CodecOutput =
	| { kind: 'text'; text: string; note?: string }
	| { kind: 'bytes'; bytes: Uint8Array; note?: string }
	| { kind: 'tree'; value: TreeValue; note?: string };

export interface CodecFailure {
	kind: 'failure';
	reason: string;
}

export type CodecResult = CodecOutput | CodecFailure;

export interface DecodeContext {
	budget: Budget;
	hints: SniffHints;
}

export interface Codec<I extends 'text' | 'bytes' = 'text' | 'bytes', Id extends string = string> {
	/** Appears in `layers` and in paths: `base64`, `gzip`, `json`. Literal in each codec, so registry.ts can derive CodecId. */
	readonly id: Id;
	readonly label: string;
	/** What it consumes. Text codecs also get bytes that are valid UTF-8, as text. */
	readonly input: I;
	/** What it produces. */
	readonly output: 'text' | 'bytes' | 'tree';
	/**
	 * No magic bytes and no checksum up front (brotli, raw DEFLATE): a sniff is a trial decode that random
	 * bytes often pass. The peeler tries such a codec only where HTTP declares it or on a body's own
	 * bytes, never on short opaque leaves inside decoded structures (see peel.ts).
	 */
	readonly magicless?: boolean;
	/**
	 * Cheap preconditions for text input, whatever the hints: `sniff` is 0 for text shorter than
	 * `minLength`, and for text containing none of the characters in `needsOneOf`. The peeler checks them
	 * before calling `sniff` on each of thousands of leaves (tests/unit/decode/codecs/sniff-preconditions.test.ts
	 * checks that they never hide a sniff above 0).
	 */
	readonly minLength?: number;
	readonly needsOneOf?: string;
	/**
	 * A text codec whose `sniff` is 0 on plain prose (plain-prose.ts) with no Content-Type. When every
	 * text codec of a peeler says so, plain prose inside a document is left undecoded without sniffing
	 * (tests/unit/decode/plain-prose.test.ts holds each codec that says so to it). Undeclared: the codec
	 * may want prose, and the peeler sniffs it.
	 */
	readonly ignoresPlainProse?: boolean;
	/**
	 * Where a text codec's sniff ranks on a web address (`http(s)://host…` without whitespace or
	 * backslash) with no Content-Type: `first` above every other codec's, `below` under the `first`
	 * codec's. When one text codec of a peeler says `first` and all the others `below`, a web address
	 * inside a document goes to the `first` one straight away, as the search would end
	 * (tests/unit/decode/web-address-first.test.ts holds the codecs to it). Undeclared: unknown, no shortcut.
	 */
	readonly webAddressSniff?: 'first' | 'below';
	/** 0..1, cheap: prefix, alphabet, magic bytes, hints. 0 means "do not try". */
	sniff(input: I extends 'text' ? string : Uint8Array, hints: SniffHints): number;
	/** Pure and bounded by `ctx.budget`; returns a failure with a reason rather than throwing for bad input. */
	decode(input: I extends 'text' ? string : Uint8Array, ctx: DecodeContext): CodecResult;
	/**
	 * The way back, for codecs that can write a value faithfully (the sanitizer writes masked values back
	 * through every layer): `next` is this codec's output after editing (text, bytes or a tree of the same
	 * shape as `decode` gave: same fields in the same order, only leaf values changed), `original` the input
	 * `decode` read, from which the encoder copies its style (alphabet, padding, indentation, compression
	 * header) and every part that did not change. Decoding the result gives `next` again. A failure says why
	 * the layer cannot be written back (the caller then replaces the whole value). Absent: not re-encodable.
	 */
	encode?(next: TreeValue, original: I extends 'text' ? string : Uint8Array): (I extends 'text' ? string : Uint8Array) | CodecFailure;
}

export type TextCodec<Id extends string = string> = Codec<'text', Id>;
export type BytesCodec<Id extends string = string> = Codec<'bytes', Id>;

/** Whether an encoder's answer is a failure. */
export function isFailure(value: unknown): value is CodecFailure {
	return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'failure' && !(value instanceof Uint8Array);
}

export function failure(reason: string): CodecFailure {
	return { kind: 'failure', reason };
}

/** Whether text meets a codec's declared `minLength` and `needsOneOf` (see codec.ts). */
export function meetsPreconditions(codec: Codec, text: string): boolean {
	if (codec.minLength !== undefined && text.length < codec.minLength) return false;
	const needs = codec.needsOneOf;
	if (needs === undefined) return true;
	for (let i = 0; i < needs.length; i++) if (text.includes(needs[i]!)) return true;
	return false;
}

