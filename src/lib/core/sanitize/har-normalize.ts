/**
 * What tools write is not always HAR 1.2 (Charles writes `redirectURL: null`, Firefox `afterRequest: {}`, hand-made
 * files leave out sizes, bracket IPv6 addresses): the written entry is made valid against the HAR 1.2 schema
 * (har-schema), filling what is required with HAR's "unknown" values and dropping optional members that are
 * malformed. Every other member stays as written.
 */
import type { Exchange } from '../model';
import type { HarObject } from './source';

const DATE = /^(\d{4})(-)?(\d\d)(-)?(\d\d)(T)?(\d\d)(:)?(\d\d)(:)?(\d\d)(\.\d+)?(Z|([+-])(\d\d)(:)?(\d\d))/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Makes `entry` valid HAR 1.2 in place; says what it had to change (for the report's notes, counted by the caller). */
export function normalizeEntry(entry: HarObject, exchange: Exchange): string[] {
	const fixed: string[] = [];
	const set = (o: HarObject, key: string, value: unknown, what: string) => {
		o[key] = value;
		fixed.push(what);
	};
	if (typeof entry.startedDateTime !== 'string' || !DATE.test(entry.startedDateTime)) set(entry, 'startedDateTime', exchange.startedAt ?? EPOCH, 'startedDateTime');
	if (typeof entry.time !== 'number' || !Number.isFinite(entry.time)) set(entry, 'time', exchange.timing?.totalMs ?? 0, 'time');
	const request = objectOr(entry, 'request', fixed);
	stringOr(request, 'method', exchange.method ?? 'GET', fixed);
	stringOr(request, 'url', exchange.url ?? 'http://unknown.invalid/', fixed);
	// A path-only URL (HTTP/2 captures) gets the origin the reader completed it with; its path and query are the sanitized ones.
	if (!/^[a-z][a-z0-9+.-]*:/i.test(request.url as string)) {
		const origin = exchange.url ? /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(exchange.url)?.[0] : undefined;
		const path = request.url as string;
		set(request, 'url', `${origin ?? 'http://unknown.invalid'}${path.startsWith('/') ? path : `/${path}`}`, 'request.url');
	}
	stringOr(request, 'httpVersion', 'HTTP/1.1', fixed);
	for (const key of ['headers', 'queryString', 'cookies']) pairList(request, key, fixed);
	integerOr(request, 'headersSize', fixed);
	integerOr(request, 'bodySize', fixed);
	const postData = request.postData;
	if (postData !== undefined) {
		if (typeof postData !== 'object' || postData === null || Array.isArray(postData)) delete request.postData;
		else {
			stringOr(postData as HarObject, 'mimeType', '', fixed);
			const params = (postData as HarObject).params;
			if (params !== undefined && !Array.isArray(params)) delete (postData as HarObject).params;
			else if (Array.isArray(params)) (postData as HarObject).params = params.filter((p) => typeof p?.name === 'string');
		}
	}
	const response = objectOr(entry, 'response', fixed);
	if (typeof response.status !== 'number' || !Number.isInteger(response.status)) set(response, 'status', exchange.status ?? 0, 'response.status');
	stringOr(response, 'statusText', '', fixed);
	stringOr(response, 'httpVersion', 'HTTP/1.1', fixed);
	for (const key of ['headers', 'cookies']) pairList(response, key, fixed);
	stringOr(response, 'redirectURL', '', fixed);
	integerOr(response, 'headersSize', fixed);
	integerOr(response, 'bodySize', fixed);
	const content = objectOr(response, 'content', fixed);
	if (typeof content.size !== 'number' || !Number.isInteger(content.size)) set(content, 'size', typeof content.text === 'string' ? new TextEncoder().encode(content.text).length : 0, 'content.size');
	stringOr(content, 'mimeType', '', fixed);
	const cache = objectOr(entry, 'cache', fixed);
	for (const key of ['beforeRequest', 'afterRequest']) {
		const c = cache[key];
		if (c === undefined || c === null) continue;
		const ok = typeof c === 'object' && typeof (c as HarObject).lastAccess === 'string' && typeof (c as HarObject).eTag === 'string' && Number.isInteger((c as HarObject).hitCount);
		if (!ok) {
			delete cache[key];
			fixed.push(`cache.${key}`);
		}
	}
	const timings = objectOr(entry, 'timings', fixed);
	for (const key of ['send', 'wait', 'receive']) if (typeof timings[key] !== 'number') set(timings, key, 0, `timings.${key}`);
	for (const key of ['blocked', 'dns', 'connect', 'ssl']) if (timings[key] !== undefined && typeof timings[key] !== 'number') delete timings[key];
	const ip = entry.serverIPAddress;
	if (ip !== undefined) {
		const bare = typeof ip === 'string' ? ip.replace(/^\[(.*)\]$/, '$1') : '';
		if (IPV4.test(bare) || IPV6.test(bare)) entry.serverIPAddress = bare;
		else {
			delete entry.serverIPAddress;
			fixed.push('serverIPAddress');
		}
	}
	if (entry.pageref !== undefined && typeof entry.pageref !== 'string') delete entry.pageref;
	if (entry.connection !== undefined && typeof entry.connection !== 'string') entry.connection = String(entry.connection);
	return fixed;
}

/** `log.pages` kept only as valid pages; `creator`/`browser` given their required strings. */
export function normalizeLog(log: HarObject): void {
	if (Array.isArray(log.pages)) {
		log.pages = (log.pages as HarObject[]).filter((p) => p && typeof p.id === 'string').map((p) => ({
			...p,
			startedDateTime: typeof p.startedDateTime === 'string' && DATE.test(p.startedDateTime) ? p.startedDateTime : EPOCH,
			title: typeof p.title === 'string' ? p.title : '',
			pageTimings: typeof p.pageTimings === 'object' && p.pageTimings !== null ? p.pageTimings : {}
		}));
	}
	for (const key of ['creator', 'browser']) {
		const o = log[key];
		if (typeof o !== 'object' || o === null) continue;
		const c = o as HarObject;
		if (typeof c.name !== 'string') c.name = String(c.name ?? '');
		if (typeof c.version !== 'string') c.version = String(c.version ?? '');
	}
}

function objectOr(o: HarObject, key: string, fixed: string[]): HarObject {
	const v = o[key];
	if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as HarObject;
	fixed.push(key);
	return (o[key] = {});
}

function stringOr(o: HarObject, key: string, fallback: string, fixed: string[]): void {
	if (typeof o[key] === 'string') return;
	o[key] = o[key] === null || o[key] === undefined ? fallback : String(o[key]);
	fixed.push(key);
}

function integerOr(o: HarObject, key: string, fixed: string[]): void {
	if (typeof o[key] === 'number' && Number.isInteger(o[key])) return;
	o[key] = -1;
	fixed.push(key);
}

function pairList(o: HarObject, key: string, fixed: string[]): void {
	const v = o[key];
	if (!Array.isArray(v)) {
		o[key] = [];
		fixed.push(key);
		return;
	}
	o[key] = v
		.filter((p) => typeof p === 'object' && p !== null && typeof p.name === 'string')
		.map((p) => (typeof p.value === 'string' ? p : { ...p, value: p.value === null || p.value === undefined ? '' : String(p.value) }));
}
