/**
 * MessagePack through @msgpack/msgpack. A structural walk runs first: it is the cheap sniff (a container
 * at the top, every byte consumed) and it bounds depth and declared lengths before the library runs.
 */
import { decode as decodeMsgpack, encode as encodeMsgpack, decodeTimestampToTimeSpec, EXT_TIMESTAMP, ExtData, ExtensionCodec } from '@msgpack/msgpack';
import { isFailureValue, patchValue } from './patch-value';
import { Annotated, failure, type BytesCodec, type TreeValue } from '../codec';

interface Walk {
	/** Maps seen, and how many of them had only string keys. */
	maps: number;
	stringKeyedMaps: number;
	depth: number;
}

/**
 * Why the bytes are not a document. Not an Error: sniffing walks thousands of random byte strings, and
 * capturing a stack trace for each rejection cost more than the walk itself.
 */
class NotMsgpack {
	constructor(readonly message: string) {}
}

/** Walks one complete value from `at`; returns the offset after it. Throws NotMsgpack with a reason. */
function walkValue(b: Uint8Array, at: number, depth: number, maxDepth: number, walk: Walk): number {
	if (at >= b.length) throw new NotMsgpack(`ends early at byte ${at}`);
	if (depth > maxDepth) throw new NotMsgpack(`nested deeper than ${maxDepth} levels`);
	walk.depth = Math.max(walk.depth, depth);
	const t = b[at]!;
	const u = (n: number) => {
		if (at + 1 + n > b.length) throw new NotMsgpack(`ends early at byte ${at}`);
		let v = 0;
		for (let i = 1; i <= n; i++) v = v * 256 + b[at + i]!;
		return v;
	};
	const skip = (header: number, length: number) => {
		const end = at + 1 + header + length;
		if (end > b.length) throw new NotMsgpack(`a value at byte ${at} runs past the end`);
		return end;
	};
	const items = (header: number, count: number, perItem: 1 | 2) => {
		let p = at + 1 + header;
		// Every item takes at least one byte: a count beyond what is left is a lie, refused before allocating.
		if (count * perItem > b.length - p) throw new NotMsgpack(`a container at byte ${at} declares more items than there are bytes`);
		let stringKeys = true;
		for (let i = 0; i < count * perItem; i++) {
			if (perItem === 2 && i % 2 === 0) {
				const k = b[p]!;
				if (!((k >= 0xa0 && k <= 0xbf) || k === 0xd9 || k === 0xda || k === 0xdb)) stringKeys = false;
			}
			p = walkValue(b, p, depth + 1, maxDepth, walk);
		}
		if (perItem === 2) {
			walk.maps++;
			if (stringKeys) walk.stringKeyedMaps++;
		}
		return p;
	};
	if (t <= 0x7f || t >= 0xe0) return at + 1;
	if (t <= 0x8f) return items(0, t & 0x0f, 2);
	if (t <= 0x9f) return items(0, t & 0x0f, 1);
	if (t <= 0xbf) return skip(0, t & 0x1f);
	switch (t) {
		case 0xc0:
		case 0xc2:
		case 0xc3:
			return at + 1;
		case 0xc1:
			throw new NotMsgpack(`byte ${at} is 0xc1, which MessagePack never uses`);
		case 0xc4:
		case 0xd9:
			return skip(1, u(1));
		case 0xc5:
		case 0xda:
			return skip(2, u(2));
		case 0xc6:
		case 0xdb:
			return skip(4, u(4));
		case 0xc7:
			return skip(2, u(1));
		case 0xc8:
			return skip(3, u(2));
		case 0xc9:
			return skip(5, u(4));
		case 0xca:
			return skip(4, 0);
		case 0xcb:
			return skip(8, 0);
		case 0xcc:
		case 0xd0:
			return skip(1, 0);
		case 0xcd:
		case 0xd1:
			return skip(2, 0);
		case 0xce:
		case 0xd2:
			return skip(4, 0);
		case 0xcf:
		case 0xd3:
			return skip(8, 0);
		case 0xd4:
			return skip(2, 0);
		case 0xd5:
			return skip(3, 0);
		case 0xd6:
			return skip(5, 0);
		case 0xd7:
			return skip(9, 0);
		case 0xd8:
			return skip(17, 0);
		case 0xdc:
			return items(2, u(2), 1);
		case 0xdd:
			return items(4, u(4), 1);
		case 0xde:
			return items(2, u(2), 2);
		default:
			return items(4, u(4), 2);
	}
}

function isContainer(first: number): boolean {
	return (first >= 0x80 && first <= 0x9f) || (first >= 0xdc && first <= 0xdf);
}

