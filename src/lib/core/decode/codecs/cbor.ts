/**
 * CBOR (RFC 8949) through cbor-x's no-eval decoder build (`cbor-x/decode-no-eval`: no `new Function`,
 * so it runs under a Content-Security-Policy without 'unsafe-eval', and no native addon).
 *
 * A structural walk runs first: it is the cheap sniff (a container at the top, every byte consumed), it
 * bounds depth and declared lengths, and it refuses cbor-x's extension tags that rebuild shared or packed
 * references (tags 28/29, 51, 6, 105, 216–255, record ranges): those can turn a small input into a graph
 * with cycles or an exponentially large tree.
 */
import * as cborX from 'cbor-x/decode-no-eval';
import { Encoder } from 'cbor-x/encode';
import { isFailureValue, patchValue } from './patch-value';
import { Annotated, FieldList, failure, type BytesCodec, type TreeValue } from '../codec';

/** cbor-x's wrapper for tags it has no handler for (exported at runtime, missing from its type declarations). */
interface CborTag {
	value: unknown;
	tag: number;
}
const TagClass = (cborX as unknown as { Tag?: new () => CborTag }).Tag;

/**
 * Why the bytes are not a document. Not an Error: sniffing walks thousands of random byte strings, and
 * capturing a stack trace for each rejection cost more than the walk itself.
 */
class NotCbor {
	constructor(readonly message: string) {}
}

interface Walk {
	maps: number;
	textKeyedMaps: number;
}

/** Tags whose cbor-x handlers expand references or keep state between values. */
function refusedTag(tag: number): boolean {
	return (
		tag === 6 ||
		tag === 25 ||
		tag === 28 ||
		tag === 29 ||
		tag === 51 ||
		tag === 105 ||
		tag === 256 ||
		(tag >= 216 && tag <= 255) ||
		(tag >= 27647 && tag <= 32767) ||
		(tag >= 0xe000 && tag <= 0xffff) ||
		tag >= 1811939328
	);
}

function walkValue(b: Uint8Array, at: number, depth: number, maxDepth: number, walk: Walk): number {
	if (at >= b.length) throw new NotCbor(`ends early at byte ${at}`);
	if (depth > maxDepth) throw new NotCbor(`nested deeper than ${maxDepth} levels`);
	const first = b[at]!;
	const major = first >> 5;
	const info = first & 0x1f;
	let p = at + 1;
	let arg = info;
	if (info >= 24 && info <= 27) {
		const n = 1 << (info - 24);
		if (p + n > b.length) throw new NotCbor(`ends early at byte ${at}`);
		arg = 0;
		for (let i = 0; i < n; i++) arg = arg * 256 + b[p + i]!;
		p += n;
	} else if (info >= 28 && info <= 30) {
		throw new NotCbor(`byte ${at} uses a reserved additional-information value`);
	}
	const indefinite = info === 31;
	switch (major) {
		case 0:
		case 1:
			if (indefinite) throw new NotCbor(`byte ${at}: an integer cannot be indefinite`);
			return p;
		case 2:
		case 3: {
			if (!indefinite) {
				if (arg > b.length - p) throw new NotCbor(`a string at byte ${at} runs past the end`);
				return p + arg;
			}
			// Indefinite strings are definite chunks of the same major type, ended by a break.
			for (;;) {
				if (p >= b.length) throw new NotCbor(`an indefinite string at byte ${at} has no end`);
				if (b[p] === 0xff) return p + 1;
				if (b[p]! >> 5 !== major || (b[p]! & 0x1f) === 31) throw new NotCbor(`bad chunk in the string at byte ${at}`);
				p = walkValue(b, p, depth + 1, maxDepth, walk);
			}
		}
		case 4:
		case 5: {
			const perItem = major === 5 ? 2 : 1;
			let textKeys = true;
			if (indefinite) {
				let i = 0;
				for (;;) {
					if (p >= b.length) throw new NotCbor(`a container at byte ${at} has no end`);
					if (b[p] === 0xff) {
						if (i % perItem !== 0) throw new NotCbor(`a map at byte ${at} ends with a key and no value`);
						p++;
						break;
					}
					if (perItem === 2 && i % 2 === 0 && b[p]! >> 5 !== 3) textKeys = false;
					p = walkValue(b, p, depth + 1, maxDepth, walk);
					i++;
				}
			} else {
				if (arg * perItem > b.length - p) throw new NotCbor(`a container at byte ${at} declares more items than there are bytes`);
				for (let i = 0; i < arg * perItem; i++) {
					if (perItem === 2 && i % 2 === 0 && b[p]! >> 5 !== 3) textKeys = false;
					p = walkValue(b, p, depth + 1, maxDepth, walk);
				}
			}
			if (perItem === 2) {
				walk.maps++;
				if (textKeys) walk.textKeyedMaps++;
			}
			return p;
		}
		case 6:
			if (indefinite) throw new NotCbor(`byte ${at}: a tag cannot be indefinite`);
			if (refusedTag(arg)) throw new NotCbor(`tag ${arg} (shared or packed references) is not decoded`);
			return walkValue(b, p, depth + 1, maxDepth, walk);
		default:
			if (indefinite) throw new NotCbor(`a break code at byte ${at} outside an indefinite item`);
			if (info === 24 && arg < 32) throw new NotCbor(`byte ${at}: a simple value encoded in two bytes must be ≥ 32`);
			return p;
	}
}

