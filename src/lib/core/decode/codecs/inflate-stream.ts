/**
 * DEFLATE (raw, or the members of a gzip file) through pako's streaming inflater. It hands its output
 * over in fresh chunks of a fixed size, so the sink counts each chunk against the budget and stops a
 * bomb at most one chunk past its allowance; the input goes in slices so the clock is read between
 * them as well. zlib counts the input it consumed, so where each stream ends is known: a gzip
 * member's trailer, the next member and any bytes after the data are found where they really are.
 */
import { Inflate, ZStream, zlibInflate, zlibInflateInit2, zlibInflateReset } from 'pako';
import type { DecodeContext } from '../codec';
import { BoundedSink } from './bounded-sink';

/** Input fed per push: the clock is read at least this often. */
const INPUT_SLICE = 1 << 20;
/** Output chunk sizes: large chunks are faster, small ones waste less on small streams. */
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 256 * 1024;
/** zlib's status for "input ended before the stream did" when the last input was pushed. */
const Z_BUF_ERROR = -5;
const GZIP_TRAILER = 8;

export interface InflateOutcome {
	/** The output, recorded against the budget when taken (a failed decode costs the budget nothing). */
	take(): Uint8Array;
	/** Bytes produced. */
	size: number;
	/** The input ended before the stream did: the output is the readable prefix. */
	truncated: boolean;
	/** The library's complaint when the data is not valid DEFLATE. */
	error: string | null;
	/** gzip: where each member's output ends and the input offset of its trailer (which may be cut short). */
	members: Array<{ outputEnd: number; trailerAt: number }>;
	/** Input offset just past the data: the end of the DEFLATE stream (raw), or of the last member's trailer (gzip). */
	end: number;
}

type StreamEnd = { kind: 'end'; consumed: number } | { kind: 'truncated' } | { kind: 'error'; message: string };

/** Inflates `data` as raw DEFLATE or as (possibly multi-member) gzip. Throws LimitExceeded for bombs. */
export function inflateBounded(data: Uint8Array, format: 'raw' | 'gzip', ctx: DecodeContext, inputLength = data.length): InflateOutcome {
	const sink = new BoundedSink(ctx, inputLength);
	const members: InflateOutcome['members'] = [];
	let error: string | null = null;
	let truncated = false;
	let end = 0;
	let at = 0;
	for (;;) {
		const start = format === 'gzip' ? gzipDataStart(data, at) : at;
		if (start === null) {
			truncated = true;
			break;
		}
		const stream = inflateRaw(data, start, sink, ctx);
		if (stream.kind !== 'end') {
			if (stream.kind === 'truncated') truncated = true;
			else error = stream.message;
			break;
		}
		end = start + stream.consumed;
		if (format === 'raw') break;
		members.push({ outputEnd: sink.size, trailerAt: end });
		end = Math.min(data.length, end + GZIP_TRAILER);
		at = end;
		// Another member follows only where its magic bytes are; anything else is left for the caller to name.
		if (!startsGzipMember(data, at)) break;
	}
	return { take: () => sink.finish(), size: sink.size, truncated, error, members, end };
}

function inflateRaw(data: Uint8Array, from: number, sink: BoundedSink, ctx: DecodeContext): StreamEnd {
	const inflater = new Inflate({ raw: true, chunkSize: chunkSizeFor(data.length - from) });
	let stream: ZStream | null = null;
	inflater.onStart = (s) => {
		stream = s;
	};
	// Each chunk is a new array (pako allocates the next one), so the sink may keep it as it is.
	inflater.onData = (chunk) => {
		sink.push(chunk);
		ctx.budget.checkTime();
	};
	// pako's own handler would join the chunks a second time.
	inflater.onEnd = () => {};
	let at = from;
	do {
		const next = Math.min(data.length, at + INPUT_SLICE);
		inflater.push(data.subarray(at, next), next === data.length);
		at = next;
		ctx.budget.checkTime();
	} while (at < data.length && !inflater.ended);
	if (inflater.err === 0 && inflater.ended) return { kind: 'end', consumed: (stream as ZStream | null)?.total_in ?? 0 };
	if (inflater.err === Z_BUF_ERROR) return { kind: 'truncated' };
	return { kind: 'error', message: inflater.msg };
}

