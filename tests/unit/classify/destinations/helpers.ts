/** Builders for destination tests: exchanges and parts made the way the HAR reader and the peeler make them. */
import { gzipSync, strToU8 } from 'fflate';
import type { DecodedNode, DecodedPart, Exchange, Part } from '../../../../src/lib/core/model';
import { Peeler } from '../../../../src/lib/core/decode/peel';
import { Budget } from '../../../../src/lib/core/limits';
import { childPath } from '../../../../src/lib/core/shared/path';

export function exchangeOf(url: string | null, options: { method?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {}): Exchange {
	const parsed = url ? new URL(url) : null;
	const parts: Part[] = [];
	if (parsed && parsed.search.length > 1) parts.push({ kind: 'query', name: 'query', payload: { kind: 'text', text: parsed.search.slice(1) }, contentType: 'application/x-www-form-urlencoded' });
	if (options.body !== undefined) {
		const kind = url ? 'request-body' : 'payload';
		parts.push({ kind, name: kind === 'payload' ? 'payload' : 'body', payload: { kind: 'text', text: options.body }, ...(options.contentType ? { contentType: options.contentType } : {}) });
	}
	return {
		index: 0,
		method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
		url,
		host: parsed ? parsed.hostname : null,
		status: 200,
		startedAt: null,
		requestHeaders: Object.entries(options.headers ?? {}).map(([name, value]) => ({ name, value })),
		responseHeaders: [],
		parts,
		notes: []
	};
}

/** Peels every part with the real peeler and codecs, as analyze() does. */
export function peelParts(exchange: Exchange): DecodedPart[] {
	return exchange.parts.map((part) => {
		const hints = part.contentType ? { contentType: part.contentType.split(';')[0]!.trim().toLowerCase(), contentTypeHeader: part.contentType } : {};
		return { kind: part.kind, name: part.name, root: new Peeler(new Budget()).peel(part.payload, part.name, hints) };
	});
}

/** A hand-built decoded tree: what a codec would produce for a JSON-like value. */
export function treeOf(value: unknown, path = 'body', key?: string | number): DecodedNode {
	const node: DecodedNode = { path, kind: 'null' };
	if (key !== undefined) node.key = key;
	if (Array.isArray(value)) {
		node.kind = 'array';
		node.children = value.map((v, i) => treeOf(v, childPath(path, i), i));
	} else if (typeof value === 'object' && value !== null) {
		node.kind = 'object';
		node.children = Object.entries(value).map(([k, v]) => treeOf(v, childPath(path, k), k));
	} else if (typeof value === 'string') {
		node.kind = 'text';
		node.text = value;
	} else if (typeof value === 'number') {
		node.kind = 'number';
		node.number = value;
	} else if (typeof value === 'boolean') {
		node.kind = 'boolean';
		node.boolean = value;
	}
	return node;
}

export function bodyPart(tree: DecodedNode, codec = 'json'): DecodedPart {
	return { kind: 'request-body', name: 'body', root: { path: 'body', kind: 'text', text: '(opaque)', decoded: { ...tree, codec } } };
}

export function base64Gzip(text: string): string {
	return Buffer.from(gzipSync(strToU8(text))).toString('base64');
}
