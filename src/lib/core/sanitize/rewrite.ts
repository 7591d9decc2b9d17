/**
 * Writing masked values back through every layer of a decoded tree. A leaf to mask is replaced by its
 * placeholder in the innermost layer it sits in; each layer above that changed is written again by its
 * codec's `encode` (JSON, form, base64, gzip…), so the result decodes through the same chain to the same
 * structure with placeholders. Layers nothing changed in keep their bytes. Where a layer cannot be written
 * back (no encoder, a repaired almost-JSON, a fixed-width protobuf number, a limit that left it unread), the
 * whole value that carries it becomes one placeholder, and the report says so.
 */
import type { DecodedNode } from '../model';
import { FieldList, isFailure, type CodecFailure, type TreeValue } from '../decode/codec';
import { codecById, type CodecId } from '../decode/registry';
import { utf8Bytes } from '../decode/tree-equal';
import { utf8OrNull } from '../shared/text';
import { decodeBase64 } from '../shared/base64';
import type { MaskPlan } from './plan';
import { isSecretField } from './secret-names';
import type { MaskKind } from './types';

/** What the rewriter tells its caller about each change. */
export interface RewriteSink {
	change(path: string, kind: MaskKind, placeholder: string, original: string): void;
	whole(path: string, placeholder: string, reason: string): void;
}

/** A JWT's signature becomes these 12 bytes, which base64url writes as `SignatureRemoved` (16 characters, no padding bits). */
export const SIGNATURE_PLACEHOLDER = 'SignatureRemoved';
const SIGNATURE_BYTES = decodeBase64(SIGNATURE_PLACEHOLDER);

type Result = TreeValue | undefined | CodecFailure;

export class TreeRewriter {
	constructor(
		private readonly plan: MaskPlan,
		private readonly exchange: number,
		private readonly sink: RewriteSink
	) {}

	/** The new value of a part's root (text or bytes), or undefined when nothing in it changed. */
	rewriteRoot(root: DecodedNode): string | Uint8Array | undefined {
		const result = this.leaf(root);
		if (result === undefined || isFailure(result)) return undefined;
		return typeof result === 'string' || result instanceof Uint8Array ? result : undefined;
	}

	private leaf(node: DecodedNode): Result {
		if (node.kind === 'object' || node.kind === 'array') return this.structure(node);
		if (node.kind === 'number') return this.number(node);
		if (node.kind !== 'text' && node.kind !== 'bytes') return undefined;
		const text = node.kind === 'text' ? node.text! : null;
		if (text !== null) {
			const direct = this.direct(node, text);
			if (direct !== null) return direct;
		}
		if (node.decoded) {
			const inner = this.layer(node.decoded);
			if (inner === undefined) return undefined;
			if (!isFailure(inner)) {
				const written = this.encode(node, node.decoded.codec as CodecId, inner);
				if (!isFailure(written)) return written;
				return this.replaceWhole(node, written.reason);
			}
			return this.replaceWhole(node, inner.reason);
		}
		if (text === null) return undefined;
		return this.inText(node, text);
	}

	/** A whole value that is a finding, a known value or a credential by its field name: its placeholder. */
	private direct(node: DecodedNode, text: string): string | null {
		const trimmed = text.trim();
		for (const wanted of this.plan.at(this.exchange, node.path)) {
			if (wanted.value === trimmed || wanted.value === text) return this.mask(node.path, text, wanted.kind, text, node);
		}
		const kind = this.plan.exact(text, this.exchange);
		if (kind !== null) return this.mask(node.path, text, kind, text, node);
		if (this.plan.masksSecrets && isSecretField(node.key, text)) {
			this.plan.addValue(text, 'auth.secret');
			return this.mask(node.path, text, 'auth.secret');
		}
		return null;
	}

	/** Inside plain text: known values replaced where they appear; a finding of this place that is not there literally (normalised by its detector) takes the whole text. */
	private inText(node: DecodedNode, text: string): string | undefined {
		const replaced = this.plan.substitute(text, this.exchange, node.path, (value, kind, placeholder) => this.sink.change(node.path, kind, placeholder, value));
		const now = replaced ?? text;
		for (const wanted of this.plan.at(this.exchange, node.path)) {
			if (!now.includes(this.plan.placeholder(wanted.value, wanted.kind).text) && !text.includes(wanted.value)) return this.mask(node.path, text, wanted.kind, wanted.value);
		}
		return replaced ?? undefined;
	}

	private number(node: DecodedNode): Result {
		const text = String(node.number);
		const atPath = this.plan.at(this.exchange, node.path).find((w) => w.value === text);
		const kind = atPath?.kind ?? this.plan.exact(text, this.exchange);
		if (kind === null || kind === undefined) return undefined;
		const placeholder = this.plan.placeholder(text, kind);
		this.sink.change(node.path, kind, placeholder.text, text);
		return typeof node.number === 'string' ? BigInt(placeholder.n) : placeholder.n;
	}

	private mask(path: string, original: string, kind: MaskKind, value = original, node?: DecodedNode): string {
		let placeholder = this.plan.placeholder(value, kind).text;
		// A web address stays one (`https://url-1.invalid/`), written through the layers it came in (percent-encoded,
		// base64…), so the value still reads as a URL and the exchange keeps its layers.
		if (node?.decoded) placeholder = this.asUrl(node, placeholder) ?? placeholder;
		this.sink.change(path, kind, placeholder, value);
		return placeholder;
	}

