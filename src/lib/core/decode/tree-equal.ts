/**
 * Comparing trees for the way back (codec `encode`): an encoder keeps every field whose value did not change
 * exactly as it was written, so it asks which ones did. Annotations are notes, not values.
 */
import { Annotated, FieldList, type TreeValue } from './codec';

export function unannotated(value: TreeValue): TreeValue {
	while (value instanceof Annotated) value = value.value;
	return value;
}

/** Deep equality of two decoded values; a FieldList equals a plain object with the same keys in the same order. */
export function treeEqual(a: TreeValue, b: TreeValue): boolean {
	a = unannotated(a);
	b = unannotated(b);
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
		// A big integer may come back as its digits' number where it fits (msgpack, CBOR).
		if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return BigInt(a) === BigInt(b);
		return false;
	}
	if (a instanceof Uint8Array || b instanceof Uint8Array) {
		if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
		return true;
	}
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!treeEqual(a[i]!, b[i]!)) return false;
		return true;
	}
	const fa = entriesOf(a as FieldList | { [key: string]: TreeValue });
	const fb = entriesOf(b as FieldList | { [key: string]: TreeValue });
	if (fa.length !== fb.length) return false;
	for (let i = 0; i < fa.length; i++) if (fa[i]![0] !== fb[i]![0] || !treeEqual(fa[i]![1], fb[i]![1])) return false;
	return true;
}

/** The fields of an object-like tree value, in order. */
export function entriesOf(value: FieldList | { [key: string]: TreeValue }): Array<[string, TreeValue]> {
	return value instanceof FieldList ? value.fields : Object.entries(value);
}

/** Whether a tree value is an object-like one (FieldList or plain object). */
export function isObjectLike(value: TreeValue): value is FieldList | { [key: string]: TreeValue } {
	return value instanceof FieldList || (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Annotated));
}

const utf8 = new TextEncoder();

/** What a text codec's output becomes when the layer below held bytes (the implicit UTF-8 step, see codec.ts). */
export function utf8Bytes(text: string): Uint8Array {
	return utf8.encode(text);
}
