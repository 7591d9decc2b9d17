/**
 * The way back for schema-less protobuf: the original message is split into fields again and written field by
 * field. A field whose value did not change keeps its bytes; a changed one is written with its original tag:
 * varints and length-delimited values (text, bytes, nested messages, packed varints) can be, fixed-width
 * numbers cannot (without the schema nobody knows whether they were floats or integers).
 */
import { FieldList, failure, type CodecFailure, type TreeValue } from '../codec';
import { entriesOf, isObjectLike, treeEqual, unannotated } from '../tree-equal';
import { readFields, readVarint } from './protobuf-wire';

const utf8 = new TextEncoder();

export function writeMessage(next: TreeValue, old: TreeValue, b: Uint8Array, start: number, end: number): Uint8Array | CodecFailure {
	if (!isObjectLike(next) || !isObjectLike(old)) return failure('a protobuf message must stay a list of fields');
	const fields = entriesOf(next);
	const was = entriesOf(old);
	const raw = readFields(b, start, end, Number.MAX_SAFE_INTEGER);
	if (typeof raw === 'string' || raw.length !== fields.length || was.length !== fields.length) return failure('protobuf fields were added or removed');
	const out: number[] = [];
	let from = start;
	for (let i = 0; i < raw.length; i++) {
		const f = raw[i]!;
		const value = unannotated(fields[i]![1]);
		const previous = was[i]![1];
		if (treeEqual(value, previous)) {
			pushAll(out, b.subarray(from, f.end));
			from = f.end;
			continue;
		}
		const tagEnd = readVarint(b, from, end)!.next;
		pushAll(out, b.subarray(from, tagEnd));
		from = f.end;
		if (f.wire === 0) {
			const n = integerOf(value);
			if (n === null) return failure(`protobuf field ${f.number} is a varint and can only hold an integer`);
			pushVarint(out, n);
			continue;
		}
		if (f.wire !== 2) return failure(`protobuf field ${f.number} is a fixed-width number, whose type the wire does not say`);
		let payload: Uint8Array | CodecFailure;
		if (typeof value === 'string') payload = utf8.encode(value);
		else if (value instanceof Uint8Array) payload = value;
		else if (Array.isArray(value)) payload = packed(value);
		else if (value instanceof FieldList || isObjectLike(value)) payload = writeMessage(value, previous, b, f.start, f.end);
		else return failure(`protobuf field ${f.number} cannot hold that value`);
		if (!(payload instanceof Uint8Array)) return payload;
		pushVarint(out, BigInt(payload.length));
		pushAll(out, payload);
	}
	return Uint8Array.from(out);
}

function integerOf(value: TreeValue): bigint | null {
	if (typeof value === 'bigint') return BigInt.asUintN(64, value);
	if (typeof value === 'number' && Number.isInteger(value)) return BigInt.asUintN(64, BigInt(value));
	return null;
}

function packed(values: TreeValue[]): Uint8Array | CodecFailure {
	const out: number[] = [];
	for (const v of values) {
		const n = integerOf(unannotated(v));
		if (n === null) return failure('packed protobuf values must be integers');
		pushVarint(out, n);
	}
	return Uint8Array.from(out);
}

function pushVarint(out: number[], n: bigint): void {
	do {
		let byte = Number(n & 0x7fn);
		n >>= 7n;
		if (n > 0n) byte |= 0x80;
		out.push(byte);
	} while (n > 0n);
}

function pushAll(out: number[], bytes: Uint8Array): void {
	for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!);
}
