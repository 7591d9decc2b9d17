/**
 * Raw HTTP/1.x text: a request, a request and its response, or several in a row (as copied from a proxy or
 * Wireshark's "Follow HTTP stream"). Bodies are taken by Content-Length, chunked transfer, or up to the next
 * message; Content-Encoding (gzip, deflate, br, zstd) is left for the decoder via Part.contentEncoding.
 */
import type { Capture, Exchange, Header, Part } from '../model';
import { InputError } from '../errors';
import { hostOf } from './url';
import { bodyPart, headerValue, requestMetaParts } from './parts';
import { concat } from './har-scanner';
import { utf8OrNull } from '../shared/text';
import { count } from './capture-error';
import type { WholeCaptureReader } from './reader';

export interface HttpMessage {
	kind: 'request' | 'response';
	method: string | null;
	target: string | null;
	status: number | null;
	version: string;
	headers: Header[];
	body: Uint8Array;
	notes: string[];
	/** Byte offset after this message. */
	end: number;
}

const REQUEST_LINE = /^([A-Z][A-Z0-9_-]{0,19}) (\S+) (HTTP\/\d(?:\.\d)?)$/;
const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: (.*))?$/;
/** The start of the next message, for bodies without a length. */
const NEXT_MESSAGE = /\r?\n(?=HTTP\/\d(?:\.\d)? \d{3}\b|[A-Z][A-Z0-9_-]{0,19} \S+ HTTP\/\d(?:\.\d)?\r?\n)/g;

const MESSAGE_START = /HTTP\/\d(?:\.\d)? \d{3}\b|[A-Z][A-Z0-9_-]{0,19} \S+ HTTP\/\d(?:\.\d)?\r?\n/y;

const latin1 = new TextDecoder('latin1');

/** Parses every message in `bytes`; `offsetBase` is added to positions in messages (for Burp items). */
export function parseHttpMessages(bytes: Uint8Array, what = 'The HTTP message'): HttpMessage[] {
	// windows-1252 maps each byte to one UTF-16 unit, so string indexes are byte offsets.
	const text = latin1.decode(bytes);
	const messages: HttpMessage[] = [];
	let pos = 0;
	while (pos < text.length) {
		while (pos < text.length && (text[pos] === '\r' || text[pos] === '\n' || text[pos] === ' ' || text[pos] === '\t')) pos++;
		if (pos >= text.length) break;
		if (messages.length > 0) {
			MESSAGE_START.lastIndex = pos;
			if (!MESSAGE_START.test(text)) {
				// Bytes after the last message that start no new one (a wrong Content-Length, a trailing note).
				messages[messages.length - 1]!.notes.push(`ignored ${count(text.length - pos)} bytes after the message at byte ${count(pos)}`);
				break;
			}
		}
		messages.push(parseOne(bytes, text, pos, what));
		pos = messages[messages.length - 1]!.end;
	}
	return messages;
}

function parseOne(bytes: Uint8Array, text: string, start: number, what: string): HttpMessage {
	const lineEnd = lineEndAt(text, start);
	const firstLine = text.slice(start, lineEnd.at).trim();
	const request = REQUEST_LINE.exec(firstLine);
	const status = request ? null : STATUS_LINE.exec(firstLine);
	if (!request && !status) {
		throw new InputError(`${what} has no request or status line at byte ${count(start)}: it starts with \`${firstLine.slice(0, 40)}\``, `byte ${start}`);
	}
	const headers: Header[] = [];
	const notes: string[] = [];
	let pos = lineEnd.next;
	let bodyStart = text.length;
	for (;;) {
		if (pos >= text.length) {
			bodyStart = text.length;
			break;
		}
		const end = lineEndAt(text, pos);
		const line = text.slice(pos, end.at);
		if (line === '' || line === '\r') {
			bodyStart = end.next;
			break;
		}
		if ((line[0] === ' ' || line[0] === '\t') && headers.length > 0) {
			headers[headers.length - 1]!.value += ' ' + line.trim();
		} else {
			const colon = line.indexOf(':', line[0] === ':' ? 1 : 0);
			if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), value: utf8Header(line.slice(colon + 1).trim()) });
			else notes.push(`ignored a header line without a colon at byte ${count(pos)}`);
		}
		pos = end.next;
	}
	const kind = request ? 'request' : 'response';
	const { body, end } = readBody(bytes, text, bodyStart, headers, kind, notes);
	return {
		kind,
		method: request ? request[1]! : null,
		target: request ? request[2]! : null,
		status: status ? Number(status[2]) : null,
		version: request ? request[3]! : status![1]!,
		headers,
		body,
		notes,
		end
	};
}

