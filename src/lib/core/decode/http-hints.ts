/** What HTTP headers declare about a body, in codec terms; trusted before anything is sniffed. */
import type { SniffHints } from './codec';
import type { CodecId } from './registry';

/**
 * Which codec ids a Content-Encoding token means, in the order to try them. HTTP's `deflate` is zlib; many servers
 * send raw DEFLATE under that name, which the `deflate` codec reads.
 */
export const CONTENT_ENCODINGS: Record<string, readonly CodecId[]> = {
	gzip: ['gzip'],
	'x-gzip': ['gzip'],
	deflate: ['zlib', 'deflate'],
	br: ['brotli'],
	zstd: ['zstd']
};

/** Which codec a media type declares. */
export function codecIdForContentType(type: string): CodecId | null {
	if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return 'json';
	if (type === 'application/x-www-form-urlencoded') return 'form';
	if (type === 'multipart/form-data') return 'multipart';
	if (type === 'application/x-protobuf' || type === 'application/protobuf' || type === 'application/vnd.google.protobuf' || type === 'application/x-google-protobuf')
		return 'protobuf';
	if (type === 'application/msgpack' || type === 'application/x-msgpack' || type === 'application/vnd.msgpack') return 'msgpack';
	if (type === 'application/cbor') return 'cbor';
	return null;
}

/** `gzip, br` was applied gzip first: undo the last one first. */
export function lastEncoding(header: string): string {
	const tokens = header.split(',');
	return tokens[tokens.length - 1]!.trim().toLowerCase();
}

export function remainingEncodings(header: string): string | undefined {
	const tokens = header.split(',');
	tokens.pop();
	const rest = tokens.map((t) => t.trim()).filter((t) => t !== '' && t !== 'identity');
	return rest.length > 0 ? rest.join(', ') : undefined;
}

export function withoutHttp(hints: SniffHints): SniffHints {
	if (hints.contentEncoding === undefined && hints.contentType === undefined) return hints;
	const rest: SniffHints = {};
	if (hints.key !== undefined) rest.key = hints.key;
	return rest;
}

export function declaredName(hints: SniffHints, codecId: string): string {
	if (hints.contentEncoding) return `Content-Encoding: ${lastEncoding(hints.contentEncoding)}`;
	if (hints.contentType) return `Content-Type: ${hints.contentType}`;
	return codecId;
}

