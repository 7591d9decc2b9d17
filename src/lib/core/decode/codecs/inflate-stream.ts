/**
 * DEFLATE (raw, or inside gzip members) through fflate's streaming decoders, fed in slices so the output
 * can be checked against the budget after every slice: one slice of DEFLATE expands at most about 1032×,
 * so a bomb is stopped a few MiB past its allowance instead of at its full size.
 *
 * Slices are whole multiples of SLICE bytes, as large as the allowance left can absorb even if every
 * byte expanded 1032× (fflate's per-push overhead — a 32 KiB window copy, output copies — dominates
 * with small slices). Near the allowance they shrink back to SLICE, so the output first passes the
 * allowance at the same slice boundary, with the same size, as with SLICE-byte slices throughout.
 */
import { Gunzip, Inflate } from 'fflate';
import { LimitExceeded } from '../../limits';
import type { DecodeContext } from '../codec';
import { BoundedSink } from './bounded-sink';

const SLICE = 4096;
/** The most one slice may be, however much allowance is left. */
const MAX_SLICE = 64 * SLICE;
/** DEFLATE's largest expansion per input byte, plus one held-back match of 258 bytes per push. */
const MAX_EXPANSION = 1032;
const HELD_BACK = 1024;

export interface InflateOutcome {
	/** The output, recorded against the budget when taken (a failed decode costs the budget nothing). */
	take(): Uint8Array;
	/** Bytes produced. */
	size: number;
	/** The stream ended before its last block: the output is the readable prefix. */
	truncated: boolean;
	/** The library's complaint when the data is not valid DEFLATE. */
	error: string | null;
	/** Output offsets where each gzip member ends and the input offset of its trailer (gzip only). */
	members: Array<{ outputEnd: number; trailerAt: number }>;
}

/** Inflates `data` as raw DEFLATE or as (possibly multi-member) gzip. Throws LimitExceeded for bombs. */
export function inflateBounded(data: Uint8Array, format: 'raw' | 'gzip', ctx: DecodeContext, inputLength = data.length): InflateOutcome {
	const sink = new BoundedSink(ctx, inputLength);
	const members: InflateOutcome['members'] = [];
	const onData = (chunk: Uint8Array) => sink.push(chunk);
	const stream = format === 'gzip' ? new Gunzip(onData) : new Inflate(onData);
	if (stream instanceof Gunzip) {
		// Called when the next member's header is read: the previous member's trailer is the 8 bytes before it.
		stream.onmember = (offset: number) => members.push({ outputEnd: sink.size, trailerAt: offset - 8 });
	}
	let error: string | null = null;
	let truncated = false;
	try {
		for (let at = 0; at < data.length; ) {
			const room = Math.floor((sink.remaining - HELD_BACK) / MAX_EXPANSION / SLICE) * SLICE;
			const slice = Math.min(MAX_SLICE, Math.max(SLICE, room));
			stream.push(data.subarray(at, at + slice), false);
			at += slice;
			ctx.budget.checkTime();
		}
		stream.push(new Uint8Array(0), true);
	} catch (e) {
		if (!(e instanceof Error) || e instanceof LimitExceeded) throw e;
		if (/unexpected EOF/i.test(e.message)) truncated = true;
		else error = e.message;
	}
	if (format === 'gzip') members.push({ outputEnd: sink.size, trailerAt: data.length - 8 });
	return { take: () => sink.finish(), size: sink.size, truncated, error, members };
}
