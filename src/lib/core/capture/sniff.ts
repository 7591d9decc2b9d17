/** Reads a capture held in memory: the same pipeline as the streaming reader, fed in one piece. */
import type { Capture } from '../model';
import { createCaptureSink } from './pipeline';

export { formatOfText, wrapperOf } from './formats';

export interface CaptureInput {
	name: string;
	bytes: Uint8Array;
	/** Largest input accepted, before and after unpacking (defaults to the Budget's maxInputBytes). */
	maxInputBytes?: number;
}

/**
 * Sniffs the format from the content (gzip / zlib / zip wrappers, HAR, raw HTTP, curl, Burp XML, else a bare
 * payload) and reads it. Throws InputError (PartialCaptureError when some exchanges were read) for bad input.
 */
export function readCapture({ name, bytes, maxInputBytes }: CaptureInput): Capture {
	const sink = createCaptureSink({ name, size: bytes.length, ...(maxInputBytes ? { maxInputBytes } : {}) });
	sink.push(bytes);
	return sink.finish();
}