/** A reason the bytes are not a MessagePack document, or what the walk saw. */
function walkDocument(bytes: Uint8Array, maxDepth: number): Walk | string {
	if (bytes.length === 0) return 'no data';
	if (!isContainer(bytes[0]!)) return 'does not start with a MessagePack map or array';
	const walk: Walk = { maps: 0, stringKeyedMaps: 0, depth: 0 };
	try {
		const end = walkValue(bytes, 0, 0, maxDepth, walk);
		if (end !== bytes.length) return `${bytes.length - end} byte${bytes.length - end === 1 ? '' : 's'} left after the MessagePack value`;
	} catch (e) {
		if (e instanceof NotMsgpack) return e.message;
		throw e;
	}
	return walk;
}

/** A timestamp extension as sent: seconds and nanoseconds, which may lie outside what a JavaScript Date can hold. */
class Timestamp {
	constructor(
		readonly sec: number,
		readonly nsec: number
	) {}
}

/** Timestamps are read as seconds and nanoseconds, never as a Date: a Date outside its range has no ISO form. */
const extensions = new ExtensionCodec();
extensions.register({
	type: EXT_TIMESTAMP,
	encode: () => null,
	decode: (data) => {
		const { sec, nsec } = decodeTimestampToTimeSpec(data);
		return new Timestamp(sec, nsec);
	}
});

/** Date's range: ±8.64e15 ms around 1970 (ECMAScript's time value). */
const MAX_DATE_MS = 8.64e15;

function timestampValue({ sec, nsec }: Timestamp): TreeValue {
	const ms = sec * 1000 + nsec / 1e6;
	if (Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS) return new Annotated(new Date(ms).toISOString(), 'MessagePack timestamp');
	return new Annotated(`${sec} s ${nsec} ns`, 'MessagePack timestamp outside the range of calendar dates (seconds and nanoseconds since 1970)');
}

function toTree(value: unknown): TreeValue {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'boolean':
		case 'number':
		case 'string':
			return value;
		case 'bigint':
			// 64-bit integers that fit a double exactly are ordinary numbers to everything downstream.
			return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
	}
	if (value instanceof Uint8Array) return value;
	if (value instanceof Timestamp) return timestampValue(value);
	if (value instanceof ExtData) {
		const data = value.data instanceof Uint8Array ? value.data : new Uint8Array(0);
		return new Annotated(data, `MessagePack extension type ${value.type}`);
	}
	if (Array.isArray(value)) return value.map(toTree);
	const out: { [key: string]: TreeValue } = Object.create(null) as { [key: string]: TreeValue };
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toTree(v);
	return out;
}

export const msgpack: BytesCodec<'msgpack'> = {
	id: 'msgpack',
	label: 'MessagePack',
	input: 'bytes',
	output: 'tree',
	sniff(input, hints) {
		// One byte (an empty container) is too little to call it anything.
		if (input.length < 2) return 0;
		const walk = walkDocument(input, 64);
		if (typeof walk === 'string') return 0;
		if (hints.contentType?.includes('msgpack')) return 1;
		// A map keyed by strings is what real payloads look like; bare arrays of small numbers are often chance.
		if (walk.maps > 0 && walk.stringKeyedMaps === walk.maps) return 0.8;
		return input.length >= 8 ? 0.4 : 0.2;
	},
	decode(input, ctx) {
		const walk = walkDocument(input, ctx.budget.limits.maxStructureDepth);
		if (typeof walk === 'string') return failure(walk);
		let value: unknown;
		try {
			value = decodeMsgpack(input, {
				useBigInt64: true,
				extensionCodec: extensions,
				maxStrLength: input.length,
				maxBinLength: input.length,
				maxArrayLength: input.length,
				maxMapLength: input.length,
				maxExtLength: input.length
			});
		} catch (e) {
			return failure(`invalid MessagePack: ${e instanceof Error ? e.message : String(e)}`);
		}
		return { kind: 'tree', value: toTree(value) };
	},
	encode(next, original) {
		let value: unknown;
		try {
			value = decodeMsgpack(original, { useBigInt64: true, extensionCodec: writeBack });
		} catch (e) {
			return failure(`the original is not MessagePack: ${e instanceof Error ? e.message : String(e)}`);
		}
		const patched = patchValue(value, next, (v) => toTree(v instanceof ExtData && v.type === EXT_TIMESTAMP ? timestampOf(v) : v));
		if (isFailureValue(patched)) return patched;
		return encodeMsgpack(patched, { useBigInt64: true, extensionCodec: writeBack });
	}
};

/** For the way back: every extension, timestamps included, stays the ExtData it was, so it is written as it was. */
const writeBack = new ExtensionCodec();

function timestampOf(ext: ExtData): Timestamp {
	const { sec, nsec } = decodeTimestampToTimeSpec(ext.data as Uint8Array);
	return new Timestamp(sec, nsec);
}
