/**
 * Splits an exchange into the parts the decoder works on: the URL query, request headers that carry data,
 * cookies, the request body, the response body and websocket messages. Every reader builds its parts here,
 * so a HAR entry, a raw HTTP message, a curl command and a Burp item give the same parts for the same request.
 */
import type { Header, Part, PartKind, Payload } from '../model';
import { childPath } from '../shared/path';
import { GZIP_MAGIC, ZSTD_MAGIC, startsWithMagic } from '../shared/magic';
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
	for (const h of headers) if (h.name.length === lower.length && h.name.toLowerCase() === lower) return h.value;
	return undefined;
}

export function queryPart(url: string | null): Part[] {
	const part = url ? queryPartOf(url) : null;
	return part ? [part] : [];
}

function queryPartOf(url: string): Part | null {
	const query = queryOf(url);
	return query ? { kind: 'query', name: 'query', payload: { kind: 'text', text: query }, contentType: 'application/x-www-form-urlencoded' } : null;
}

/** Cookies from the Cookie header(s); `fallback` (a HAR's parsed `cookies` list) is used only when there is no header. */
export function cookieParts(headers: Header[], fallback: Header[] = []): Part[] {
	const out: Part[] = [];
	addCookieParts(out, headers, fallback);
	return out;
}

function addCookieParts(out: Part[], headers: Header[], fallback: Header[]): void {
	const pairs: Header[] = [];
	for (const h of headers) {
		if (h.name.length !== 6 || h.name.toLowerCase() !== 'cookie') continue;
		for (const piece of h.value.split(';')) {
			const eq = piece.indexOf('=');
			const name = (eq < 0 ? piece : piece.slice(0, eq)).trim();
			if (name) pairs.push({ name, value: eq < 0 ? '' : piece.slice(eq + 1).trim() });
		}
	}
	const names = new UniqueNames();
	for (const c of pairs.length > 0 ? pairs : fallback) {
		if (c.value.length === 0) continue;
		out.push({ kind: 'cookie', name: names.unique(childPath('cookie', c.name)), payload: { kind: 'text', text: c.value } });
	}
}

export function headerParts(headers: Header[]): Part[] {
	const out: Part[] = [];
	addHeaderParts(out, headers);
	return out;
}

function addHeaderParts(out: Part[], headers: Header[]): void {
	const names = new UniqueNames();
	for (const h of headers) {
		if (h.value.length === 0 || h.name.charCodeAt(0) === 0x3a) continue;
		const lower = h.name.toLowerCase();
		if (TRANSPORT_HEADERS.has(lower)) continue;
		out.push({ kind: 'header', name: names.unique(childPath('header', lower)), payload: { kind: 'text', text: h.value } });
	}
}

/** Query, data-carrying headers and cookies of a request, in that order. */
export function requestMetaParts(url: string | null, headers: Header[], cookieFallback: Header[] = []): Part[] {
	const out: Part[] = [];
	const query = url ? queryPartOf(url) : null;
	if (query) out.push(query);
	addHeaderParts(out, headers);
	addCookieParts(out, headers, cookieFallback);
	return out;
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
	if (encoding === 'gzip' || encoding === 'x-gzip') return startsWithMagic(b, GZIP_MAGIC);
	if (encoding === 'zstd') return startsWithMagic(b, ZSTD_MAGIC);
	if (encoding === 'deflate') return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
	return false;
}

/** Gives repeated names a `[n]` suffix so every part path is unique within its exchange. */
class UniqueNames {
	// Most exchanges have a handful of names: a list is cheaper than a Map until there are many.
	private readonly seen: string[] = [];
	private counts: Map<string, number> | null = null;

	unique(base: string): string {
		if (this.counts === null) {
			if (!this.seen.includes(base)) {
				this.seen.push(base);
				return base;
			}
			this.counts = new Map(this.seen.map((name) => [name, 1]));
		}
		const n = this.counts.get(base) ?? 0;
		this.counts.set(base, n + 1);
		return n === 0 ? base : `${base}[${n}]`;
	}
}
