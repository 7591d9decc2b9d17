/**
 * The second pass over one entry: its parts are decoded again (peeling is deterministic, so these are the trees
 * the plan was made from, response bodies included), rewritten (rewrite.ts) and written into the HAR entry
 * in place: URL and queryString, headers, cookies, postData, response content, websocket messages. Sizes that
 * described a changed body are recomputed; credentials by name (cookies, Authorization…) are masked whatever
 * was decoded; every other string of the entry (tool fields, redirectURL, response headers) has known values
 * replaced where they appear.
 */
import type { Exchange, Payload } from '../model';
import { decodeParts } from '../report/exchange-analyzer';
import type { PeelCache } from '../decode/peel';
import { formFieldList } from '../decode/codecs/form';
import { encodeBase64 } from '../shared/base64';
import { utf8OrNull } from '../shared/text';
import { childPath } from '../shared/path';
import type { MaskPlan } from './plan';
import { TreeRewriter } from './rewrite';
import { hintOf } from './placeholders';
import { cookiePairs, isCredentialHeader, setCookiePairs, splitCredential } from './secret-names';
import type { ChangePlace, MaskKind } from './types';
import type { HarObject } from './source';

export interface ChangeSink {
	change(place: ChangePlace, path: string, kind: MaskKind, placeholder: string, hint: string): void;
	whole(path: string, placeholder: string, reason: string): void;
}

/** Headers that name the destination or describe the transfer: never rewritten by value (the destination must survive). */
const UNTOUCHED_HEADERS = new Set([':authority', ':scheme', ':method', 'host', 'origin', 'content-length', 'content-type', 'content-encoding', 'date']);

const utf8 = new TextEncoder();

export function patchEntry(index: number, entry: HarObject, exchange: Exchange, plan: MaskPlan, cache: PeelCache, sink: ChangeSink): void {
	const parts = decodeParts(exchange.parts, undefined, cache);
	const written = new Map<string, string | Uint8Array>();
	for (let i = 0; i < parts.length; i++) {
		const part = exchange.parts[i]!;
		// Cookies are masked whole by name below; what is inside them goes with them.
		if (part.kind === 'cookie' && plan.masksSecrets) continue;
		// So are credential headers (patchHeaders keeps their scheme: `Bearer TOKEN-1`).
		if (part.kind === 'header' && plan.masksSecrets && isCredentialHeader(part.name.replace(/^header\./, '').replace(/\[\d+\]$/, ''))) continue;
		const place = placeOf(part.kind);
		const rewriter = new TreeRewriter(plan, index, {
			change: (path, kind, placeholder, original) => sink.change(place, path, kind, placeholder, hintOf(original)),
			whole: (path, placeholder, reason) => sink.whole(path, placeholder, reason)
		});
		const next = rewriter.rewriteRoot(parts[i]!.root);
		if (next !== undefined) written.set(part.name, next);
	}
	const text = (s: string, place: ChangePlace, path: string) =>
		plan.substitute(s, index, null, (value, kind, placeholder) => sink.change(place, path, kind, placeholder, hintOf(value))) ?? s;

	const request = objectAt(entry, 'request');
	if (request) {
		patchUrl(request, written.get('query'), text);
		patchHeaders(request, exchange, written, plan, sink, text, 'header');
		patchCookies(request.cookies, plan, sink, 'cookie');
		patchPostData(request, written.get('body'), exchange, (s, path) => {
			const kind = plan.exact(s, index);
			if (kind === null) return text(s, 'request-body', path);
			const p = plan.placeholder(s, kind).text;
			sink.change('request-body', path, kind, p, hintOf(s));
			return p;
		});
	}
	const response = objectAt(entry, 'response');
	if (response) {
		patchHeaders(response, exchange, new Map(), plan, sink, text, 'response-header');
		patchCookies(response.cookies, plan, sink, 'response-header');
		patchContent(response, written.get('response'));
		if (typeof response.redirectURL === 'string') response.redirectURL = text(response.redirectURL, 'response-header', 'redirectURL');
	}
	const sockets = entry._webSocketMessages;
	if (Array.isArray(sockets)) {
		sockets.forEach((m: HarObject, i) => {
			const next = written.get(childPath('ws', i));
			if (next === undefined || typeof m !== 'object' || m === null) return;
			m.data = typeof next === 'string' ? next : m.opcode === 2 ? encodeBase64(next) : (utf8OrNull(next) ?? encodeBase64(next));
		});
	}
	// Everything else a tool wrote (`_initiator`, `comment`, …): known values replaced where they appear.
	for (const key of Object.keys(entry)) {
		if (key === 'request' || key === 'response' || key === '_webSocketMessages') continue;
		entry[key] = deepText(entry[key], (s) => text(s, 'other', key));
	}
}

