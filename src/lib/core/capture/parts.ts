/**
 * Splits an exchange into the parts the decoder works on: the URL query, request headers that carry data,
 * cookies, the request body, the response body and websocket messages. Every reader builds its parts here,
 * so a HAR entry, a raw HTTP message, a curl command and a Burp item give the same parts for the same request.
 */
import type { Header, Part, PartKind, Payload } from '../model';
import { childPath } from '../decode/path';
import { queryOf } from './url';

/**
 * Standard request headers that describe the transfer, not the user: they are kept on the exchange but not decoded.
 * Everything else (custom `X-` headers, authorization, referer, user agent, client hints naming the device,
 * unknown vendor headers) is a part.
 */
const TRANSPORT_HEADERS = new Set([
	'accept',
	'accept-charset',
	'accept-encoding',
	'accept-language',
	'access-control-request-headers',
	'access-control-request-method',
	'alt-used',
	'cache-control',
	'connection',
	'content-encoding',
	'content-length',
	'content-type',
	'cookie',
	'dnt',
	'expect',
	'host',
	'if-match',
	'if-modified-since',
	'if-none-match',
	'if-range',
	'if-unmodified-since',
	'keep-alive',
	'origin',
	'pragma',
	'priority',
	'range',
	'sec-ch-ua',
	'sec-ch-ua-arch',
	'sec-ch-ua-bitness',
	'sec-ch-ua-full-version',
	'sec-ch-ua-full-version-list',
	'sec-ch-ua-mobile',
	'sec-ch-ua-platform',
	'sec-ch-ua-wow64',
	'sec-fetch-dest',
	'sec-fetch-mode',
	'sec-fetch-site',
	'sec-fetch-user',
	'sec-gpc',
	'sec-websocket-extensions',
	'sec-websocket-key',
	'sec-websocket-version',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'upgrade-insecure-requests',
	'via'
]);

export function headerValue(headers: Header[], name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
	return undefined;
}

export function queryPart(url: string | null): Part[] {
	const query = url ? queryOf(url) : null;
	return query ? [{ kind: 'query', name: 'query', payload: { kind: 'text', text: query }, contentType: 'application/x-www-form-urlencoded' }] : [];
}

/** Cookies from the Cookie header(s); `fallback` (a HAR's parsed `cookies` list) is used only when there is no header. */
export function cookieParts(headers: Header[], fallback: Header[] = []): Part[] {
	const pairs: Header[] = [];
	for (const h of headers) {
		if (h.name.toLowerCase() !== 'cookie') continue;
		for (const piece of h.value.split(';')) {
			const eq = piece.indexOf('=');
			const name = (eq < 0 ? piece : piece.slice(0, eq)).trim();
			if (name) pairs.push({ name, value: eq < 0 ? '' : piece.slice(eq + 1).trim() });
		}
	}
	const list = pairs.length > 0 ? pairs : fallback;
	return uniqueNames(
		list.filter((c) => c.value.length > 0),
		(c) => childPath('cookie', c.name)
	).map(([c, name]) => ({ kind: 'cookie', name, payload: { kind: 'text', text: c.value } }));
}

export function headerParts(headers: Header[]): Part[] {
	const carrying = headers.filter((h) => {
		const lower = h.name.toLowerCase();
		return h.value.length > 0 && !lower.startsWith(':') && !TRANSPORT_HEADERS.has(lower);
	});
	return uniqueNames(carrying, (h) => childPath('header', h.name.toLowerCase())).map(([h, name]) => ({
		kind: 'header',
		name,
		payload: { kind: 'text', text: h.value }
	}));
}

/** Query, data-carrying headers and cookies of a request, in that order. */
export function requestMetaParts(url: string | null, headers: Header[], cookieFallback: Header[] = []): Part[] {
	return [...queryPart(url), ...headerParts(headers), ...cookieParts(headers, cookieFallback)];
}

export interface BodyOptions {
	kind: Extract<PartKind, 'request-body' | 'response-body'>;
	payload: Payload;
	headers: Header[];
	/** Media type recorded by the tool (HAR `mimeType`), preferred over the header. */
	mimeType?: string;
	/**
	 * Whether the payload is the bytes as sent on the wire. HAR response text was already decoded by the browser,
	 * so its Content-Encoding is passed on only when the bytes still carry that encoding's signature.
	 */
	wire: boolean;
	note?: string;
}

export function bodyPart({ kind, payload, headers, mimeType, wire, note }: BodyOptions): Part {
	const part: Part = { kind, name: kind === 'request-body' ? 'body' : 'response', payload };
	const contentType = mimeType || headerValue(headers, 'content-type');
	if (contentType) part.contentType = contentType;
	const encoding = headerValue(headers, 'content-encoding')?.trim().toLowerCase();
	if (encoding && encoding !== 'identity' && (wire || stillEncoded(payload, encoding))) part.contentEncoding = encoding;
	if (note) part.note = note;
	return part;
}

/** A body that is known but not in the capture. */
export function missingBodyPart(kind: BodyOptions['kind'], note: string): Part {
	return { kind, name: kind === 'request-body' ? 'body' : 'response', payload: { kind: 'text', text: '' }, note };
}

/** Whether decoded-looking bytes still start with the signature of `encoding` (brotli has none, so never). */
function stillEncoded(payload: Payload, encoding: string): boolean {
	if (payload.kind !== 'bytes') return false;
	const b = payload.bytes;
	if (encoding === 'gzip' || encoding === 'x-gzip') return b[0] === 0x1f && b[1] === 0x8b;
	if (encoding === 'zstd') return b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;
	if (encoding === 'deflate') return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
	return false;
}

/** Gives repeated names a `[n]` suffix so every part path is unique within its exchange. */
function uniqueNames<T>(items: T[], nameOf: (item: T) => string): Array<[T, string]> {
	const seen = new Map<string, number>();
	return items.map((item) => {
		const base = nameOf(item);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		return [item, n === 0 ? base : `${base}[${n}]`];
	});
}
