/**
 * An exchange read from raw HTTP, curl, Burp or a bare payload, as a HAR 1.2 entry: every member Chrome's
 * importer and the HAR schema require, with -1 where HAR says "unknown". Bodies that are not UTF-8 text go in
 * base64 (`content.encoding`, and the same member on `postData`, which Telltale and Chrome's exporter use).
 */
import type { Exchange, Part, Payload } from '../model';
import { encodeBase64 } from '../shared/base64';
import { utf8OrNull } from '../shared/text';
import { queryOf } from '../capture/url';
import type { HarObject } from './source';

const EPOCH = '1970-01-01T00:00:00.000Z';

export function harEntryFrom(x: Exchange): HarObject {
	const requestBody = x.parts.find((p) => p.kind === 'request-body' || p.kind === 'payload');
	const responseBody = x.parts.find((p) => p.kind === 'response-body');
	const url = x.url ?? (x.host ? `http://${x.host}/` : 'http://payload.invalid/');
	const request: HarObject = {
		method: x.method ?? (requestBody ? 'POST' : 'GET'),
		url,
		httpVersion: 'HTTP/1.1',
		headers: x.requestHeaders.map((h) => ({ name: h.name, value: h.value })),
		queryString: queryString(url),
		cookies: [],
		headersSize: -1,
		bodySize: requestBody ? sizeOf(requestBody.payload) : 0
	};
	if (requestBody) request.postData = { mimeType: requestBody.contentType ?? 'application/octet-stream', ...bodyText(requestBody) };
	const content: HarObject = { size: responseBody ? sizeOf(responseBody.payload) : 0, mimeType: responseBody?.contentType ?? '' };
	if (responseBody) Object.assign(content, bodyText(responseBody));
	const response: HarObject = {
		status: x.status ?? 0,
		statusText: '',
		httpVersion: 'HTTP/1.1',
		headers: x.responseHeaders.map((h) => ({ name: h.name, value: h.value })),
		cookies: [],
		content,
		redirectURL: '',
		headersSize: -1,
		bodySize: responseBody ? sizeOf(responseBody.payload) : -1
	};
	const timings: HarObject = { send: 0, wait: 0, receive: 0 };
	for (const phase of x.timing?.phases ?? []) timings[phase.name] = phase.ms;
	const entry: HarObject = {
		startedDateTime: x.startedAt ?? EPOCH,
		time: x.timing?.totalMs ?? 0,
		request,
		response,
		cache: {},
		timings
	};
	const sockets = x.parts.filter((p) => p.kind === 'websocket');
	if (sockets.length > 0) {
		entry._webSocketMessages = sockets.map((p) => {
			const text = p.payload.kind === 'text' ? p.payload.text : null;
			return { type: p.note === 'received' ? 'receive' : 'send', time: 0, opcode: text === null ? 2 : 1, data: text ?? encodeBase64((p.payload as { bytes: Uint8Array }).bytes) };
		});
	}
	return entry;
}

function queryString(url: string): Array<{ name: string; value: string }> {
	const query = queryOf(url);
	if (!query) return [];
	const out: Array<{ name: string; value: string }> = [];
	for (const piece of query.split('&')) {
		if (!piece) continue;
		const eq = piece.indexOf('=');
		out.push({ name: safeDecode(eq < 0 ? piece : piece.slice(0, eq)), value: eq < 0 ? '' : safeDecode(piece.slice(eq + 1)) });
	}
	return out;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s.replaceAll('+', ' '));
	} catch {
		return s;
	}
}

export function sizeOf(payload: Payload): number {
	return payload.kind === 'bytes' ? payload.bytes.length : new TextEncoder().encode(payload.text).length;
}

function bodyText(part: Part): { text: string; encoding?: string } {
	if (part.payload.kind === 'text') return { text: part.payload.text };
	const text = utf8OrNull(part.payload.bytes);
	return text !== null ? { text } : { text: encodeBase64(part.payload.bytes), encoding: 'base64' };
}
