/**
 * An identifier is one value. A key that names one (`user_id`, `distinct_id`, `ssid`) over a JSON object or array
 * says nothing about which value inside is the identifier: reporting the whole text would invent an identifier
 * no SDK sent, and correlate it across exchanges by its serialization. The values inside are walked on their own.
 */
import type { DecodedNode } from '../../model';

/**
 * A JSON object or array written out as text, whole or cut short (a truncated capture, a length limit): `{"…`,
 * `[{…`, `["…`, or anything that parses to a structure (`[1,2]`, `{}`). A GUID in braces (`{6F9619FF-8B86-…}`,
 * the Windows spelling) is neither, and stays an identifier.
 */
export function isStructureText(text: string): boolean {
	const t = text.trim();
	const first = t.charCodeAt(0);
	if (first !== 0x7b && first !== 0x5b) return false;
	if (STARTS_LIKE_MEMBERS.test(t)) return true;
	try {
		const value: unknown = JSON.parse(t);
		return typeof value === 'object' && value !== null;
	} catch {
		return false;
	}
}

/** An opening bracket followed by a quoted name or a nested structure (Python's single-quoted reprs too). */
const STARTS_LIKE_MEMBERS = /^[{[]\s*["'{[]/;

/** Layers are few; a bound keeps a hostile chain from costing more than the peeler already spent on it. */
const MAX_LAYERS = 16;

/**
 * Whether a leaf is an encoding of a structure: one of its decoded layers (percent, base64, gzip…) is a JSON
 * object or array, or text that is one. Only JSON counts: protobuf, msgpack and CBOR readings of random bytes are
 * common (an opaque ID can parse as protobuf), a JSON reading of them is not.
 */
export function encodesStructure(node: DecodedNode): boolean {
	let layer = node.decoded;
	for (let i = 0; layer !== undefined && i < MAX_LAYERS; i++, layer = layer.decoded) {
		if ((layer.kind === 'object' || layer.kind === 'array') && layer.codec === 'json') return true;
		if (layer.kind === 'text' && layer.text !== undefined && isStructureText(layer.text)) return true;
	}
	return false;
}
