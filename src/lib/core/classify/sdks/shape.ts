/**
 * What SDK fingerprints look at: the request line and headers, and a bounded index of the decoded trees
 * (every object's keys, every short text leaf), built once per exchange in a single walk.
 */
import type { CodecId } from '../../decode/registry';
import type { DecodedNode, DecodedPart, Exchange } from '../../model';
import { childPath, layerPath } from '../../shared/path';

/** A walk never visits more nodes than this; fingerprints live in the first few layers anyway. */
const MAX_NODES = 20_000;
const MAX_OBJECTS = 4_000;
const MAX_SHORT_TEXTS = 4_000;
const SHORT_TEXT = 80;
/** Raw body text kept for line-oriented formats (Sentry envelopes). */
const MAX_BODY_TEXT = 64 * 1024;

export interface ObjectView {
	node: DecodedNode;
	fields: Map<string, DecodedNode>;
}

export interface PayloadShape {
	host: string | null;
	/** URL path, '' when there is no URL (bare payload). */
	path: string;
	method: string | null;
	/** Lower-case header names. */
	headers: Map<string, string>;
	/** Query-string fields, read from the URL itself so they do not depend on any codec. */
	query: Map<string, string>;
	/** Every object (JSON object, form, protobuf message…) in the decoded trees, outermost first. */
	objects: ObjectView[];
	/** Distinct text leaves of at most 80 characters. */
	shortTexts: Set<string>;
	/** Raw text of request bodies and bare payloads (first 64 KiB each). */
	bodyTexts: string[];
}

export function shapeOf(parts: readonly DecodedPart[], exchange: Exchange | null): PayloadShape {
	const shape = new LazyShape(exchange);
	let budget = MAX_NODES;
	for (const part of parts) {
		if (part.kind === 'response-body') continue;
		if ((part.kind === 'request-body' || part.kind === 'payload') && typeof part.root.text === 'string') shape.bodyTexts.push(part.root.text.slice(0, MAX_BODY_TEXT));
		budget = walk(part.root, shape, budget);
		if (part.kind === 'request-body' || part.kind === 'payload') addFormFallback(part.root, shape);
		if (budget <= 0) break;
	}
	return shape;
}

/**
 * Most exchanges are named by their first fingerprint's first look at the payload: the URL is parsed and
 * the header and query maps are built only when a fingerprint first reads them.
 */
class LazyShape implements PayloadShape {
	readonly host: string | null;
	readonly method: string | null;
	readonly objects: ObjectView[] = [];
	readonly bodyTexts: string[] = [];
	/** Text leaves in the order met, and whether each counts against MAX_SHORT_TEXTS: most exchanges never ask. */
	private readonly textsMet: string[] = [];
	private readonly textCapped: boolean[] = [];
	private textSet: Set<string> | null = null;
	private parsedUrl: URL | null | undefined = undefined;
	private headerMap: Map<string, string> | null = null;
	private queryMap: Map<string, string> | null = null;
	private pathname: string | null = null;

	constructor(private readonly exchange: Exchange | null) {
		this.host = exchange?.host ?? null;
		this.method = exchange?.method?.toUpperCase() ?? null;
	}

	/** Notes a short text leaf; `capped`: kept only while fewer than MAX_SHORT_TEXTS distinct texts are. */
	noteText(text: string, capped: boolean): void {
		this.textsMet.push(text);
		this.textCapped.push(capped);
	}

	get shortTexts(): Set<string> {
		if (this.textSet === null) {
			const set = new Set<string>();
			for (let i = 0; i < this.textsMet.length; i++) if (!this.textCapped[i] || set.size < MAX_SHORT_TEXTS) set.add(this.textsMet[i]!);
			this.textSet = set;
		}
		return this.textSet;
	}

	private url(): URL | null {
		if (this.parsedUrl === undefined) this.parsedUrl = parseUrl(this.exchange?.url ?? null);
		return this.parsedUrl;
	}

	get path(): string {
		if (this.pathname === null) this.pathname = this.url()?.pathname ?? '';
		return this.pathname;
	}

	get headers(): Map<string, string> {
		if (this.headerMap === null) this.headerMap = new Map((this.exchange?.requestHeaders ?? []).map((h) => [h.name.toLowerCase(), h.value]));
		return this.headerMap;
	}

	get query(): Map<string, string> {
		if (this.queryMap === null) {
			const query = new Map<string, string>();
			const url = this.url();
			if (url) for (const [k, v] of url.searchParams) if (!query.has(k)) query.set(k, v);
			this.queryMap = query;
		}
		return this.queryMap;
	}
}

