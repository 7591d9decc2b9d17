/**
 * An exchange as it was captured, for the detail pane's Headers, Cookies, Timing and Raw tabs and for "copy as
 * curl / fetch". It crosses from the worker to the page, so every payload is bounded: text is cut at 256 KiB and
 * binary payloads send only their first 64 KiB (a copy, so the clone does not carry the whole body's buffer).
 */
import type { Exchange, ExchangeTiming, Header, Part, PartKind, RecordedSizes } from '../model';
import { isReadable, utf8OrNull } from '../shared/text';

/** Text a part shows at most, in UTF-8 bytes: a proxy's raw view is for reading, not for megabytes. */
export const SOURCE_TEXT_LIMIT = 256 * 1024;
/** Binary bytes a part sends at most: enough pages of hex to recognise and compare a format. */
export const SOURCE_BYTES_PREVIEW = 64 * 1024;

export interface SourceCookie {
	side: 'request' | 'response';
	name: string;
	value: string;
	/** What follows the value in a Set-Cookie header (`Path=/; HttpOnly`), as written. */
	attributes?: string;
}

export interface SourcePart {
	kind: PartKind;
	name: string;
	contentType?: string;
	/** The payload's size in bytes (UTF-8 for text). */
	size: number;
	/** The payload as UTF-8 text, cut at SOURCE_TEXT_LIMIT; null when it is binary. */
	text: string | null;
	/** Whether `text` (or `bytesPreview` for a binary payload) holds less than the whole payload. */
	truncated: boolean;
	/** The first SOURCE_BYTES_PREVIEW bytes, only when the payload is binary. */
	bytesPreview?: Uint8Array;
	/** Why the payload is missing or odd (a body stored outside the HAR). */
	note?: string;
}

export interface SourceSizes {
	/** `name: value` lines with their line ends, in UTF-8 bytes. */
	requestHeaders: number;
	/** null when the exchange has no request body part. */
	requestBody: number | null;
	responseHeaders: number;
	responseBody: number | null;
}

export interface ExchangeSource {
	method: string | null;
	url: string | null;
	status: number | null;
	startedAt: string | null;
	requestHeaders: Header[];
	responseHeaders: Header[];
	cookies: SourceCookie[];
	timing: ExchangeTiming | null;
	/** What the capture holds, counted here (response bodies as the tool stored them, often already decompressed). */
	sizes: SourceSizes;
	/** What the capturing tool counted on the wire, when it did. */
	recordedSizes: RecordedSizes | null;
	notes: string[];
	parts: SourcePart[];
}

export function exchangeSource(exchange: Exchange): ExchangeSource {
	const parts = exchange.parts.map(sourcePart);
	const bodySize = (kind: PartKind) => {
		const body = parts.find((p) => p.kind === kind);
		return body === undefined || body.note !== undefined ? null : body.size;
	};
	return {
		method: exchange.method,
		url: exchange.url,
		status: exchange.status,
		startedAt: exchange.startedAt,
		requestHeaders: exchange.requestHeaders,
		responseHeaders: exchange.responseHeaders,
		cookies: [...requestCookies(exchange.requestHeaders), ...responseCookies(exchange.responseHeaders)],
		timing: exchange.timing ?? null,
		sizes: {
			requestHeaders: headersSize(exchange.requestHeaders),
			requestBody: bodySize('request-body'),
			responseHeaders: headersSize(exchange.responseHeaders),
			responseBody: bodySize('response-body')
		},
		recordedSizes: exchange.recordedSizes ?? null,
		notes: exchange.notes,
		parts
	};
}