function placeOf(kind: string): ChangePlace {
	switch (kind) {
		case 'query':
			return 'query';
		case 'header':
			return 'header';
		case 'cookie':
			return 'cookie';
		case 'response-body':
			return 'response-body';
		case 'websocket':
			return 'websocket';
		case 'payload':
			return 'payload';
		default:
			return 'request-body';
	}
}

function objectAt(o: HarObject, key: string): HarObject | null {
	const v = o[key];
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as HarObject) : null;
}

type TextPatch = (s: string, place: ChangePlace, path: string) => string;

/** The query written back into the URL; the path after the host has known values replaced (an ID in a path segment). */
function patchUrl(request: HarObject, query: string | Uint8Array | undefined, text: TextPatch): void {
	const url = request.url;
	if (typeof url !== 'string') return;
	const q = url.indexOf('?');
	const hash = url.indexOf('#', q < 0 ? 0 : q);
	let next = url;
	if (typeof query === 'string' && q >= 0) next = url.slice(0, q + 1) + query + (hash < 0 ? '' : url.slice(hash));
	const authorityEnd = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(next)?.[0].length ?? 0;
	next = next.slice(0, authorityEnd) + text(next.slice(authorityEnd), 'url', 'url');
	request.url = next;
	if (next !== url && Array.isArray(request.queryString)) {
		const nq = next.indexOf('?');
		const nh = next.indexOf('#', nq < 0 ? 0 : nq);
		const fields = nq < 0 ? [] : formFieldList(next.slice(nq + 1, nh < 0 ? undefined : nh), 0).fields;
		const list = request.queryString as HarObject[];
		if (fields.length === list.length) {
			fields.forEach(([, value], i) => {
				if (typeof value === 'string' && list[i] && typeof list[i].value === 'string') list[i].value = value;
			});
		} else for (const item of list) if (typeof item?.value === 'string') item.value = text(item.value, 'query', `queryString.${String(item.name)}`);
	}
}

function patchHeaders(side: HarObject, exchange: Exchange, written: Map<string, string | Uint8Array>, plan: MaskPlan, sink: ChangeSink, text: TextPatch, place: ChangePlace): void {
	const headers = side.headers;
	if (!Array.isArray(headers)) return;
	// Header parts are made from the request headers in order; match them up the same way.
	const parts = place === 'header' ? exchange.parts.filter((p) => p.kind === 'header') : [];
	let j = 0;
	const query = written.get('query');
	for (const h of headers as HarObject[]) {
		if (typeof h?.name !== 'string' || typeof h.value !== 'string') continue;
		const name = h.name.toLowerCase();
		const value = h.value;
		let part: string | null = null;
		const candidate = parts[j];
		if (candidate && candidate.payload.kind === 'text' && candidate.payload.text === value && candidate.name.startsWith(childPath('header', name))) {
			part = candidate.name;
			j++;
		}
		const where = `${place === 'header' ? 'header' : 'response.header'}.${name}`;
		if (plan.masksSecrets && (name === 'cookie' || name === 'set-cookie')) {
			const pairs = name === 'cookie' ? cookiePairs(value) : setCookiePairs(value);
			let out = value;
			for (let k = pairs.length - 1; k >= 0; k--) {
				const pair = pairs[k]!;
				const p = plan.placeholder(pair.value, 'cookie').text;
				sink.change(place, `${where}.${pair.name}`, 'cookie', p, hintOf(pair.value));
				out = out.slice(0, pair.start) + p + out.slice(pair.end);
			}
			h.value = out;
		} else if (plan.masksSecrets && isCredentialHeader(name)) {
			const [scheme, credential] = splitCredential(value);
			if (credential.trim()) {
				const p = plan.placeholder(credential.trim(), 'credential').text;
				sink.change(place, where, 'credential', p, hintOf(credential));
				h.value = scheme + p;
			}
		} else if (part !== null && written.has(part)) {
			const next = written.get(part)!;
			h.value = typeof next === 'string' ? next : (utf8OrNull(next) ?? value);
		} else if (name === ':path' && typeof query === 'string' && value.includes('?')) {
			h.value = value.slice(0, value.indexOf('?') + 1) + query;
		} else if (!UNTOUCHED_HEADERS.has(name)) h.value = text(value, place, where);
	}
}