function lineEndAt(text: string, from: number): { at: number; next: number } {
	const lf = text.indexOf('\n', from);
	if (lf < 0) return { at: text.length, next: text.length };
	return { at: lf > from && text[lf - 1] === '\r' ? lf - 1 : lf, next: lf + 1 };
}

/** Header bytes were decoded one byte per character; UTF-8 values are restored. */
function utf8Header(value: string): string {
	if (!/[\x80-\xff]/.test(value)) return value;
	const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0) & 0xff);
	return utf8OrNull(bytes) ?? value;
}

function readBody(bytes: Uint8Array, text: string, start: number, headers: Header[], kind: HttpMessage['kind'], notes: string[]): { body: Uint8Array; end: number } {
	if (start >= bytes.length) return { body: new Uint8Array(0), end: bytes.length };
	const transfer = headerValue(headers, 'transfer-encoding')?.toLowerCase() ?? '';
	if (transfer.includes('chunked')) return dechunk(bytes, text, start, notes);
	const lengthHeader = headerValue(headers, 'content-length');
	if (lengthHeader !== undefined && /^\s*\d+\s*$/.test(lengthHeader)) {
		const length = Number(lengthHeader);
		const available = bytes.length - start;
		if (available < length) notes.push(`the body is shorter than its Content-Length (${count(available)} of ${count(length)} bytes)`);
		const end = start + Math.min(length, available);
		return { body: bytes.subarray(start, end), end };
	}
	// No length: the body runs to the next message (a pasted pair), or to the end.
	MESSAGE_START.lastIndex = start;
	if (MESSAGE_START.test(text)) return { body: new Uint8Array(0), end: start };
	NEXT_MESSAGE.lastIndex = start;
	const next = NEXT_MESSAGE.exec(text);
	const end = next ? next.index : bytes.length;
	if (kind === 'request' && end > start) notes.push('the request has no Content-Length: its body runs to the next message');
	return { body: bytes.subarray(start, end), end: next ? next.index + next[0].length : end };
}

function dechunk(bytes: Uint8Array, text: string, start: number, notes: string[]): { body: Uint8Array; end: number } {
	const pieces: Uint8Array[] = [];
	let pos = start;
	for (;;) {
		const line = lineEndAt(text, pos);
		const sizeText = text.slice(pos, line.at).split(';', 1)[0]!.trim();
		if (!/^[0-9a-fA-F]+$/.test(sizeText)) {
			notes.push(`chunked body: no chunk size at byte ${count(pos)}; kept what came before`);
			return { body: concat(pieces), end: pos };
		}
		const size = Number.parseInt(sizeText, 16);
		if (size === 0) {
			// Skip trailer fields up to the blank line.
			let p = line.next;
			for (;;) {
				const t = lineEndAt(text, p);
				if (t.at === p || p >= text.length) return { body: concat(pieces), end: t.next };
				p = t.next;
			}
		}
		const dataStart = line.next;
		if (dataStart + size > bytes.length) {
			pieces.push(bytes.subarray(dataStart));
			notes.push('chunked body: the last chunk is cut short (truncated)');
			return { body: concat(pieces), end: bytes.length };
		}
		pieces.push(bytes.subarray(dataStart, dataStart + size));
		pos = dataStart + size;
		if (text[pos] === '\r') pos++;
		if (text[pos] === '\n') pos++;
	}
}

