import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { isPartialCaptureError, PartialCaptureError } from '../../../src/lib/core/capture/capture-error';
import { isInputError } from '../../../src/lib/core/errors';
import { caught, fixture, readInChunks } from './helpers';
import { readCaptureStream } from '../../../src/lib/core/capture/stream';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('malformed input gets one clear, located message', () => {
	it.each([
		['empty.har', fixture('capture/empty.har'), 'empty.har is empty'],
		['spaces.txt', enc('  \n\t '), 'spaces.txt holds only white space'],
		['garbage.bin', fixture('capture/garbage.bin'), 'Not a capture: garbage.bin is 4.0 KiB of binary data with no recognisable format (7.96 bits/byte: random, encrypted or compressed)'],
		['photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'Not a capture: photo.png is a PNG image (12 B)'],
		['telltale', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0xc3, 0x28, 0x80, 0xff]), 'Not a capture: telltale is an ELF executable (12 B)'],
		['not-json.har', fixture('capture/not-json.har'), 'Not a HAR file: not-json.har is not JSON (it starts with `<!DOCTYPE html>`)'],
		['not-a-har.har', fixture('capture/not-a-har.har'), 'Not a HAR file: `log` is missing'],
		['no-entries-key.har', fixture('capture/no-entries-key.har'), 'Not a HAR file: `log.entries` is missing'],
		['zero-entries.har', fixture('capture/zero-entries.har'), 'The HAR has no entries'],
		['log-is-a-string.json', enc('{"log": {"entries": "none"}}'), 'Not a HAR file: `log.entries` is not a list'],
		['list.har', enc('[{"log": {}}]'), 'Not a HAR file: it is a JSON list, not an object with `log`'],
		['truncated.har', fixture('capture/truncated.har'), 'The HAR ends unexpectedly at byte 3,149 (inside entry 3): the file is truncated — 2 complete entries were read'],
		['bad-json-entry.har', fixture('capture/bad-json-entry.har'), 'The HAR is not valid JSON at byte 99 (inside entry 2): unexpected `}` where a quoted property name should be — 1 complete entry was read'],
		['mismatch.har', enc('{"log":{"entries":[{"a":1}}}'), 'The HAR is not valid JSON at byte 26: `}` does not close the open list `[` — 1 complete entry was read'],
		['cut.zhar', zlibSync(fixture('capture/quirks.har')).subarray(0, 700), 'The zlib (.zhar) file cut.zhar ends unexpectedly: the file is truncated — 0 complete entries were read'],
		['notes.zip', zipOf({ 'notes.txt': 'hi' }), 'The zip file notes.zip holds no HAR file (it holds notes.txt)'],
	])('%s', (name, bytes, message) => {
		const error = caught(() => readCapture({ name, bytes }));
		expect(isInputError(error)).toBe(true);
		expect(error.message).toBe(message);
		expect(error.message).not.toContain('\n');
	});

	it('from a stream of unknown length, says how much was read rather than calling that the size', async () => {
		const random = new Uint8Array(200 * 1024).map((_, i) => (Math.imul(i + 1, 2654435761) >>> 13) & 0xff);
		async function* stdin(): AsyncGenerator<Uint8Array> {
			for (let i = 0; i < random.length; i += 64 * 1024) yield random.slice(i, i + 64 * 1024);
		}
		const error = (await readCaptureStream(stdin(), { name: 'stdin' }).catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/^Not a capture: stdin is at least 64 KiB of binary data with no recognisable format/);
	});

	it('keeps the complete entries of a truncated HAR, the same when streamed', async () => {
		const bytes = fixture('capture/truncated.har');
		const error = caught(() => readCapture({ name: 'truncated.har', bytes }));
		expect(error).toBeInstanceOf(PartialCaptureError);
		expect(isPartialCaptureError(error)).toBe(true);
		const partial = (error as PartialCaptureError).partial;
		expect(partial.exchanges.map((e) => e.host)).toEqual(['sa.example.com', 'upload.example.net']);
		const streamed = await readInChunks('truncated.har', bytes, [5, 77]).catch((e: unknown) => e);
		expect((streamed as Error).message).toBe(error.message);
		expect((streamed as PartialCaptureError).partial).toEqual(partial);
	});
});

import { zipSync, strToU8 } from 'fflate';
function zipOf(files: Record<string, string>): Uint8Array {
	return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