function sourcePart(part: Part): SourcePart {
	const out: SourcePart = { kind: part.kind, name: part.name, size: 0, text: null, truncated: false };
	if (part.contentType) out.contentType = part.contentType;
	if (part.note) out.note = part.note;
	const payload = part.payload;
	if (payload.kind === 'text') {
		const { text, bytes, truncated } = cutUtf8(payload.text, SOURCE_TEXT_LIMIT);
		return { ...out, size: bytes, text, truncated };
	}
	const bytes = payload.bytes;
	out.size = bytes.length;
	const text = textOf(bytes);
	if (text !== null) return { ...out, text, truncated: bytes.length > SOURCE_TEXT_LIMIT };
	// slice, not subarray: a view would clone its whole buffer on the way to the page.
	return { ...out, truncated: bytes.length > SOURCE_BYTES_PREVIEW, bytesPreview: bytes.slice(0, SOURCE_BYTES_PREVIEW) };
}

/** The first SOURCE_TEXT_LIMIT bytes as text when they are readable UTF-8 (a cut sequence at the end is dropped), else null. */
function textOf(bytes: Uint8Array): string | null {
	let end = Math.min(bytes.length, SOURCE_TEXT_LIMIT);
	if (end < bytes.length) end = utf8Boundary(bytes, end);
	const text = utf8OrNull(bytes.subarray(0, end));
	return text !== null && isReadable(text) ? text : null;
}

/** The largest index ≤ end that does not split a UTF-8 sequence. */
function utf8Boundary(bytes: Uint8Array, end: number): number {
	for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
		const b = bytes[i]!;
		if (b < 0x80) return end;
		if (b >= 0xc0) {
			const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
			return i + length <= end ? end : i;
		}
	}
	return end;
}

/** UTF-8 size of `text`, and its longest prefix of at most `limit` bytes (never half a surrogate pair). */
export function cutUtf8(text: string, limit: number): { text: string; bytes: number; truncated: boolean } {
	let bytes = 0;
	let cut = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let n: number;
		if (c < 0x80) n = 1;
		else if (c < 0x800) n = 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) n = 4;
		else n = 3;
		if (cut < 0 && bytes + n > limit) cut = i;
		bytes += n;
		if (n === 4) i++;
	}
	return cut < 0 ? { text, bytes, truncated: false } : { text: text.slice(0, cut), bytes, truncated: true };
}

function utf8Length(text: string): number {
	return cutUtf8(text, Number.MAX_SAFE_INTEGER).bytes;
}

function headersSize(headers: readonly Header[]): number {
	let total = 0;
	for (const h of headers) total += utf8Length(h.name) + utf8Length(h.value) + 4;
	return total;
}

function named(headers: readonly Header[], lower: string): Header[] {
	return headers.filter((h) => h.name.length === lower.length && h.name.toLowerCase() === lower);
}

function requestCookies(headers: readonly Header[]): SourceCookie[] {
	const out: SourceCookie[] = [];
	for (const h of named(headers, 'cookie')) {
		for (const piece of h.value.split(';')) {
			const eq = piece.indexOf('=');
			const name = (eq < 0 ? piece : piece.slice(0, eq)).trim();
			const value = eq < 0 ? '' : piece.slice(eq + 1).trim();
			if (name || value) out.push({ side: 'request', name, value });
		}
	}
	return out;
}

/** Set-Cookie headers; some tools join several into one value with line breaks. */
function responseCookies(headers: readonly Header[]): SourceCookie[] {
	const out: SourceCookie[] = [];
	for (const h of named(headers, 'set-cookie')) {
		for (const line of h.value.split(/\r?\n/)) {
			const semi = line.indexOf(';');
			const pair = semi < 0 ? line : line.slice(0, semi);
			const eq = pair.indexOf('=');
			// RFC 6265 §5.2: a pair without `=` is a value with an empty name.
			const name = eq < 0 ? '' : pair.slice(0, eq).trim();
			const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
			if (!name && !value) continue;
			const cookie: SourceCookie = { side: 'response', name, value };
			const attributes = semi < 0 ? '' : line.slice(semi + 1).trim();
			if (attributes) cookie.attributes = attributes;
			out.push(cookie);
		}
	}
	return out;
}
