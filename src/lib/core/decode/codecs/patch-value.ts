/**
 * The way back for codecs read through a library (MessagePack, CBOR): the original is decoded again into the
 * library's own values and only the leaves that changed are replaced, so extension types, tags, timestamps and
 * map keys of any type are written as they were.
 */
import { Annotated, FieldList, failure, type CodecFailure, type TreeValue } from '../codec';
import { entriesOf, isObjectLike, treeEqual } from '../tree-equal';

export function patchValue(original: unknown, next: TreeValue, toTree: (value: unknown) => TreeValue): unknown {
	while (next instanceof Annotated) next = next.value;
	if (treeEqual(toTree(original), next)) return original;
	if (original === null || original === undefined || typeof original !== 'object' || original instanceof Uint8Array) {
		if (next === null || typeof next !== 'object' || next instanceof Uint8Array) return next;
		return failure('a value became a structure');
	}
	if (Array.isArray(original)) {
		if (!Array.isArray(next) || next.length !== original.length) return failure('an array changed length');
		const out: unknown[] = [];
		for (let i = 0; i < original.length; i++) {
			const v = patchValue(original[i], next[i]!, toTree);
			if (isFailureValue(v)) return v;
			out.push(v);
		}
		return out;
	}
	if (!isObjectLike(next)) return failure('a map became something else');
	const fields = entriesOf(next);
	if (original instanceof Map) {
		if (fields.length !== original.size) return failure('a map changed size');
		const out = new Map<unknown, unknown>();
		let i = 0;
		for (const [key, value] of original) {
			const v = patchValue(value, fields[i++]![1], toTree);
			if (isFailureValue(v)) return v;
			out.set(key, v);
		}
		return out;
	}
	if (Object.getPrototypeOf(original) === Object.prototype || Object.getPrototypeOf(original) === null) {
		const keys = Object.keys(original);
		if (keys.length !== fields.length) return failure('a map changed size');
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) {
			if (fields[i]![0] !== keys[i]) return failure('map keys changed');
			const v = patchValue((original as Record<string, unknown>)[keys[i]!], fields[i]![1], toTree);
			if (isFailureValue(v)) return v;
			out[keys[i]!] = v;
		}
		return out;
	}
	// Extension types, tags, dates: only their changed contents would need them rebuilt, which nothing does.
	return failure('a typed value (extension, tag, timestamp) changed');
}

export function isFailureValue(value: unknown): value is CodecFailure {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof FieldList) && (value as { kind?: unknown }).kind === 'failure' && Object.keys(value).length === 2;
}
