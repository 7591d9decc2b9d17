/**
 * The capture-reader contract. A format is one file that exports a reader and one line in readers.ts; the
 * pipeline (pipeline.ts) asks the readers in order which of them the content is, then feeds that reader.
 */
import type { Capture, Exchange } from '../model';
import type { Wrapper } from './wrappers';

/** How many bytes of (unwrapped) input are looked at to pick a reader. */
export const SNIFF_BYTES = 64 * 1024;

interface ReaderBase<Id extends string> {
	readonly id: Id;
	/**
	 * Whether text that starts with `start` (the first 64 KiB, byte-order mark removed, leading white space
	 * trimmed) is this format. Cheap: a prefix or a pattern, never a parse.
	 */
	sniff(start: string): boolean;
}

/** A reader that needs the whole input: the bytes are collected and handed over at the end. */
export interface WholeCaptureReader<Id extends string = string> extends ReaderBase<Id> {
	readonly reads: 'whole';
	read(name: string, bytes: Uint8Array): Capture;
}

/** A reader that parses while the bytes arrive (large files never become one string). */
export interface StreamingCaptureReader<Id extends string = string> extends ReaderBase<Id> {
	readonly reads: 'stream';
	open(options: { name: string; wrapper: Wrapper | null; onExchange?: (exchange: Exchange) => void }): CaptureStream;
}

export interface CaptureStream {
	push(chunk: Uint8Array): void;
	finish(): Capture;
	/** Exchanges read so far. */
	readonly entriesRead: number;
	/** What was read so far, for a partial result when reading cannot go on. */
	capture(): Capture;
}

export type CaptureReader<Id extends string = string> = WholeCaptureReader<Id> | StreamingCaptureReader<Id>;

const lenientUtf8 = new TextDecoder('utf-8');

/** Text formats (curl, Burp XML) are read as UTF-8 with bad bytes replaced, without a byte-order mark. */
export function lenientText(bytes: Uint8Array): string {
	return lenientUtf8.decode(bytes).replace(/^\ufeff/, '');
}