/** A body as a payload: text when it is readable UTF-8 and not content-encoded, else bytes. */
export function bodyPayload(body: Uint8Array, headers: Header[]): Part['payload'] {
	const encoded = (headerValue(headers, 'content-encoding') ?? 'identity').toLowerCase() !== 'identity';
	const text = encoded ? null : utf8OrNull(body);
	return text !== null ? { kind: 'text', text } : { kind: 'bytes', bytes: body };
}

export interface ExchangeSource {
	request: HttpMessage | null;
	response: HttpMessage | null;
	/** An absolute URL known from elsewhere (Burp's <url>). */
	url?: string | null;
	/** Scheme when the message does not say (Burp's <protocol>). */
	scheme?: string | null;
	startedAt?: string | null;
	notes?: string[];
}

export function exchangeFromMessages(index: number, source: ExchangeSource): Exchange {
	const { request, response } = source;
	const notes = [...(source.notes ?? []), ...(request?.notes ?? []), ...(response?.notes.map((n) => `response: ${n}`) ?? [])];
	const requestHeaders = request?.headers ?? [];
	const responseHeaders = response?.headers ?? [];
	let url = source.url ?? null;
	if (!url && request?.target) url = absoluteUrl(request.target, requestHeaders, source.scheme ?? null, notes);
	const parts: Part[] = request ? requestMetaParts(url, requestHeaders) : [];
	if (request && request.body.length > 0) {
		parts.push(bodyPart({ kind: 'request-body', payload: bodyPayload(request.body, requestHeaders), headers: requestHeaders, wire: true }));
	}
	if (response && response.body.length > 0) {
		parts.push(bodyPart({ kind: 'response-body', payload: bodyPayload(response.body, responseHeaders), headers: responseHeaders, wire: true }));
	}
	return {
		index,
		method: request?.method ?? null,
		url,
		host: url ? hostOf(url) : null,
		status: response?.status ?? null,
		startedAt: source.startedAt ?? null,
		requestHeaders,
		responseHeaders,
		parts,
		notes
	};
}

function absoluteUrl(target: string, headers: Header[], scheme: string | null, notes: string[]): string | null {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target;
	const host = headerValue(headers, 'host') ?? headerValue(headers, ':authority');
	if (!host) {
		notes.push('no Host header: the destination is unknown');
		return null;
	}
	if (!scheme) {
		scheme = /:80$/.test(host) ? 'http' : 'https';
		notes.push(`the message does not say http or https: assumed ${scheme}`);
	}
	return `${scheme}://${host}${target.startsWith('/') ? target : `/${target}`}`;
}

/** Pairs each request with the response that follows it. */
export function readHttp(name: string, bytes: Uint8Array): Capture {
	const messages = parseHttpMessages(bytes);
	const exchanges: Exchange[] = [];
	for (let i = 0; i < messages.length; i++) {
		const m = messages[i]!;
		if (m.kind === 'request') {
			const next = messages[i + 1];
			const response = next?.kind === 'response' ? next : null;
			if (response) i++;
			exchanges.push(exchangeFromMessages(exchanges.length, { request: m, response }));
		} else {
			exchanges.push(exchangeFromMessages(exchanges.length, { request: null, response: m, notes: ['a response without its request'] }));
		}
	}
	if (exchanges.length === 0) throw new InputError(`${name} holds no HTTP message`);
	return { name, format: 'http', exchanges, notes: [] };
}

const HTTP_REQUEST_LINE = /^[A-Z][A-Z0-9_-]{1,19} \S+ HTTP\/\d(?:\.\d)?\r?\n/;
const HTTP_STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}\b/;

/** Raw HTTP/1.x messages (a request line or a status line first), bodies kept as bytes. */
export const httpReader = {
	id: 'http',
	reads: 'whole',
	sniff: (start) => HTTP_REQUEST_LINE.test(start) || HTTP_STATUS_LINE.test(start),
	read: readHttp
} as const satisfies WholeCaptureReader<'http'>;
