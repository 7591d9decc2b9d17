/**
 * Streaming reader for large captures: chunks are pushed through the same pipeline as `readCapture`, so a
 * HAR is parsed entry by entry and never becomes one string. The worker passes `file.stream()`, the command
 * line a Node read stream; both are async iterables of bytes.
 */
import type { Capture } from '../model';
import { CancelledError } from '../errors';
import { createCaptureSink } from './pipeline';

export interface StreamOptions {
	name: string;
	/** Total bytes when known, for progress and messages. */
	size?: number;
	maxInputBytes?: number;
	/** After every chunk: bytes read from the source so far, and HAR entries read so far. */
	onProgress?: (bytesRead: number, entries: number) => void;
	/** Checked after every chunk; true stops reading with CancelledError. */
	isCancelled?: () => boolean;
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export async function readCaptureStream(source: ByteSource, options: StreamOptions): Promise<Capture> {
	const sink = createCaptureSink({
		name: options.name,
		...(options.size !== undefined ? { size: options.size } : {}),
		...(options.maxInputBytes ? { maxInputBytes: options.maxInputBytes } : {})
	});
	let bytesRead = 0;
	for await (const chunk of iterate(source)) {
		if (options.isCancelled?.()) throw new CancelledError();
		// Node streams give Buffers; a plain view keeps the core free of Node types.
		const bytes = chunk instanceof Uint8Array && chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		bytesRead += bytes.length;
		sink.push(bytes);
		options.onProgress?.(bytesRead, sink.entries);
	}
	if (options.isCancelled?.()) throw new CancelledError();
	const capture = sink.finish();
	options.onProgress?.(bytesRead, capture.exchanges.length);
	return capture;
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
