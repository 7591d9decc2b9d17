/** Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/): fields without a schema. */

export type WireType = 0 | 1 | 2 | 5;

export interface RawField {
	number: number;
	wire: WireType;
	/** Where the value starts and ends (for wire type 2, the payload without its length prefix). */
	start: number;
	end: number;
	/** Varint value (wire type 0). */
	varint?: number | bigint;
}

export interface Varint {
	value: number | bigint;
	next: number;
}

export const MAX_FIELD_NUMBER = 2 ** 29 - 1;

/** Reads a base-128 varint (at most 10 bytes); numbers up to 2^53 stay numbers, larger ones are bigints. */
export function readVarint(b: Uint8Array, at: number, end: number): Varint | null {
	let value = 0;
	let scale = 1;
	for (let i = 0; i < 10; i++) {
		const p = at + i;
		if (p >= end) return null;
		const byte = b[p]!;
		if (i === 9 && byte > 1) return null;
		value += (byte & 0x7f) * scale;
		if ((byte & 0x80) === 0) {
			if (value <= Number.MAX_SAFE_INTEGER) return { value, next: p + 1 };
			return { value: readBigVarint(b, at, p + 1), next: p + 1 };
		}
		scale *= 128;
	}
	return null;
}

function readBigVarint(b: Uint8Array, at: number, end: number): bigint {
	let value = 0n;
	for (let p = end - 1; p >= at; p--) value = (value << 7n) | BigInt(b[p]! & 0x7f);
	return value;
}

/**
 * Splits `b[start, end)` into fields. Returns a reason instead when the bytes are not a complete message:
 * a bad tag, a reserved or deprecated wire type (groups are refused: they are rare and make random bytes
 * look valid), a field number out of range, or a value running past the end.
 */
export function readFields(b: Uint8Array, start: number, end: number, maxFields: number): RawField[] | string {
	const fields: RawField[] = [];
	let p = start;
	while (p < end) {
		if (fields.length >= maxFields) return `more than ${maxFields} fields`;
		const tag = readVarint(b, p, end);
		if (!tag || typeof tag.value !== 'number' || tag.value > 0xffffffff) return `bad tag at byte ${p}`;
		const number = Math.floor(tag.value / 8);
		const wire = tag.value % 8;
		if (number === 0) return `field number 0 at byte ${p}`;
		if (number > MAX_FIELD_NUMBER) return `field number ${number} at byte ${p} is out of range`;
		if (number >= 19000 && number <= 19999) return `field number ${number} at byte ${p} is reserved`;
		const at = tag.next;
		switch (wire) {
			case 0: {
				const v = readVarint(b, at, end);
				if (!v) return `bad varint at byte ${at}`;
				fields.push({ number, wire, start: at, end: v.next, varint: v.value });
				p = v.next;
				break;
			}
			case 1:
			case 5: {
				const size = wire === 1 ? 8 : 4;
				if (at + size > end) return `a fixed${size * 8} at byte ${at} runs past the end`;
				fields.push({ number, wire, start: at, end: at + size });
				p = at + size;
				break;
			}
			case 2: {
				const length = readVarint(b, at, end);
				if (!length || typeof length.value !== 'number' || length.value > end - length.next) return `a length at byte ${at} runs past the end`;
				fields.push({ number, wire, start: length.next, end: length.next + length.value });
				p = length.next + length.value;
				break;
			}
			default:
				return `wire type ${wire} at byte ${p}${wire === 3 || wire === 4 ? ' (group, not supported)' : ''}`;
		}
	}
	return fields;
}

/**
 * How much a field list looks like a real message, 0..1. Real schemas use small field numbers and one wire
 * type per number; random bytes that happen to split into fields mostly have huge or scattered numbers.
 */
export function plausibility(fields: RawField[]): number {
	if (fields.length === 0) return 0;
	const wireOf = new Map<number, number>();
	let good = 0;
	for (const f of fields) {
		const seen = wireOf.get(f.number);
		const consistent = seen === undefined || seen === f.wire;
		if (seen === undefined) wireOf.set(f.number, f.wire);
		if (consistent && f.number <= 2048) good++;
	}
	let score = good / fields.length;
	// Many distinct large numbers in a short message is what chance produces.
	const distinct = wireOf.size;
	let highest = 0;
	for (const n of wireOf.keys()) highest = Math.max(highest, n);
	if (highest > 512 && distinct > 1 && highest > distinct * 64) score *= 0.5;
	return score;
}