	private asUrl(node: DecodedNode, placeholder: string): string | null {
		const chain: DecodedNode[] = [node];
		let n = node;
		while (n.decoded && n.decoded.codec !== 'url') {
			if (n.decoded.kind !== 'text') return null;
			n = n.decoded;
			chain.push(n);
		}
		if (!n.decoded) return null;
		let value: string = `https://${placeholder.toLowerCase()}.invalid/`;
		for (let i = chain.length - 1; i >= 1; i--) {
			const written = this.encode(chain[i - 1]!, chain[i]!.codec as CodecId, value);
			if (typeof written !== 'string') return null;
			value = written;
		}
		return value;
	}

	/** A layer's new output: its structure rebuilt, or its text or bytes rewritten. */
	private layer(node: DecodedNode): Result {
		if (node.kind === 'null' && node.codec && codecById(node.codec as CodecId)?.output === 'tree') return undefined;
		return this.leaf(node);
	}

	private structure(node: DecodedNode): Result {
		const children = node.children;
		if (!children) return undefined;
		let changed = false;
		const values: Array<TreeValue | undefined> = [];
		for (const child of children) {
			let next: Result;
			if (node.codec === 'jwt' && child.key === 'signature' && child.kind === 'bytes' && child.bytes!.length > 0 && this.plan.masksSecrets) {
				next = SIGNATURE_BYTES;
				this.sink.change(child.path, 'jwt-signature', SIGNATURE_PLACEHOLDER, 'signature');
			} else next = this.leaf(child);
			if (isFailure(next)) return next;
			if (next !== undefined) changed = true;
			values.push(next);
		}
		if (!changed) return undefined;
		const out: TreeValue[] = [];
		for (let i = 0; i < children.length; i++) {
			const v = values[i] !== undefined ? values[i]! : treeOf(children[i]!);
			if (isFailure(v)) return v;
			out.push(v as TreeValue);
		}
		if (node.kind === 'array') return out;
		return new FieldList(children.map((c, i) => [String(c.key), out[i]!]));
	}

	/** The leaf's new value: `inner`, the layer's new output, encoded by `codecId` in the style of the leaf's original. */
	private encode(node: DecodedNode, codecId: CodecId, inner: TreeValue): string | Uint8Array | CodecFailure {
		const codec = codecById(codecId);
		if (!codec?.encode) return { kind: 'failure', reason: `${codec?.label ?? codecId} cannot be re-encoded` };
		let next = inner;
		if (codec.output === 'bytes' && typeof next === 'string') next = utf8Bytes(next);
		const leafBytes = node.kind === 'bytes';
		let original: string | Uint8Array = leafBytes ? node.bytes! : node.text!;
		if (codec.input === 'text' && original instanceof Uint8Array) {
			const text = utf8OrNull(original);
			if (text === null) return { kind: 'failure', reason: 'the bytes are not UTF-8 text' };
			original = text;
		} else if (codec.input === 'bytes' && typeof original === 'string') original = utf8Bytes(original);
		let written: string | Uint8Array | CodecFailure;
		try {
			written = (codec.encode as (n: TreeValue, o: string | Uint8Array) => string | Uint8Array | CodecFailure)(next, original);
		} catch (error) {
			return { kind: 'failure', reason: `${codec.label} could not write it back (${error instanceof Error ? error.message : String(error)})` };
		}
		if (isFailure(written)) return written;
		// The leaf keeps its own kind: text read from UTF-8 bytes goes back as bytes, and the other way.
		if (leafBytes && typeof written === 'string') return utf8Bytes(written);
		if (!leafBytes && written instanceof Uint8Array) {
			const text = utf8OrNull(written);
			return text ?? { kind: 'failure', reason: `${codec.label} output is not text` };
		}
		return written;
	}

	private replaceWhole(node: DecodedNode, reason: string): string | Uint8Array {
		const placeholder = this.plan.placeholder(node.path, 'whole').text;
		this.sink.whole(node.path, placeholder, `replaced whole: ${reason}`);
		return node.kind === 'bytes' ? utf8Bytes(placeholder) : placeholder;
	}
}

/** A node's value as its codec gave it (for siblings of what changed). */
function treeOf(node: DecodedNode): TreeValue | CodecFailure {
	switch (node.kind) {
		case 'text':
			return node.text!;
		case 'bytes':
			return node.bytes!;
		case 'number':
			return typeof node.number === 'string' ? (/^-?\d+$/.test(node.number) ? BigInt(node.number) : Number(node.number)) : node.number!;
		case 'boolean':
			return node.boolean!;
		case 'null':
			return null;
	}
	if (!node.children) return { kind: 'failure', reason: `a limit left ${node.path} unread` };
	const values: TreeValue[] = [];
	for (const child of node.children) {
		const v = treeOf(child);
		if (isFailure(v)) return v;
		values.push(v);
	}
	if (node.kind === 'array') return values;
	return new FieldList(node.children.map((c, i) => [String(c.key), values[i]!]));
}