function patchCookies(cookies: unknown, plan: MaskPlan, sink: ChangeSink, place: ChangePlace): void {
	if (!plan.masksSecrets || !Array.isArray(cookies)) return;
	for (const c of cookies as HarObject[]) {
		if (typeof c?.value !== 'string' || c.value.length === 0) continue;
		const p = plan.placeholder(c.value, 'cookie').text;
		sink.change(place, `cookies.${String(c.name)}`, 'cookie', p, hintOf(c.value));
		c.value = p;
	}
}

function byteLength(text: string): number {
	return utf8.encode(text).length;
}

/** The rewritten request body into postData (text, base64 or params as it was) and the sizes that measured it. */
function patchPostData(request: HarObject, body: string | Uint8Array | undefined, exchange: Exchange, maskValue: (s: string, path: string) => string): void {
	const postData = objectAt(request, 'postData');
	if (!postData || body === undefined) return;
	const before = payloadSize(exchange.parts.find((p) => p.kind === 'request-body')?.payload);
	const base64 = postData.encoding === 'base64' || postData._encoding === 'base64';
	let size: number;
	if (typeof postData.text === 'string' && postData.text.length > 0) {
		if (base64) postData.text = encodeBase64(typeof body === 'string' ? utf8.encode(body) : body);
		else postData.text = typeof body === 'string' ? body : (utf8OrNull(body) ?? encodeBase64(body));
		size = typeof body === 'string' ? byteLength(body) : body.length;
	} else {
		size = typeof body === 'string' ? byteLength(body) : body.length;
	}
	if (Array.isArray(postData.params) && typeof body === 'string') {
		const fields = formFieldList(body, 0).fields;
		const params = postData.params as HarObject[];
		if (fields.length === params.length) fields.forEach(([, value], i) => typeof value === 'string' && params[i] && (params[i].value = value));
		// Params that do not line up with the body (a tool listed some of them): each masked by value.
		else for (const p of params) if (typeof p?.value === 'string') p.value = maskValue(p.value, `postData.params.${String(p.name)}`);
	}
	if (typeof request.bodySize === 'number' && request.bodySize === before) request.bodySize = size;
	fixContentLength(request, before, size);
}

function patchContent(response: HarObject, body: string | Uint8Array | undefined): void {
	const content = objectAt(response, 'content');
	if (!content || body === undefined || typeof content.text !== 'string') return;
	const bytes = typeof body === 'string' ? utf8.encode(body) : body;
	const before = content.encoding === 'base64' ? Math.floor((content.text.replace(/=+$/, '').length * 3) / 4) : byteLength(content.text);
	if (content.encoding === 'base64') content.text = encodeBase64(bytes);
	else content.text = typeof body === 'string' ? body : (utf8OrNull(body) ?? encodeBase64(body));
	if (typeof body !== 'string' && content.encoding !== 'base64' && utf8OrNull(body) === null) content.encoding = 'base64';
	const oldSize = content.size;
	content.size = bytes.length;
	// A body size equal to the content's was measured uncompressed and moves with it; a compressed wire size cannot be recomputed.
	if (typeof response.bodySize === 'number' && (response.bodySize === oldSize || response.bodySize === before)) response.bodySize = bytes.length;
	fixContentLength(response, before, bytes.length);
}

function fixContentLength(side: HarObject, before: number, after: number): void {
	if (!Array.isArray(side.headers)) return;
	for (const h of side.headers as HarObject[]) {
		if (typeof h?.name === 'string' && h.name.toLowerCase() === 'content-length' && String(h.value).trim() === String(before)) h.value = String(after);
	}
}

function payloadSize(payload: Payload | undefined): number {
	if (!payload) return -1;
	return payload.kind === 'bytes' ? payload.bytes.length : byteLength(payload.text);
}

function deepText(value: unknown, f: (s: string) => string, depth = 0): unknown {
	if (typeof value === 'string') return f(value);
	if (depth > 64 || typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = deepText(value[i], f, depth + 1);
		return value;
	}
	const o = value as HarObject;
	for (const key of Object.keys(o)) o[key] = deepText(o[key], f, depth + 1);
	return value;
}
