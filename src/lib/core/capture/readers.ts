/**
 * Every capture format Telltale reads, in the order their sniffs are asked. Adding a format: one file that
 * exports a CaptureReader, and one line here.
 */
import { harReader } from './har';
import { httpReader } from './http';
import { curlReader } from './curl';
import { burpReader } from './burp';
import { payloadReader } from './payload';
import type { CaptureReader } from './reader';

export const CAPTURE_READERS = [harReader, httpReader, curlReader, burpReader] as const satisfies readonly CaptureReader[];

/** What no reader claims is a bare payload. */
export const FALLBACK_READER = payloadReader;

/** A format's id, as reports name it (`input.format`). */
export type CaptureFormat = (typeof CAPTURE_READERS)[number]['id'] | (typeof FALLBACK_READER)['id'];

export function readerFor(format: CaptureFormat): CaptureReader<CaptureFormat> {
	return CAPTURE_READERS.find((reader) => reader.id === format) ?? FALLBACK_READER;
}
