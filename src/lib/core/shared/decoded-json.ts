/**
 * A decoded tree as plain JSON, for "copy this layer": what the tree view shows, in a form other tools read.
 * Every encoded value is replaced by what it decoded to (its innermost layer), except where that is opaque bytes:
 * then the last readable text on the way stays. A web address inside the layer stays as written: the URL codec only
 * splits what a person already reads. Bytes with no readable form become `{ "$base64": "…" }`.
 * The text is built in pieces and stops at a limit (4 MiB by default), so a 60 MB body never becomes one
 * string on the page; when it stops, the last line says so (and the text is no longer valid JSON).
 *
 * Shared kernel, like hex-view: pure formatting the detail pane runs when the user asks to copy.
 */
import { encodeBase64 } from './base64';

/** What the converter needs of a node; `DecodedNode` (model.ts) is one. */
export interface JsonSourceNode {
	kind: 'object' | 'array' | 'text' | 'bytes' | 'number' | 'boolean' | 'null';
	key?: string | number;
	text?: string;
	bytes?: Uint8Array;
	number?: number | string;
	boolean?: boolean;
	children?: readonly JsonSourceNode[];
	decoded?: JsonSourceNode;
	/** The codec that made this layer (set on a layer's first node). */
	codec?: string;
}

export const DECODED_JSON_LIMIT = 4 * 1024 * 1024;
/** Deeper than any budget lets a tree grow; a guard so a malformed tree cannot exhaust the stack. */
const MAX_DEPTH = 4096;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export interface DecodedJson {
	json: string;
	/** The limit stopped it: `json` is the beginning only, and its last line says so. */
	truncated: boolean;
}

export function decodedJson(node: JsonSourceNode, limit = DECODED_JSON_LIMIT): DecodedJson {
	const writer = new Writer(limit);
	writeValue(writer, meaningOf(node, false), 0);
	return writer.finish();
}

/** Codecs whose structure is a reading of text people read as it is: inside a layer, the text is kept. */
const KEPT_AS_WRITTEN = new Set(['url']);

/**
 * The value a node stands for: its innermost layer, or the last readable one when the innermost is opaque bytes.
 * `nested`: a value inside the copied layer, where a web address stays text (the node copied is always followed).
 */
function meaningOf(node: JsonSourceNode, nested = true): JsonSourceNode {
	if (nested && node.kind === 'text' && node.decoded?.codec !== undefined && KEPT_AS_WRITTEN.has(node.decoded.codec)) return node;
	let readable: JsonSourceNode | null = node.kind === 'bytes' ? null : node;
	let current = node;
	while (current.decoded) {
		current = current.decoded;
		if (current.kind !== 'bytes') readable = current;
	}
	return current.kind === 'bytes' && readable ? readable : current;
}

class Writer {
	private readonly pieces: string[] = [];
	private length = 0;
	truncated = false;

	constructor(private readonly limit: number) {}

	/** Room left, in characters. */
	get room(): number {
		return this.limit - this.length;
	}

	write(text: string): void {
		if (this.truncated) return;
		if (text.length > this.room) {
			text = text.slice(0, this.room);
			this.truncated = true;
		}
		this.pieces.push(text);
		this.length += text.length;
	}

	finish(): DecodedJson {
		if (this.truncated) this.pieces.push(`\n… cut at ${Math.round(this.limit / 1024)} KiB: the layer is larger than a copy holds`);
		return { json: this.pieces.join(''), truncated: this.truncated };
	}
}

/** A string literal, escaping no more of a huge text than can still fit. */
function stringLiteral(writer: Writer, text: string): string {
	return JSON.stringify(text.length > writer.room ? text.slice(0, writer.room) : text);
}

function writeValue(writer: Writer, node: JsonSourceNode, depth: number): void {
	if (writer.truncated) return;
	switch (node.kind) {
		case 'object':
		case 'array':
			writeStructure(writer, node, depth);
			return;
		case 'text':
			writer.write(stringLiteral(writer, node.text ?? ''));
			return;
		case 'number':
			writer.write(numberLiteral(node.number));
			return;
		case 'boolean':
			writer.write(node.boolean ? 'true' : 'false');
			return;
		case 'null':
			writer.write('null');
			return;
		case 'bytes': {
			const bytes = node.bytes ?? new Uint8Array(0);
			// Base64 is 4 characters per 3 bytes: encode no more than the room left can show.
			const shown = bytes.length > writer.room ? bytes.subarray(0, Math.ceil((writer.room * 3) / 4) + 3) : bytes;
			writer.write(`{ "$base64": "${encodeBase64(shown)}" }`);
			return;
		}
	}
}

function writeStructure(writer: Writer, node: JsonSourceNode, depth: number): void {
	const isArray = node.kind === 'array';
	const children = node.children ?? [];
	if (children.length === 0) {
		writer.write(isArray ? '[]' : '{}');
		return;
	}
	if (depth >= MAX_DEPTH) {
		writer.write(JSON.stringify(`… deeper than ${MAX_DEPTH} levels`));
		return;
	}
	const inner = `\n${'  '.repeat(depth + 1)}`;
	writer.write(isArray ? '[' : '{');
	for (let i = 0; i < children.length && !writer.truncated; i++) {
		const child = children[i]!;
		writer.write(i === 0 ? inner : `,${inner}`);
		// Repeated keys (forms, protobuf) are written as they came: JSON text allows them, readers keep the last.
		if (!isArray) writer.write(`${JSON.stringify(String(child.key ?? i))}: `);
		writeValue(writer, meaningOf(child), depth + 1);
	}
	writer.write(`\n${'  '.repeat(depth)}${isArray ? ']' : '}'}`);
}

/** Numbers keep their source spelling when it is a JSON number (big integers stay exact); anything else is a string. */
function numberLiteral(value: number | string | undefined): string {
	if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
	if (typeof value === 'string') return JSON_NUMBER.test(value) ? value : JSON.stringify(value);
	return 'null';
}
