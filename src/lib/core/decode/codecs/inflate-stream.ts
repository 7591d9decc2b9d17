/**
 * DEFLATE (raw, or inside gzip members) through fflate's streaming decoders, fed in small slices so the
 * output can be checked against the budget after every slice: one slice of DEFLATE expands at most
 * about 1032×, so a bomb is stopped a few MiB past its allowance instead of at its full size.
 */
import { Gunzip, Inflate } from 'fflate';
import { LimitExceeded } from '../../limits';
import type { DecodeContext } from '../codec';
import { BoundedSink } from './bounded-sink';

const SLICE = 4096;

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
		for (let at = 0; at < data.length; at += SLICE) {
			stream.push(data.subarray(at, at + SLICE), false);
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
