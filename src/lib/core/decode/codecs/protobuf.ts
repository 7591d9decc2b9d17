/**
 * Schema-less Protocol Buffers. Each field number is interpreted once, across all its occurrences in a
 * message: a length-delimited field is text only if every occurrence is readable text, a nested message
 * only if every occurrence parses completely as one, and so on. Numbers keep their alternative readings
 * (zigzag, signed, float) in a note, since without the schema nobody can know which one is meant.
 */
import { Budget, LimitExceeded } from '../../limits';
import { writeMessage } from './protobuf-write';
import { Annotated, FieldList, failure, type BytesCodec, type DecodeContext, type TreeValue } from '../codec';
import { isReadable, utf8OrNull } from '../../shared/text';
import { plausibility, readFields, readVarint, type RawField } from './protobuf-wire';

/** Below this, a parse is taken for chance. */
const MIN_PLAUSIBILITY = 0.8;
/** Nested messages must look at least this real to be expanded (they are shorter, so chance is likelier). */
const MIN_NESTED_PLAUSIBILITY = 0.9;
/** Fields a sniff reads before judging. */
const SNIFF_FIELDS = 256;

interface Walk {
	b: Uint8Array;
	ctx: DecodeContext;
	maxDepth: number;
	/** Fields read so far across all attempts; bounded by the budget's node limit. */
	fieldsRead: number;
	maxFields: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Readable text without control characters, the way string fields look (a nested message almost never does). */
function cleanText(b: Uint8Array): string | null {
	for (let i = 0; i < b.length; i++) {
		const c = b[i]!;
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
		if (c === 0x7f) return null;
	}
	const text = utf8OrNull(b);
	return text !== null && isReadable(text) ? text : null;
}

function parseMessage(w: Walk, start: number, end: number, depth: number, minScore: number): FieldList | null {
	w.ctx.budget.checkTime();
	const fields = readFields(w.b, start, end, w.maxFields - w.fieldsRead);
	if (typeof fields === 'string') {
		if (w.fieldsRead >= w.maxFields) throw new LimitExceeded('nodes', `more than ${w.maxFields.toLocaleString('en-US')} protobuf fields`);
		return null;
	}
	w.fieldsRead += fields.length;
	if (plausibility(fields) < minScore) return null;
	return interpret(w, fields, depth);
}

function interpret(w: Walk, fields: RawField[], depth: number): FieldList {
	const byNumber = new Map<number, RawField[]>();
	for (const f of fields) {
		const list = byNumber.get(f.number);
		if (list) list.push(f);
		else byNumber.set(f.number, [f]);
	}
	const values = new Map<RawField, TreeValue>();
	for (const group of byNumber.values()) {
		for (const wire of [0, 1, 2, 5] as const) {
			const same = group.filter((f) => f.wire === wire);
			if (same.length === 0) continue;
			const read = wire === 2 ? readLengthDelimited(w, same, depth) : wire === 0 ? readVarints(same) : readFixed(w.b, same, wire);
			same.forEach((f, i) => values.set(f, read[i]!));
		}
	}
	return new FieldList(
		fields.map((f) => [String(f.number), values.get(f)!]),
		fields.map((f) => [f.start, f.end])
	);
}

/** Decides text, message, packed varints or bytes for all occurrences of one length-delimited field. */
function readLengthDelimited(w: Walk, fields: RawField[], depth: number): TreeValue[] {
	const slices = fields.map((f) => w.b.subarray(f.start, f.end));
	const nonEmpty = slices.filter((s) => s.length > 0);
	if (nonEmpty.length === 0) return slices.map(() => '');

	const clean = slices.map((s) => (s.length === 0 ? '' : cleanText(s)));
	if (clean.every((t) => t !== null)) return clean as string[];

	if (depth >= w.maxDepth) {
		// Past the nesting limit nothing is guessed: the bytes stay bytes, and say why.
		const note = `nested deeper than ${w.maxDepth} levels: not expanded`;
		return slices.map((s) => new Annotated(s, note));
	}
	const messages = fields.map((f) => (f.end === f.start ? new FieldList([]) : parseMessage(w, f.start, f.end, depth + 1, MIN_NESTED_PLAUSIBILITY)));
	if (messages.every((m) => m !== null)) return messages as FieldList[];

	const texts = slices.map((s) => (s.length === 0 ? '' : readableText(s)));
	if (texts.every((t) => t !== null)) return texts as string[];

	const packed = slices.map(packedVarints);
	if (packed.every((p) => p !== null)) return packed.map((p) => new Annotated(p!, 'packed repeated varints'));

	return slices;
}

function readableText(b: Uint8Array): string | null {
	try {
		const text = strictUtf8.decode(b);
		return isReadable(text) ? text : null;
	} catch {
		return null;
	}
}

/**
 * Packed varints, accepted only when every value is one or two bytes long (small enums, flags, counts):
 * almost any byte string splits into varints, so longer ones prove nothing.
 */
function packedVarints(b: Uint8Array): TreeValue[] | null {
	const out: TreeValue[] = [];
	let p = 0;
	while (p < b.length) {
		const v = readVarint(b, p, b.length);
		if (!v || v.next - p > 2) return null;
		out.push(v.value);
		p = v.next;
	}
	return out.length >= 2 ? out : null;
}

const TWO_64 = 2n ** 64n;
const TWO_63 = 2n ** 63n;

function toNumber(v: bigint): number | bigint {
	return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** A date reading for numbers in the range of recent Unix timestamps (seconds or milliseconds). */
function timeReading(v: number | bigint): string | null {
	if (typeof v !== 'number') return null;
	const ms = v >= 946_684_800 && v < 4_102_444_800 ? v * 1000 : v >= 946_684_800_000 && v < 4_102_444_800_000 ? v : null;
	return ms === null ? null : `time ${new Date(ms).toISOString()}`;
}

function readVarints(fields: RawField[]): TreeValue[] {
	return fields.map((f) => {
		const raw = f.varint!;
		const big = BigInt(raw);
		const zigzag = big & 1n ? -((big + 1n) >> 1n) : big >> 1n;
		const readings = [`uint ${big}`, `sint ${zigzag} (zigzag)`];
		let primary: number | bigint = raw;
		if (big >= TWO_63) {
			// Negative int32/int64 values are sent as ten-byte two's complement: show the signed reading first.
			primary = toNumber(big - TWO_64);
			readings.push(`int64 ${big - TWO_64}`);
		}
		if (big === 0n || big === 1n) readings.push(`bool ${big === 1n}`);
		const time = timeReading(raw);
		if (time) readings.push(time);
		return new Annotated(primary, `varint: ${readings.join(' · ')}`);
	});
}

/** Floats in a range real measurements use; random bit patterns mostly fall far outside it. */
function reasonableFloat(x: number): boolean {
	if (x === 0) return true;
	const a = Math.abs(x);
	return Number.isFinite(x) && a >= 1e-9 && a <= 1e15;
}

function readFixed(b: Uint8Array, fields: RawField[], wire: 1 | 5): TreeValue[] {
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	const readings = fields.map((f) => {
		if (wire === 5) {
			const uint = view.getUint32(f.start, true);
			return { uint: uint as number | bigint, int: view.getInt32(f.start, true) as number | bigint, float: view.getFloat32(f.start, true) };
		}
		return {
			uint: toNumber(view.getBigUint64(f.start, true)),
			int: toNumber(view.getBigInt64(f.start, true)),
			float: view.getFloat64(f.start, true)
		};
	});
	// One decision for the field: floats only when every occurrence reads as a sensible float (zeros allowed).
	const asFloat = readings.every((r) => reasonableFloat(r.float)) && readings.some((r) => r.float !== 0);
	const kind = wire === 5 ? 'fixed32' : 'fixed64';
	return readings.map((r) => {
		const float = wire === 5 ? shortestFloat32(r.float) : r.float;
		const readingsText = `${kind}: uint ${r.uint} · int ${r.int} · ${wire === 5 ? 'float' : 'double'} ${float}`;
		const time = timeReading(r.uint);
		return new Annotated(asFloat ? float : r.uint, time ? `${readingsText} · ${time}` : readingsText);
	});
}

/** The shortest decimal that reads back as the same 32-bit float (3.14159274… → 3.1415927). */
function shortestFloat32(x: number): number {
	if (!Number.isFinite(x) || x === 0) return x;
	for (let digits = 1; digits < 9; digits++) {
		const candidate = Number(x.toPrecision(digits));
		if (Math.fround(candidate) === x) return candidate;
	}
	return x;
}

function isPrintableAscii(b: Uint8Array): boolean {
	const n = Math.min(b.length, 1024);
	for (let i = 0; i < n; i++) {
		const c = b[i]!;
		if ((c < 0x20 || c > 0x7e) && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
	}
	return true;
}

export const protobuf: BytesCodec<'protobuf'> = {
	id: 'protobuf',
	label: 'Protocol Buffers (no schema)',
	input: 'bytes',
	output: 'tree',
	sniff(input, hints) {
		if (input.length < 2 || isPrintableAscii(input)) return 0;
		const declared = hints.contentType !== undefined && /protobuf|proto\b|x-google-protobuf/.test(hints.contentType);
		const fields = readFields(input, 0, input.length, SNIFF_FIELDS);
		if (typeof fields === 'string') {
			// Too many fields to read cheaply is still a well-formed start.
			return declared && fields.startsWith('more than') ? 1 : 0;
		}
		if (plausibility(fields) < MIN_PLAUSIBILITY) return 0;
		return declared ? 1 : 0.5;
	},
	decode(input, ctx) {
		if (input.length < 2) return failure('too short for a protobuf message');
		const walk: Walk = {
			b: input,
			ctx,
			maxDepth: ctx.budget.limits.maxStructureDepth,
			fieldsRead: 0,
			maxFields: Math.max(0, ctx.budget.limits.maxNodes - ctx.budget.nodes)
		};
		const fields = readFields(input, 0, input.length, walk.maxFields);
		if (typeof fields === 'string') {
			if (fields.startsWith('more than')) throw new LimitExceeded('nodes', `protobuf message has ${fields}`);
			return failure(`not protobuf: ${fields}`);
		}
		const score = plausibility(fields);
		if (score < MIN_PLAUSIBILITY) return failure(`not plausibly protobuf (field numbers and wire types look random; score ${score.toFixed(2)})`);
		walk.fieldsRead = fields.length;
		return { kind: 'tree', value: interpret(walk, fields, 0) };
	},
	encode(next, original) {
		const old = protobuf.decode(original, { budget: new Budget(), hints: {} });
		if (old.kind !== 'tree') return failure('the original is not protobuf');
		return writeMessage(next, old.value, original, 0, original.length);
	}
};
