/**
 * One HAR entry → one Exchange. Reads only what it needs and tolerates what tools actually write:
 * sizes and timings are read by har-timing.ts, which drops what is not a measured number (null, -1, missing, `{}`), pages are optional,
 * pseudo-headers stand in for a missing host, `postData.params` stand in for a missing `text`, and a
 * `content.encoding: "base64"` that is not base64 is read as text.
 */
import type { Exchange, Header, Part } from '../model';
import { hostOf } from './url';
import { parseCaptureTime } from './dates';
import { strictBase64 } from './base64-text';
import { bodyPart, headerValue, missingBodyPart, requestMetaParts } from './parts';
import { childPath } from '../shared/path';
import { harSizes, harTiming } from './har-timing';

/** What the reader noticed across all entries; becomes Capture.notes. */
export interface HarTally {
	timesWithoutZone: number;
	base64Lies: number;
	externalBodies: number;
	nonObjectEntries: number;
}

export function newTally(): HarTally {
	return { timesWithoutZone: 0, base64Lies: 0, externalBodies: 0, nonObjectEntries: 0 };
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function str(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

export function exchangeFromHarEntry(entry: unknown, index: number, tally: HarTally): Exchange {
	const notes: string[] = [];
	if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
		tally.nonObjectEntries++;
		return emptyExchange(index, [`entry ${index + 1} is ${Array.isArray(entry) ? 'a list' : entry === null ? 'null' : `a ${typeof entry}`}, not an object: nothing to read`]);
	}
	const e = entry as Obj;
	if (typeof e.request !== 'object' || e.request === null) notes.push('no request recorded');
	const request = obj(e.request);
	const response = obj(e.response);
	const requestHeaders = headerList(request.headers);
	const responseHeaders = headerList(response.headers);
	const url = urlOf(str(request.url), requestHeaders, notes);
	const host = (url ? hostOf(url) : null) ?? authorityHost(requestHeaders);

	const parts: Part[] = requestMetaParts(url, requestHeaders, headerList(request.cookies));
	const requestBody = harRequestBody(obj(request.postData), requestHeaders, notes, tally);
	if (requestBody) parts.push(requestBody);
	const responseBody = harResponseBody(obj(response.content), responseHeaders, notes, tally);
	if (responseBody) parts.push(responseBody);
	parts.push(...websocketParts(e._webSocketMessages));

	let startedAt: string | null = null;
	const stamp = str(e.startedDateTime);
	if (stamp !== null) {
		const time = parseCaptureTime(stamp);
		if (time === null) notes.push(`startedDateTime "${stamp.slice(0, 40)}" is not a date`);
		else {
			startedAt = time.iso;
			if (time.assumedUtc) tally.timesWithoutZone++;
		}
	}

	const exchange: Exchange = {
		index,
		method: str(request.method),
		url,
		host,
		status: statusOf(response.status),
		startedAt,
		requestHeaders,
		responseHeaders,
		parts,
		notes
	};
	const extensions = toolFields(e);
	if (extensions) exchange.extensions = extensions;
	const timing = harTiming(e);
	if (timing) exchange.timing = timing;
	const sizes = harSizes(request, response);
	if (sizes) exchange.recordedSizes = sizes;
	return exchange;
}

export function emptyExchange(index: number, notes: string[]): Exchange {
	return { index, method: null, url: null, host: null, status: null, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [], notes };
}

function headerList(list: unknown): Header[] {
	if (!Array.isArray(list)) return [];
	const out: Header[] = [];
	for (const item of list) {
		const h = obj(item);
		if (typeof h.name !== 'string') continue;
		// The parsed object already has the right shape in almost every HAR; reuse it rather than copy.
		if (typeof h.value === 'string') out.push(h as unknown as Header);
		else out.push({ name: h.name, value: h.value == null ? '' : String(h.value) });
	}
	return out;
}

/** HTTP/2 and HTTP/3 captures may give a path-only URL; the pseudo-headers complete it. */
function urlOf(url: string | null, headers: Header[], notes: string[]): string | null {
	if (url === null || url === '') return null;
	if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
	const authority = headerValue(headers, ':authority') ?? headerValue(headers, 'host');
	if (!authority) return url;
	const scheme = headerValue(headers, ':scheme') ?? 'https';
	const path = url.startsWith('/') ? url : headerValue(headers, ':path') ?? `/${url}`;
	notes.push(`URL completed from the ${headerValue(headers, ':authority') ? ':authority pseudo-header' : 'Host header'}`);
	return `${scheme}://${authority}${path}`;
}

function authorityHost(headers: Header[]): string | null {
	const authority = headerValue(headers, ':authority') ?? headerValue(headers, 'host');
	return authority ? hostOf(`http://${authority}`) : null;
}

function statusOf(value: unknown): number | null {
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
	return Number.isInteger(n) && n > 0 ? n : null;
}

function harRequestBody(postData: Obj, headers: Header[], notes: string[], tally: HarTally): Part | null {
	const file = str(postData._file);
	const mimeType = str(postData.mimeType) ?? undefined;
	const text = str(postData.text);
	if (text !== null && text.length > 0) {
		const declared = str(postData.encoding) ?? str(postData._encoding);
		if (declared === 'base64') {
			const bytes = strictBase64(text);
			if (bytes) return bodyPart({ kind: 'request-body', payload: { kind: 'bytes', bytes }, headers, mimeType, wire: true });
			tally.base64Lies++;
			notes.push('request body marked base64 but is not base64: read as text');
		}
		return bodyPart({ kind: 'request-body', payload: { kind: 'text', text }, headers, mimeType, wire: true });
	}
	if (Array.isArray(postData.params) && postData.params.length > 0) {
		const form = new URLSearchParams();
		for (const p of postData.params) {
			const param = obj(p);
			if (typeof param.name === 'string') form.append(param.name, typeof param.value === 'string' ? param.value : '');
		}
		notes.push('request body rebuilt from postData.params');
		return bodyPart({ kind: 'request-body', payload: { kind: 'text', text: form.toString() }, headers, mimeType: mimeType ?? 'application/x-www-form-urlencoded', wire: true });
	}
	if (file) {
		tally.externalBodies++;
		return missingBodyPart('request-body', `body stored outside the HAR (${file})`);
	}
	return null;
}

function harResponseBody(content: Obj, headers: Header[], notes: string[], tally: HarTally): Part | null {
	const file = str(content._file);
	const mimeType = str(content.mimeType) ?? undefined;
	const text = str(content.text);
	if (text !== null && text.length > 0) {
		if (content.encoding === 'base64') {
			const bytes = strictBase64(text);
			if (bytes) return bodyPart({ kind: 'response-body', payload: { kind: 'bytes', bytes }, headers, mimeType, wire: false });
			tally.base64Lies++;
			notes.push('response body marked base64 but is not base64: read as text');
		}
		return bodyPart({ kind: 'response-body', payload: { kind: 'text', text }, headers, mimeType, wire: false });
	}
	if (file) {
		tally.externalBodies++;
		return missingBodyPart('response-body', `body stored outside the HAR (${file})`);
	}
	return null;
}

/**
 * Chrome's and mitmproxy's `_webSocketMessages`: `{ type: 'send' | 'receive', opcode, data }`.
 * Binary frames (opcode 2) are base64 in Chrome's HARs.
 */
function websocketParts(messages: unknown): Part[] {
	if (!Array.isArray(messages)) return [];
	const parts: Part[] = [];
	messages.forEach((item, i) => {
		const m = obj(item);
		const data = str(m.data);
		if (data === null) return;
		const direction = m.type === 'send' ? 'sent' : m.type === 'receive' ? 'received' : null;
		const binary = m.opcode === 2 ? strictBase64(data) : null;
		const part: Part = { kind: 'websocket', name: childPath('ws', i), payload: binary ? { kind: 'bytes', bytes: binary } : { kind: 'text', text: data } };
		if (direction) part.note = direction;
		parts.push(part);
	});
	return parts;
}

/** Tool-specific `_` fields of the entry, kept as written (websocket messages became parts). */
function toolFields(e: Obj): Record<string, unknown> | null {
	let out: Record<string, unknown> | null = null;
	for (const key in e) {
		if (key.charCodeAt(0) !== 0x5f || key === '_webSocketMessages') continue;
		(out ??= {})[key] = e[key];
	}
	return out;
}
