/** HAR 1.1 / 1.2 reader (whole-document form; streaming arrives with the capture-readers issue). */
import type { Capture, Exchange, Header, Part } from '../model';
import { InputError } from '../errors';
import { jsonSyntaxError } from './json-error';
import { hostOf, queryOf } from './url';

interface HarHeader {
	name?: unknown;
	value?: unknown;
}

export function readHar(name: string, text: string): Capture {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (error) {
		throw jsonSyntaxError(text, error, 'The HAR');
	}
	const log = (doc as { log?: unknown } | null)?.log;
	if (typeof log !== 'object' || log === null) throw new InputError('Not a HAR file: `log` is missing');
	const entries = (log as { entries?: unknown }).entries;
	if (!Array.isArray(entries)) throw new InputError('Not a HAR file: `log.entries` is missing');
	const exchanges = entries.map((entry, index) => readEntry(entry, index));
	const creator = (log as { creator?: { name?: unknown; version?: unknown } }).creator;
	const notes = typeof creator?.name === 'string' ? [`written by ${creator.name}${typeof creator.version === 'string' ? ` ${creator.version}` : ''}`] : [];
	return { name, format: 'har', exchanges, notes };
}

function readEntry(entry: unknown, index: number): Exchange {
	if (typeof entry !== 'object' || entry === null) throw new InputError(`Entry ${index} of the HAR is not an object`, `entry ${index}`);
	const e = entry as Record<string, any>;
	const request = (e.request ?? {}) as Record<string, any>;
	const response = (e.response ?? {}) as Record<string, any>;
	const url = typeof request.url === 'string' ? request.url : null;
	const requestHeaders = headers(request.headers);
	const responseHeaders = headers(response.headers);
	const parts: Part[] = [];
	const query = url ? queryOf(url) : null;
	if (query) parts.push({ kind: 'query', name: 'query', payload: { kind: 'text', text: query }, contentType: 'application/x-www-form-urlencoded' });
	const postText = request.postData?.text;
	if (typeof postText === 'string' && postText.length > 0) {
		parts.push({ kind: 'request-body', name: 'body', payload: { kind: 'text', text: postText }, ...contentTypeOf(request.postData?.mimeType, requestHeaders) });
	}
	const content = response.content;
	if (typeof content?.text === 'string' && content.text.length > 0) {
		const payload = content.encoding === 'base64' ? { kind: 'text' as const, text: content.text } : { kind: 'text' as const, text: content.text };
		parts.push({ kind: 'response-body', name: 'response', payload, ...contentTypeOf(content.mimeType, responseHeaders) });
	}
	const status = typeof response.status === 'number' && response.status > 0 ? response.status : null;
	return {
		index,
		method: typeof request.method === 'string' ? request.method : null,
		url,
		host: url ? hostOf(url) : null,
		status,
		startedAt: typeof e.startedDateTime === 'string' ? e.startedDateTime : null,
		requestHeaders,
		responseHeaders,
		parts,
		notes: []
	};
}

function headers(list: unknown): Header[] {
	if (!Array.isArray(list)) return [];
	return (list as HarHeader[])
		.filter((h) => typeof h?.name === 'string')
		.map((h) => ({ name: String(h.name), value: typeof h.value === 'string' ? h.value : String(h.value ?? '') }));
}

function contentTypeOf(mimeType: unknown, list: Header[]): { contentType?: string } {
	const header = list.find((h) => h.name.toLowerCase() === 'content-type')?.value;
	const value = typeof mimeType === 'string' && mimeType ? mimeType : header;
	return value ? { contentType: value } : {};
}
