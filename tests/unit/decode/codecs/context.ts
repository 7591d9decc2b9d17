import { expect } from 'vitest';
import { Budget, type Limits } from '../../../../src/lib/core/limits';
import type { CodecResult, DecodeContext, SniffHints, TreeValue } from '../../../../src/lib/core/decode/codec';
import { FieldList } from '../../../../src/lib/core/decode/codec';

export function ctx(hints: SniffHints = {}, limits: Partial<Limits> = {}): DecodeContext {
	return { budget: new Budget(limits), hints };
}

/** The tree a result holds; fails the test with the codec's reason otherwise. */
export function treeOf(result: CodecResult): TreeValue {
	if (result.kind !== 'tree') throw new Error(`expected a tree, got ${result.kind}: ${'reason' in result ? result.reason : ''}`);
	return result.value;
}

export function textOf(result: CodecResult): string {
	if (result.kind !== 'text') throw new Error(`expected text, got ${result.kind}: ${'reason' in result ? result.reason : ''}`);
	return result.text;
}

export function bytesOf(result: CodecResult): Uint8Array {
	if (result.kind !== 'bytes') throw new Error(`expected bytes, got ${result.kind}: ${'reason' in result ? result.reason : ''}`);
	return result.bytes;
}

export function fieldsOf(value: TreeValue): Array<[string, TreeValue]> {
	if (!(value instanceof FieldList)) throw new Error('expected a FieldList');
	return value.fields;
}

/** The value with every FieldList reduced to its fields: for tables that list fields, not where they sat. */
export function withoutRanges(value: unknown): unknown {
	if (value instanceof FieldList) return new FieldList(value.fields.map(([k, v]) => [k, withoutRanges(v) as TreeValue]));
	if (Array.isArray(value)) return value.map(withoutRanges);
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRanges(v)]));
	}
	return value;
}

/** The raw text each field's range covers in `input`. */
export function rangeTexts(input: string, list: FieldList): string[] {
	expect(list.ranges).toBeDefined();
	expect(list.ranges!.length).toBe(list.fields.length);
	return list.ranges!.map(([start, end]) => input.slice(start, end));
}
