import { Annotated, FieldList, failure, type Range, type TextCodec, type TreeValue } from '../codec';
import { isReadable } from '../../shared/text';

/** RFC 2046 boundary characters (1–70), unquoted or quoted in the header. */
const BOUNDARY_PARAM = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;,]{1,70}))/i;
const FIRST_LINE_BOUNDARY = /^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])\r?\n/;
const PART_HEADER = /^(?:content-disposition|content-type|content-id|content-transfer-encoding)\s*:/im;
/** How far into the body the preamble may push the first boundary before we stop looking. */
const PREAMBLE_LIMIT = 4096;

function boundaryOf(input: string, header: string | undefined): string | null {
	const fromHeader = header ? BOUNDARY_PARAM.exec(header) : null;
	if (fromHeader) return (fromHeader[1] ?? fromHeader[2])!;
	const fromBody = FIRST_LINE_BOUNDARY.exec(input.trimStart());
	return fromBody ? fromBody[1]! : null;
}

/**
 * multipart/form-data and multipart/mixed → parts keyed by their `name` (or position), each body
 * as text, or as bytes when it is binary; the part's Content-Type and filename are its note.
 */
export const multipart: TextCodec<'multipart'> = {
	id: 'multipart',
	label: 'Multipart',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input, hints) {
		const boundary = boundaryOf(input, hints.contentTypeHeader);
		if (!boundary) return 0;
		const head = input.slice(0, PREAMBLE_LIMIT + boundary.length + 256);
		const opens = head.indexOf(`--${boundary}`);
		if (opens < 0) return 0;
		if (hints.contentType?.startsWith('multipart/')) return 1;
		return PART_HEADER.test(head.slice(opens)) ? 0.9 : 0.3;
	},
	decode(input, { hints }) {
		const boundary = boundaryOf(input, hints.contentTypeHeader);
		if (!boundary) return failure('no multipart boundary');
		const delimiter = `--${boundary}`;
		let at = input.indexOf(delimiter);
		if (at < 0 || at > PREAMBLE_LIMIT) return failure(`boundary "${boundary}" not found`);
		const fields: Array<[string, TreeValue]> = [];
		const ranges: Range[] = [];
		let closed = false;
		while (at >= 0) {
			let start = at + delimiter.length;
			if (input.startsWith('--', start)) {
				closed = true;
				break;
			}
			start = skipLineEnd(input, start);
			const next = input.indexOf(`\n${delimiter}`, start);
			// An unclosed last part (truncated capture) still ends with the line break its boundary would follow.
			const stop = next < 0 ? input.length - (input.endsWith('\n') ? 1 : 0) : next;
			const end = stop > start && input[stop - 1] === '\r' ? stop - 1 : stop;
			const [name, value, bodyAt] = readPart(input.slice(start, end), fields.length);
			fields.push([name, value]);
			ranges.push([start + bodyAt, end]);
			at = next < 0 ? -1 : next + 1;
		}
		if (fields.length === 0) return failure('no parts');
		const list = new FieldList(fields, ranges);
		return closed ? { kind: 'tree', value: list } : { kind: 'tree', value: list, note: 'the closing boundary is missing (truncated body)' };
	}
};

function skipLineEnd(s: string, i: number): number {
	// Transport padding (spaces) may follow a boundary before its line break.
	while (s[i] === ' ' || s[i] === '\t') i++;
	if (s[i] === '\r') i++;
	if (s[i] === '\n') i++;
	return i;
}

/** A part's name, its body, and where the body starts in the part (after its headers). */
function readPart(part: string, index: number): [string, TreeValue, number] {
	let split = part.indexOf('\r\n\r\n');
	let gap = 4;
	const lf = part.indexOf('\n\n');
	if (split < 0 || (lf >= 0 && lf < split)) {
		split = lf;
		gap = 2;
	}
	const headerText = split < 0 ? part : part.slice(0, split);
	const body = split < 0 ? '' : part.slice(split + gap);
	const headers = new Map<string, string>();
	for (const line of headerText.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	const disposition = headers.get('content-disposition') ?? '';
	const name = parameter(disposition, 'name');
	const filename = parameter(disposition, 'filename');
	const contentType = headers.get('content-type');
	const value = partBody(body);
	const notes: string[] = [];
	if (contentType) notes.push(`Content-Type: ${contentType}`);
	if (filename !== null) notes.push(`filename "${filename}"`);
	if (value instanceof Uint8Array) notes.push('binary, one byte per character');
	const key = name ?? headers.get('content-id') ?? String(index);
	return [key, notes.length > 0 ? new Annotated(value, notes.join('; ')) : value, split < 0 ? part.length : split + gap];
}

/** Binary file parts reach a text codec as one character per byte; give them back as bytes. */
function partBody(body: string): string | Uint8Array {
	if (isReadable(body)) return body;
	for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) > 0xff) return body;
	const bytes = new Uint8Array(body.length);
	for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
	return bytes;
}

function parameter(header: string, name: string): string | null {
	const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
	if (!m) return null;
	return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!;
}
