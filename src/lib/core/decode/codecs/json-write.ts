/**
 * Writing a decoded tree back as JSON in the style of the document it came from (the JSON codec's `encode`):
 * compact or indented, with or without a space after `:` and `,`. JSON.stringify cannot write FieldLists or
 * big integers, and knows only one compact style.
 */
import { Annotated, FieldList, failure, type CodecFailure, type TreeValue } from '../codec';

export interface JsonStyle {
	/** The indentation of one level; '' for a one-line document. */
	indent: string;
	/** Line break of an indented document. */
	newline: string;
	/** Space after `:` and after `,` in a one-line document (Python's default separators). */
	colonSpace: boolean;
	commaSpace: boolean;
}

/** The style of a JSON document, read from its first structure characters (outside strings). */
export function jsonStyleOf(text: string): JsonStyle {
	const style: JsonStyle = { indent: '', newline: '\n', colonSpace: false, commaSpace: false };
	const sample = text.length > 4096 ? text.slice(0, 4096) : text;
	const firstBreak = /[[{]\s*?(\r?\n)([ \t]+)\S/.exec(sample);
	if (firstBreak) {
		style.newline = firstBreak[1]!;
		style.indent = firstBreak[2]!;
		style.colonSpace = /"\s*: /.test(sample);
		return style;
	}
	// Outside strings: skip them character by character.
	let inString = false;
	for (let i = 0; i < sample.length - 1; i++) {
		const c = sample[i]!;
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === ':' && sample[i + 1] === ' ') style.colonSpace = true;
		else if (c === ',' && sample[i + 1] === ' ') style.commaSpace = true;
	}
	return style;
}

/** The tree as JSON text in `style`, or a failure naming what JSON cannot hold (bytes, NaN). */
export function writeJson(value: TreeValue, style: JsonStyle): string | CodecFailure {
	const out: string[] = [];
	const problem = write(value, style, '', out);
	return problem ?? out.join('');
}

function write(value: TreeValue, style: JsonStyle, indent: string, out: string[]): CodecFailure | null {
	while (value instanceof Annotated) value = value.value;
	if (value === null) {
		out.push('null');
		return null;
	}
	switch (typeof value) {
		case 'string':
			out.push(JSON.stringify(value));
			return null;
		case 'number':
			if (!Number.isFinite(value)) return failure(`JSON cannot hold the number ${value}`);
			out.push(JSON.stringify(value));
			return null;
		case 'bigint':
			out.push(value.toString());
			return null;
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return null;
	}
	if (value instanceof Uint8Array) return failure('JSON cannot hold raw bytes');
	const isArray = Array.isArray(value);
	const entries: Array<[string | null, TreeValue]> = isArray
		? (value as TreeValue[]).map((v) => [null, v])
		: value instanceof FieldList
			? value.fields
			: Object.entries(value as Record<string, TreeValue>);
	out.push(isArray ? '[' : '{');
	if (entries.length > 0) {
		const inner = indent + style.indent;
		const comma = style.indent ? ',' : style.commaSpace ? ', ' : ',';
		const colon = style.indent || style.colonSpace ? ': ' : ':';
		for (let i = 0; i < entries.length; i++) {
			if (i > 0) out.push(comma);
			if (style.indent) out.push(style.newline, inner);
			const [key, child] = entries[i]!;
			if (key !== null) out.push(JSON.stringify(key), colon);
			const problem = write(child, style, inner, out);
			if (problem) return problem;
		}
		if (style.indent) out.push(style.newline, indent);
	}
	out.push(isArray ? ']' : '}');
	return null;
}