function walk(root: DecodedNode, shape: LazyShape, budget: number): number {
	const stack: DecodedNode[] = [root];
	while (stack.length > 0 && budget > 0) {
		const node = stack.pop()!;
		budget--;
		if (node.children) {
			if (node.kind === 'object' && shape.objects.length < MAX_OBJECTS) shape.objects.push(new LazyObjectView(node));
			for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
		}
		if (typeof node.text === 'string' && node.text.length <= SHORT_TEXT) shape.noteText(node.text, true);
		if (node.decoded) stack.push(node.decoded);
	}
	return budget;
}

/** Fingerprints stop at the first object that names their SDK: an object's fields are indexed when first asked for. */
class LazyObjectView implements ObjectView {
	private indexed: Map<string, DecodedNode> | null = null;

	constructor(readonly node: DecodedNode) {}

	get fields(): Map<string, DecodedNode> {
		if (this.indexed === null) {
			const fields = new Map<string, DecodedNode>();
			for (const child of this.node.children ?? []) if (typeof child.key === 'string' && !fields.has(child.key)) fields.set(child.key, child);
			this.indexed = fields;
		}
		return this.indexed;
	}
}

/**
 * A url-encoded body whose tree has no form layer (no form codec ran) still has fields worth reading:
 * `crc=…&gzip=1&data_list=…` names an SDK on its own.
 */
function addFormFallback(root: DecodedNode, shape: LazyShape): void {
	if (root.decoded?.kind === 'object' || typeof root.text !== 'string') return;
	const text = root.text.trim();
	if (text.length === 0 || text.length > 4 * 1024 * 1024 || !/^[^=&\s]+=[^\s]*(?:&[^=&\s]+=[^\s]*)*$/.test(text.slice(0, 4096))) return;
	let params: URLSearchParams;
	try {
		params = new URLSearchParams(text);
	} catch {
		return;
	}
	const node: DecodedNode = { path: layerPath(root.path, 'form'), kind: 'object', codec: 'form' satisfies CodecId, children: [] };
	const fields = new Map<string, DecodedNode>();
	for (const [key, value] of params) {
		const child: DecodedNode = { path: childPath(node.path, key), kind: 'text', key, text: value };
		node.children!.push(child);
		if (!fields.has(key)) fields.set(key, child);
		if (value.length <= SHORT_TEXT) shape.noteText(value, false);
	}
	shape.objects.unshift({ node, fields });
}

function parseUrl(url: string | null): URL | null {
	if (!url) return null;
	try {
		return new URL(url);
	} catch {
		return null;
	}
}

// --- helpers for fingerprints ------------------------------------------------------------------

/** The text of a leaf, following decoded layers only when the leaf itself is not text. */
export function textOf(node: DecodedNode | undefined): string | null {
	if (!node) return null;
	if (typeof node.text === 'string') return node.text;
	if (node.number !== undefined) return String(node.number);
	if (node.boolean !== undefined) return String(node.boolean);
	return null;
}

/** The structure a node holds: itself when it has children, else its decoded layers' first structure. */
export function structureOf(node: DecodedNode | undefined): DecodedNode | null {
	let current = node;
	for (let i = 0; current && i < 8; i++) {
		if (current.children) return current;
		current = current.decoded;
	}
	return null;
}

/** The fields of the object a node holds (directly or after decoding). */
export function fieldsOf(node: DecodedNode | undefined): Map<string, DecodedNode> | null {
	const structure = structureOf(node);
	if (!structure || structure.kind !== 'object' || !structure.children) return null;
	const fields = new Map<string, DecodedNode>();
	for (const child of structure.children) if (typeof child.key === 'string' && !fields.has(child.key)) fields.set(child.key, child);
	return fields;
}

/** The first element of the array a node holds, as fields. */
export function firstItemFields(node: DecodedNode | undefined): Map<string, DecodedNode> | null {
	const structure = structureOf(node);
	if (!structure || structure.kind !== 'array') return null;
	return fieldsOf(structure.children?.[0]);
}

export function hasAll(fields: Map<string, unknown>, keys: readonly string[]): boolean {
	return keys.every((k) => fields.has(k));
}

export function findObject(shape: PayloadShape, test: (fields: Map<string, DecodedNode>) => boolean): ObjectView | null {
	for (const view of shape.objects) if (test(view.fields)) return view;
	return null;
}

/** Fields from the query string and every object, for SDKs that send the same fields either way. */
export function fieldSources(shape: PayloadShape): Array<(key: string) => string | null> {
	const sources: Array<(key: string) => string | null> = [(key) => shape.query.get(key) ?? null];
	for (const view of shape.objects) sources.push((key) => textOf(view.fields.get(key)));
	return sources;
}
