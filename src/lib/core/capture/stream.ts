/**
 * Streaming reader for large captures: chunks are pushed through the same pipeline as `readCapture`, so a
 * HAR is parsed entry by entry and never becomes one string. The worker passes `file.stream()`, the command
 * line a Node read stream; both are async iterables of bytes.
 */
import type { Capture, Exchange } from '../model';
import { InputError, isInputError } from '../errors';
import { createCaptureSink, type CaptureSink } from './pipeline';
import { PartialCaptureError, count, plural } from './capture-error';

export interface StreamOptions {
	name: string;
	/** Total bytes when known, for progress and messages. */
	size?: number;
	maxInputBytes?: number;
	/** Each exchange as soon as it is read, instead of keeping it (see PipelineOptions.onExchange). */
	onExchange?: (exchange: Exchange) => void;
	/** After every chunk: bytes read from the source so far, and HAR entries read so far. */
	onProgress?: (bytesRead: number, entries: number) => void;
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export async function readCaptureStream(source: ByteSource, options: StreamOptions): Promise<Capture> {
	const sink = createCaptureSink({
		name: options.name,
		...(options.size !== undefined ? { size: options.size } : {}),
		...(options.maxInputBytes ? { maxInputBytes: options.maxInputBytes } : {}),
		...(options.onExchange ? { onExchange: options.onExchange } : {})
	});
	let bytesRead = 0;
	const chunks = iterate(source);
	for (;;) {
		let next: IteratorResult<Uint8Array>;
		try {
			next = await chunks.next();
		} catch (error) {
			throw sourceFailure(options.name, bytesRead, error, sink);
		}
		if (next.done) break;
		try {
			// Node streams give Buffers; a plain view keeps the core free of Node types.
			const chunk = next.value;
			const bytes = chunk instanceof Uint8Array && chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			bytesRead += bytes.length;
			sink.push(bytes);
			options.onProgress?.(bytesRead, sink.entries);
		} catch (error) {
			// Stop the source too (closes the file, releases the stream's lock), as a for-await loop would.
			await chunks.return(undefined).catch(() => undefined);
			throw error;
		}
	}
	const capture = sink.finish();
	options.onProgress?.(bytesRead, capture.exchanges.length);
	return capture;
}

/**
 * The file could not be read any further (a disk error, a file removed or changed while it was read, a network
 * drive gone): the user's environment, not a bug, so an InputError that keeps whatever was read before.
 */
function sourceFailure(name: string, bytesRead: number, error: unknown, sink: CaptureSink): unknown {
	// A source aborted on purpose (an AbortSignal on the stream) is not a read failure.
	if (isInputError(error) || (error instanceof Error && error.name === 'AbortError')) return error;
	const reason = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.trim() || 'unknown error';
	const message = `could not read ${name} after ${plural(bytesRead, 'byte')}: ${reason}`;
	const partial = sink.partial();
	if (partial && partial.exchanges.length > 0) {
		const n = partial.exchanges.length;
		return new PartialCaptureError(`${message} — ${plural(n, 'complete entry', 'complete entries')} ${n === 1 ? 'was' : 'were'} read`, `byte ${count(bytesRead)}`, partial);
	}
	return new InputError(message, `byte ${count(bytesRead)}`);
}

async function* iterate(source: ByteSource): AsyncGenerator<Uint8Array> {
	if (Symbol.asyncIterator in source) {
		yield* source as AsyncIterable<Uint8Array>;
		return;
	}
	const reader = (source as ReadableStream<Uint8Array>).getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			if (value) yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