/** What follows a stream's data, in a few words: padding is common (tape blocks, fixed-size buffers). */
export function afterTheData(rest: Uint8Array): string {
	const n = rest.length.toLocaleString('en-US');
	const plural = rest.length === 1 ? '' : 's';
	return rest.every((b) => b === 0) ? `${n} zero byte${plural} of padding` : `${n} other byte${plural}`;
}

/** zlib's status for a stream that reached its end. */
const Z_STREAM_END = 1;
const Z_FINISH = 4;
/** One raw-DEFLATE state, reset for each small input: setting one up costs more than a small body's decode. */
let shared: ZStream | null = null;

/**
 * Inflates raw DEFLATE in one call into `out`, which bounds the work: zlib stops when `out` is full, so a
 * stream that lies about its size costs at most `out.length` bytes of decoding. Returns how many input
 * bytes the stream took and how many it wrote, or null unless the stream ended (complete, in `out`).
 */
export function inflateRawInto(deflate: Uint8Array, out: Uint8Array): { consumed: number; produced: number } | null {
	const stream = resetShared();
	stream.input = deflate;
	stream.next_in = 0;
	stream.avail_in = deflate.length;
	stream.output = out as Uint8Array<ArrayBuffer>;
	stream.next_out = 0;
	stream.avail_out = out.length;
	const status = zlibInflate(stream, Z_FINISH);
	const result = status === Z_STREAM_END ? { consumed: stream.next_in, produced: stream.next_out } : null;
	// The shared state must not keep a body alive.
	stream.input = EMPTY;
	stream.output = EMPTY;
	return result;
}

const EMPTY = new Uint8Array(0);
/** Where a probe's output goes: its bytes are never read. */
const PROBE_OUTPUT = new Uint8Array(64 * 1024);
const Z_SYNC_FLUSH = 2;
const Z_DATA_ERROR = -3;

/**
 * Whether the start of `bytes` reads as raw DEFLATE: no error in its first `probe` bytes (and, when
 * that is the whole input, a stream that ends there). For sniffing data that has no magic bytes.
 */
export function startsAsRawDeflate(bytes: Uint8Array, probe: number): boolean {
	const stream = resetShared();
	const whole = bytes.length <= probe;
	stream.input = whole ? bytes : bytes.subarray(0, probe);
	stream.next_in = 0;
	stream.avail_in = stream.input.length;
	stream.output = PROBE_OUTPUT;
	stream.next_out = 0;
	stream.avail_out = PROBE_OUTPUT.length;
	const status = zlibInflate(stream, whole ? Z_FINISH : Z_SYNC_FLUSH);
	stream.input = EMPTY;
	stream.output = EMPTY;
	// A whole input must be a whole stream; a prefix only has to be free of errors so far.
	return whole ? status === Z_STREAM_END : status !== Z_DATA_ERROR;
}

function resetShared(): ZStream {
	if (shared === null) {
		shared = new ZStream();
		zlibInflateInit2(shared, -15);
	} else zlibInflateReset(shared);
	return shared;
}

function chunkSizeFor(inputLeft: number): number {
	let size = MIN_CHUNK;
	while (size < MAX_CHUNK && size < inputLeft * 4) size *= 2;
	return size;
}

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

function startsGzipMember(data: Uint8Array, at: number): boolean {
	return data.length - at >= 3 && data[at] === 0x1f && data[at + 1] === 0x8b && data[at + 2] === 8;
}

/**
 * Where the DEFLATE data of the gzip member at `at` starts (RFC 1952 header: fixed 10 bytes, then the
 * optional extra field, name, comment and header CRC), or null when the header is cut short. The
 * caller has checked the magic bytes.
 */
function gzipDataStart(data: Uint8Array, at: number): number | null {
	if (data.length - at < 10) return null;
	const flags = data[at + 3]!;
	let p = at + 10;
	if (flags & FEXTRA) {
		if (p + 2 > data.length) return null;
		p += 2 + (data[p]! | (data[p + 1]! << 8));
	}
	for (const field of [FNAME, FCOMMENT]) {
		if (!(flags & field)) continue;
		const zero = data.indexOf(0, p);
		if (zero < 0) return null;
		p = zero + 1;
	}
	if (flags & FHCRC) p += 2;
	return p > data.length ? null : p;
}