function startsWithContainer(bytes: Uint8Array): boolean {
	let p = 0;
	// Tags may wrap the top-level container (55799 "self-described CBOR", COSE, CWT).
	for (let i = 0; i < 4 && p < bytes.length && bytes[p]! >> 5 === 6; i++) {
		const info = bytes[p]! & 0x1f;
		p += 1 + (info < 24 ? 0 : info <= 27 ? 1 << (info - 24) : 0);
	}
	if (p >= bytes.length) return false;
	const major = bytes[p]! >> 5;
	return major === 4 || major === 5;
}

function walkDocument(bytes: Uint8Array, maxDepth: number): Walk | string {
	if (bytes.length === 0) return 'no data';
	if (!startsWithContainer(bytes)) return 'does not start with a CBOR map or array';
	const walk: Walk = { maps: 0, textKeyedMaps: 0 };
	try {
		const end = walkValue(bytes, 0, 0, maxDepth, walk);
		if (end !== bytes.length) return `${bytes.length - end} byte${bytes.length - end === 1 ? '' : 's'} left after the CBOR value`;
	} catch (e) {
		if (e instanceof NotCbor) return e.message;
		throw e;
	}
	return walk;
}

/** Self-described CBOR (tag 55799, bytes d9 d9 f7). */
function selfDescribed(bytes: Uint8Array): boolean {
	return bytes[0] === 0xd9 && bytes[1] === 0xd9 && bytes[2] === 0xf7;
}

function keyText(key: unknown): string {
	if (typeof key === 'string') return key;
	if (typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean') return String(key);
	if (key === null || key === undefined) return String(key);
	if (key instanceof Uint8Array) return `h'${Array.from(key, (x) => x.toString(16).padStart(2, '0')).join('')}'`;
	return '(complex key)';
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
	if (value instanceof Date) return new Annotated(Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString(), 'CBOR date/time');
	if (TagClass && value instanceof TagClass) return new Annotated(toTree(value.value), `CBOR tag ${value.tag}`);
	if (value instanceof Map) return new FieldList(Array.from(value, ([k, v]) => [keyText(k), toTree(v)] as [string, TreeValue]));
	if (value instanceof Set) return Array.from(value, toTree);
	if (Array.isArray(value)) return value.map(toTree);
	if (ArrayBuffer.isView(value)) {
		// Typed-array tags (RFC 8746): keep the numbers.
		return Array.from(value as unknown as ArrayLike<number | bigint>, (x) => x);
	}
	if (value instanceof RegExp) return new Annotated(value.source, 'CBOR regular expression');
	if (value instanceof Error) return new Annotated(value.message, 'CBOR error object');
	if (typeof value === 'object') {
		return new FieldList(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toTree(v)] as [string, TreeValue]));
	}
	return null;
}

const decoder = new cborX.Decoder({ useRecords: false, mapsAsObjects: false, bundleStrings: false });

export const cbor: BytesCodec<'cbor'> = {
	id: 'cbor',
	label: 'CBOR',
	input: 'bytes',
	output: 'tree',
	sniff(input, hints) {
		// One byte (an empty container) is too little to call it anything.
		if (input.length < 2) return 0;
		const walk = walkDocument(input, 64);
		if (typeof walk === 'string') return 0;
		if (hints.contentType?.includes('cbor') || selfDescribed(input)) return 1;
		if (walk.maps > 0 && walk.textKeyedMaps === walk.maps) return 0.8;
		return input.length >= 8 ? 0.4 : 0.2;
	},
	decode(input, ctx) {
		const walk = walkDocument(input, ctx.budget.limits.maxStructureDepth);
		if (typeof walk === 'string') return failure(walk);
		let value: unknown;
		try {
			value = decoder.decode(input);
		} catch (e) {
			return failure(`invalid CBOR: ${e instanceof Error ? e.message : String(e)}`);
		}
		return { kind: 'tree', value: toTree(value) };
	},
	encode(next, original) {
		let value: unknown;
		try {
			value = decoder.decode(original);
		} catch (e) {
			return failure(`the original is not CBOR: ${e instanceof Error ? e.message : String(e)}`);
		}
		const patched = patchValue(value, next, toTree);
		if (isFailureValue(patched)) return patched;
		return encoder.encode(patched);
	}
};

const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, pack: false, useFloat32: 0, tagUint8Array: false } as ConstructorParameters<typeof Encoder>[0]);
